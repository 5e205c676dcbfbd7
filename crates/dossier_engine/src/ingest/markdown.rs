//! Markdown: optional front matter for the metadata, then paragraphs.
//!
//! Front matter is read by hand: YAML (`---`) or TOML (`+++`), flat `key: value` / `key = value`
//! pairs with optional quotes. That is all an article's title/date/source needs; `serde_yaml` is
//! unmaintained and both it and `toml` would pull parsers many times this module's size into the
//! page. Nested values and lists are not read (said for keys the article takes); keys it does not
//! take are named in one warning per file, as records' unread keys are.
//!
//! The body: blank-line-separated blocks; the first `# heading` is the title when the front matter
//! gives none; list items and headings become paragraphs; images give captions; links keep their
//! text; emphasis is removed. Page furniture is removed by the same rules as `.txt`.

use super::dates;
use super::furniture::{self, Action};
use super::text::{clean_line, collapse_whitespace, comparable};
use super::unread::{self, RecordWords, UnreadKeys};
use super::{blank_article, Draft, Parsed, Problem};

/// The front-matter keys the article record takes (others are named as not read).
const KNOWN_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "description",
    "standfirst",
    "date",
    "published",
    "source",
    "publisher",
    "author",
    "byline",
    "section",
    "category",
    "kind",
    "url",
    "label",
    "id",
    "slug",
];

/// What the unread-keys message calls front-matter keys (one file, one record: no counts).
const FRONT_MATTER_WORDS: RecordWords = RecordWords {
    key: "front-matter key",
    keys: "front-matter keys",
    record: "file",
    records: "files",
};

/// Front matter: the keys the article takes, in order, values unquoted, with their lines.
type FrontMatter = Vec<(String, String, usize)>;

/// Parses a decoded `.md` file into one article.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let (front, body_text, body_first_line) = split_front_matter(text, &mut parsed.problems);
    let mut article = blank_article();
    let mut id_hint = None;
    for (key, value, line) in front {
        match key.as_str() {
            "title" => article.title = value.into(),
            "subtitle" | "description" | "standfirst" => article.subtitle = Some(value),
            "date" | "published" => {
                article.date = dates::parse_stated(&value);
                if article.date.is_none() {
                    parsed.problems.push(Problem {
                        line: Some(line),
                        message: format!(
                            "date \"{value}\" not understood; the article has no date (the words are kept)"
                        ),
                    });
                }
                article.date_text = Some(value);
            }
            "source" | "publisher" => article.source = Some(value),
            "author" | "byline" => article.byline = Some(value),
            "section" | "category" => article.section = Some(value),
            "kind" => article.kind = value,
            "url" => article.url = Some(value),
            "label" => article.label = Some(value),
            "id" | "slug" => id_hint = Some(value),
            _ => {}
        }
    }
    let mut in_comments = false;
    for block in blocks(body_text) {
        match block {
            Block::Heading { level: 1, text } if article.title.is_empty() => {
                article.title = text.into()
            }
            // The front matter's title printed again above the text (as `# Title`, or in bold):
            // once is enough.
            Block::Heading { text, .. } | Block::Paragraph(text)
                if article.body.is_empty()
                    && !article.title.is_empty()
                    && comparable(&text) == comparable(&article.title) => {}
            Block::Image { alt } => article.captions.push(alt.into()),
            Block::Heading { text, .. } | Block::Paragraph(text) => {
                match furniture::classify(&text).map(|m| (m.rule.action, m.captured)) {
                    Some((Action::Drop, _)) => {}
                    Some((Action::EndOfArticle, _)) => break,
                    Some((Action::CommentArea, _)) => in_comments = true,
                    Some((Action::Kind(kind), _)) => article.kind = kind.to_string(),
                    Some((Action::Byline, byline)) if article.byline.is_none() => {
                        article.byline = Some(byline.to_string());
                    }
                    Some((Action::Stamp, stamp)) if article.date_text.is_none() => {
                        article.date = dates::parse_date(stamp).map(dates::iso);
                        article.date_text = Some(stamp.to_string());
                    }
                    Some((Action::Source, source)) if article.source.is_none() => {
                        article.source = Some(source.to_string());
                    }
                    _ if in_comments => article.comments.push(text.into()),
                    _ => article.body.push(text.into()),
                }
            }
        }
    }
    if article.title.is_empty() {
        let Some(first) = article.body.first() else {
            return parsed;
        };
        article.title = crate::ingest::text::title_from_first_words(first).into();
        parsed.problems.push(Problem {
            line: Some(body_first_line),
            message:
                "no title (front matter or `# heading`); the title is the first words of the text"
                    .to_string(),
        });
    }
    parsed.drafts.push(Draft {
        article,
        line: Some(1),
        id_hint,
    });
    parsed
}

/// Splits off the front matter. Returns it, the rest of the text and the rest's first line number.
fn split_front_matter<'a>(
    text: &'a str,
    problems: &mut Vec<Problem>,
) -> (FrontMatter, &'a str, usize) {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return (Vec::new(), text, 1);
    };
    let (fence, separator) = match first.trim_end() {
        "---" => ("---", ':'),
        "+++" => ("+++", '='),
        _ => return (Vec::new(), text, 1),
    };
    let mut front = Vec::new();
    let mut consumed = first.len();
    let mut unread_problems = Vec::new();
    // Keys the article does not take that hold something, as written, with their lines.
    let mut unread: Vec<(String, usize)> = Vec::new();
    // Such a key with nothing after it on its line: it holds something if a list or map follows.
    let mut unread_if_continued: Option<(String, usize)> = None;
    for (index, line) in lines.enumerate() {
        let number = index.saturating_add(2);
        consumed = consumed.saturating_add(line.len());
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            problems.extend(unread_problems);
            problems.extend(unread_keys(unread));
            let rest = text.get(consumed..).unwrap_or_default();
            return (front, rest, index.saturating_add(3));
        }
        if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
            continue;
        }
        // Continuation lines of lists and nested maps belong to a key this reader skips.
        if line.starts_with([' ', '\t', '-']) {
            unread.extend(unread_if_continued.take());
            continue;
        }
        unread_if_continued = None;
        let Some((written, value)) = trimmed.split_once(separator) else {
            continue;
        };
        let written = written.trim();
        let key = written.to_lowercase();
        let value = unquote(value.trim());
        let known = KNOWN_KEYS.contains(&key.as_str());
        if !known {
            if value.is_empty() {
                unread_if_continued = Some((written.to_string(), number));
            } else if !holds_nothing(value) {
                unread.push((written.to_string(), number));
            }
        } else if value.is_empty() || value.starts_with(['[', '{']) {
            unread_problems.push(Problem {
                line: Some(number),
                message: format!("front matter `{key}`: lists and nested values are not read"),
            });
        } else {
            front.push((key, value.to_string(), number));
        }
    }
    problems.push(Problem {
        line: Some(1),
        message: format!("front matter opened with `{fence}` is never closed; read as text"),
    });
    (Vec::new(), text, 1)
}

/// A value written as one that gives nothing (`[]`, `{ }`, `null`), by the records' rule.
fn holds_nothing(value: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(value)
        .is_ok_and(|value| unread::holds_nothing(&value))
}

/// The one warning naming the front-matter keys the article does not take, in name order, at the
/// line of the first of them in the file.
fn unread_keys(mut keys: Vec<(String, usize)>) -> Vec<Problem> {
    keys.sort();
    let first_line = keys.iter().map(|(_, line)| *line).min();
    let mut unread = UnreadKeys::default();
    unread.records = 1;
    for (key, _) in &keys {
        unread.count_given(key);
    }
    let read = format!("the keys read are {} (in any case)", KNOWN_KEYS.join(", "));
    unread
        .problems(&FRONT_MATTER_WORDS, &read)
        .into_iter()
        .map(|problem| Problem {
            line: first_line,
            ..problem
        })
        .collect()
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Heading { level: usize, text: String },
    Paragraph(String),
    Image { alt: String },
}

/// Blank-line-separated blocks; list items, headings and images on their own lines stand alone.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut in_fence = false;
    let flush = |paragraph: &mut Vec<String>, out: &mut Vec<Block>| {
        let joined = collapse_whitespace(&paragraph.join(" "));
        if !joined.is_empty() {
            out.push(Block::Paragraph(joined));
        }
        paragraph.clear();
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.starts_with("```") || line.starts_with("~~~") {
            in_fence = !in_fence;
            flush(&mut paragraph, &mut out);
            continue;
        }
        if in_fence {
            paragraph.push(line.to_string());
            continue;
        }
        if line.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && line.chars().nth(hashes) == Some(' ') {
            flush(&mut paragraph, &mut out);
            let text = inline(line.get(hashes..).unwrap_or_default().trim_end_matches('#'));
            out.push(Block::Heading {
                level: hashes,
                text,
            });
            continue;
        }
        if let Some(alt) = image_alt(line) {
            flush(&mut paragraph, &mut out);
            if !alt.is_empty() {
                out.push(Block::Image { alt });
            }
            continue;
        }
        if let Some(item) = list_item(line) {
            flush(&mut paragraph, &mut out);
            paragraph.push(inline(item));
            flush(&mut paragraph, &mut out);
            continue;
        }
        let line = line.strip_prefix('>').map(str::trim).unwrap_or(line);
        paragraph.push(inline(line));
    }
    flush(&mut paragraph, &mut out);
    out
}

/// A line that is only an image: `![alt](src)`.
fn image_alt(line: &str) -> Option<String> {
    let rest = line.strip_prefix("![")?;
    let (alt, after) = rest.split_once("](")?;
    after.ends_with(')').then(|| clean_line(alt))
}

fn list_item(line: &str) -> Option<&str> {
    if let Some(item) = line
        .strip_prefix(['-', '*', '+'])
        .and_then(|r| r.strip_prefix(' '))
    {
        return Some(item);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line.get(digits..)?;
    (digits > 0)
        .then(|| rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")))
        .flatten()
}

/// Inline Markdown to plain text: links keep their text, emphasis and escapes go.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from_bracket) = rest.split_at(open);
        out.push_str(before);
        let link = from_bracket
            .get(1..)
            .and_then(|inner| inner.split_once("]("))
            .and_then(|(label, after)| after.split_once(')').map(|(_, tail)| (label, tail)));
        match link {
            Some((label, tail)) if !label.contains('[') => {
                out.push_str(label);
                rest = tail;
            }
            _ => {
                out.push('[');
                rest = from_bracket.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    clean_line(&strip_single_stars(&out.replace("**", "")))
}

/// Removes `*` used as emphasis (`*word*`): a star that touches a word on one side only.
/// A star with spaces on both sides (`a * b`) is kept.
fn strip_single_stars(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, c) in chars.iter().enumerate() {
        if *c == '*' {
            let before = index.checked_sub(1).and_then(|i| chars.get(i));
            let after = chars.get(index.saturating_add(1));
            let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
            let escaped = before == Some(&'\\');
            if !escaped && word(before) != word(after) {
                continue;
            }
        }
        out.push(*c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(parsed: &Parsed) -> Option<&crate::Article> {
        parsed.drafts.first().map(|d| &d.article)
    }

    #[test]
    fn yaml_front_matter() {
        let parsed = parse("---\ntitle: \"A title\"\ndate: 2024-06-20\nsource: Dawn\nauthor:\n  - a\ntags: [x]\n---\n\nBody *one*.\n\nBody [two](https://x).\n");
        let article = only(&parsed);
        assert_eq!(article.map(|a| a.title.as_str()), Some("A title"));
        assert_eq!(article.and_then(|a| a.date.as_deref()), Some("2024-06-20"));
        assert_eq!(article.and_then(|a| a.source.as_deref()), Some("Dawn"));
        assert_eq!(
            article.map(|a| a.body.clone()),
            Some(vec!["Body one.".into(), "Body two.".into()])
        );
        assert_eq!(
            parsed.problem_lines(),
            [
                (
                    Some(5),
                    "front matter `author`: lists and nested values are not read"
                ),
                (
                    Some(7),
                    format!("1 front-matter key not read (no field goes by this name): `tags`; {KEYS_READ}: rename a front-matter key to one of these to have it read").as_str()
                ),
            ]
        );
    }

    /// The end of the unread-keys message: the keys that are read.
    const KEYS_READ: &str = "the keys read are title, subtitle, description, standfirst, date, published, source, publisher, author, byline, section, category, kind, url, label, id, slug (in any case)";

    #[test]
    fn front_matter_keys_the_article_does_not_take_are_named_once() {
        // `aliases:` with nothing under it, `categories: []` and `weight: null` hold nothing and
        // are not named.
        let parsed = parse(
            "---\ntitle: T\nlayout: post\naliases:\ntags:\n  - a\n  - b\nDraft: true\ncategories: []\nweight: null\n---\nText.\n",
        );
        assert_eq!(only(&parsed).map(|a| a.title.as_str()), Some("T"));
        assert_eq!(
            only(&parsed).map(|a| a.body.clone()),
            Some(vec!["Text.".into()])
        );
        assert_eq!(
            parsed.problem_lines(),
            [(
                Some(3),
                format!("3 front-matter keys not read (no field goes by these names): `Draft`, `layout`, `tags`; {KEYS_READ}: rename a front-matter key to one of these to have it read").as_str()
            )]
        );
        let parsed = parse("+++\ntitle = \"T\"\nweight = 3\n+++\nText.\n");
        let messages: Vec<(Option<usize>, &str)> = parsed
            .problem_lines()
            .into_iter()
            .map(|(line, message)| (line, message.split_once(';').map_or(message, |m| m.0)))
            .collect();
        assert_eq!(
            messages,
            [(
                Some(3),
                "1 front-matter key not read (no field goes by this name): `weight`"
            )]
        );
    }

    #[test]
    fn inline_emphasis_and_escapes() {
        assert_eq!(
            inline(r"a **bold** *word*, a * b and \*kept\*"),
            "a bold word, a * b and *kept*"
        );
        assert_eq!(
            inline("see [the report](https://x.org) now"),
            "see the report now"
        );
    }

    #[test]
    fn toml_front_matter() {
        let parsed = parse("+++\ntitle = 'T'\ndate = \"17 December 2024\"\n+++\nText.\n");
        let article = only(&parsed);
        assert_eq!(article.map(|a| a.title.as_str()), Some("T"));
        assert_eq!(article.and_then(|a| a.date.as_deref()), Some("2024-12-17"));
    }

    #[test]
    fn heading_title_images_lists_and_furniture() {
        let parsed = parse("# Headline\n\n![A caption](x.jpg)\n\nBy Jane Doe\n\n- item one\n- item two\n\nRead more: elsewhere\n\n## Sub\n\nRelated posts\n\nNot this.\n");
        let article = only(&parsed);
        assert_eq!(article.map(|a| a.title.as_str()), Some("Headline"));
        assert_eq!(
            article.map(|a| a.captions.clone()),
            Some(vec!["A caption".into()])
        );
        assert_eq!(article.and_then(|a| a.byline.as_deref()), Some("Jane Doe"));
        assert_eq!(
            article.map(|a| a.body.clone()),
            Some(vec!["item one".into(), "item two".into(), "Sub".into()])
        );
    }

    #[test]
    fn unclosed_front_matter_is_reported_and_read_as_text() {
        let parsed = parse("---\ntitle: x\n");
        assert_eq!(parsed.problems.first().map(|p| p.line), Some(Some(1)));
    }

    #[test]
    fn a_heading_that_repeats_the_front_matter_title_is_not_body_text() {
        let parsed =
            parse("---\ntitle: The Title\n---\n\n# The title\n\nBody.\n\n## The Title\n\nMore.\n");
        assert_eq!(
            only(&parsed).map(|a| a.body.clone()),
            Some(vec!["Body.".into(), "The Title".into(), "More.".into()])
        );
        let parsed = parse("+++\ntitle = \"T: x\"\n+++\n**T: x**\n\nBody.\n");
        assert_eq!(
            only(&parsed).map(|a| a.body.clone()),
            Some(vec!["Body.".into()])
        );
        let parsed = parse("---\ntitle: One\n---\n# Another\n\nBody.\n");
        assert_eq!(
            only(&parsed).map(|a| a.body.clone()),
            Some(vec!["Another".into(), "Body.".into()])
        );
    }

    #[test]
    fn a_front_matter_month_is_kept_and_an_unread_date_said() {
        let parsed = parse("---\ntitle: T\ndate: January 2024\n---\nText.\n");
        assert_eq!(
            only(&parsed).and_then(|a| a.date.as_deref()),
            Some("2024-01")
        );
        let parsed = parse("---\ntitle: T\ndate: someday\n---\nText.\n");
        let problems = parsed.problem_lines();
        assert_eq!(
            problems,
            [(
                Some(3),
                "date \"someday\" not understood; the article has no date (the words are kept)"
            )]
        );
        assert_eq!(
            only(&parsed).and_then(|a| a.date_text.as_deref()),
            Some("someday")
        );
    }
}
