//! Markdown: optional front matter for the metadata, then paragraphs.
//!
//! Front matter is read by hand: YAML (`---`) or TOML (`+++`), flat `key: value` / `key = value`
//! pairs with optional quotes. That is all an article's title/date/source needs; `serde_yaml` is
//! unmaintained and both it and `toml` would pull parsers many times this module's size into the
//! page. A list of plain values (`authors: [A, B]`, or `- A` lines under the key) is read as a
//! record's list is, joined with commas; maps and other nested values are not read (said for keys
//! the article takes); keys it does not
//! take, and a field given twice (`source` and `publisher`, or `title` twice: the first name
//! listed that holds something is read, where first given), are named in one warning per file and
//! cause, as records' unread keys are. A line that is not `key: value`, nor part of a key's list,
//! nested value or block, is named on its line.
//!
//! The body: blank-line-separated blocks; the first `# heading` is the title when the front matter
//! gives none; list items and headings become paragraphs; images give captions; links keep their
//! text; emphasis is removed. Page furniture is removed by the same rules as `.txt`, and an
//! opening wire dateline ("KARACHI: …") is split off as `.txt` splits it.

use super::dateline::take_opening_dateline;
use super::dates;
use super::furniture::{self, Action};
use super::text::{clean_line, collapse_whitespace, comparable};
use super::unread::{self, RecordWords, UnreadKeys};
use super::{blank_article, Draft, Parsed, Problem};
use crate::article::LIST_BULLET;

/// The front-matter keys the article record takes, by field. A field is read from the first of
/// its names here that holds something, where that name is first given; the others (and every
/// other key) are named as not read.
const FIELDS: &[&[&str]] = &[
    &["title"],
    &["subtitle", "description", "standfirst"],
    &["date", "published"],
    &["source", "publisher"],
    &["author", "authors", "byline"],
    &["section", "category"],
    &["kind"],
    &["url"],
    &["label"],
    &["id", "slug"],
];

/// The field a front-matter key (lower case) names, by its first name, and the rank of the key
/// among the field's names (lower wins).
fn field_of(key: &str) -> Option<(&'static str, usize)> {
    FIELDS.iter().find_map(|names| {
        let rank = names.iter().position(|name| *name == key)?;
        names.first().map(|field| (*field, rank))
    })
}

/// What the unread-keys message calls front-matter keys (one file, one record: no counts).
const FRONT_MATTER_WORDS: RecordWords = RecordWords {
    key: "front-matter key",
    keys: "front-matter keys",
    record: "file",
    records: "files",
    counted: false,
};

/// The end of the message naming the front-matter keys of a field given twice: the rule.
const FIRST_NAME_READ: &str = "a field given under two names is read from the first name listed that holds something (`subtitle` before `description`, `source` before `publisher`, ...), and a key given twice where it is first given: give each field once to have nothing left out";

/// Front matter as read: each field's value (by the field's first name), unquoted, with its line.
type FrontMatter = Vec<(&'static str, String, usize)>;

/// Parses a decoded `.md` file into one article.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let (front, body_text, body_first_line) = split_front_matter(text, &mut parsed.problems);
    let mut article = blank_article();
    let mut id_hint = None;
    for (field, value, line) in front {
        match field {
            "title" => article.title = value.into(),
            "subtitle" => article.subtitle = Some(value),
            "date" => {
                article.date = dates::parse_stated(&value);
                if article.date.is_none() {
                    parsed.problems.push(Problem {
                        line: Some(line),
                        message: dates::not_understood_message(&value),
                        unread: None,
                    });
                }
                article.date_text = Some(value);
            }
            "source" => article.source = Some(value),
            "author" => article.byline = Some(value),
            "section" => article.section = Some(value),
            "kind" => article.kind = value,
            "url" => article.url = Some(value),
            "label" => article.label = Some(value),
            "id" => id_hint = Some(value),
            _ => {}
        }
    }
    let mut in_comments = false;
    let mut by_line = furniture::FirstByLine::default();
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
                // "By Jane Doe | March 3, 2024" above the text (see the HTML parser).
                let byline_with_date = article
                    .body
                    .is_empty()
                    .then(|| furniture::byline_with_date(&text))
                    .flatten();
                if let Some((name, date_words)) = byline_with_date {
                    by_line.read(&mut article.byline, name);
                    if article.date_text.is_none() {
                        article.date = dates::parse_date(date_words).map(dates::iso);
                        article.date_text = Some(date_words.to_string());
                    }
                    continue;
                }
                match furniture::classify(&text).map(|m| (m.rule.action, m.captured)) {
                    Some((Action::Drop, _)) => {}
                    Some((Action::EndOfArticle, _)) => break,
                    Some((Action::CommentArea, _)) => in_comments = true,
                    Some((Action::Kind(kind), _)) => article.kind = kind.to_string(),
                    // Above the text, the byline even when the front matter named the author.
                    Some((Action::Byline, byline)) if article.body.is_empty() && !in_comments => {
                        by_line.read(&mut article.byline, byline);
                    }
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
    take_opening_dateline(&mut article);
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
            unread: None,
        });
    }
    parsed.drafts.push(Draft {
        article,
        line: Some(1),
        id_hint,
    });
    parsed
}

/// A front-matter line `key: value` (`key = value`) of a key the article takes.
struct KeyLine {
    /// The key as written, for messages.
    written: String,
    field: &'static str,
    rank: usize,
    value: String,
    line: usize,
}

/// What the indented lines and list items after a key line belong to.
enum Under {
    /// No key line yet, or a line that is not read: they are not read either.
    Nothing,
    /// A key's list, nested map or block, or a key that is not read: they are its value.
    Value,
    /// A key the article does not take with nothing on its line: not read, and named, if lines
    /// continue it (`tags:` then `  - a`).
    UnreadIfContinued(String, usize),
    /// A key whose value was read from its own line: they would be more of it, and are not read.
    ReadOnItsLine(String),
    /// A key the article takes with nothing on its line: a list of plain values under it is its
    /// value (`authors:` then `  - A`, `  - B`).
    ListOf(ListUnder),
}

/// The lines under a key the article takes that has nothing on its own line.
struct ListUnder {
    key: KeyLine,
    /// The list's items (a map directly under the key is one), as records read lists of names.
    items: Vec<ListItem>,
    /// Whether anything under the key is neither a plain item nor a map's `key: value` line (a
    /// list in the list, a value over lines): then nothing under it is read.
    nested: bool,
}

/// An item of a list under a front-matter key.
enum ListItem {
    /// A plain value, unquoted.
    Plain(String),
    /// A map (`- name: A` then `  url: x`), by its `name` if it has one: as in records, a map's
    /// name is what is read of it.
    Map(Option<String>),
}

impl ListUnder {
    /// Takes a line under the key.
    fn take(&mut self, line: &str) {
        let line = line.trim();
        if let Some(item) = line.strip_prefix('-').map(str::trim) {
            if starts_key_line(item, ':') {
                self.items.push(ListItem::Map(None));
                self.take_pair(item);
            } else if is_plain(item) {
                self.items.push(ListItem::Plain(unquote(item).to_string()));
            } else {
                self.nested = true;
            }
        } else if starts_key_line(line, ':') {
            if self.items.is_empty() {
                self.items.push(ListItem::Map(None));
            }
            self.take_pair(line);
        } else {
            self.nested = true;
        }
    }

    /// A `key: value` line of the last item, a map: its `name` is kept, other keys are not read
    /// (as a record's `{"name": ..., "url": ...}`).
    fn take_pair(&mut self, line: &str) {
        match self.items.last_mut() {
            Some(ListItem::Map(name)) => {
                if let Some(("name", value)) =
                    line.split_once(':').map(|(k, v)| (k.trim(), v.trim()))
                {
                    if is_plain(value) && !value.is_empty() {
                        *name = Some(unquote(value).to_string());
                    }
                }
            }
            _ => self.nested = true,
        }
    }

    /// Adds the key line to `read`, with the list's items as its value, or the problem of a list
    /// that is not read to `problems`; nothing when nothing was under the key (it holds nothing).
    fn finish(self, read: &mut Vec<KeyLine>, problems: &mut Vec<Problem>) {
        let items: Option<Vec<String>> = self
            .items
            .into_iter()
            .map(|item| match item {
                ListItem::Plain(value) => Some(value),
                ListItem::Map(name) => name,
            })
            .collect();
        match items.filter(|_| !self.nested) {
            Some(items) => read.extend(listed(self.key, &items)),
            None => problems.push(value_not_read(&self.key, true)),
        }
    }
}

/// The key line with its list's `items` as its value, joined with commas as records' lists
/// are; none when no item says anything (the key holds nothing).
fn listed(key: KeyLine, items: &[String]) -> Option<KeyLine> {
    let items: Vec<String> = items
        .iter()
        .map(|item| collapse_whitespace(item))
        .filter(|item| !item.is_empty())
        .collect();
    (!items.is_empty()).then(|| KeyLine {
        value: items.join(", "),
        ..key
    })
}

/// A list item or flow-list element that is a plain value: not a map, a list or a block.
fn is_plain(item: &str) -> bool {
    !item.starts_with(['[', '{', '|', '>', '-']) && !item.contains(": ") && !item.ends_with(':')
}

/// The items of a flow list closed on its line (`[A, "B, C"]`), if each is a plain value (or, in
/// a JSON-like list, a map with a `name`).
fn flow_list(raw: &str) -> Option<Vec<String>> {
    if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(raw) {
        return items.iter().map(super::records::name_in_list).collect();
    }
    let inside = raw.strip_prefix('[')?.strip_suffix(']')?;
    inside
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| is_plain(item).then(|| unquote(item).to_string()))
        .collect()
}

/// The problem of a key the article takes whose value is not read: `under` its line (a map, a
/// list holding maps or lists, a value over lines), else a collection on its line.
fn value_not_read(key: &KeyLine, under: bool) -> Problem {
    let what = if under {
        "what is under the key is not read (a value is read from its key's line, or from a list under it of plain values or maps with a `name`)"
    } else {
        "maps, and lists holding lists or maps without a `name`, are not read"
    };
    Problem {
        line: Some(key.line),
        message: format!("front matter `{}`: {what}", key.written.to_lowercase()),
        unread: None,
    }
}

/// A value that goes on over the lines after its key's: a `[`/`{` collection not closed on the
/// line (how many are open), or a `"""`/`'''` string (its closing quotes).
enum Open {
    Collection(usize),
    Text(&'static str),
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
    let mut read: Vec<KeyLine> = Vec::new();
    let mut consumed = first.len();
    // Problems on one line, said in line order before the unread keys.
    let mut line_problems = Vec::new();
    // Keys the article does not take that hold something, as written, with their lines.
    let mut unread: Vec<(String, usize)> = Vec::new();
    let mut under = Under::Nothing;
    let mut open: Option<Open> = None;
    for (index, line) in lines.enumerate() {
        let number = index.saturating_add(2);
        consumed = consumed.saturating_add(line.len());
        let trimmed = line.trim_end();
        let is_fence = trimmed == fence || (fence == "---" && trimmed == "...");
        // A line at the margin (the fence too) ends the list under a key.
        let ends_list = is_fence
            || !(line.starts_with([' ', '\t', '-'])
                || trimmed.trim().is_empty()
                || trimmed.starts_with('#'));
        if ends_list {
            if let Under::ListOf(list) = std::mem::replace(&mut under, Under::Nothing) {
                list.finish(&mut read, &mut line_problems);
            }
        }
        if is_fence {
            let (front, second) = fields(&read);
            problems.extend(line_problems);
            problems.extend(unread_keys(unread, second));
            let rest = text.get(consumed..).unwrap_or_default();
            return (front, rest, index.saturating_add(3));
        }
        if let Some(value) = open.take() {
            // A key line at the margin ends a value whose brackets were miscounted.
            if !starts_key_line(trimmed, separator) {
                open = value.go_on(trimmed);
                continue;
            }
        }
        if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
            continue;
        }
        // Indented lines and list items: the value of the key above, if it has one to give.
        if line.starts_with([' ', '\t', '-']) {
            match std::mem::replace(&mut under, Under::Value) {
                Under::Value => {}
                Under::ListOf(mut list) => {
                    list.take(trimmed);
                    under = Under::ListOf(list);
                }
                Under::UnreadIfContinued(key, line) => unread.push((key, line)),
                Under::Nothing => {
                    under = Under::Nothing;
                    line_problems.push(line_not_read(number, trimmed, separator, None));
                }
                Under::ReadOnItsLine(key) => {
                    line_problems.push(line_not_read(number, trimmed, separator, Some(&key)));
                    under = Under::ReadOnItsLine(key);
                }
            }
            continue;
        }
        let Some((written, value)) = trimmed.split_once(separator) else {
            under = Under::Nothing;
            line_problems.push(line_not_read(number, trimmed, separator, None));
            continue;
        };
        let written = written.trim();
        let key = written.to_lowercase();
        let raw = value.trim();
        let value = unquote(raw);
        open = Open::after(raw);
        under = Under::Value;
        let Some((field, rank)) = field_of(&key) else {
            if value.is_empty() {
                under = Under::UnreadIfContinued(written.to_string(), number);
            } else if !holds_nothing(raw) {
                unread.push((written.to_string(), number));
            }
            continue;
        };
        let key_line = KeyLine {
            written: written.to_string(),
            field,
            rank,
            value: value.to_string(),
            line: number,
        };
        if value.is_empty() {
            under = Under::ListOf(ListUnder {
                key: key_line,
                items: Vec::new(),
                nested: false,
            });
            continue;
        }
        if holds_nothing(raw) {
            continue;
        }
        if value.starts_with(['[', '{']) {
            match flow_list(raw) {
                Some(items) if open.is_none() => read.extend(listed(key_line, &items)),
                _ => line_problems.push(value_not_read(&key_line, false)),
            }
        } else if matches!(open, Some(Open::Text(_))) || is_block_scalar(raw) {
            line_problems.push(Problem {
                line: Some(number),
                message: format!("front matter `{key}`: a value over several lines is not read"),
                unread: None,
            });
        } else {
            under = Under::ReadOnItsLine(written.to_string());
            read.push(key_line);
        }
    }
    problems.push(Problem {
        line: Some(1),
        message: format!("front matter opened with `{fence}` is never closed; read as text"),
        unread: None,
    });
    (Vec::new(), text, 1)
}

impl Open {
    /// The value a key line's `raw` value opens, if it goes on over the next lines.
    fn after(raw: &str) -> Option<Open> {
        if raw.starts_with(['[', '{']) {
            return Open::Collection(0).go_on(raw);
        }
        ["\"\"\"", "'''"].into_iter().find_map(|quotes| {
            let rest = raw.strip_prefix(quotes)?;
            (!rest.contains(quotes)).then_some(Open::Text(quotes))
        })
    }

    /// The value after `line`, one of its lines, if it still goes on. Brackets in quoted strings
    /// are counted too: a miscount ends at the next key line.
    fn go_on(self, line: &str) -> Option<Open> {
        match self {
            Open::Collection(depth) => {
                let depth = line.chars().fold(depth, |depth, c| match c {
                    '[' | '{' => depth.saturating_add(1),
                    ']' | '}' => depth.saturating_sub(1),
                    _ => depth,
                });
                (depth > 0).then_some(Open::Collection(depth))
            }
            Open::Text(quotes) => (!line.contains(quotes)).then_some(self),
        }
    }
}

/// A line at the margin that starts `key: value` (`key = value`) with a plain key.
fn starts_key_line(line: &str, separator: char) -> bool {
    line.split_once(separator).is_some_and(|(key, _)| {
        let key = key.trim_end();
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    })
}

/// A YAML block scalar's indicator (`|`, `>-`, `|+2`): the text is on the lines under the key.
fn is_block_scalar(raw: &str) -> bool {
    raw.strip_prefix(['|', '>']).is_some_and(|rest| {
        rest.chars()
            .all(|c| matches!(c, '-' | '+') || c.is_ascii_digit())
    })
}

/// The problem of a front-matter line that is not read: not `key: value`, or more lines of the
/// value of `key`, read from its own line.
fn line_not_read(number: usize, line: &str, separator: char, key: Option<&str>) -> Problem {
    let shown = unread::shown_key(line.trim(), &FRONT_MATTER_WORDS);
    let message = match key {
        Some(key) => format!(
            "front-matter line not read: {shown} (`{key}` is read from its own line only)"
        ),
        None if separator == '=' && line.starts_with('[') => format!(
            "front matter {shown}: tables are not read as such; the keys under it are read as if it were not there"
        ),
        None => format!(
            "front-matter line not read: {shown} (front matter is read as `key{}value` lines)",
            if separator == '=' { " = " } else { ": " }
        ),
    };
    Problem {
        line: Some(number),
        message,
        unread: None,
    }
}

/// Each field's value from the key lines giving it (all hold something): the first name listed,
/// where first given. The other key lines that say something else are returned with the key
/// read instead, to be named as not read.
fn fields(read: &[KeyLine]) -> (FrontMatter, Vec<(String, String, usize)>) {
    let mut chosen: Vec<&KeyLine> = Vec::new();
    for key_line in read {
        match chosen.iter_mut().find(|c| c.field == key_line.field) {
            Some(kept) if key_line.rank < kept.rank => *kept = key_line,
            Some(_) => {}
            None => chosen.push(key_line),
        }
    }
    let second = read
        .iter()
        .filter_map(|key_line| {
            let kept = chosen.iter().find(|c| c.field == key_line.field)?;
            let differs = !std::ptr::eq(*kept, key_line)
                && collapse_whitespace(&kept.value) != collapse_whitespace(&key_line.value);
            differs.then(|| {
                (
                    key_line.written.clone(),
                    kept.written.clone(),
                    key_line.line,
                )
            })
        })
        .collect();
    let mut front: FrontMatter = chosen
        .iter()
        .map(|c| (c.field, c.value.clone(), c.line))
        .collect();
    front.sort_by_key(|(_, _, line)| *line);
    (front, second)
}

/// A value written as one that gives nothing (`""`, `[]`, `{ }`, `null`, `~`), by the records'
/// rule.
fn holds_nothing(raw: &str) -> bool {
    raw == "~"
        || serde_json::from_str::<serde_json::Value>(raw)
            .is_ok_and(|value| unread::holds_nothing(&value))
}

/// The warnings naming the front-matter keys that are not read, in name order, each at the line
/// of the first of its keys in the file: those the article does not take, and those giving a
/// field another key gives.
fn unread_keys(
    mut no_field: Vec<(String, usize)>,
    mut second: Vec<(String, String, usize)>,
) -> Vec<Problem> {
    no_field.sort();
    second.sort();
    let read = format!(
        "the keys read are {} (in any case)",
        FIELDS.concat().join(", ")
    );
    let at_first_line = |unread: UnreadKeys, first_line: Option<usize>| {
        unread
            .problems(&FRONT_MATTER_WORDS, &read, FIRST_NAME_READ)
            .into_iter()
            .map(move |problem| Problem {
                line: first_line,
                ..problem
            })
    };
    let mut unread = UnreadKeys::default();
    unread.records = 1;
    for (key, _) in &no_field {
        unread.count_given(key);
    }
    let mut problems: Vec<Problem> =
        at_first_line(unread, no_field.iter().map(|(_, line)| *line).min()).collect();
    let mut unread = UnreadKeys::default();
    unread.records = 1;
    for (key, read_instead, _) in &second {
        unread.count_second(key, read_instead);
    }
    problems.extend(at_first_line(
        unread,
        second.iter().map(|(_, _, line)| *line).min(),
    ));
    problems
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
            paragraph.push(item);
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

/// A list item on its own line, as the body keeps it: a bullet's item after
/// [`LIST_BULLET`], a numbered item with its number ("2. Vote", also for "2) Vote").
fn list_item(line: &str) -> Option<String> {
    if let Some(item) = line
        .strip_prefix(['-', '*', '+'])
        .and_then(|r| r.strip_prefix(' '))
    {
        return Some(format!("{LIST_BULLET}{}", inline(item)));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let (number, rest) = line.split_at_checked(digits)?;
    let item = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    (digits > 0).then(|| format!("{number}. {}", inline(item)))
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
    fn a_by_line_above_the_text_is_the_byline_over_the_front_matter_s_author() {
        // The README promises it, but the front matter's author was kept and the line lost.
        for text in ["By Tomasz Kereny", "By Tomasz Kereny | March 3, 2024"] {
            let parsed = parse(&format!(
                "---\ntitle: T\nauthor: Dagny Aurell\n---\n\n{text}\n\nBy Someone Else\n\nThe council met.\n"
            ));
            let article = only(&parsed);
            assert_eq!(
                article.and_then(|a| a.byline.as_deref()),
                Some("Tomasz Kereny")
            );
            assert_eq!(
                article.map(|a| a.body.clone()).unwrap_or_default(),
                ["The council met."]
            );
        }
    }

    #[test]
    fn a_byline_with_its_date_above_the_text_gives_both() {
        let parsed = parse("# Smog closes schools\n\nBy Ali Raza | March 3, 2024\n\nLAHORE: Schools shut for a week.\n");
        let article = only(&parsed);
        assert_eq!(article.and_then(|a| a.byline.as_deref()), Some("Ali Raza"));
        assert_eq!(article.and_then(|a| a.date.as_deref()), Some("2024-03-03"));
        assert_eq!(article.and_then(|a| a.dateline.as_deref()), Some("Lahore"));
        assert_eq!(
            article.and_then(|a| a.body.first()).map(|p| p.as_str()),
            Some("Schools shut for a week.")
        );
    }

    #[test]
    fn a_byline_line_above_the_dateline_is_the_byline_when_the_front_matter_names_the_author() {
        // The byline was the first paragraph, and "SANTIAGO —" after it was no dateline.
        let parsed = parse(
            "---\ntitle: Chile passes lithium bill\nauthor: Carlos Mendoza\n---\n\n\
             By Carlos Mendoza\n\nSANTIAGO — The Senate approved the bill on Tuesday.\n",
        );
        let article = only(&parsed);
        assert_eq!(
            article.and_then(|a| a.byline.as_deref()),
            Some("Carlos Mendoza")
        );
        assert_eq!(
            article.and_then(|a| a.dateline.as_deref()),
            Some("Santiago")
        );
        assert_eq!(
            article.map(|a| a.body.clone()),
            Some(vec!["The Senate approved the bill on Tuesday.".into()])
        );
    }

    #[test]
    fn yaml_front_matter() {
        let parsed = parse("---\ntitle: \"A title\"\ndate: 2024-06-20\nsource: Dawn\nauthor:\n  - a\ntags: [x]\n---\n\nBody *one*.\n\nBody [two](https://x).\n");
        let article = only(&parsed);
        assert_eq!(article.map(|a| a.title.as_str()), Some("A title"));
        assert_eq!(article.and_then(|a| a.date.as_deref()), Some("2024-06-20"));
        assert_eq!(article.and_then(|a| a.source.as_deref()), Some("Dawn"));
        assert_eq!(article.and_then(|a| a.byline.as_deref()), Some("a"));
        assert_eq!(
            article.map(|a| a.body.clone()),
            Some(vec!["Body one.".into(), "Body two.".into()])
        );
        assert_eq!(
            parsed.problem_lines(),
            [(
                Some(7),
                format!("1 front-matter key not read (no field goes by this name): `tags`; {KEYS_READ}: rename a front-matter key to one of these to have it read").as_str()
            )]
        );
    }

    #[test]
    fn front_matter_lists_of_plain_values_are_read_as_records_read_them() {
        // `authors:` with a list under it (Hugo, Jekyll) was said to be "not read", and
        // `authors` was no key at all. A list of plain values is now joined with commas, as a
        // record's list is; an empty key holds nothing and is not said; what cannot be read
        // under a key is said on its line.
        let byline = |text: &str| {
            let parsed = parse(text);
            (
                only(&parsed).and_then(|a| a.byline.clone()),
                parsed
                    .problem_lines()
                    .into_iter()
                    .map(|(line, message)| (line, message.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        let read = |names: &str| (Some(names.to_string()), Vec::new());
        assert_eq!(
            byline("---\ntitle: T\nauthors:\n  - Jane Doe\n  - \"Ali Khan\"\n---\nText.\n"),
            read("Jane Doe, Ali Khan")
        );
        // At the margin, as YAML allows, with a comment and a blank line between.
        assert_eq!(
            byline("---\nauthor:\n- A\n\n# the second\n- B\ntitle: T\n---\nText.\n"),
            read("A, B")
        );
        assert_eq!(
            byline("---\ntitle: T\nauthors: [Jane Doe, 'Ali Khan']\n---\nText.\n"),
            read("Jane Doe, Ali Khan")
        );
        assert_eq!(
            byline("---\ntitle: T\nauthors: [\"Doe, Jane\", \"Khan, Ali\"]\n---\nText.\n"),
            read("Doe, Jane, Khan, Ali")
        );
        assert_eq!(
            byline("+++\ntitle = \"T\"\nauthors = [\"A\", \"B\"]\n+++\nText.\n"),
            read("A, B")
        );
        // Nothing under the key, or an empty list: nothing to say. The `byline` is read then.
        assert_eq!(
            byline("---\ntitle: T\nauthor:\nbyline: B\nsubtitle:\n---\nText.\n"),
            read("B")
        );
        assert_eq!(
            byline("---\ntitle: T\nauthors: []\n---\nText.\n"),
            (None, Vec::new())
        );
        // Maps give their `name`, as a record's `{"name": ...}` does: in a list, right under the
        // key, or in a JSON-like flow list.
        assert_eq!(
            byline("---\ntitle: T\nauthors:\n  - name: A\n    url: x\n  - url: y\n    name: \"B\"\n  - C\n---\nText.\n"),
            read("A, B, C")
        );
        assert_eq!(
            byline("---\ntitle: T\nauthor:\n  name: Jane Doe\n  email: j@x\n---\nText.\n"),
            read("Jane Doe")
        );
        assert_eq!(
            byline("---\ntitle: T\nauthors: [{\"name\": \"A\"}, \"B\"]\n---\nText.\n"),
            read("A, B")
        );
        // A map with no name, a list in a list, a value over the lines under: not read, and said.
        let not_read = |what: &str| {
            (
                None,
                vec![(Some(3), format!("front matter `authors`: {what}"))],
            )
        };
        let under = "what is under the key is not read (a value is read from its key's line, or from a list under it of plain values or maps with a `name`)";
        assert_eq!(
            byline("---\ntitle: T\nauthors:\n  - name: A\n  - url: x\n---\nText.\n"),
            not_read(under)
        );
        assert_eq!(
            byline("---\ntitle: T\nauthors:\n  - - A\n---\nText.\n"),
            not_read(under)
        );
        assert_eq!(
            byline("---\ntitle: T\nauthors:\n  Jane Doe and\n  Ali Khan\n---\nText.\n"),
            not_read(under)
        );
        assert_eq!(
            byline("---\ntitle: T\nAuthors: [[A], B]\n---\nText.\n"),
            not_read("maps, and lists holding lists or maps without a `name`, are not read")
        );
    }

    /// The end of the unread-keys message: the keys that are read.
    const KEYS_READ: &str = "the keys read are title, subtitle, description, standfirst, date, published, source, publisher, author, authors, byline, section, category, kind, url, label, id, slug (in any case)";

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

    /// The end of the second-names message of front matter.
    const FIRST_READ: &str = "a field given under two names is read from the first name listed that holds something (`subtitle` before `description`, `source` before `publisher`, ...), and a key given twice where it is first given: give each field once to have nothing left out";

    #[test]
    fn a_front_matter_field_given_twice_names_the_key_not_read() {
        // The last one given was read and the others dropped without a word. Now, as in records,
        // the first name listed that holds something is read (`author: null` holds nothing), and
        // a key given twice is read where first given; one saying the same loses nothing.
        let parsed = parse(
            "---\ntitle: First\npublisher: Wire\nsource: Times\ntitle: Second\nsource: Times\nauthor: null\nbyline: B\n---\nText.\n",
        );
        let article = only(&parsed);
        assert_eq!(
            article.map(|a| (a.title.as_str(), a.source.as_deref(), a.byline.as_deref())),
            Some(("First", Some("Times"), Some("B")))
        );
        assert_eq!(
            parsed.problem_lines(),
            [(
                Some(3),
                format!("2 front-matter keys not read (their fields are given by other front-matter keys of the same file, with other values): `publisher` (`source` is read instead), `title` (an earlier `title` is read instead); {FIRST_READ}").as_str()
            )]
        );
        let parsed =
            parse("+++\ntitle = \"T\"\nsubtitle = \"S\"\nDescription = \"D\"\n+++\nText.\n");
        assert_eq!(only(&parsed).and_then(|a| a.subtitle.as_deref()), Some("S"));
        assert_eq!(
            parsed.problem_lines(),
            [(
                Some(4),
                format!("1 front-matter key not read (its field is given by another front-matter key of the same file, with another value): `Description` (`subtitle` is read instead); {FIRST_READ}").as_str()
            )]
        );
    }

    #[test]
    fn front_matter_lines_that_are_not_read_are_named() {
        // Lines that were skipped without a word: a list item under no key, more of a value read
        // from its key's line, a line that is not `key: value`. A collection or block going on
        // over lines is its key's.
        let parsed = parse(concat!(
            "---\n",
            "- orphan\n",
            "title: T\n",
            "  more words\n",
            "just words\n",
            "tags: [a,\n",
            "b]\n",
            "layout:\n",
            "  nested: x\n",
            "description: >\n",
            "  Long text.\n",
            "---\n",
            "Text.\n",
        ));
        assert_eq!(
            only(&parsed).map(|a| (a.title.as_str(), a.subtitle.clone(), a.body.clone())),
            Some(("T", None, vec!["Text.".into()]))
        );
        assert_eq!(
            parsed.problem_lines(),
            [
                (
                    Some(2),
                    "front-matter line not read: `- orphan` (front matter is read as `key: value` lines)"
                ),
                (
                    Some(4),
                    "front-matter line not read: `more words` (`title` is read from its own line only)"
                ),
                (
                    Some(5),
                    "front-matter line not read: `just words` (front matter is read as `key: value` lines)"
                ),
                (
                    Some(10),
                    "front matter `description`: a value over several lines is not read"
                ),
                (
                    Some(6),
                    format!("2 front-matter keys not read (no field goes by these names): `layout`, `tags`; {KEYS_READ}: rename a front-matter key to one of these to have it read").as_str()
                ),
            ]
        );
        let parsed = parse(concat!(
            "+++\n",
            "title = \"T\"\n",
            "tags = [\n",
            "  \"a\",\n",
            "]\n",
            "[params]\n",
            "author = \"A\"\n",
            "date: 2024-01-01\n",
            "summary = \"\"\"\n",
            "Two lines\n",
            "\"\"\"\n",
            "+++\n",
            "Text.\n",
        ));
        assert_eq!(
            only(&parsed).map(|a| (a.byline.as_deref(), a.date.as_deref())),
            Some((Some("A"), None))
        );
        assert_eq!(
            parsed.problem_lines(),
            [
                (
                    Some(6),
                    "front matter `[params]`: tables are not read as such; the keys under it are read as if it were not there"
                ),
                (
                    Some(8),
                    "front-matter line not read: `date: 2024-01-01` (front matter is read as `key = value` lines)"
                ),
                (
                    Some(3),
                    format!("2 front-matter keys not read (no field goes by these names): `summary`, `tags`; {KEYS_READ}: rename a front-matter key to one of these to have it read").as_str()
                ),
            ]
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
        let parsed = parse("# Headline\n\n![A caption](x.jpg)\n\nBy Jane Doe\n\n- item one\n* item two\n\n1. first\n2) second\n\n- Follow us on Twitter\n\nRead more: elsewhere\n\n## Sub\n\nRelated posts\n\nNot this.\n");
        let article = only(&parsed);
        assert_eq!(article.map(|a| a.title.as_str()), Some("Headline"));
        assert_eq!(
            article.map(|a| a.captions.clone()),
            Some(vec!["A caption".into()])
        );
        assert_eq!(article.and_then(|a| a.byline.as_deref()), Some("Jane Doe"));
        assert_eq!(
            article.map(|a| a.body.clone()),
            Some(vec![
                // Lists stay lists: bullets as the body marks them, numbers as written; a
                // follow prompt in a list is furniture all the same.
                "• item one".into(),
                "• item two".into(),
                "1. first".into(),
                "2. second".into(),
                "Sub".into()
            ])
        );
    }

    #[test]
    fn an_opening_dateline_is_split_off_and_the_front_matter_date_kept() {
        let parsed = parse(
            "---\ntitle: T\ndate: 2024-03-05\n---\n\nLAHORE, June 20, 2024 – The council met.\n\nKARACHI: Second.\n",
        );
        let article = only(&parsed);
        assert_eq!(article.and_then(|a| a.dateline.as_deref()), Some("Lahore"));
        assert_eq!(
            article.map(|a| a.body.clone()),
            Some(vec!["The council met.".into(), "KARACHI: Second.".into()])
        );
        assert_eq!(article.and_then(|a| a.date.as_deref()), Some("2024-03-05"));
        // No title: it is made of the story's words, not of its dateline.
        let parsed = parse("QUETTA: Rain fell across the province on Sunday.\n");
        assert_eq!(
            only(&parsed).map(|a| a.title.as_str()),
            Some("Rain fell across the province on Sunday.")
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
