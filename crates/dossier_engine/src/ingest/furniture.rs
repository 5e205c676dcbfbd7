//! Page furniture as data: every line a news page adds around an article (buttons, stamps, labels,
//! newsletter and comment-area prompts, footers) is one named [`Rule`] in [`RULES`], with the lines
//! it must and must not match. A new outlet's furniture is one more entry.
//!
//! Rules see one cleaned line (see `text::clean_line`) and are tried in order; the first
//! match wins.

use super::dates;
use super::text::{ends_sentence, word_count};

/// What a furniture line means for the article around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Pure furniture: remove the line.
    Drop,
    /// A footer begins: this line and the rest of the article are furniture.
    EndOfArticle,
    /// The reader-comment area begins: later non-furniture lines are comments.
    CommentArea,
    /// A label saying what kind of article this is ("Press Release").
    Kind(&'static str),
    /// The captured text is the byline.
    Byline,
    /// The captured text is a date stamp (absolute or relative).
    Stamp,
    /// The captured text names the publisher.
    Source,
}

/// How a rule recognises its line (case-insensitive throughout).
#[derive(Debug, Clone, Copy)]
pub enum Pattern {
    /// The whole line is this text.
    Line(&'static str),
    /// The line starts with this text; the rest is captured.
    Prefix(&'static str),
    /// Like `Prefix`, but the whole line is short (at most `max_words`) and is not a sentence.
    ShortPrefix {
        prefix: &'static str,
        max_words: usize,
    },
    /// A byline: like `ShortPrefix`, but a job title after a comma ("By Jane Doe, Political
    /// Editor") is left out of the capture, which is the name alone: the byline field lists
    /// names, and the title would read as a second author.
    Byline {
        prefix: &'static str,
        max_words: usize,
    },
    /// The line starts with this text and the rest is a date (absolute or relative); the rest is
    /// captured.
    DatePrefix(&'static str),
    /// A named shape test; the whole line is captured.
    Shape(fn(&str) -> bool),
}

/// One piece of furniture.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable name, for tests and notes.
    pub name: &'static str,
    pub pattern: Pattern,
    pub action: Action,
    /// Lines this rule must match (checked by a test).
    pub examples: &'static [&'static str],
    /// Lines this rule must not match (checked by a test).
    pub counter_examples: &'static [&'static str],
}

/// The furniture table, tried in order.
pub const RULES: &[Rule] = &[
    Rule {
        name: "date-only-line",
        pattern: Pattern::Shape(is_date_only),
        action: Action::Stamp,
        examples: &["23 January 2023 19:05", "June 20, 2024", "2024-06-20"],
        counter_examples: &["86-23-01-2023", "On June 20, 2024 the council met."],
    },
    Rule {
        name: "updated-stamp",
        pattern: Pattern::DatePrefix("updated"),
        action: Action::Stamp,
        examples: &[
            "Updated 17 December 2024",
            "Updated 13 sec ago",
            "Updated: June 20, 2024",
        ],
        counter_examples: &["Updated figures show a rise in crime."],
    },
    Rule {
        name: "last-updated-stamp",
        pattern: Pattern::DatePrefix("last updated"),
        action: Action::Stamp,
        examples: &["Last updated 2 hours ago"],
        counter_examples: &["Last updated rules apply."],
    },
    Rule {
        name: "published-stamp",
        pattern: Pattern::DatePrefix("published"),
        action: Action::Stamp,
        examples: &["Published: 24 April 2025", "Published on June 20, 2024"],
        counter_examples: &["Published reports say otherwise."],
    },
    Rule {
        name: "posted-stamp",
        pattern: Pattern::DatePrefix("posted"),
        action: Action::Stamp,
        examples: &["Posted on 3 March 2021"],
        counter_examples: &["Posted guards stood outside."],
    },
    Rule {
        name: "short-url-button",
        pattern: Pattern::Line("short url"),
        action: Action::Drop,
        examples: &["Short Url", "SHORT URL"],
        counter_examples: &["Short Url shorteners are popular"],
    },
    Rule {
        name: "follow-button",
        pattern: Pattern::Line("follow"),
        action: Action::Drop,
        examples: &["Follow"],
        counter_examples: &["Follow the money."],
    },
    Rule {
        name: "share-buttons",
        pattern: Pattern::Shape(is_share_buttons),
        action: Action::Drop,
        examples: &[
            "Share",
            "Share this article",
            "Share this story",
            "Print",
            "Email",
        ],
        counter_examples: &["Share prices fell."],
    },
    Rule {
        name: "social-follow-prompt",
        pattern: Pattern::Shape(is_social_prompt),
        action: Action::Drop,
        examples: &[
            "Follow us on Twitter",
            "Follow us on X.",
            "Follow us on Facebook, Instagram and YouTube",
            "Follow us on Google News",
            "Follow The Daily Ledger on Twitter",
            "Follow @DailyLedger",
            "Follow us @dawn_com and @dawnnews",
            "Like us on Facebook",
            "Find us on Instagram!",
            "Join us on WhatsApp",
            "Share this article on Facebook",
            "Share on WhatsApp",
            "Follow us on Twitter @FrontierPost for the latest updates.",
            "Like us on Facebook for more news",
        ],
        counter_examples: &[
            "Follow the money.",
            "Follow us on Twitter, the minister told supporters at the rally.",
            "He asked people to follow us on Twitter.",
            "Follow us on Twitter for updates, the police said.",
            "Follow the minister on X, he said.",
            "Share prices fell on Facebook's results.",
            "Like us, they want peace.",
        ],
    },
    Rule {
        name: "share-row",
        pattern: Pattern::Shape(is_share_row),
        action: Action::Drop,
        examples: &[
            "Share this: Facebook Twitter",
            "Share this article: Facebook Twitter WhatsApp Email",
            "Share: Facebook, X, LinkedIn",
            "Facebook Twitter Email",
        ],
        counter_examples: &[
            "Share this: the minister's plan on Facebook",
            "Share prices: Facebook fell",
            "Facebook",
            "Facebook and Twitter fined",
        ],
    },
    Rule {
        name: "navigation-bar",
        pattern: Pattern::Shape(is_navigation_bar),
        action: Action::Drop,
        examples: &[
            "Home | News | Sport | Business | Opinion",
            "About us | Contact | Privacy",
            "Home | World | Middle East",
        ],
        counter_examples: &[
            "Chile passes lithium bill | The Andean Post",
            "| Year | Exports | Imports |",
            "Year | 2023 | 2024",
            "Votes were split: yes | no | abstain, the clerk said.",
        ],
    },
    Rule {
        name: "skip-link",
        pattern: Pattern::Shape(is_skip_link),
        action: Action::Drop,
        examples: &["Skip to main content", "Skip to content", "Jump to navigation"],
        counter_examples: &["Skip to the end of the queue, he said."],
    },
    Rule {
        name: "cookie-consent",
        pattern: Pattern::Shape(is_cookie_consent),
        action: Action::Drop,
        examples: &[
            "Accept cookies",
            "Accept all cookies",
            "Cookie settings",
            "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            "This website uses cookies.",
            "We use cookies. Accept | Manage",
        ],
        counter_examples: &[
            "Accept cookies from strangers at your peril, police warned.",
            "Bakers said we use cookies as a measure of demand.",
            "We use cookies in the recipe, and the judges accepted them as a cake.",
        ],
    },
    Rule {
        name: "advertisement-label",
        pattern: Pattern::Shape(is_advertisement_label),
        action: Action::Drop,
        examples: &[
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "Scroll to continue with content",
        ],
        counter_examples: &["Advertisement spending rose 4% in 2024."],
    },
    Rule {
        name: "copyright-line",
        pattern: Pattern::Shape(is_copyright_line),
        action: Action::Drop,
        examples: &[
            "© 2024 Example News. All rights reserved.",
            "Copyright © 2024 The Andean Post",
            "Copyright 2023 Example Media Ltd",
            "All rights reserved.",
        ],
        counter_examples: &[
            "Copyright lawsuits rose sharply in 2024, lawyers said.",
            "Copyright 2023 was a record year for the courts, the report said.",
            "The label said all rights reserved by the estate would lapse in 2030.",
        ],
    },
    Rule {
        name: "most-read-footer",
        pattern: Pattern::Shape(is_most_read_footer),
        action: Action::EndOfArticle,
        examples: &["Most read", "Most Popular", "Trending now", "Most viewed"],
        counter_examples: &["Most read the report before the vote."],
    },
    Rule {
        name: "site-editions-menu",
        pattern: Pattern::Line("global editions"),
        action: Action::Drop,
        examples: &["Global Editions"],
        counter_examples: &["Global Editions of the paper are printed daily."],
    },
    Rule {
        name: "press-release-label",
        pattern: Pattern::Shape(is_press_release_label),
        action: Action::Kind("press-release"),
        examples: &["Press Release", "PRESS RELEASE", "For immediate release"],
        counter_examples: &[
            "Press release on the Fourth Session",
            "The press release said",
        ],
    },
    Rule {
        name: "byline",
        pattern: Pattern::Byline {
            prefix: "by ",
            max_words: 7,
        },
        action: Action::Byline,
        examples: &[
            "By Javed Mahmood",
            "by TR Pakistan",
            "By Dagny Aurell, Political Editor",
            "By Dagny Aurell and Tomasz Kereny, Staff Reporters",
        ],
        counter_examples: &[
            "By the end of the year, prices rose.",
            "Bystanders",
            "By Monday, talks resumed",
        ],
    },
    Rule {
        name: "written-by-byline",
        pattern: Pattern::Byline {
            prefix: "written by ",
            max_words: 8,
        },
        action: Action::Byline,
        examples: &["Written by Dagny Aurell"],
        counter_examples: &["Written by hand, the letter was hard to read."],
    },
    Rule {
        name: "source-line",
        pattern: Pattern::ShortPrefix {
            prefix: "source:",
            max_words: 8,
        },
        action: Action::Source,
        examples: &["Source: Reuters"],
        counter_examples: &["Sources said the talks failed."],
    },
    Rule {
        name: "read-more-link",
        pattern: Pattern::Prefix("read more:"),
        action: Action::Drop,
        examples: &["Read more: Examining the Cybercrime Law", "READ MORE: x"],
        counter_examples: &["Read more books, he said."],
    },
    Rule {
        name: "also-read-link",
        pattern: Pattern::Prefix("also read:"),
        action: Action::Drop,
        examples: &["Also read: Budget explained"],
        counter_examples: &["Also, read the fine print."],
    },
    Rule {
        name: "related-link",
        pattern: Pattern::Prefix("related:"),
        action: Action::Drop,
        examples: &["Related: Pakistan floods 2022: one year on"],
        counter_examples: &["Related stories were deleted."],
    },
    Rule {
        name: "related-posts-footer",
        pattern: Pattern::Shape(is_related_footer),
        action: Action::EndOfArticle,
        examples: &["Related posts", "Related Articles", "You may also like"],
        counter_examples: &["Related posts were deleted by the ministry."],
    },
    Rule {
        name: "newsletter-footer",
        pattern: Pattern::Line("newsletter"),
        action: Action::EndOfArticle,
        examples: &["NEWSLETTER", "Newsletter"],
        counter_examples: &["The newsletter was sent to 300 people."],
    },
    Rule {
        name: "mailing-list-prompt",
        pattern: Pattern::Shape(is_mailing_list_prompt),
        action: Action::Drop,
        examples: &[
            "Join the GlobalSecurity.org mailing list |",
            "Subscribe to our newsletter",
        ],
        counter_examples: &["Members can join the party's mailing list, officials said."],
    },
    Rule {
        name: "reaction-prompt",
        pattern: Pattern::Shape(is_reaction_prompt),
        action: Action::CommentArea,
        examples: &["Do you like this article?", "Was this article helpful?"],
        counter_examples: &["Do you like this plan? he asked the crowd."],
    },
    Rule {
        name: "comment-counter",
        pattern: Pattern::Shape(is_comment_counter),
        action: Action::CommentArea,
        examples: &["1 Comment(s)", "12 Comments", "0 comments", "Comments (3)"],
        counter_examples: &["1 comment was removed by moderators."],
    },
    Rule {
        name: "comment-policy",
        pattern: Pattern::Prefix("comment policy"),
        action: Action::CommentArea,
        examples: &["Comment Policy * Denotes required field 1500 / 1500"],
        counter_examples: &["The comment policy changed in May."],
    },
    Rule {
        name: "leave-a-comment",
        pattern: Pattern::Shape(is_leave_comment),
        action: Action::CommentArea,
        examples: &["Leave a Reply", "Leave a comment", "Add a comment"],
        counter_examples: &["Leave a reply to the minister, he said."],
    },
    Rule {
        name: "reply-button",
        pattern: Pattern::Line("reply"),
        action: Action::Drop,
        examples: &["Reply", "REPLY"],
        counter_examples: &["Reply to all"],
    },
    Rule {
        name: "separator-line",
        pattern: Pattern::Shape(is_separator),
        action: Action::Drop,
        examples: &["***", "|", "---", "• • •", "* * *"],
        counter_examples: &["- a list item", "|a|"],
    },
    Rule {
        name: "document-number",
        pattern: Pattern::Shape(is_document_number),
        action: Action::Drop,
        examples: &["86-23-01-2023", "2023/118"],
        counter_examples: &["No. 86", "86 people died"],
    },
];

/// A furniture match: the rule and the text it captured (the remainder after a prefix, or the
/// whole line for shape rules).
#[derive(Debug, Clone, Copy)]
pub struct Match<'a> {
    pub rule: &'static Rule,
    pub captured: &'a str,
}

/// The first rule matching `line` (a cleaned line), if any.
pub fn classify(line: &str) -> Option<Match<'_>> {
    // A menu or a share bar in a list is furniture as much as in a paragraph.
    let line = crate::article::list_item(line).unwrap_or(line);
    RULES
        .iter()
        .find_map(|rule| matches(rule.pattern, line).map(|captured| Match { rule, captured }))
}

/// "By Jane Doe | March 3, 2024": a byline and, after a `|`, `·`, `•`, dash or comma, the date
/// (or a stamp such as "Updated March 3, 2024"). Returns the name and the date's words.
pub fn byline_with_date(text: &str) -> Option<(&str, &str)> {
    if word_count(text) > 16 {
        return None;
    }
    let rest = strip_prefix_ignore_case(text, "by ")
        .or_else(|| strip_prefix_ignore_case(text, "written by "))?;
    let (at, separator) = [" | ", " · ", " • ", " – ", " — ", " - ", ", "]
        .into_iter()
        .filter_map(|separator| rest.find(separator).map(|at| (at, separator)))
        .min()?;
    let name = rest.get(..at)?.trim();
    let tail = rest.get(at.saturating_add(separator.len())..)?;
    if !(1..=6).contains(&word_count(name)) || ends_sentence(name) {
        return None;
    }
    tail.split(['|', '·', '•']).find_map(|part| {
        let part = part.trim();
        let words = match classify(part) {
            Some(found) if found.rule.action == Action::Stamp => found.captured,
            _ => part,
        };
        dates::parse_date(words).map(|_| (name, words))
    })
}

/// The byline that "By …" lines above the text give: the first of them, over the metadata's
/// author (README: "even when the metadata also names an author") and over later lines.
#[derive(Debug, Default)]
pub struct FirstByLine {
    read: bool,
}

impl FirstByLine {
    /// Sets `byline` to `name` if no "By …" line above the text has been read yet.
    pub fn read(&mut self, byline: &mut Option<String>, name: &str) {
        if !self.read {
            *byline = Some(name.to_string());
            self.read = true;
        }
    }
}

fn matches(pattern: Pattern, line: &str) -> Option<&str> {
    match pattern {
        Pattern::Line(text) => line.eq_ignore_ascii_case(text).then_some(line),
        Pattern::Prefix(prefix) => strip_prefix_ignore_case(line, prefix).map(str::trim),
        Pattern::ShortPrefix { prefix, max_words } => {
            let rest = strip_prefix_ignore_case(line, prefix)?.trim();
            let short = word_count(line) <= max_words && !ends_sentence(line);
            (short && !rest.is_empty() && !rest.contains(',')).then_some(rest)
        }
        Pattern::Byline { prefix, max_words } => {
            let rest = strip_prefix_ignore_case(line, prefix)?.trim();
            let name = match rest.rsplit_once(',') {
                Some((name, role)) if is_job_title(role) => name.trim(),
                _ => rest,
            };
            let short = word_count(prefix)
                .saturating_add(word_count(name))
                .le(&max_words)
                && !ends_sentence(line);
            (short && !name.is_empty() && !name.contains(',')).then_some(name)
        }
        Pattern::DatePrefix(prefix) => {
            let rest = strip_prefix_ignore_case(line, prefix)?;
            let rest = rest.trim_start_matches([':', ' ']);
            let rest = rest.strip_prefix("on ").unwrap_or(rest).trim();
            (dates::parse_date(rest).is_some() || dates::is_relative(rest)).then_some(rest)
        }
        Pattern::Shape(test) => test(line).then_some(line),
    }
}

/// "Political Editor", "Staff Reporters": a few words ending in a newsroom job.
fn is_job_title(text: &str) -> bool {
    const JOBS: &[&str] = &[
        "editor",
        "reporter",
        "correspondent",
        "writer",
        "journalist",
        "columnist",
        "contributor",
        "producer",
        "photographer",
        "analyst",
    ];
    let last = text.split_whitespace().last().unwrap_or_default();
    let last = last.to_lowercase();
    let last = last.strip_suffix('s').unwrap_or(&last);
    (1..=4).contains(&word_count(text)) && JOBS.contains(&last)
}

fn strip_prefix_ignore_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| line.get(prefix.len()..))
        .flatten()
}

fn lower_is_one_of(line: &str, options: &[&str]) -> bool {
    // Furniture lines are short: skip lower-casing whole paragraphs.
    let longest = options.iter().map(|o| o.len()).max().unwrap_or(0);
    if line.len() > longest.saturating_mul(2) {
        return false;
    }
    let lower = line.trim().to_lowercase();
    options.contains(&lower.as_str())
}

fn is_date_only(line: &str) -> bool {
    dates::parse_date(line).is_some()
}

fn is_share_buttons(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "share",
            "share this",
            "share this article",
            "share this story",
            "share this post",
            "print",
            "email",
            "tweet",
        ],
    )
}

/// Where a call to follow or share points: social networks (in lower case; "google news" is
/// read as one word).
const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "whatsapp",
    "telegram",
    "threads",
    "bluesky",
    "mastodon",
    "snapchat",
    "pinterest",
    "reddit",
    "google-news",
    "social-media",
    "email",
];

/// A whole short line calling the reader to follow or share: "Follow us on Twitter", "Follow
/// @DailyLedger", "Like us on Facebook", "Share this article on WhatsApp", "Follow The Daily
/// Ledger on X". The line must end in networks or handles, so a sentence that goes on ("Follow
/// us on Twitter, the minister said") is text.
fn is_social_prompt(line: &str) -> bool {
    if line.len() > 100 {
        return false;
    }
    let lower = line
        .trim_end_matches(['.', '!', ':', '|', ' '])
        .to_lowercase()
        .replace("google news", "google-news")
        .replace("social media", "social-media");
    // Words without the joins of a list ("Facebook, Instagram and YouTube"), lower-cased and as
    // written (for a capitalised name).
    let words: Vec<&str> = lower.split([' ', ',']).filter(is_listed_word).collect();
    let original: Vec<&str> = line.split([' ', ',']).filter(is_listed_word).collect();
    let rest = match words.as_slice() {
        ["follow", "us", rest @ ..]
        | ["like", "us", rest @ ..]
        | ["find", "us", rest @ ..]
        | ["join", "us", rest @ ..]
        | ["connect", "with", "us", rest @ ..]
        | ["share", "this", "article" | "story" | "post", rest @ ..]
        | ["share", rest @ ..] => rest,
        // "Follow The Daily Ledger on Twitter": a capitalised name of up to four words.
        ["follow", rest @ ..] => {
            let name = original
                .iter()
                .skip(1)
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .take(4)
                .count();
            rest.get(name..).unwrap_or_default()
        }
        _ => return false,
    };
    // "… for the latest updates": the prompt's reason, not more of a sentence.
    let rest = match rest.iter().position(|w| *w == "for") {
        Some(at)
            if rest.get(at + 1..).is_some_and(|why| {
                !why.is_empty() && why.iter().all(|w| PROMPT_REASONS.contains(w))
            }) =>
        {
            rest.get(..at).unwrap_or_default()
        }
        _ => rest,
    };
    let handles = !rest.is_empty() && rest.iter().all(|w| is_handle(w));
    let networks = match rest {
        ["on" | "at" | "via" | "to", networks @ ..] => {
            networks.iter().any(|w| SOCIAL_NETWORKS.contains(w))
                && networks
                    .iter()
                    .all(|w| SOCIAL_NETWORKS.contains(w) || is_handle(w))
        }
        _ => false,
    };
    handles || networks
}

/// The words of a follow prompt's reason ("for the latest updates", "for more news").
const PROMPT_REASONS: &[&str] = &[
    "the", "latest", "more", "news", "updates", "stories", "breaking", "alerts", "daily",
];

/// A word of a list, not the commas, "and", "or", "&", "|" or "/" between its items.
fn is_listed_word(word: &&str) -> bool {
    let join = ["and", "or", "&", "|", "/"]
        .iter()
        .any(|join| word.eq_ignore_ascii_case(join));
    !word.is_empty() && !join
}

/// "@DailyLedger", "@dawn_com".
fn is_handle(word: &str) -> bool {
    word.strip_prefix('@').is_some_and(|name| {
        !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// "Share this: Facebook Twitter": a share prompt then only networks, no "on" between.
fn is_share_row(line: &str) -> bool {
    if line.len() > 100 {
        return false;
    }
    let lower = line.to_lowercase();
    // A row of the buttons alone ("Facebook Twitter Email"): two or more networks, nothing else.
    let buttons: Vec<&str> = lower.split([' ', ',']).filter(is_listed_word).collect();
    if buttons.len() >= 2 && buttons.iter().all(|w| SOCIAL_NETWORKS.contains(w)) {
        return true;
    }
    let Some((prompt, targets)) = lower.split_once(':') else {
        return false;
    };
    let prompt = prompt.split_whitespace().collect::<Vec<_>>();
    let is_prompt = matches!(
        prompt.as_slice(),
        ["share"] | ["share", "this"] | ["share", "this", "article" | "story" | "post"]
    );
    let targets: Vec<&str> = targets
        .split([' ', ','])
        .filter(is_listed_word)
        .map(|w| w.trim_end_matches('.'))
        .collect();
    is_prompt && !targets.is_empty() && targets.iter().all(|w| SOCIAL_NETWORKS.contains(w))
}

/// A site's menu or footer links on one line: three or more short items between `|`
/// ("Home | News | Sport", "About us | Contact | Privacy"). Items are a few words without digits
/// or sentence ends, so a table row ("Year | 2023 | 2024") or a title with its site name (two
/// items) stays.
fn is_navigation_bar(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let items: Vec<&str> = line.split('|').map(str::trim).collect();
    let is_menu_item = |item: &&str| {
        (1..=3).contains(&word_count(item))
            && item.len() <= 30
            && item.chars().next().is_some_and(char::is_uppercase)
            && !item.chars().any(|c| c.is_ascii_digit())
            && !ends_sentence(item)
            && !item.ends_with([',', ':', ';'])
    };
    items.len() >= 3 && items.iter().all(is_menu_item)
}

/// "Skip to main content": a screen-reader link copied with the page.
fn is_skip_link(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "skip to content",
            "skip to main content",
            "skip to navigation",
            "skip to main navigation",
            "skip navigation",
            "jump to content",
            "jump to navigation",
            "jump to main content",
        ],
    )
}

/// A cookie banner's buttons ("Accept cookies") or its notice ("We use cookies to ...", at
/// most a few sentences).
fn is_cookie_consent(line: &str) -> bool {
    let button = lower_is_one_of(
        line,
        &[
            "accept cookies",
            "accept all cookies",
            "reject cookies",
            "reject all cookies",
            "manage cookies",
            "cookie settings",
            "cookie preferences",
            "cookies settings",
        ],
    );
    let lower = line.to_lowercase();
    let notice = word_count(line) <= 40
        && [
            "we use cookies",
            "this website uses cookies",
            "this site uses cookies",
        ]
        .iter()
        .any(|start| lower.starts_with(start))
        && (lower.contains("cookie polic")
            || lower.trim_end_matches('.').ends_with("cookies")
            || lower.contains("experience")
            // "We use cookies. Accept | Manage": the notice and its buttons.
            || (word_count(line) <= 8 && lower.contains("accept")));
    button || notice
}

/// An advertisement's label left where the advertisement was.
fn is_advertisement_label(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "advertisement",
            "advertisements",
            "advertising",
            "sponsored content",
            "story continues below advertisement",
            "article continues below advertisement",
            "continue reading below",
            "scroll to continue with content",
        ],
    )
}

/// "© 2024 Example News. All rights reserved.", "Copyright 2023 Example Media Ltd": a short line
/// opening with the copyright sign (or "Copyright" and the sign or a year, and no sentence
/// after it), or ending with "All rights reserved".
fn is_copyright_line(line: &str) -> bool {
    if word_count(line) > 15 {
        return false;
    }
    let lower = line.to_lowercase();
    let rest = lower.strip_prefix("copyright").map(str::trim_start);
    let opens = lower.starts_with('©')
        || lower.starts_with("(c) ")
        || rest.is_some_and(|rest| {
            rest.starts_with('©')
                || rest.starts_with("(c)")
                || (rest.starts_with(|c: char| c.is_ascii_digit()) && !ends_sentence(line))
        });
    let reserved = lower
        .trim_end_matches(['.', ' '])
        .ends_with("all rights reserved");
    opens || reserved
}

/// "Most read", "Trending now": the heading of a list of other stories.
fn is_most_read_footer(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "most read",
            "most popular",
            "most viewed",
            "most shared",
            "trending now",
            "popular now",
            "top stories",
        ],
    )
}

fn is_press_release_label(line: &str) -> bool {
    lower_is_one_of(
        line,
        &["press release", "for immediate release", "news release"],
    )
}

fn is_related_footer(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "related posts",
            "related articles",
            "related stories",
            "related news",
            "you may also like",
            "more stories",
        ],
    )
}

fn is_mailing_list_prompt(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let lower = line.trim_end_matches(['|', ' ']).to_lowercase();
    let prompt = lower.starts_with("join the") && lower.ends_with("mailing list");
    prompt || lower == "subscribe to our newsletter" || lower == "sign up for our newsletter"
}

fn is_reaction_prompt(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "do you like this article?",
            "was this article helpful?",
            "did you like this article?",
        ],
    )
}

/// "1 Comment(s)", "12 Comments", "Comments (3)".
fn is_comment_counter(line: &str) -> bool {
    if line.len() > 40 {
        return false;
    }
    let lower = line.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [count, word] if count.parse::<u32>().is_ok() => {
            matches!(*word, "comment" | "comments" | "comment(s)")
        }
        ["comments", count] => count.trim_matches(['(', ')']).parse::<u32>().is_ok(),
        _ => false,
    }
}

fn is_leave_comment(line: &str) -> bool {
    lower_is_one_of(
        line,
        &[
            "leave a reply",
            "leave a comment",
            "add a comment",
            "post a comment",
        ],
    )
}

/// Only rule characters: `***`, `|`, `---`, `• • •`.
fn is_separator(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| matches!(c, '*' | '-' | '_' | '=' | '|' | '•' | '~' | '#' | '·' | ' '))
}

/// Reference numbers on their own line: digits with separators, no letters ("86-23-01-2023").
fn is_document_number(line: &str) -> bool {
    let only_digits_and_separators = line
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
    only_digits_and_separators
        && line.contains(['-', '/', '.'])
        && line.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_matches_its_examples_and_not_its_counter_examples() {
        for rule in RULES {
            for example in rule.examples {
                let found = classify(example).map(|m| m.rule.name);
                assert_eq!(found, Some(rule.name), "{}: {example:?}", rule.name);
            }
            for counter in rule.counter_examples {
                let found = classify(counter).map(|m| m.rule.name);
                assert_ne!(found, Some(rule.name), "{}: {counter:?}", rule.name);
            }
        }
    }

    #[test]
    fn rule_names_are_unique() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }

    #[test]
    fn captures() {
        let capture = |line| classify(line).map(|m| m.captured);
        assert_eq!(capture("By Javed Mahmood"), Some("Javed Mahmood"));
        assert_eq!(
            capture("Updated 17 December 2024"),
            Some("17 December 2024")
        );
        assert_eq!(capture("Updated 13 sec ago"), Some("13 sec ago"));
        assert_eq!(capture("Source: Reuters"), Some("Reuters"));
        // A byline's job title was a reason not to read it as a byline at all.
        assert_eq!(
            capture("By Dagny Aurell, Political Editor"),
            Some("Dagny Aurell")
        );
        assert_eq!(
            capture("By Dagny Aurell and Tomasz Kereny, Staff Reporters"),
            Some("Dagny Aurell and Tomasz Kereny")
        );
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "ISLAMABAD: Pakistan’s telecom regulator on Tuesday proposed a centre.",
            "A growing problem",
            "Greetings. Our country, Long live Pakistan",
        ] {
            assert!(classify(line).is_none(), "{line:?}");
        }
    }
}
