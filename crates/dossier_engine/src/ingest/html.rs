//! HTML pages: the headline, the article's paragraphs, captions and reader comments, without
//! scripts, styles, navigation, headers, footers, asides or forms.
//!
//! Parsed with `tl`: a small, dependency-free DOM parser (tens of KiB in wasm). `scraper`
//! (html5ever + selectors + cssparser) and `lol_html` (a streaming rewriter built on cssparser)
//! are each several times larger; a news page needs a tree and a few tag names, not CSS
//! selectors or spec-exact error recovery. The walk below is iterative, so deeply nested input
//! cannot overflow the stack, and text is gathered by us (entities decoded here: tl leaves them).

use super::dates;
use super::furniture::{self, Action};
use super::text::{clean_line, collapse_whitespace};
use super::{blank_article, Draft, Parsed, Problem};
use crate::text::Text;

/// Subtrees that are never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "head",
];

/// Tags whose text is one paragraph of the body.
const PARAGRAPH_TAGS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote"];

#[derive(Debug, Clone, Copy, Default)]
struct Context {
    in_article: bool,
    in_comments: bool,
}

/// What the walk found, before choosing.
#[derive(Debug, Default)]
struct Found {
    h1: Option<String>,
    title_tag: Option<String>,
    article_paragraphs: Vec<String>,
    other_paragraphs: Vec<String>,
    captions: Vec<String>,
    comments: Vec<String>,
    time_datetime: Option<String>,
}

/// Parses a decoded `.html` file into one article.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let dom = match tl::parse(text, tl::ParserOptions::default()) {
        Ok(dom) => dom,
        Err(error) => {
            parsed.problems.push(Problem {
                line: None,
                message: format!("HTML could not be parsed, file skipped: {error}"),
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
                    "article:published_time" | "date" | "pubdate" => {
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
                    found.time_datetime.get_or_insert(datetime);
                }
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
    let mut stack: Vec<(tl::NodeHandle, Context)> = dom
        .children()
        .iter()
        .rev()
        .map(|handle| (*handle, Context::default()))
        .collect();
    while let Some((handle, context)) = stack.pop() {
        let Some(tag) = handle.get(parser).and_then(tl::Node::as_tag) else {
            continue;
        };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        if SKIPPED_TAGS.contains(&name.as_str()) {
            continue;
        }
        let marker = |key: &str| {
            tag.attributes()
                .get(key)
                .flatten()
                .is_some_and(|v| v.as_utf8_str().to_ascii_lowercase().contains("comment"))
        };
        let context = Context {
            in_article: context.in_article || name == "article" || name == "main",
            in_comments: context.in_comments || marker("class") || marker("id"),
        };
        let is_paragraph = PARAGRAPH_TAGS.contains(&name.as_str());
        if name == "h1" || name == "figcaption" || is_paragraph {
            let text = clean_line(&decode_entities(&text_of(tag, parser)));
            if text.is_empty() {
                continue;
            }
            if name == "h1" {
                if found.h1.is_none() {
                    found.h1 = Some(text);
                } else {
                    found.other_paragraphs.push(text);
                }
            } else if name == "figcaption" {
                found.captions.push(text);
            } else if context.in_comments {
                found.comments.push(text);
            } else if context.in_article {
                found.article_paragraphs.push(text);
            } else {
                found.other_paragraphs.push(text);
            }
            continue;
        }
        for child in tag.children().top().as_slice().iter().rev() {
            stack.push((*child, context));
        }
    }

    let paragraphs = if found.article_paragraphs.is_empty() {
        found.other_paragraphs
    } else {
        found.article_paragraphs
    };
    for paragraph in paragraphs {
        match furniture::classify(&paragraph).map(|m| (m.rule.action, m.captured)) {
            Some((Action::Drop, _)) => {}
            Some((Action::EndOfArticle | Action::CommentArea, _)) => break,
            Some((Action::Byline, byline)) if article.byline.is_none() => {
                article.byline = Some(byline.to_string());
            }
            Some((Action::Kind(kind), _)) => article.kind = kind.to_string(),
            _ => article.body.push(paragraph.into()),
        }
    }
    article.captions = found.captions.into_iter().map(Text::from).collect();
    // The comment area's own furniture ("2 Comments", "Reply") is not a comment.
    article.comments = found
        .comments
        .into_iter()
        .filter(|comment| furniture::classify(comment).is_none())
        .map(Text::from)
        .collect();
    if article.date_text.is_none() {
        article.date_text = found.time_datetime;
    }
    article.date = article
        .date_text
        .as_deref()
        .and_then(dates::parse_date)
        .map(dates::iso);
    match found.h1.or(found.title_tag) {
        Some(title) => article.title = title.into(),
        None => {
            let Some(first) = article.body.first() else {
                parsed.problems.push(Problem {
                    line: None,
                    message: "no headline and no paragraphs found".to_string(),
                });
                return parsed;
            };
            article.title = crate::ingest::text::title_from_first_words(first).into();
            parsed.problems.push(Problem {
                line: None,
                message: "no <h1> or <title>; the title is the first words of the text".to_string(),
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
    // Inline tags were padded with spaces; undo the space that lands before punctuation.
    collapse_whitespace(&out)
        .replace(" ,", ",")
        .replace(" .", ".")
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
            <p>First <b>paragraph</b>, with&nbsp;text.</p><p>Read more: elsewhere</p><h2>Sub</h2><p>Second.</p>
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
}
