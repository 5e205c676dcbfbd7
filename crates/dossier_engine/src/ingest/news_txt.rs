//! Plain-text news pages, as copied from a browser: one or several articles per file, each wrapped
//! in the page's furniture.
//!
//! Two passes, both linear in the number of lines:
//! 1. [`segment`]: a file holds several articles when, after an article's prose has begun, a
//!    headline-like line is repeated within the next few lines (news sites print the headline
//!    several times above each article), is followed by a paragraph opening with a dated or
//!    credited wire dateline ("NEW DELHI, May 29 (Reuters) - ..."), or stands under a rule of
//!    dashes ("----------") with a story's text after it.
//! 2. [`parse_segment`]: a small state machine over the cleaned lines of one article
//!    (header -> body -> comment area -> footer). Furniture lines are classified by the rules table
//!    ([`super::furniture`]); the remaining header lines become section, title and subtitle.
//!
//! Exports that label their fields (`Title:`, `Date:`, `Author:`/`By:`, `URL:` lines above each
//! article) are read by label, and a labelled title after prose starts the next article. A byline
//! that carries the date ("By Jane Doe | March 3, 2024") gives both.

use super::dateline::split_dateline;
use super::dates;
use super::furniture::{self, Action};
use super::text::{clean_line, comparable, ends_sentence, word_count};
use super::{blank_article, Draft, Parsed, Problem};
use crate::article::LIST_BULLET;
use crate::text::Text;

/// One cleaned, non-blank line and its 1-based number in the file.
#[derive(Debug, Clone)]
struct Line {
    number: usize,
    text: String,
    /// A blank line came before this one (a paragraph break, not a wrapped line).
    after_blank: bool,
}

/// Parses a decoded `.txt` file into articles.
pub fn parse(text: &str) -> Parsed {
    let mut lines: Vec<Line> = Vec::new();
    let mut after_blank = true;
    for (index, raw) in text.lines().enumerate() {
        let text = clean_line(raw);
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        lines.push(Line {
            number: index.saturating_add(1),
            text,
            after_blank,
        });
        after_blank = false;
    }
    let mut parsed = Parsed::default();
    for segment in segment(&lines) {
        let (draft, problems) = parse_segment(segment);
        parsed.problems.extend(problems);
        parsed.drafts.extend(draft);
    }
    parsed
}

/// How many following lines a repeated headline may be looked for in.
const REPEAT_WINDOW: usize = 4;

/// Splits a file's lines into articles (see the module docs).
fn segment(lines: &[Line]) -> Vec<&[Line]> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut seen_prose = false;
    for (index, line) in lines.iter().enumerate() {
        let repeated_headline = is_title_like(&line.text) && {
            let key = comparable(&line.text);
            lines
                .iter()
                .skip(index.saturating_add(1))
                .take(REPEAT_WINDOW)
                .any(|next| comparable(&next.text) == key)
        };
        // A `Title:` line, or a block of labelled lines holding one, starts the next record of
        // an export that labels its fields.
        let labelled_title = labelled(&line.text).is_some()
            && lines
                .iter()
                .skip(index)
                .take(REPEAT_WINDOW)
                .map_while(|next| labelled(&next.text))
                .any(|(label, _)| label == Label::Title)
            && index
                .checked_sub(1)
                .and_then(|before| lines.get(before))
                .is_none_or(|before| labelled(&before.text).is_none());
        let next = lines.get(index.saturating_add(1));
        // "Heatwave grips Delhi" then "NEW DELHI, May 29 (Reuters) - ...": a wire story's
        // headline and dated or credited dateline.
        let headline_over_dateline = is_title_like(&line.text)
            && next.is_some_and(|next| opens_with_wire_dateline(&next.text));
        // A rule of dashes between stories, a headline under it and a story's text soon after
        // (a footer's short line under a rule is no headline).
        let rule_over_headline = is_story_rule(&line.text)
            && next.is_some_and(|next| is_title_like(&next.text))
            && lines
                .iter()
                .skip(index.saturating_add(2))
                .take(REPEAT_WINDOW)
                .any(|after| is_prose(&after.text));
        if seen_prose && rule_over_headline {
            segments.extend(lines.get(start..index));
            start = index.saturating_add(1);
            seen_prose = false;
            continue;
        }
        let opens_article =
            seen_prose && (repeated_headline || labelled_title || headline_over_dateline);
        if opens_article {
            segments.extend(lines.get(start..index));
            start = index;
            seen_prose = false;
        }
        seen_prose |= is_prose(&line.text);
    }
    segments.extend(lines.get(start..));
    segments
}

/// A paragraph opening with a wire dateline that gives a date or an agency ("KARACHI, Aug 28
/// (AP) - ..."): the first paragraph of a story, not a place named in passing.
fn opens_with_wire_dateline(text: &str) -> bool {
    split_dateline(text)
        .is_some_and(|dateline| dateline.date.is_some() || dateline.agency.is_some())
}

/// A line of five or more dashes, equals signs, underscores or asterisks: a rule drawn between
/// stories ("----------"). A spaced "* * *" is a break inside one.
fn is_story_rule(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    first.is_some_and(|c| matches!(c, '-' | '=' | '_' | '*'))
        && text.chars().count() >= 5
        && chars.all(|c| Some(c) == first)
}

/// A headline candidate: a few words, not a sentence, not furniture.
fn is_title_like(text: &str) -> bool {
    (3..=25).contains(&word_count(text))
        && !ends_sentence(text)
        && !is_caption(text)
        && furniture::classify(text).is_none()
}

/// A paragraph of running prose.
fn is_prose(text: &str) -> bool {
    let words = word_count(text);
    (ends_sentence(text) && words >= 8 && !is_caption(text)) || words >= 40
}

/// A photo caption: a sentence followed by a short credit in brackets or parentheses
/// ("... in Islamabad. [AAMIR QURESHI / AFP]", "... 2024. (COMSTECH)").
fn is_caption(text: &str) -> bool {
    let (open, close) = if text.ends_with(']') {
        ('[', ']')
    } else if text.ends_with(')') {
        ('(', ')')
    } else {
        return false;
    };
    let Some(open_at) = text.rfind(open) else {
        return false;
    };
    let credit = text
        .get(open_at..)
        .unwrap_or_default()
        .trim_matches([open, close]);
    let before = text.get(..open_at).unwrap_or_default().trim_end();
    ends_sentence(before) && word_count(before) >= 4 && (1..=6).contains(&word_count(credit))
}

/// A summary bullet, without its marker.
fn bullet(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix(['•', '·', '▪', '●', '◦', '‣'])
        .or_else(|| text.strip_prefix("- "))?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some(rest)
}

/// A header line that is only a place and a date: "New York – June 20, 2024".
fn header_dateline(text: &str) -> Option<(String, time::Date, String)> {
    const SEPARATORS: [&str; 5] = [" – ", " — ", " -- ", " - ", ", "];
    SEPARATORS.iter().find_map(|separator| {
        let (place, date_text) = text.split_once(separator)?;
        let date = dates::parse_date(date_text)?;
        let capitalised = (1..=4).contains(&word_count(place))
            && place
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        capitalised.then(|| (place.trim().to_string(), date, date_text.trim().to_string()))
    })
}

/// What a labelled header line (`Title: …`, `Date: …`, `Author: …`) gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Title,
    Date,
    Byline,
    Url,
}

/// A header line that labels its field, case-insensitively: `Title:`/`Headline:`, `Date:`,
/// `Author:`/`Authors:`/`By:`/`Byline:`, `URL:`/`Link:` (`Source:` and `Published:` are
/// furniture rules). Returns the label and the value.
fn labelled(text: &str) -> Option<(Label, &str)> {
    let (key, value) = text.split_once(':')?;
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let key = key.trim();
    let is = |name: &str| key.eq_ignore_ascii_case(name);
    let label = if is("title") || is("headline") {
        Label::Title
    } else if is("date") {
        Label::Date
    } else if is("author") || is("authors") || is("by") || is("byline") {
        Label::Byline
    } else if is("url") || is("link") {
        Label::Url
    } else {
        return None;
    };
    Some((label, value))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Header,
    Body,
    Comments,
    Footer,
}

/// Parses one article's lines.
fn parse_segment(lines: &[Line]) -> (Option<Draft>, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some(first_line) = lines.first().map(|l| l.number) else {
        return (None, problems);
    };
    let mut article = blank_article();
    let mut zone = Zone::Header;
    let mut header_texts: Vec<String> = Vec::new();
    let mut header_keys: Vec<String> = Vec::new();
    let mut caption_keys: Vec<String> = Vec::new();
    let mut stamp: Option<String> = None;
    let mut stated_date: Option<(time::Date, String)> = None;
    let mut labelled_title: Option<String> = None;

    for line in lines {
        let text = line.text.as_str();
        if zone == Zone::Footer {
            continue;
        }
        if zone == Zone::Header {
            if let Some((label, value)) = labelled(text) {
                match label {
                    Label::Title if labelled_title.is_none() => {
                        // The headline printed again below its label is the same headline.
                        header_keys.push(comparable(value));
                        labelled_title = Some(value.to_string());
                    }
                    Label::Date if dates::parse_stated(value).is_none() => {
                        problems.push(Problem {
                            line: Some(line.number),
                            message: dates::not_understood_message(value),
                            unread: None,
                        });
                        stamp.get_or_insert_with(|| value.to_string());
                    }
                    // A labelled date is the most explicit statement of all.
                    Label::Date => stamp = Some(value.to_string()),
                    Label::Byline if article.byline.is_none() => {
                        article.byline = Some(value.to_string());
                    }
                    Label::Url if article.url.is_none() => article.url = Some(value.to_string()),
                    // A second label of the same field is text, not lost.
                    _ => {
                        header_keys.push(comparable(text));
                        header_texts.push(text.to_string());
                    }
                }
                continue;
            }
            if let Some((name, date_words)) = furniture::byline_with_date(text) {
                article.byline.get_or_insert_with(|| name.to_string());
                stamp.get_or_insert_with(|| date_words.to_string());
                continue;
            }
        }
        if let Some(found) = furniture::classify(text) {
            // Labels, bylines, stamps and sources describe the article only in its header; later
            // (a reader's "By ...", a comment's timestamp) they are not the article's.
            let in_header = zone == Zone::Header;
            match found.rule.action {
                Action::Drop => {}
                // A list of other stories above the text ("Most read" in a sidebar copied
                // first) ends nothing: the article is still to come.
                Action::EndOfArticle if zone == Zone::Header => {}
                Action::EndOfArticle => zone = Zone::Footer,
                Action::CommentArea => zone = Zone::Comments,
                Action::Stamp if in_header => {
                    stamp.get_or_insert_with(|| found.captured.to_string());
                }
                // A timestamp line elsewhere is page furniture (an update stamp, a comment's time).
                Action::Stamp => {}
                Action::Kind(kind) if in_header => article.kind = kind.to_string(),
                // The byline printed again under an `Author:` label is the same byline.
                Action::Byline if in_header => {
                    article
                        .byline
                        .get_or_insert_with(|| found.captured.to_string());
                }
                Action::Source if in_header && article.source.is_none() => {
                    article.source = Some(found.captured.to_string());
                }
                Action::Kind(_) | Action::Byline | Action::Source => {
                    push_text(zone, text, &mut article);
                }
            }
            continue;
        }
        let key = comparable(text);
        if zone != Zone::Header {
            // The headline printed again further down the page.
            if header_keys.contains(&key) {
                continue;
            }
            match article.body.last_mut() {
                Some(last) if zone == Zone::Body && continues(last, line) => {
                    let last = last.to_mut();
                    last.push(' ');
                    last.push_str(text);
                }
                _ => push_text(zone, text, &mut article),
            }
            continue;
        }
        if header_keys.contains(&key) {
            continue;
        }
        if let Some(item) = bullet(text) {
            article.summary.push(item.into());
        } else if is_caption(text) {
            if !caption_keys.contains(&key) {
                caption_keys.push(key);
                article.captions.push(text.into());
            }
        } else if let Some((place, date, date_text)) = header_dateline(text) {
            article.dateline = Some(place);
            stated_date.get_or_insert((date, date_text));
        } else if let Some(dateline) = split_dateline(text) {
            // An opening dateline starts the body, whatever the paragraph's length.
            zone = Zone::Body;
            article.dateline.get_or_insert(dateline.place);
            if let Some(found) = dateline.date {
                stated_date.get_or_insert(found);
            }
            if let Some(agency) = dateline.agency {
                article.source.get_or_insert(agency);
            }
            article.body.push(dateline.rest.into());
        } else if is_prose(text) {
            zone = Zone::Body;
            article.body.push(text.into());
        } else {
            header_keys.push(key);
            header_texts.push(text.to_string());
        }
    }

    assign_header_texts(
        &mut article,
        header_texts,
        labelled_title,
        &mut problems,
        first_line,
    );
    assign_date(&mut article, stamp, stated_date);
    if article.title.to_lowercase().starts_with("press release") {
        article.kind = "press-release".to_string();
    }
    let empty = article.title.is_empty() && article.body.is_empty();
    if empty {
        return (None, problems);
    }
    (
        Some(Draft {
            article,
            line: Some(first_line),
            id_hint: None,
        }),
        problems,
    )
}

/// A hard-wrapped line: it follows its paragraph without a blank line, the paragraph stops
/// mid-sentence and the line goes on in lower case.
fn continues(paragraph: &str, line: &Line) -> bool {
    !line.after_blank
        && !ends_sentence(paragraph)
        && !paragraph.ends_with(':')
        && line.text.chars().next().is_some_and(char::is_lowercase)
}

/// Body text or a reader comment, depending on the zone.
fn push_text(zone: Zone, text: &str, article: &mut crate::Article) {
    match zone {
        Zone::Comments => article.comments.push(text.into()),
        Zone::Header | Zone::Body => match bullet(text) {
            Some(item) => article.body.push(format!("{LIST_BULLET}{item}").into()),
            None => article.body.push(text.into()),
        },
        Zone::Footer => {}
    }
}

/// Header lines that are not furniture, in order: [section,] title [, subtitle [, more]], or
/// subtitle [, more] after a labelled title (`Title: …`).
/// A first line of at most three words before a longer one is a section label ("Crime & Justice").
fn assign_header_texts(
    article: &mut crate::Article,
    texts: Vec<String>,
    labelled_title: Option<String>,
    problems: &mut Vec<Problem>,
    first_line: usize,
) {
    let mut texts = texts.into_iter().peekable();
    let labelled = labelled_title.is_some();
    let mut title = labelled_title.or_else(|| texts.next());
    let section_then_title = match (&title, texts.peek()) {
        (Some(first), Some(second)) if !labelled => {
            word_count(first) <= 3 && word_count(second) >= 4
        }
        _ => false,
    };
    if section_then_title {
        article.section = title.take();
        title = texts.next();
    }
    article.subtitle = texts.next();
    // Anything further is kept, at the top of the body, rather than dropped.
    let extra: Vec<String> = texts.collect();
    if !extra.is_empty() {
        article.body.splice(0..0, extra.into_iter().map(Text::from));
    }
    match title {
        Some(title) => article.title = title.into(),
        None => {
            if let Some(first) = article.body.first() {
                article.title = crate::ingest::text::title_from_first_words(first).into();
                problems.push(Problem {
                    line: Some(first_line),
                    message: "no headline found; the title is the first words of the text"
                        .to_string(),
                    unread: None,
                });
            }
        }
    }
}

/// Stated dates first (a stamp, then a dateline date); else a weekday + month/day in the opening
/// paragraphs, resolved only against years the text gives; else null with the words kept.
fn assign_date(
    article: &mut crate::Article,
    stamp: Option<String>,
    stated_date: Option<(time::Date, String)>,
) {
    if let Some(stamp) = stamp {
        article.date = dates::parse_stated(&stamp);
        article.date_text = Some(stamp);
        return;
    }
    if let Some((date, text)) = stated_date {
        article.date = Some(dates::iso(date));
        article.date_text = Some(text);
        return;
    }
    let opening = article.body.iter().take(2);
    let Some(reference) = opening
        .into_iter()
        .find_map(|p| dates::find_weekday_month_day(p))
    else {
        return;
    };
    let context = article.full_text();
    let resolved = dates::resolve_weekday_month_day(&reference, &context);
    article.date = resolved.map(dates::iso);
    article.date_inferred = resolved.is_some();
    article.date_text = Some(reference.text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_datelines() {
        let found = header_dateline("New York – June 20, 2024");
        assert_eq!(
            found.map(|(p, d, t)| (p, dates::iso(d), t)),
            Some((
                "New York".into(),
                "2024-06-20".into(),
                "June 20, 2024".into()
            ))
        );
        assert_eq!(header_dateline("Pakistan takes major steps – more"), None);
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "A journalist at a laptop in Islamabad. [AAMIR QURESHI / AFP]"
        ));
        assert!(is_caption(
            "Officials attend a session in Islamabad on December 17, 2024. (COMSTECH)"
        ));
        assert!(!is_caption("Pakistan Telecommunication Authority (PTA)"));
        assert!(!is_caption("He said so (twice)"));
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet("• Two-day workshop"), Some("Two-day workshop"));
        assert_eq!(bullet("•"), None);
        assert_eq!(bullet("Plain"), None);
    }

    #[test]
    fn repeated_headline_after_prose_opens_a_new_article() {
        let text = "First headline here\nFirst headline here\n\
                    ISLAMABAD: A long enough opening sentence of the first story is here.\n\
                    Second headline here\n\nSecond headline here\n\
                    KARACHI: Another long enough opening sentence of the second story.\n";
        let parsed = parse(text);
        let titles: Vec<&str> = parsed
            .drafts
            .iter()
            .map(|d| d.article.title.as_str())
            .collect();
        assert_eq!(titles, ["First headline here", "Second headline here"]);
        assert_eq!(parsed.drafts.get(1).and_then(|d| d.line), Some(4));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "A headline for the story\n\n\
                    LAHORE: The council met on Friday and agreed that the\n\
                    budget would be passed next week.\n\
                    Another paragraph starts here.\n\n\
                    sub heading\n";
        let parsed = parse(text);
        let body = parsed.drafts.first().map(|d| {
            d.article
                .body
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        });
        assert_eq!(
            body,
            Some(vec![
                "The council met on Friday and agreed that the budget would be passed next week."
                    .to_string(),
                "Another paragraph starts here.".to_string(),
                "sub heading".to_string(),
            ])
        );
    }

    #[test]
    fn header_only_actions_do_not_fire_in_the_comment_area() {
        let text = "A headline for the story\n\
                    ISLAMABAD: The opening paragraph of the story is long enough.\n\
                    1 Comment(s)\n\
                    By a reader\n\
                    June 21, 2024\n\
                    Nice article.\n";
        let parsed = parse(text);
        let article = parsed.drafts.first().map(|d| d.article.clone());
        let article = article.unwrap_or_else(blank_article);
        assert_eq!(article.byline, None);
        assert_eq!(article.date, None);
        assert_eq!(article.comments, ["By a reader", "Nice article."]);
    }

    #[test]
    fn headline_only_file_is_an_article_with_a_title() {
        let parsed = parse("Just a headline\n");
        assert_eq!(parsed.drafts.len(), 1);
    }

    #[test]
    fn prose_without_headline_gets_a_title_and_a_problem() {
        let parsed =
            parse("This is a long paragraph of prose without any headline above it at all.\n");
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(
            parsed.drafts.first().map(|d| d.article.title.as_str()),
            Some("This is a long paragraph of prose without any headline above it")
        );
    }

    fn only(parsed: &Parsed) -> crate::Article {
        let article = parsed.drafts.first().map(|d| d.article.clone());
        article.unwrap_or_else(blank_article)
    }

    #[test]
    fn bullets_in_the_text_are_list_items_and_in_the_header_the_summary() {
        let text = "Council passes the budget\n\n\
                    • The vote was close\n\n\
                    The council passed the budget on Friday after a long debate.\n\n\
                    - Raise the tax base\n\
                    • Cut subsidies\n\n\
                    1. Table the bill\n";
        let article = only(&parse(text));
        assert_eq!(article.summary, ["The vote was close"]);
        assert_eq!(
            article.body,
            [
                "The council passed the budget on Friday after a long debate.",
                "• Raise the tax base",
                "• Cut subsidies",
                "1. Table the bill"
            ]
        );
    }

    #[test]
    fn labelled_header_lines_give_title_date_and_byline() {
        let text = "TITLE: Council passes the budget\n\
                    date: March 3, 2024\n\
                    Author: Jane Doe\n\n\
                    Council passes the budget\n\n\
                    The council passed the budget on Friday after a long debate.\n";
        let parsed = parse(text);
        let article = only(&parsed);
        assert_eq!(article.title, "Council passes the budget");
        assert_eq!(article.date.as_deref(), Some("2024-03-03"));
        assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            article.body,
            ["The council passed the budget on Friday after a long debate."]
        );
        assert_eq!(article.subtitle, None);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);

        let parsed = parse(
            "Title: A\nBy: J. Doe\nDate: January 2024\n\nSome text of the story that runs on.\n",
        );
        let article = only(&parsed);
        assert_eq!(article.byline.as_deref(), Some("J. Doe"));
        assert_eq!(article.date.as_deref(), Some("2024-01"));

        let parsed = parse("Title: A\nDate: soon\n\nSome text of the story that runs on.\n");
        let problems = parsed.problem_lines();
        assert_eq!(
            problems,
            [(
                Some(2),
                "date \"soon\" not understood; the article has no date (the words are kept)"
            )]
        );
    }

    #[test]
    fn calls_to_follow_or_share_are_not_the_article_s_text() {
        // "Follow us on Twitter" stayed as the article's last paragraph.
        let text = "Title: Quake jolts northern areas\n\
                    Date: November 5, 2024\n\n\
                    GILGIT, Nov 5 (Reuters) - A magnitude 5.4 earthquake struck northern Pakistan on Tuesday.\n\n\
                    The quake was felt in Islamabad and Peshawar, officials said.\n\n\
                    Follow us on Twitter\n\
                    Like us on Facebook\n\
                    Follow us on Twitter, the relief agency told volunteers who wanted news.\n\
                    Read more: Earthquakes in Pakistan\n";
        let article = only(&parse(text));
        assert_eq!(
            article.body,
            [
                "A magnitude 5.4 earthquake struck northern Pakistan on Tuesday.",
                "The quake was felt in Islamabad and Peshawar, officials said.",
                "Follow us on Twitter, the relief agency told volunteers who wanted news.",
            ]
        );
    }

    #[test]
    fn a_list_of_other_stories_above_the_text_does_not_end_the_article() {
        // "Most read" ends an article's text; copied above it (a sidebar first), it dropped the
        // whole article.
        let text = "Top stories\n\
                    Council passes the budget\n\n\
                    The council passed the budget on Friday after a long debate.\n\n\
                    Most read\n\
                    Ten things to do this weekend\n";
        let article = only(&parse(text));
        assert_eq!(article.title, "Council passes the budget");
        assert_eq!(
            article.body,
            ["The council passed the budget on Friday after a long debate."]
        );
    }

    #[test]
    fn a_byline_line_under_an_author_label_is_not_the_text() {
        // "By Carlos Mendoza" was the first paragraph after "Author: Carlos Mendoza".
        let text = "Title: Chile passes lithium bill\n\
                    Author: Carlos Mendoza\n\n\
                    By Carlos Mendoza\n\n\
                    SANTIAGO — The Senate approved the bill on Tuesday after months of talks.\n";
        let article = only(&parse(text));
        assert_eq!(article.byline.as_deref(), Some("Carlos Mendoza"));
        assert_eq!(article.dateline.as_deref(), Some("Santiago"));
        assert_eq!(
            article.body,
            ["The Senate approved the bill on Tuesday after months of talks."]
        );
    }

    #[test]
    fn a_break_or_a_subheading_inside_a_story_does_not_split_it() {
        let text = "Council passes the budget\n\n\
                    ISLAMABAD, June 3 (Reuters) - The council passed the budget on Friday after a long debate.\n\n\
                    *****\n\n\
                    The opposition walked out before the vote, its leader said.\n\n\
                    What comes next for the budget\n\n\
                    The bill now goes to the Senate, where it is expected to pass.\n\n\
                    ----------\n\
                    Posted by a reader\n";
        let parsed = parse(text);
        assert_eq!(parsed.drafts.len(), 1);
        assert_eq!(
            only(&parsed).body,
            [
                "The council passed the budget on Friday after a long debate.",
                "The opposition walked out before the vote, its leader said.",
                "What comes next for the budget",
                "The bill now goes to the Senate, where it is expected to pass.",
                "Posted by a reader",
            ]
        );
    }

    #[test]
    fn labelled_records_in_one_file_are_separate_articles() {
        let text = "Title: First story\nDate: 2024-03-01\n\
                    The first story has a body that is long enough to be prose.\n\n\
                    Title: Second story\nDate: 2024-03-02\n\
                    The second story has a body that is long enough to be prose.\n";
        let parsed = parse(text);
        let found: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| (d.article.title.to_string(), d.article.date.clone(), d.line))
            .collect();
        assert_eq!(
            found,
            [
                ("First story".into(), Some("2024-03-01".into()), Some(1)),
                ("Second story".into(), Some("2024-03-02".into()), Some(5)),
            ]
        );
    }

    #[test]
    fn a_byline_with_a_job_title_is_the_byline_not_the_standfirst() {
        // "By Dagny Aurell, Political Editor" became the subtitle.
        let article = only(&parse(
            "Harbour dredging to start in July\nBy Dagny Aurell, Political Editor\n\n\
             Brennhavn council met on Monday to discuss the Orla dam, officials said.\n",
        ));
        assert_eq!(article.byline.as_deref(), Some("Dagny Aurell"));
        assert_eq!(article.subtitle, None);
        assert_eq!(
            article.body,
            ["Brennhavn council met on Monday to discuss the Orla dam, officials said."]
        );
    }

    #[test]
    fn a_cookie_notice_is_not_the_title_nor_share_buttons_the_text() {
        // "We use cookies. Accept | Manage" became the title, the headline the standfirst, and
        // "Facebook Twitter Email" stayed in the body.
        let article = only(&parse(
            "We use cookies. Accept | Manage\n\nDam engineer says cracks are cosmetic\nBy Dagny Aurell\n\n\
             The chief engineer said on Monday that the cracks in the dam wall were cosmetic.\n\n\
             Share this article\nFacebook Twitter Email\n",
        ));
        assert_eq!(article.title, "Dam engineer says cracks are cosmetic");
        assert_eq!(article.subtitle, None);
        assert_eq!(
            article.body,
            ["The chief engineer said on Monday that the cracks in the dam wall were cosmetic."]
        );
    }

    #[test]
    fn a_byline_with_a_date_gives_both() {
        let text = "Council passes the budget\n\
                    By Jane Doe | March 3, 2024\n\n\
                    The council passed the budget on Friday after a long debate.\n";
        let article = only(&parse(text));
        assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(article.date.as_deref(), Some("2024-03-03"));
        assert_eq!(article.date_text.as_deref(), Some("March 3, 2024"));
        assert_eq!(
            furniture::byline_with_date("By Jane Doe, Updated Mar. 3, 2024"),
            Some(("Jane Doe", "Mar. 3, 2024"))
        );
        assert_eq!(
            furniture::byline_with_date("By the end of March 3, 2024, prices rose"),
            None
        );
        assert_eq!(furniture::byline_with_date("By Jane Doe | Reuters"), None);
    }
}
