//! HTML pages: the headline, the article's paragraphs, captions and reader comments, without
//! scripts, styles, navigation, the page's header, footers, asides or forms.
//!
//! Parsed with `tl`: a small, dependency-free DOM parser (tens of KiB in wasm). `scraper`
//! (html5ever + selectors + cssparser) and `lol_html` (a streaming rewriter built on cssparser)
//! are each several times larger; a news page needs a tree and a few tag names, not CSS
//! selectors or spec-exact error recovery. The walk below is iterative, so deeply nested input
//! cannot overflow the stack, and text is gathered by us (entities decoded here: tl leaves them).
//!
//! A page of several stories (a digest, a front page saved whole) holds each in an `<article>`:
//! when at least two outermost ones have [`MIN_ARTICLE_WORDS`] of text, each becomes an article,
//! and the shorter ones (teasers, cards) are left out with a warning. Otherwise the page is one
//! article, as before: all its `<article>`/`<main>` text together.

use super::dateline::take_opening_dateline;
use super::dates;
use super::furniture::{self, Action};
use super::text::{clean_line, collapse_whitespace, comparable, word_count, LineCounter};
use super::{blank_article, Draft, Parsed, Problem};
use crate::article::LIST_BULLET;
use crate::text::Text;

/// Subtrees that are never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "head",
];

/// Tags whose text is one paragraph of the body.
const PARAGRAPH_TAGS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote"];

/// Tags that sit inside a line of text. Text outside any paragraph tag (a page that holds its
/// text in `<div>`s, or between `<br>`s) is read too: each run of text and these tags between
/// blocks and `<br>`s is a paragraph.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u",
];

/// Words in a `class` or `id` that mark page furniture the tags do not: menus, share and cookie
/// bars, lists of other stories, newsletter boxes.
const FURNITURE_MARKERS: &[&str] = &[
    "menu",
    "navbar",
    "breadcrumb",
    "cookie",
    "share",
    "social",
    "related",
    "newsletter",
    "promo",
    "advert",
];

/// Words of paragraph text that make an `<article>` element an article of its own when a page
/// holds several: fewer is a teaser or a card ("Related: …", a headline and one line).
const MIN_ARTICLE_WORDS: usize = 50;

#[derive(Debug, Clone, Copy, Default)]
struct Context {
    in_article: bool,
    in_comments: bool,
    /// The outermost `<article>` element this node is in (index into `Found::parts`).
    part: Option<usize>,
    /// How this node is marked as a list item: only an `<li>` of a `<ul>` or `<ol>` is.
    list_mark: ListMark,
}

/// The marker a list item's paragraph begins with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum ListMark {
    #[default]
    None,
    Bullet,
    Number(u32),
}

impl ListMark {
    fn mark(self, text: String) -> String {
        match self {
            ListMark::None => text,
            ListMark::Bullet => format!("{LIST_BULLET}{text}"),
            ListMark::Number(number) => format!("{number}. {text}"),
        }
    }
}

/// One paragraph of article text, with the `<article>` element it came from.
#[derive(Debug)]
struct Item {
    part: Option<usize>,
    text: String,
    heading: bool,
}

/// An `<article>` element that is not inside another.
#[derive(Debug, Default)]
struct Part {
    /// Byte range of the element's source, for its line and the `<time>`s inside it.
    start: usize,
    end: usize,
    h1: Option<String>,
    words: usize,
}

/// One step of the text walk: an element, or a run of text found between blocks.
enum Entry {
    Node(tl::NodeHandle),
    Loose(String),
}

/// What the walk found, before choosing.
#[derive(Debug, Default)]
struct Found {
    h1: Option<String>,
    title_tag: Option<String>,
    article_paragraphs: Vec<Item>,
    other_paragraphs: Vec<String>,
    captions: Vec<(Option<usize>, String)>,
    comments: Vec<(Option<usize>, String)>,
    time_datetime: Option<String>,
    /// The text of the first element marked as a kicker, the section's name.
    kicker: Option<String>,
    /// The first JSON-LD block's `datePublished` (empty when it gives none).
    json_ld_date: Option<String>,
    /// Every `<time datetime>`, with its byte offset.
    times: Vec<(usize, String)>,
    parts: Vec<Part>,
}

/// Parses a decoded `.html` file: one article, or one per top-level `<article>` element when at
/// least two of them hold [`MIN_ARTICLE_WORDS`] (a page of several stories).
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let dom = match tl::parse(text, tl::ParserOptions::default()) {
        Ok(dom) => dom,
        Err(error) => {
            parsed.problems.push(Problem {
                line: None,
                message: format!("HTML could not be parsed, file skipped: {error}"),
                unread: None,
            });
            return parsed;
        }
    };
    let parser = dom.parser();
    let mut article = blank_article();
    let mut found = Found::default();

    // Metadata first: <meta> and <link> may sit in <head>, which the text walk skips.
    for node in dom.nodes() {
        let Some(tag) = node.as_tag() else { continue };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        let attribute = |key: &str| {
            tag.attributes()
                .get(key)
                .flatten()
                .map(|v| collapse_whitespace(&decode_entities(&v.as_utf8_str())))
                .filter(|v| !v.is_empty())
        };
        match name.as_str() {
            "meta" => {
                let key = attribute("property")
                    .or_else(|| attribute("name"))
                    .or_else(|| attribute("itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let Some(content) = attribute("content") else {
                    continue;
                };
                match key.as_str() {
                    "og:site_name" => {
                        article.source.get_or_insert(content);
                    }
                    "author" | "article:author" => {
                        article.byline.get_or_insert(content);
                    }
                    "article:section" => {
                        article.section.get_or_insert(content);
                    }
                    // The names publishers and CMSs use for the publication date.
                    "article:published_time"
                    | "og:published_time"
                    | "date"
                    | "pubdate"
                    | "datepublished"
                    | "dc.date.issued"
                    | "dc.date"
                    | "dcterms.date"
                    | "dcterms.created"
                    | "dcterms.issued" => {
                        article.date_text.get_or_insert(content);
                    }
                    "og:url" => {
                        article.url.get_or_insert(content);
                    }
                    "og:title" => {
                        found.title_tag.get_or_insert(content);
                    }
                    _ => {}
                }
            }
            "link" if attribute("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = attribute("href") {
                    article.url.get_or_insert(href);
                }
            }
            "time" => {
                if let Some(datetime) = attribute("datetime") {
                    found.times.push((span(text, tag).0, datetime.clone()));
                    found.time_datetime.get_or_insert(datetime);
                }
            }
            "script"
                if attribute("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                found.json_ld_date.get_or_insert_with(|| {
                    json_ld_date(&tag.inner_html(parser)).unwrap_or_default()
                });
            }
            "title" => {
                let title = clean_line(&decode_entities(&tag.inner_html(parser)));
                if !title.is_empty() && found.title_tag.is_none() {
                    found.title_tag = Some(title);
                }
            }
            _ => {}
        }
    }

    // The text walk, iterative: (node, context) pairs, children pushed in reverse.
    let mut stack: Vec<(Entry, Context)> = dom
        .children()
        .iter()
        .rev()
        .map(|handle| (Entry::Node(*handle), Context::default()))
        .collect();
    while let Some((entry, context)) = stack.pop() {
        let handle = match entry {
            Entry::Node(handle) => handle,
            Entry::Loose(text) => {
                add_paragraph(&mut found, "p", text, context);
                continue;
            }
        };
        let Some(tag) = handle.get(parser).and_then(tl::Node::as_tag) else {
            continue;
        };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        // An <article>'s own <header> holds its headline, byline and date: only the page's is
        // furniture.
        let own_header = name == "header" && context.part.is_some();
        if SKIPPED_TAGS.contains(&name.as_str()) && !own_header {
            continue;
        }
        let marked = |markers: &[&str]| {
            ["class", "id"].iter().any(|key| {
                tag.attributes().get(*key).flatten().is_some_and(|v| {
                    let v = v.as_utf8_str().to_ascii_lowercase();
                    markers.iter().any(|marker| v.contains(marker))
                })
            })
        };
        if marked(FURNITURE_MARKERS) {
            continue;
        }
        let in_comments = context.in_comments || marked(&["comment"]);
        // A kicker over the headline ("Environment") names the section: not the text.
        if marked(&["kicker"]) {
            let text = line_of(tag, parser);
            if !text.is_empty() && word_count(&text) <= 4 {
                found.kicker.get_or_insert(text);
                continue;
            }
        }
        // A byline its class marks but its words do not ("DAGNY AURELL"): read as "By …".
        if !in_comments && marked(&["byline", "author"]) {
            let text = line_of(tag, parser);
            if let Some(line) = as_byline_line(&text) {
                add_paragraph(&mut found, "p", line, context);
                continue;
            }
        }
        // Only an outermost <article> is a story: nested ones are its comments or asides.
        let part = if name == "article" && context.part.is_none() && !in_comments {
            let (start, end) = span(text, tag);
            found.parts.push(Part {
                start,
                end,
                ..Part::default()
            });
            found.parts.len().checked_sub(1)
        } else {
            context.part
        };
        let list_mark = context.list_mark;
        let context = Context {
            in_article: context.in_article || name == "article" || name == "main",
            in_comments,
            part,
            list_mark: ListMark::None,
        };
        let is_paragraph = PARAGRAPH_TAGS.contains(&name.as_str());
        if name == "h1" || name == "figcaption" || is_paragraph {
            let text = line_of(tag, parser);
            let text = if name == "li" {
                list_mark.mark(text)
            } else {
                text
            };
            add_paragraph(&mut found, &name, text, context);
            continue;
        }
        let children = tag.children();
        let children = children.top().as_slice();
        let is_li = |child: &tl::NodeHandle| {
            child
                .get(parser)
                .and_then(tl::Node::as_tag)
                .is_some_and(|t| t.name().as_utf8_str().eq_ignore_ascii_case("li"))
        };
        // Each item of a numbered list gets its number, counted from the list's `start`.
        let mut number = match name.as_str() {
            "ol" => tag
                .attributes()
                .get("start")
                .flatten()
                .and_then(|start| start.as_utf8_str().trim().parse::<u32>().ok())
                .unwrap_or(1),
            _ => 0,
        };
        let mut marked: Vec<(Entry, Context)> = Vec::with_capacity(children.len());
        let mut run = String::new();
        for child in children {
            match child.get(parser) {
                Some(tl::Node::Raw(raw)) => {
                    run.push_str(&raw.as_utf8_str());
                    continue;
                }
                Some(tl::Node::Tag(inline)) => {
                    let inline_name = inline.name().as_utf8_str().to_ascii_lowercase();
                    // A <time datetime> is read as the date, not as a line of text.
                    let dated = inline_name == "time"
                        && inline.attributes().get("datetime").flatten().is_some();
                    if inline_name == "br" || dated {
                        push_loose(&mut marked, &mut run, context);
                        continue;
                    }
                    if INLINE_TAGS.contains(&inline_name.as_str()) {
                        run.push(' ');
                        run.push_str(&text_of(inline, parser));
                        run.push(' ');
                        continue;
                    }
                    push_loose(&mut marked, &mut run, context);
                }
                Some(tl::Node::Comment(_)) | None => continue,
            }
            let list_mark = match name.as_str() {
                "ul" if is_li(child) => ListMark::Bullet,
                "ol" if is_li(child) => {
                    let mark = ListMark::Number(number);
                    number = number.saturating_add(1);
                    mark
                }
                _ => ListMark::None,
            };
            marked.push((
                Entry::Node(*child),
                Context {
                    list_mark,
                    ..context
                },
            ));
        }
        push_loose(&mut marked, &mut run, context);
        stack.extend(marked.into_iter().rev());
    }

    if found.parts.iter().filter(|part| is_story(part)).count() >= 2 {
        let page = Page {
            source: article.source.clone(),
            date: article
                .date_text
                .clone()
                .or_else(|| found.json_ld_date.clone().filter(|date| !date.is_empty())),
        };
        split_stories(text, found, &page, &mut parsed);
        return parsed;
    }

    let mut paragraphs = if found.article_paragraphs.is_empty() {
        found.other_paragraphs
    } else {
        found
            .article_paragraphs
            .into_iter()
            .map(|item| item.text)
            .collect()
    };
    if let Some(kicker) = found.kicker.take() {
        article.section.get_or_insert(kicker);
    }
    // Without an <h1> the headline is often an <h2> that the <title> repeats: it is the
    // headline, not the first paragraph.
    if found.h1.is_none() {
        let first = paragraphs.first().filter(|first| {
            found
                .title_tag
                .as_deref()
                .is_some_and(|title| repeats_title(first, title))
        });
        if first.is_some() {
            found.h1 = Some(paragraphs.remove(0));
        }
    }
    // The date the page states, before the text: a dated dateline only fills in for none.
    if article.date_text.is_none() {
        article.date_text = found.time_datetime;
    }
    if article.date_text.is_none() {
        article.date_text = found.json_ld_date.filter(|date| !date.is_empty());
    }
    fill_text(
        &mut article,
        paragraphs,
        found
            .captions
            .into_iter()
            .map(|(_, caption)| caption)
            .collect(),
        found
            .comments
            .into_iter()
            .map(|(_, comment)| comment)
            .collect(),
    );
    set_date(&mut article, None, &mut parsed);
    match found.h1.or(found.title_tag) {
        Some(title) => article.title = title.into(),
        None => {
            let Some(first) = article.body.first() else {
                parsed.problems.push(Problem {
                    line: None,
                    message: "no headline and no paragraphs found".to_string(),
                    unread: None,
                });
                return parsed;
            };
            article.title = crate::ingest::text::title_from_first_words(first).into();
            parsed.problems.push(Problem {
                line: None,
                message: "no <h1> or <title>; the title is the first words of the text".to_string(),
                unread: None,
            });
        }
    }
    parsed.drafts.push(Draft {
        article,
        line: None,
        id_hint: None,
    });
    parsed
}

/// Files a paragraph's text (`name` is its tag) where it belongs: the headline, a caption, a
/// comment, the article's text or the page's other text.
fn add_paragraph(found: &mut Found, name: &str, text: String, context: Context) {
    if text.is_empty() {
        return;
    }
    let part = context.part.and_then(|index| found.parts.get_mut(index));
    if name == "h1" {
        if let Some(part) = part {
            part.h1.get_or_insert_with(|| text.clone());
        }
        if found.h1.is_none() {
            found.h1 = Some(text);
        } else {
            found.other_paragraphs.push(text);
        }
    } else if name == "figcaption" {
        found.captions.push((context.part, text));
    } else if context.in_comments {
        found.comments.push((context.part, text));
    } else if context.in_article {
        let heading = name.starts_with('h');
        if let Some(part) = part.filter(|_| !heading) {
            part.words = part.words.saturating_add(word_count(&text));
        }
        found.article_paragraphs.push(Item {
            part: context.part,
            text,
            heading,
        });
    } else {
        found.other_paragraphs.push(text);
    }
}

/// The text of an element marked as the byline, as a line the byline rule reads: itself when it
/// is worded as a byline, else with "By " before it; `None` when it is no byline either way.
fn as_byline_line(text: &str) -> Option<String> {
    let is_byline = |line: &str| {
        furniture::classify(line).is_some_and(|found| found.rule.action == Action::Byline)
    };
    if is_byline(text) {
        return Some(text.to_string());
    }
    // A name in capitals is a style, not the name's spelling.
    let name = if text.chars().any(char::is_lowercase) {
        text.to_string()
    } else {
        super::text::title_case(text)
    };
    let line = format!("By {name}");
    is_byline(&line).then_some(line)
}

/// Ends a run of text between blocks: it is a paragraph unless it is only white space.
fn push_loose(entries: &mut Vec<(Entry, Context)>, run: &mut String, context: Context) {
    let text = unpadded(&clean_line(&decode_entities(run)));
    run.clear();
    if !text.is_empty() {
        entries.push((Entry::Loose(text), context));
    }
}

/// The `datePublished` of a JSON-LD block (schema.org metadata), wherever it is nested (an
/// `@graph`, a list of objects): the first one found.
fn json_ld_date(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json.trim()).ok()?;
    let mut stack = vec![&value];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(date)) = map.get("datePublished") {
                    let date = collapse_whitespace(date);
                    if !date.is_empty() {
                        return Some(date);
                    }
                }
                stack.extend(map.values().rev());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

/// Whether `title` (a `<title>` or `og:title`) is `paragraph`, alone or with the site's name
/// ("Headline | Site", "Site - Headline").
fn repeats_title(paragraph: &str, title: &str) -> bool {
    let paragraph = comparable(paragraph);
    let title = title.replace(" - ", "|");
    !paragraph.is_empty()
        && (comparable(&title) == paragraph
            || title
                .split(['|', '–', '—'])
                .any(|part| comparable(part) == paragraph))
}

/// An `<article>` long enough to be a story of its own.
fn is_story(part: &Part) -> bool {
    part.words >= MIN_ARTICLE_WORDS
}

/// What the walk found inside one `<article>`.
#[derive(Debug, Default)]
struct PartText {
    paragraphs: Vec<Item>,
    captions: Vec<String>,
    comments: Vec<String>,
}

/// What a page's metadata says for each of its stories.
struct Page {
    source: Option<String>,
    date: Option<String>,
}

/// A page of several stories: one article per [`is_story`] `<article>`. Each takes its own
/// headline (its `<h1>`, else the heading it opens with), text, captions, comments and `<time>`;
/// of the page's metadata the site name, which speaks for every story, and the page's date for a
/// story that states none, marked as inferred (a digest's stories are of its day, but not
/// stated so); the page's author and address are the page's, not necessarily each story's. One
/// pass over each list, so a page of thousands of `<article>`s stays linear.
fn split_stories(text: &str, found: Found, page: &Page, parsed: &mut Parsed) {
    let Found {
        article_paragraphs,
        captions,
        comments,
        times,
        parts,
        ..
    } = found;
    let mut texts: Vec<PartText> = parts.iter().map(|_| PartText::default()).collect();
    for item in article_paragraphs {
        if let Some(part) = item.part.and_then(|index| texts.get_mut(index)) {
            part.paragraphs.push(item);
        }
    }
    for (index, caption) in captions {
        if let Some(part) = index.and_then(|index| texts.get_mut(index)) {
            part.captions.push(caption);
        }
    }
    for (index, comment) in comments {
        if let Some(part) = index.and_then(|index| texts.get_mut(index)) {
            part.comments.push(comment);
        }
    }
    // Parts and times are both in document order: one cursor each.
    let mut times = times.into_iter().peekable();
    let mut lines = LineCounter::default();
    // The first short one's line, how many there are, and where its warning goes among the
    // stories' own (in line order).
    let mut short: Option<(usize, usize, usize)> = None;
    let mut stories = 0usize;
    for (part, part_text) in parts.iter().zip(texts) {
        let line = lines.line_at(text, part.start);
        while times.next_if(|(at, _)| *at < part.start).is_some() {}
        let time = times
            .next_if(|(at, _)| *at <= part.end)
            .map(|(_, time)| time);
        if !is_story(part) {
            let (_, count, _) = short.get_or_insert((line, 0, parsed.problems.len()));
            *count = count.saturating_add(1);
            continue;
        }
        stories = stories.saturating_add(1);
        let mut article = blank_article();
        article.source.clone_from(&page.source);
        let mut items = part_text.paragraphs.into_iter().peekable();
        let title = part
            .h1
            .clone()
            .or_else(|| items.next_if(|item| item.heading).map(|item| item.text));
        article.date_text = time;
        fill_text(
            &mut article,
            items.map(|item| item.text).collect(),
            part_text.captions,
            part_text.comments,
        );
        let inherited = article.date_text.is_none() && page.date.is_some();
        if inherited {
            article.date_text.clone_from(&page.date);
        }
        set_date(&mut article, Some(line), parsed);
        article.date_inferred = inherited && article.date.is_some();
        match title {
            Some(title) => article.title = title.into(),
            None => {
                let first = article.body.first().map(ToString::to_string);
                article.title =
                    crate::ingest::text::title_from_first_words(&first.unwrap_or_default()).into();
                parsed.problems.push(Problem {
                    line: Some(line),
                    message:
                        "this <article> has no headline; the title is the first words of its text"
                            .to_string(),
                    unread: None,
                });
            }
        }
        parsed.drafts.push(Draft {
            article,
            line: Some(line),
            id_hint: None,
        });
    }
    if let Some((first_line, count, at)) = short {
        let at = at.min(parsed.problems.len());
        parsed.problems.insert(
            at,
            Problem {
            line: Some(first_line),
            message: format!(
                "{count} short <article> element(s) (under {MIN_ARTICLE_WORDS} words, such as teasers) left out; the page's {stories} longer ones are each an article"
            ),
                unread: None,
            },
        );
    }
}

/// The date its `date_text` states, or a problem saying it is not understood.
fn set_date(article: &mut crate::Article, line: Option<usize>, parsed: &mut Parsed) {
    let Some(date_text) = article.date_text.as_deref() else {
        return;
    };
    article.date = dates::parse_stated(date_text);
    if article.date.is_none() {
        parsed.problems.push(Problem {
            line,
            message: dates::not_understood_message(date_text),
            unread: None,
        });
    }
}

/// Body (page furniture handled as in `.txt`, the opening dateline split off), captions and
/// reader comments.
fn fill_text(
    article: &mut crate::Article,
    paragraphs: Vec<String>,
    captions: Vec<String>,
    comments: Vec<String>,
) {
    let mut by_line = furniture::FirstByLine::default();
    for paragraph in paragraphs {
        // "By Saleem Shahid | Published November 9, 2024" above the text: too long for a
        // byline line, and its date is the article's unless the page's metadata states one.
        if article.body.is_empty() {
            if let Some((name, date_words)) = furniture::byline_with_date(&paragraph) {
                by_line.read(&mut article.byline, name);
                article
                    .date_text
                    .get_or_insert_with(|| date_words.to_string());
                continue;
            }
        }
        match furniture::classify(&paragraph).map(|m| (m.rule.action, m.captured)) {
            Some((Action::Drop, _)) => {}
            Some((Action::EndOfArticle | Action::CommentArea, _)) => break,
            // Above the text a byline line is the byline, not the first paragraph, which the
            // dateline opens.
            Some((Action::Byline, byline)) if article.body.is_empty() => {
                by_line.read(&mut article.byline, byline);
            }
            Some((Action::Byline, byline)) if article.byline.is_none() => {
                article.byline = Some(byline.to_string());
            }
            Some((Action::Kind(kind), _)) => article.kind = kind.to_string(),
            // "Updated: 12 June 2024" above the text dates the article when the page's
            // metadata does not.
            Some((Action::Stamp, stamp)) if article.body.is_empty() => {
                article.date_text.get_or_insert_with(|| stamp.to_string());
            }
            _ => article.body.push(paragraph.into()),
        }
    }
    take_opening_dateline(article);
    article.captions = captions.into_iter().map(Text::from).collect();
    // The comment area's own furniture ("2 Comments", "Reply") is not a comment.
    article.comments = comments
        .into_iter()
        .filter(|comment| furniture::classify(comment).is_none())
        .map(Text::from)
        .collect();
}

/// The byte range of a tag's source in `text`: tl borrows every tag from the text it parses,
/// and an element's source runs to its closing tag once that is found.
fn span(text: &str, tag: &tl::HTMLTag<'_>) -> (usize, usize) {
    let raw = tag.raw().as_bytes();
    let start = (raw.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|start| *start <= text.len())
        .unwrap_or(0);
    (start, start.saturating_add(raw.len()))
}

/// The text under a tag (iteratively), skipping scripts and styles; `<br>` becomes a space.
fn text_of(tag: &tl::HTMLTag<'_>, parser: &tl::Parser<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<tl::NodeHandle> = tag
        .children()
        .top()
        .as_slice()
        .iter()
        .rev()
        .copied()
        .collect();
    while let Some(handle) = stack.pop() {
        match handle.get(parser) {
            Some(tl::Node::Raw(raw)) => out.push_str(&raw.as_utf8_str()),
            Some(tl::Node::Tag(child)) => {
                let name = child.name().as_utf8_str().to_ascii_lowercase();
                if name == "br" {
                    out.push(' ');
                } else if !SKIPPED_TAGS.contains(&name.as_str()) {
                    out.push(' ');
                    stack.extend(child.children().top().as_slice().iter().rev().copied());
                }
            }
            Some(tl::Node::Comment(_)) | None => {}
        }
    }
    unpadded(&collapse_whitespace(&out))
}

/// An element's text as one clean line (entities decoded).
fn line_of(tag: &tl::HTMLTag<'_>, parser: &tl::Parser<'_>) -> String {
    clean_line(&decode_entities(&text_of(tag, parser)))
}

/// Inline tags were padded with spaces: undoes the space that lands before punctuation.
fn unpadded(text: &str) -> String {
    text.replace(" ,", ",").replace(" .", ".")
}

/// Decodes the character references a news page uses: numeric ones and the common named ones.
/// Unknown names are left as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let (before, from_amp) = rest.split_at(at);
        out.push_str(before);
        let end = from_amp
            .get(1..)
            .and_then(|r| r.find(';'))
            .filter(|e| *e <= 10);
        let decoded = end.and_then(|end| {
            let name = from_amp.get(1..end.saturating_add(1))?;
            entity(name).map(|c| (c, end.saturating_add(2)))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = from_amp.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = from_amp.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return char::from_u32(code);
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_page() {
        let html = r#"<!doctype html><html><head><title>Site | Headline</title>
            <meta property="og:site_name" content="Dawn"><meta name="author" content="Jane Doe">
            <link rel="canonical" href="https://example.com/a"><script>var p = "<p>no</p>";</script></head>
            <body><nav><p>Home</p></nav><header><p>Menu</p></header>
            <article><h1>The &amp; headline</h1><time datetime="2024-06-20T10:00:00Z">June</time>
            <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
            <p>First <b>paragraph</b>, with&nbsp;text.</p><p>Read more: elsewhere</p><h2>Sub</h2><p>Second.</p><p>Follow us on X</p>
            <div class="comments"><p>A reader comment</p></div></article>
            <aside><p>Ad</p></aside><footer><p>Footer</p></footer></body></html>"#;
        let parsed = parse(html);
        let article = parsed.drafts.first().map(|d| d.article.clone());
        let article = article.unwrap_or_else(blank_article);
        assert_eq!(article.title, "The & headline");
        assert_eq!(
            article.body,
            ["First paragraph, with text.", "Sub", "Second."]
        );
        assert_eq!(article.captions, ["A caption"]);
        assert_eq!(article.comments, ["A reader comment"]);
        assert_eq!(article.date.as_deref(), Some("2024-06-20"));
        assert_eq!(article.source.as_deref(), Some("Dawn"));
        assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(article.url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn lists_stay_lists() {
        // Items of a list read as paragraphs lost what made them a list: bullets now begin with
        // the body's list bullet and numbered items keep their number, from the list's start.
        let html = r#"<html><body><article><h1>Budget talks stall</h1>
            <p>The ministry listed its demands.</p>
            <ul><li>Raise the tax base</li><li>Cut <b>energy</b> subsidies</li><li>Follow us on X</li></ul>
            <ol start="3"><li>Table the bill</li><li>Vote</li></ol>
            <p>Talks resume.</p></article></body></html>"#;
        let parsed = parse(html);
        let article = parsed.drafts.first().map(|d| d.article.clone());
        let article = article.unwrap_or_else(blank_article);
        assert_eq!(
            article.body,
            [
                "The ministry listed its demands.",
                "• Raise the tax base",
                "• Cut energy subsidies",
                "3. Table the bill",
                "4. Vote",
                "Talks resume."
            ]
        );
    }

    fn only(html: &str) -> crate::Article {
        let parsed = parse(html);
        assert_eq!(parsed.drafts.len(), 1, "{:?}", parsed.problems);
        let article = parsed.drafts.first().map(|d| d.article.clone());
        article.unwrap_or_else(blank_article)
    }

    #[test]
    fn text_in_divs_or_between_brs_is_the_body_and_furniture_boxes_are_not() {
        // Pages that hold their text in <div>s or between <br>s came out with an empty body.
        let article = only(
            r#"<article><h1>Harbour dredging</h1><div class="byline">By <a rel="author">Dagny Aurell</a></div>
            <div class="text-block">Dredging will start in <b>July</b>, the board said.</div>
            <div class="share-bar">Facebook Twitter Email</div>
            <div class="related"><h3>Other story</h3><p>Teaser text.</p></div></article>"#,
        );
        assert_eq!(article.title, "Harbour dredging");
        assert_eq!(article.byline.as_deref(), Some("Dagny Aurell"));
        assert_eq!(
            article.body,
            ["Dredging will start in July, the board said."]
        );
        let article = only(
            r#"<html><body><div id="menu"><a href="/">Home</a> | <a href="/news">News</a></div>
            <h1>Dredging</h1><span class="author">Written by Dagny Aurell</span><br>
            First paragraph of the text.<br><br>Second &amp; last.<br><br>&copy; Gazette 2024</body></html>"#,
        );
        assert_eq!(article.byline.as_deref(), Some("Dagny Aurell"));
        assert_eq!(
            article.body,
            ["First paragraph of the text.", "Second & last."]
        );
    }

    #[test]
    fn an_article_s_own_header_gives_its_headline_and_byline() {
        // The <h1> and byline in <article><header> were skipped as page furniture: the title
        // fell back to the site's <title> and the byline was lost.
        let article = only(
            r#"<html><head><title>Valmora Post</title></head><body><header><p>Site menu</p></header>
            <article><header><h1>Fishermen report low catches</h1><p class="byline">By Dagny Aurell</p>
            <time datetime="2024-03-19">19 March 2024</time></header><p>Catches fell this spring.</p>
            </article></body></html>"#,
        );
        assert_eq!(article.title, "Fishermen report low catches");
        assert_eq!(article.byline.as_deref(), Some("Dagny Aurell"));
        assert_eq!(article.date.as_deref(), Some("2024-03-19"));
        assert_eq!(article.body, ["Catches fell this spring."]);
    }

    #[test]
    fn a_by_line_is_the_byline_over_the_meta_author() {
        // The README promises it, but <meta name="author"> was kept and the line lost.
        let article = only(
            r#"<html><head><meta name="author" content="Dagny Aurell"></head><body><h1>T</h1>
            <p>By Tomasz Kereny</p><p>The council met.</p></body></html>"#,
        );
        assert_eq!(article.byline.as_deref(), Some("Tomasz Kereny"));
        assert_eq!(article.body, ["The council met."]);
    }

    #[test]
    fn an_h2_headline_the_title_repeats_is_not_the_first_paragraph() {
        // With no <h1>, the <h2> headline was the title's twin and the body's first paragraph.
        for title in [
            "Authority orders review",
            "Authority orders review | Valmora Post",
        ] {
            let article = only(&format!(
                r#"<html><head><title>{title}</title></head><body><div class="story">
                <h2 class="title">Authority orders review</h2><p>The authority ordered it.</p>
                </div></body></html>"#
            ));
            assert_eq!(article.title, "Authority orders review");
            assert_eq!(article.body, ["The authority ordered it."]);
        }
    }

    #[test]
    fn dates_in_json_ld_dublin_core_or_an_updated_line_date_the_article() {
        // Each of these left the article undated with no warning.
        let text = "<h1>Residents protest</h1><p>Residents protested on Tuesday.</p>";
        for (head, body, date) in [
            (
                r#"<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-04-02"}]}</script>"#,
                "",
                "2024-04-02",
            ),
            (
                r#"<meta name="DC.date.issued" content="20240522">"#,
                "",
                "2024-05-22",
            ),
            (
                r#"<meta name="dcterms.created" content="2024-05-23">"#,
                "",
                "2024-05-23",
            ),
            ("", "<p>Updated: 12 June 2024, 10:32</p>", "2024-06-12"),
        ] {
            let article = only(&format!(
                "<html><head>{head}</head><body>{body}{text}</body></html>"
            ));
            assert_eq!(article.date.as_deref(), Some(date), "{head}{body}");
            assert_eq!(article.body, ["Residents protested on Tuesday."]);
        }
        // A digest's stories that state no date of their own take the page's, as inferred.
        let html = format!(
            r#"<html><head><meta name="DC.date.issued" content="2024-04-09T12:00:00Z"></head><body>
            <article><h2>One</h2><p>{}</p></article><article><h2>Two</h2><p>{}</p></article></body></html>"#,
            words(60, "alpha"),
            words(60, "beta")
        );
        let parsed = parse(&html);
        let dates: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| (d.article.date.as_deref(), d.article.date_inferred))
            .collect();
        assert_eq!(
            dates,
            [(Some("2024-04-09"), true), (Some("2024-04-09"), true)]
        );
    }

    #[test]
    fn a_byline_marked_by_its_class_is_the_byline() {
        // "DAGNY AURELL" in <p class="byline"> was the first paragraph, and the "Updated" line
        // under it was no longer above the text.
        let article = only(
            r#"<h1>B5</h1><p class="byline">DAGNY AURELL</p><p>Updated: 12 June 2024, 10:32</p>
            <p>The council met on Monday.</p>"#,
        );
        assert_eq!(article.byline.as_deref(), Some("Dagny Aurell"));
        assert_eq!(article.date.as_deref(), Some("2024-06-12"));
        assert_eq!(article.body, ["The council met on Monday."]);
    }

    #[test]
    fn a_written_by_line_with_its_date_gives_both() {
        // "Written by Mei-Lin Sorensen · March 11, 2024" stayed in the body, and with an ISO
        // date the whole line was the byline.
        for (date, iso) in [
            ("March 11, 2024", "2024-03-11"),
            ("2024-04-22", "2024-04-22"),
        ] {
            let article = only(&format!(
                r#"<h1>Budget overrun</h1><div class="meta"><span class="author">Written by Mei-Lin Sorensen</span>
                · <span class="date">{date}</span></div><p>The council met.</p>"#
            ));
            assert_eq!(article.byline.as_deref(), Some("Mei-Lin Sorensen"));
            assert_eq!(article.date.as_deref(), Some(iso));
            assert_eq!(article.body, ["The council met."]);
        }
    }

    #[test]
    fn a_kicker_over_the_headline_is_the_section_not_the_text() {
        // Read as text in a <div>, "Environment" became the first paragraph.
        let article = only(
            r#"<div class="content"><div class="kicker">Environment</div><h1>Dam vote</h1>
            <p>The council met.</p></div>"#,
        );
        assert_eq!(article.section.as_deref(), Some("Environment"));
        assert_eq!(article.body, ["The council met."]);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2014; &bogus; &"),
            "a & b ’ — &bogus; &"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(50_000) + "<p>Deep text here.</p>";
        let parsed = parse(&html);
        assert_eq!(parsed.drafts.len(), 1);
    }

    fn words(count: usize, word: &str) -> String {
        vec![word; count].join(" ") + "."
    }

    #[test]
    fn each_top_level_article_with_enough_text_is_an_article() {
        let html = format!(
            r#"<html><head><title>Daily digest</title><meta property="og:site_name" content="The Daily">
            <meta property="article:published_time" content="2024-03-09"></head><body>
            <nav><p>Home</p></nav><main>
            <article><h2>First story headline</h2><p>By Jane Doe</p>
            <div class="meta"><time datetime="2024-03-01">1 March 2024</time></div><p>{}</p><p>Read more: elsewhere</p>
            <figure><figcaption>First caption</figcaption></figure>
            <article class="comment"><p>A reader comment</p></article></article>
            <article><h1>Second story headline</h1>
            <p>{}</p><p>{}</p></article>
            <article><h3>A teaser</h3><p>One short line.</p></article>
            </main></body></html>"#,
            words(60, "alpha"),
            words(30, "beta"),
            words(30, "gamma")
        );
        let parsed = parse(&html);
        let stories: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| {
                let a = &d.article;
                (
                    a.title.to_string(),
                    a.body.len(),
                    a.date.clone(),
                    a.byline.clone(),
                    a.source.clone(),
                    a.captions.len(),
                    a.comments.len(),
                    d.line,
                )
            })
            .collect();
        assert_eq!(
            stories,
            [
                (
                    "First story headline".to_string(),
                    1,
                    Some("2024-03-01".to_string()),
                    Some("Jane Doe".to_string()),
                    Some("The Daily".to_string()),
                    1,
                    1,
                    Some(4)
                ),
                (
                    "Second story headline".to_string(),
                    2,
                    // The page's date, inferred: the story states none.
                    Some("2024-03-09".to_string()),
                    None,
                    Some("The Daily".to_string()),
                    0,
                    0,
                    Some(8)
                ),
            ]
        );
        let problems = parsed.problem_lines();
        assert_eq!(
            problems,
            [(
                Some(10),
                "1 short <article> element(s) (under 50 words, such as teasers) left out; the page's 2 longer ones are each an article"
            )]
        );
    }

    #[test]
    fn one_long_article_and_teasers_stay_one_article() {
        let html = format!(
            "<article><h1>Main</h1><p>{}</p></article><article><h2>Teaser</h2><p>Short.</p></article>",
            words(80, "word")
        );
        let parsed = parse(&html);
        let bodies: Vec<usize> = parsed.drafts.iter().map(|d| d.article.body.len()).collect();
        assert_eq!(bodies, [3]);
        assert!(parsed.problems.is_empty());
    }

    #[test]
    fn a_byline_with_its_date_above_the_text_is_the_byline_and_the_dateline_follows() {
        // The page's byline paragraph was the article's first paragraph and its snippet,
        // `byline:shahid` found nothing, and "QUETTA:" after it was no dateline.
        let page = |meta: &str| {
            format!(
                r#"<html><head><title>Blast at Quetta station | The Daily Example</title>{meta}</head><body>
                <article><h1>Blast at Quetta station</h1>
                <p class="byline">By Saleem Shahid | Published November 9, 2024</p>
                <p>QUETTA: A suicide bomber struck the railway station on Saturday morning.</p><p>{}</p>
                </article></body></html>"#,
                words(60, "alpha")
            )
        };
        let stated =
            r#"<meta property="article:published_time" content="2024-11-10T10:30:00+05:00">"#;
        for (meta, date) in [("", "2024-11-09"), (stated, "2024-11-10")] {
            let parsed = parse(&page(meta));
            assert_eq!(parsed.drafts.len(), 1);
            let article = &parsed.drafts[0].article;
            assert_eq!(article.byline.as_deref(), Some("Saleem Shahid"));
            assert_eq!(article.dateline.as_deref(), Some("Quetta"));
            assert_eq!(
                article.body.first().map(ToString::to_string).as_deref(),
                Some("A suicide bomber struck the railway station on Saturday morning.")
            );
            // The page's own metadata wins over the line's date.
            assert_eq!(article.date.as_deref(), Some(date), "{meta}");
        }
    }

    #[test]
    fn a_byline_paragraph_is_the_byline_when_the_metadata_names_the_author() {
        // With `<meta name="author">`, the byline paragraph was the first paragraph and the
        // result's snippet, and "SANTIAGO —" after it was no dateline.
        let html = format!(
            r#"<html><head><meta name="author" content="Carlos Mendoza"></head><body><article>
            <h1>Chile passes lithium bill</h1><p class="byline">By Carlos Mendoza</p>
            <p>SANTIAGO — The Senate approved the bill on Tuesday.</p><p>{}</p>
            </article></body></html>"#,
            words(60, "alpha")
        );
        let parsed = parse(&html);
        let article = parsed.drafts.first().map(|d| d.article.clone());
        let article = article.unwrap_or_else(blank_article);
        assert_eq!(article.byline.as_deref(), Some("Carlos Mendoza"));
        assert_eq!(article.dateline.as_deref(), Some("Santiago"));
        assert_eq!(
            article.body.first().map(ToString::to_string).as_deref(),
            Some("The Senate approved the bill on Tuesday.")
        );
    }

    #[test]
    fn each_story_takes_the_dateline_its_first_paragraph_opens_with() {
        // The stories of a saved page kept "PESHAWAR:" as their first word and had no dateline.
        let html = format!(
            r#"<html><head><meta property="og:site_name" content="The Daily Ledger"></head><body><main>
            <article><h2>Torkham crossing to reopen</h2><p class="byline">By Hamid Shah</p>
            <time datetime="2024-10-02">2 October 2024</time>
            <p>PESHAWAR: Afghanistan and Pakistan agreed to reopen the crossing.</p><p>{}</p></article>
            <article><h2>Rate held</h2><p>KARACHI, Oct 3 (Reuters) - The State Bank kept its rate.</p><p>{}</p></article>
            <article><h2>A label is not a place</h2><p>UPDATE: The board has since named a chairman.</p><p>{}</p></article>
            </main></body></html>"#,
            words(60, "alpha"),
            words(60, "beta"),
            words(60, "gamma")
        );
        let parsed = parse(&html);
        let stories: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| {
                let a = &d.article;
                (
                    a.dateline.clone(),
                    a.body.first().map(ToString::to_string),
                    a.source.clone(),
                    a.date.clone(),
                )
            })
            .collect();
        assert_eq!(
            stories,
            [
                (
                    Some("Peshawar".to_string()),
                    Some("Afghanistan and Pakistan agreed to reopen the crossing.".to_string()),
                    Some("The Daily Ledger".to_string()),
                    Some("2024-10-02".to_string()),
                ),
                (
                    Some("Karachi".to_string()),
                    Some("The State Bank kept its rate.".to_string()),
                    // The page's publisher is stated; the agency does not replace it.
                    Some("The Daily Ledger".to_string()),
                    None,
                ),
                (
                    None,
                    Some("UPDATE: The board has since named a chairman.".to_string()),
                    Some("The Daily Ledger".to_string()),
                    None,
                ),
            ]
        );
    }

    #[test]
    fn a_page_of_one_story_takes_its_dateline_and_the_dated_one_gives_a_missing_date() {
        let html = "<html><head><title>Council meets</title></head><body><article>\
            <p>NEW YORK, June 20, 2024 (AP) – The council met.</p><p>It agreed.</p>\
            </article></body></html>";
        let parsed = parse(html);
        let article = parsed.drafts.first().map(|d| d.article.clone());
        let article = article.unwrap_or_else(blank_article);
        assert_eq!(article.dateline.as_deref(), Some("New York"));
        assert_eq!(article.body, ["The council met.", "It agreed."]);
        assert_eq!(article.source.as_deref(), Some("AP"));
        assert_eq!(article.date.as_deref(), Some("2024-06-20"));
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    }

    #[test]
    fn a_story_without_a_headline_is_named_by_its_line() {
        let html = format!(
            "<article><h2>Headed</h2><p>{}</p></article>\n\n<article><p>{}</p></article>",
            words(60, "one"),
            words(60, "two")
        );
        let parsed = parse(&html);
        let titles: Vec<&str> = parsed
            .drafts
            .iter()
            .map(|d| d.article.title.as_str())
            .collect();
        assert_eq!(
            titles,
            ["Headed", "two two two two two two two two two two two two"]
        );
        let problems = parsed.problem_lines();
        assert_eq!(
            problems,
            [(
                Some(3),
                "this <article> has no headline; the title is the first words of its text"
            )]
        );
    }
}
