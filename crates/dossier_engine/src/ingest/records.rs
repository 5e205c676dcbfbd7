//! Structured inputs: `.json` (an array of objects, an object holding one under `articles`,
//! `items` or `data` (its other keys named as not read), or one object), `.jsonl` (one object per
//! line) and `.csv` (a header row, then one article per row; comma-, semicolon- or tab-separated,
//! as the header shows). All three name the same fields, in any case, with `_`, `-`, `.` and
//! spaces ignored ("Published_At" is "publishedat"); when a record gives one field under two
//! names, the first name listed here that holds something wins (null, a blank string and an empty
//! list hold nothing), and a key given twice is read where it first holds something (a JSON
//! object's keys are read in the order written, each as often as given: see [`Node`]); the
//! other, when it holds something else, is named as not read:
//!
//! - title: `title`, `headline`
//! - text: `text`, `body`, `content`, `article`, `articlebody`, `maintext`, `fulltext` (a string,
//!   its lines the paragraphs, or a list of paragraphs)
//! - date: `date`, `published`, `publishedat`, `pubdate`, `datepublished`, `publicationdate`,
//!   `publishdate`, `datepublish`
//! - `source` / `publisher` / `publication` / `outlet`, `url` / `link` / `permalink`, `label`,
//!   `id` / `slug`, `subtitle` / `description` / `standfirst` / `dek`, `summary` (a string or a
//!   list), `byline` / `author` / `authors` / `by`, `section` / `category`, `kind`
//!
//! A list of names (`"authors": ["A", "B"]`) is joined with commas; an object with a `name`
//! (`"source": {"name": "BBC"}`) gives its name.
//!
//! Their text is taken as given (no furniture rules: structured data has no page around it),
//! but for an opening wire dateline ("KARACHI: …"), split off as in every format.
//! A record that cannot be read is reported as `file:line: message` and the others are kept.
//! Keys (columns) that name no field are named in one warning per file, with how many records
//! gave each a value, so the user can rename them; second names of a field given with another
//! value are named the same way, in a second warning. A CSV header repeating a column name is
//! said once (a row keeps the last of the columns that is not empty).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::text::Text;
use serde_json::{Map, Value};

use super::dateline::take_opening_dateline;
use super::dates;
use super::json_records::{Node, Pairs};
use super::text::collapse_whitespace;
use super::unread::{cut_list, holds_nothing, shown_key, RecordWords, UnreadKeys};
use super::{blank_article, Draft, Parsed, Problem};
use crate::view_model::number;

/// The article fields a record can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Text,
    Date,
    Source,
    Url,
    Label,
    Id,
    Subtitle,
    Summary,
    Byline,
    Section,
    Kind,
}

const FIELD_COUNT: usize = 12;

/// Every name a field goes by, lower case without separators; earlier names win.
const FIELD_NAMES: &[(&str, Field)] = &[
    ("title", Field::Title),
    ("headline", Field::Title),
    ("text", Field::Text),
    ("body", Field::Text),
    ("content", Field::Text),
    ("article", Field::Text),
    ("articlebody", Field::Text),
    ("maintext", Field::Text),
    ("fulltext", Field::Text),
    ("date", Field::Date),
    ("published", Field::Date),
    ("publishedat", Field::Date),
    ("pubdate", Field::Date),
    ("datepublished", Field::Date),
    ("publicationdate", Field::Date),
    ("publishdate", Field::Date),
    ("datepublish", Field::Date),
    ("source", Field::Source),
    ("publisher", Field::Source),
    ("publication", Field::Source),
    ("outlet", Field::Source),
    ("url", Field::Url),
    ("link", Field::Url),
    ("permalink", Field::Url),
    ("label", Field::Label),
    ("id", Field::Id),
    ("slug", Field::Id),
    ("subtitle", Field::Subtitle),
    ("description", Field::Subtitle),
    ("standfirst", Field::Subtitle),
    ("dek", Field::Subtitle),
    ("summary", Field::Summary),
    ("byline", Field::Byline),
    ("author", Field::Byline),
    ("authors", Field::Byline),
    ("by", Field::Byline),
    ("section", Field::Section),
    ("category", Field::Section),
    ("kind", Field::Kind),
];

/// The field a key names, and the rank of that name (lower wins), ignoring ASCII case and the
/// separators `_ - . ` (no allocation: keys are compared byte by byte).
fn field_of(key: &str) -> Option<(Field, usize)> {
    let letters = key
        .bytes()
        .filter(|b| !matches!(b, b'_' | b'-' | b'.' | b' '));
    FIELD_NAMES
        .iter()
        .enumerate()
        .find(|(_, (name, _))| {
            let mut key = letters.clone();
            name.bytes()
                .all(|n| key.next().is_some_and(|k| k.eq_ignore_ascii_case(&n)))
                && key.next().is_none()
        })
        .map(|(rank, (_, field))| (*field, rank))
}

/// What the unread-keys message says is read: each field's first name in [`FIELD_NAMES`] ("the
/// fields read are title, text, date, ...").
fn fields_read() -> String {
    let mut fields: Vec<Field> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (name, field) in FIELD_NAMES {
        if !fields.contains(field) {
            fields.push(*field);
            names.push(name);
        }
    }
    format!(
        "the fields read are {} (in any case, each also under common other names)",
        names.join(", ")
    )
}

/// The end of the message naming the second names of a field: which name is read.
const FIRST_NAME_READ: &str = "a field given under two names is read from the first name listed that holds something (`title` before `headline`, `text` before `body`, ...), and a key given twice from the first place it holds something: give each field once to have nothing left out";

/// What a format calls its records' keys and its records, for the unread-keys messages.
const JSON_WORDS: RecordWords = RecordWords {
    key: "key",
    keys: "keys",
    record: "object",
    records: "objects",
    counted: true,
};

const JSONL_WORDS: RecordWords = RecordWords {
    key: "key",
    keys: "keys",
    record: "line",
    records: "lines",
    counted: true,
};

const CSV_WORDS: RecordWords = RecordWords {
    key: "column",
    keys: "columns",
    record: "row",
    records: "rows",
    counted: true,
};

/// A record's values by field (of each, the first name listed that holds something).
struct Fields<'a> {
    /// Of each field, the pair read: its place in the record, its name's rank, and its value.
    values: [Option<(usize, usize, &'a Value)>; FIELD_COUNT],
}

impl<'a> Fields<'a> {
    /// The record's fields; its keys that name none, and those naming a field another key gives
    /// (with another value, the same key given twice included), are counted in `unread`. Every
    /// key that names a field is read (`id` and `slug` give the article's id), so none is left
    /// out of the count on purpose.
    fn of(record: &'a [(String, Value)], unread: &mut UnreadKeys) -> Self {
        unread.records = unread.records.saturating_add(1);
        let mut values: [Option<(usize, usize, &Value)>; FIELD_COUNT] = [None; FIELD_COUNT];
        let mut given_twice = false;
        for (at, (key, value)) in record.iter().enumerate() {
            let Some((field, rank)) = field_of(key) else {
                unread.count(key, value);
                continue;
            };
            if let Some(slot) = values.get_mut(field as usize) {
                given_twice |= slot.is_some();
                if slot.is_none_or(|(_, kept, kept_value)| {
                    reads_before((rank, value), (kept, kept_value))
                }) {
                    *slot = Some((at, rank, value));
                }
            }
        }
        let fields = Fields { values };
        if given_twice {
            fields.count_second_names(record, unread);
        }
        fields
    }

    /// Counts the keys naming a field that another key gave: lost unless they hold nothing or
    /// say what the key read says.
    fn count_second_names(&self, record: &[(String, Value)], unread: &mut UnreadKeys) {
        for (at, (key, value)) in record.iter().enumerate() {
            let Some((field, _)) = field_of(key) else {
                continue;
            };
            let Some(Some((read_at, _, kept))) = self.values.get(field as usize) else {
                continue;
            };
            let Some((read, _)) = record.get(*read_at) else {
                continue;
            };
            if at != *read_at && !holds_nothing(value) && !same_reading(field, value, kept) {
                unread.count_second(key, read);
            }
        }
    }

    fn get(&self, field: Field) -> Option<&'a Value> {
        self.values
            .get(field as usize)
            .copied()
            .flatten()
            .map(|(_, _, value)| value)
    }

    /// A non-empty string field (see [`string_of`]).
    fn string(&self, field: Field) -> Option<String> {
        string_of(self.get(field)?)
    }
}

/// Whether a field's name and value (`rank`, as in [`FIELD_NAMES`]) are read before another name's
/// of the same field: a name holding something before one holding nothing (`"title": null` does
/// not hide a `headline`), else the name listed first. On a tie (`Title` and `title`) the name met
/// first stays.
fn reads_before((rank, value): (usize, &Value), (kept_rank, kept): (usize, &Value)) -> bool {
    match (holds_nothing(value), holds_nothing(kept)) {
        (false, true) => true,
        (true, false) => false,
        _ => rank < kept_rank,
    }
}

/// A value as a string field reads it: non-empty, numbers written out, lists of names joined, an
/// object's `name` taken.
fn string_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => collapse_whitespace(text),
        Value::Number(number) => number.to_string(),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(name_in_list)
                .filter(|name| !name.is_empty())
                .collect();
            names.join(", ")
        }
        Value::Object(object) => collapse_whitespace(object.get("name")?.as_str()?),
        _ => return None,
    };
    Some(text).filter(|t| !t.is_empty())
}

/// An item of a list of names as read, whitespace collapsed: a string, a number, or an object's
/// `name` (`"authors": [{"name": "A", "url": "..."}]`, as schema.org writes them).
pub(super) fn name_in_list(item: &Value) -> Option<String> {
    match item {
        Value::String(name) => Some(collapse_whitespace(name)),
        Value::Number(number) => Some(number.to_string()),
        Value::Object(object) => Some(collapse_whitespace(object.get("name")?.as_str()?)),
        _ => None,
    }
}

/// An id as stated: a string or a number.
fn id_of(value: &Value) -> Option<String> {
    match value {
        Value::String(id) => Some(id.clone()),
        Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// Whether two values of `field` read the same (`"A"` and `" A "`, `"a\nb"` and `["a", "b"]`):
/// the second loses nothing.
fn same_reading(field: Field, a: &Value, b: &Value) -> bool {
    if a == b {
        return true;
    }
    match field {
        Field::Text | Field::Summary => {
            let a = paragraphs(Some(a));
            !a.is_empty() && a == paragraphs(Some(b))
        }
        Field::Id => id_of(a).is_some_and(|a| id_of(b) == Some(a)),
        _ => string_of(a).is_some_and(|a| string_of(b) == Some(a)),
    }
}

/// Parses a `.json` file.
pub fn parse_json(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut unread = UnreadKeys::default();
    let node = match Node::of_file(text) {
        Ok(node) => node,
        Err(error) => {
            parsed.problems.push(Problem {
                line: Some(error.line()),
                message: format!("malformed JSON, file skipped: {}", json_message(&error)),
                unread: None,
            });
            return parsed;
        }
    };
    match node {
        Node::List(items) => add_items(&mut parsed, &mut unread, items),
        // A wrapper object holding the list (`{"articles": [...]}`), else one article.
        Node::Outer(mut members) => {
            match ["articles", "items", "data"].into_iter().find_map(|list| {
                let at = members
                    .iter()
                    .position(|(key, node)| key == list && matches!(node, Node::List(_)))?;
                Some((list, members.remove(at).1))
            }) {
                Some((list, Node::List(items))) => {
                    parsed.problems.extend(keys_beside_the_list(list, members));
                    add_items(&mut parsed, &mut unread, items);
                }
                _ => {
                    let pairs = members
                        .into_iter()
                        .map(|(key, node)| (key, node.into_value()))
                        .collect();
                    add_record(&mut parsed, &mut unread, Some(pairs), None, "the object");
                }
            }
        }
        _ => parsed.problems.push(Problem {
            line: None,
            message: "expected an array of article objects (or one object)".to_string(),
            unread: None,
        }),
    }
    parsed
        .problems
        .extend(unread.problems(&JSON_WORDS, &fields_read(), FIRST_NAME_READ));
    parsed
}

/// The keys of a `{"articles": [...]}` wrapper beside its list, in name order: only the list's
/// objects are read, so those holding something are named (a `source` there could be meant for
/// every article, or not: the user says so by moving it).
fn keys_beside_the_list(list: &str, mut wrapper: Vec<(String, Node)>) -> Option<Problem> {
    let mut beside = UnreadKeys::default();
    wrapper.sort_by(|(a, _), (b, _)| a.cmp(b));
    for (key, node) in wrapper {
        beside.count(&key, &node.into_value());
    }
    beside.beside_the_list(list, &JSON_WORDS)
}

/// The records of a JSON array; problems name the item ("item 3"), JSON having no useful line.
fn add_items(parsed: &mut Parsed, unread: &mut UnreadKeys, items: Vec<Node>) {
    for (index, item) in items.into_iter().enumerate() {
        let place = format!("item {}", index.saturating_add(1));
        add_record(parsed, unread, item.into_record(), None, &place);
    }
}

/// Parses a `.jsonl` file: one object per non-blank line.
pub fn parse_jsonl(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut unread = UnreadKeys::default();
    for (index, line) in text.lines().enumerate() {
        let number = index.saturating_add(1);
        if line.trim().is_empty() {
            continue;
        }
        match Node::of_line(line) {
            Ok(node) => add_record(
                &mut parsed,
                &mut unread,
                node.into_record(),
                Some(number),
                "the line",
            ),
            Err(error) => parsed.problems.push(Problem {
                line: Some(number),
                message: format!(
                    "malformed JSON line skipped: {} (column {})",
                    json_message(&error),
                    error.column()
                ),
                unread: None,
            }),
        }
    }
    parsed
        .problems
        .extend(unread.problems(&JSONL_WORDS, &fields_read(), FIRST_NAME_READ));
    parsed
}

/// serde_json's message without its " at line L column C" suffix (we say where ourselves).
fn json_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    match full.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => full,
    }
}

/// Parses a `.csv` file with a header row.
pub fn parse_csv(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let delimiter = sniff_delimiter(text);
    let strays = stray_quotes(text, delimiter);
    // Said between the rows' own problems, in line order.
    let mut quote_problems = strays
        .iter()
        .map(|stray| Problem {
            line: Some(stray.line),
            message: match stray.closed_on {
                None => "a quote opens a field here and is never closed; it is read as a plain \" so that the rows after it are kept".to_string(),
                Some(line) => format!("a quote opens a field here and closes only on line {line}, with text straight after it; it is read as a plain \" so that the lines between stay rows"),
            },
            unread: None,
        })
        .collect::<Vec<_>>()
        .into_iter()
        .peekable();
    let text = quote_strays(text, delimiter, &strays);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        // Rows of another length than the header are ours to judge, below.
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_string()).collect(),
        Err(error) => {
            parsed.problems.push(Problem {
                line: Some(1),
                message: format!("unreadable CSV header, file skipped: {error}"),
                unread: None,
            });
            parsed.problems.extend(quote_problems);
            return parsed;
        }
    };
    parsed.problems.extend(repeated_columns(&headers));
    let mut unread = UnreadKeys::in_order(&headers);
    if !headers
        .iter()
        .any(|h| matches!(field_of(h), Some((Field::Title | Field::Text, _))))
    {
        parsed.problems.push(Problem {
            line: Some(1),
            message: "the CSV header names no title or text column (such as `title`, `headline`, `text`, `body`, `content`)".to_string(),
            unread: None,
        });
    }
    // Lines are counted from the record's byte offset: the csv crate's own count comes out one
    // short after a quoted line break in a CRLF file.
    let mut lines = super::text::LineCounter::default();
    for result in reader.records() {
        let position = match &result {
            Ok(record) => record.position(),
            Err(error) => error.position(),
        };
        let line =
            position.map(|p| lines.line_at(&text, usize::try_from(p.byte()).unwrap_or(usize::MAX)));
        while let Some(problem) = quote_problems.next_if(|problem| problem.line <= line) {
            parsed.problems.push(problem);
        }
        let fields = |len: usize| match len {
            1 => "1 field".to_string(),
            len => format!("{len} fields"),
        };
        match result {
            // A lone value is more likely a line broken off its row than a record.
            Ok(record) if record.len() > headers.len() || record.len() == 1 => {
                parsed.problems.push(Problem {
                    line,
                    message: format!(
                        "malformed CSV row skipped: {} where the header has {}",
                        fields(record.len()),
                        headers.len()
                    ),
                    unread: None,
                });
            }
            Ok(record) => {
                // A row that stops short (a trailing empty column left unwritten) is kept,
                // its missing columns empty.
                if let Some(missing) = headers.get(record.len()..).filter(|m| !m.is_empty()) {
                    let names: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
                    parsed.problems.push(Problem {
                        line,
                        message: format!(
                            "CSV row has {} where the header has {}: read with {} empty",
                            fields(record.len()),
                            headers.len(),
                            names.join(", ")
                        ),
                        unread: None,
                    });
                }
                let object: Map<String, Value> = headers
                    .iter()
                    .zip(record.iter())
                    .filter(|(_, value)| !value.trim().is_empty())
                    .map(|(header, value)| (header.clone(), Value::String(value.to_string())))
                    .collect();
                // A header's repeated column is one key here, said by `repeated_columns`.
                let pairs = object.into_iter().collect();
                add_record(&mut parsed, &mut unread, Some(pairs), line, "the row");
            }
            Err(error) => {
                parsed.problems.push(Problem {
                    line,
                    message: format!("malformed CSV row skipped: {error}"),
                    unread: None,
                });
            }
        }
    }
    parsed.problems.extend(quote_problems);
    parsed
        .problems
        .extend(unread.problems(&CSV_WORDS, &fields_read(), FIRST_NAME_READ));
    parsed
}

/// The column names a CSV header gives more than once, in header order, with their columns: a
/// row keeps one value per name (the last that is not empty), so the others are said to be lost.
/// (Two names of one field, such as `title` and `headline`, are the rows' second names.)
fn repeated_columns(headers: &[String]) -> Option<Problem> {
    let mut columns: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let at = columns.entry(header).or_default();
        if at.is_empty() {
            order.push(header);
        }
        at.push(index.saturating_add(1));
    }
    let repeated: Vec<String> = order
        .into_iter()
        .filter_map(|header| {
            let (last, others) = columns.get(header)?.split_last()?;
            let others: Vec<String> = others.iter().map(ToString::to_string).collect();
            (!others.is_empty()).then(|| {
                format!(
                    "{} (columns {} and {last})",
                    shown_key(header, &CSV_WORDS),
                    others.join(", ")
                )
            })
        })
        .collect();
    let names = match repeated.len() {
        0 => return None,
        1 => "name",
        _ => "names",
    };
    Some(Problem {
        line: Some(1),
        message: format!(
            "{} column {names} repeated in the header: {}; a row's value is taken from the last of the columns that is not empty and the others are not read: give each column its own name to have it read",
            number(repeated.len()),
            cut_list(&repeated, repeated.len())
        ),
        unread: None,
    })
}

/// The delimiter whose split of the header line names the most known columns: Excel writes `;`
/// where the decimal mark is a comma, and tab-separated exports are common. Commas when none
/// does better.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let known = |delimiter: char| {
        header
            .split(delimiter)
            .filter(|name| field_of(name.trim().trim_matches('"')).is_some())
            .count()
    };
    [b';', b'\t']
        .into_iter()
        .fold((b',', known(',')), |best, delimiter| {
            let count = known(char::from(delimiter));
            if count > best.1 {
                (delimiter, count)
            } else {
                best
            }
        })
        .0
}

/// A quote that opens a field but does not close it as CSV says a quoted field closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StrayQuote {
    /// Byte offset of the quote.
    at: usize,
    line: usize,
    /// The line of the quote that closed it, followed by text: a second stray quote, which
    /// paired with this one would have merged every row between into one field.
    closed_on: Option<usize>,
}

/// The quotes that would make the csv reader swallow later rows: one that opens a field and
/// never closes (every later row becomes part of that field), or one that closes only on a later
/// line with text straight after the closing quote (two stray quotes pairing up). The scan
/// follows the csv reader's own rules (a quote is special only at a field's start; `""` inside
/// quotes is a quote), so well-formed quoted fields over several lines are left alone.
fn stray_quotes(text: &str, delimiter: u8) -> Vec<StrayQuote> {
    let bytes = text.as_bytes();
    let mut strays = Vec::new();
    let mut at = 0;
    let mut line = 1usize;
    let mut field_start = true;
    while let Some(&byte) = bytes.get(at) {
        if field_start && byte == b'"' {
            field_start = false;
            match quoted_field_end(bytes, at.saturating_add(1), delimiter) {
                // Closed on its own line, or properly: read as the csv reader reads it.
                Some((end, lines, proper)) if proper || lines == 0 => {
                    at = end;
                    line = line.saturating_add(lines);
                }
                closing => {
                    strays.push(StrayQuote {
                        at,
                        line,
                        closed_on: closing.map(|(_, lines, _)| line.saturating_add(lines)),
                    });
                    // Read on from just after the quote, as a plain character.
                    at = at.saturating_add(1);
                }
            }
            continue;
        }
        field_start = byte == delimiter || byte == b'\n' || byte == b'\r';
        if byte == b'\n' {
            line = line.saturating_add(1);
        }
        at = at.saturating_add(1);
    }
    strays
}

/// Where a quoted field starting at `from` (just after its opening quote) ends: the offset after
/// its closing quote, the line breaks inside it, and whether the closing quote is followed by a
/// delimiter, a line end or the end of the text, as it should be. None: never closed.
fn quoted_field_end(bytes: &[u8], from: usize, delimiter: u8) -> Option<(usize, usize, bool)> {
    let mut at = from;
    let mut lines = 0usize;
    loop {
        match *bytes.get(at)? {
            b'"' => {
                let next = bytes.get(at.saturating_add(1)).copied();
                if next == Some(b'"') {
                    at = at.saturating_add(2);
                    continue;
                }
                let proper = next.is_none_or(|b| b == delimiter || b == b'\n' || b == b'\r');
                return Some((at.saturating_add(1), lines, proper));
            }
            b'\n' => lines = lines.saturating_add(1),
            _ => {}
        }
        at = at.saturating_add(1);
    }
}

/// `text` with each stray quote's field written as a quoted field that holds it literally
/// (`"abc` -> `"""abc"`): the csv reader then reads the quote as a character and the rows after
/// it as rows. Line breaks are untouched, so the reader's line numbers stay the file's.
fn quote_strays<'t>(text: &'t str, delimiter: u8, strays: &[StrayQuote]) -> Cow<'t, str> {
    if strays.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().saturating_add(strays.len().saturating_mul(4)));
    let mut copied = 0;
    for stray in strays {
        if stray.at < copied {
            continue;
        }
        let rest = text.get(stray.at..).unwrap_or_default();
        let field_len = rest
            .bytes()
            .position(|b| b == delimiter || b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        out.push_str(text.get(copied..stray.at).unwrap_or_default());
        out.push('"');
        out.push_str(
            &rest
                .get(..field_len)
                .unwrap_or_default()
                .replace('"', "\"\""),
        );
        out.push('"');
        copied = stray.at.saturating_add(field_len);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// Turns one record into a draft, or a problem saying why it could not.
fn add_record(
    parsed: &mut Parsed,
    unread: &mut UnreadKeys,
    record: Option<Pairs>,
    line: Option<usize>,
    place: &str,
) {
    let Some(record) = record else {
        parsed.problems.push(Problem {
            line,
            message: format!("{place} is not a JSON object; skipped"),
            unread: None,
        });
        return;
    };
    let fields = Fields::of(&record, unread);
    let body = paragraphs(fields.get(Field::Text));
    let title = fields.string(Field::Title);
    if title.is_none() && body.is_empty() {
        parsed.problems.push(Problem {
            line,
            message: format!(
                "{place} has no title or text (such as `title`, `headline`, `text`, `body`, `content`); skipped"
            ),
            unread: None,
        });
        return;
    }
    let mut article = blank_article();
    article.body = body.into_iter().map(Text::from).collect();
    article.subtitle = fields.string(Field::Subtitle);
    article.summary = paragraphs(fields.get(Field::Summary))
        .into_iter()
        .map(Text::from)
        .collect();
    article.byline = fields.string(Field::Byline);
    article.section = fields.string(Field::Section);
    article.source = fields.string(Field::Source);
    article.url = fields.string(Field::Url);
    article.label = fields.string(Field::Label);
    if let Some(kind) = fields.string(Field::Kind) {
        article.kind = kind;
    }
    let date_text = fields.string(Field::Date);
    if let Some(date_text) = &date_text {
        article.date = dates::parse_stated(date_text);
        article.date_text = Some(date_text.clone());
    }
    // After the record's own date and source, which come first; before a title is made of the
    // text's first words, which are then the story's.
    take_opening_dateline(&mut article);
    match (title, article.body.first()) {
        (Some(title), first) => {
            article.title = title.into();
            if first.is_none() {
                parsed.problems.push(Problem {
                    line,
                    message: format!(
                        "{place} has a title but no text; kept as an article of its title alone"
                    ),
                    unread: None,
                });
            }
        }
        (None, first) => {
            let first = first.map(ToString::to_string).unwrap_or_default();
            article.title = crate::ingest::text::title_from_first_words(&first).into();
            parsed.problems.push(Problem {
                line,
                message: format!("{place} has no title; the title is the first words of its text"),
                unread: None,
            });
        }
    }
    if let Some(date_text) = date_text.filter(|_| article.date.is_none()) {
        parsed.problems.push(Problem {
            line,
            message: dates::not_understood_message(&date_text),
            unread: None,
        });
    }
    let id_hint = fields.get(Field::Id).and_then(id_of);
    parsed.drafts.push(Draft {
        article,
        line,
        id_hint,
    });
}

/// A text field as paragraphs: a string split on line breaks, or a list of strings.
fn paragraphs(value: Option<&Value>) -> Vec<String> {
    let lines: Vec<&str> = match value {
        Some(Value::String(text)) => text.lines().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    lines
        .into_iter()
        .map(collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(parsed: &Parsed) -> Vec<&str> {
        parsed
            .drafts
            .iter()
            .map(|d| d.article.title.as_str())
            .collect()
    }

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let parsed = parse_jsonl(
            "{\"id\": \"1\", \"title\": \"One\", \"text\": \"First.\"}\n{not json\n\n[1]\n{\"title\": \"Two\", \"body\": [\"a\", \"b\"], \"date\": \"2024-06-20\"}\n",
        );
        assert_eq!(titles(&parsed), ["One", "Two"]);
        let lines: Vec<Option<usize>> = parsed.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        let two = parsed
            .drafts
            .get(1)
            .map(|d| (d.article.body.clone(), d.article.date.clone()));
        assert_eq!(
            two,
            Some((vec!["a".into(), "b".into()], Some("2024-06-20".into())))
        );
    }

    #[test]
    fn json_array_and_single_object() {
        assert_eq!(
            titles(&parse_json("[{\"title\": \"A\"}, {\"title\": \"B\"}]")),
            ["A", "B"]
        );
        assert_eq!(
            titles(&parse_json("{\"title\": \"A\", \"url\": \"https://x\"}")),
            ["A"]
        );
        assert_eq!(
            titles(&parse_json(
                "{\"articles\": [{\"title\": \"A\"}, {\"title\": \"B\"}]}"
            )),
            ["A", "B"]
        );
        assert_eq!(parse_json("[1, 2").problems.len(), 1);
        assert_eq!(parse_json("\"text\"").problems.len(), 1);
    }

    #[test]
    fn keys_beside_the_list_of_a_wrapper_are_said_unread() {
        // `source` and `status` were dropped without a word; the empty `note` loses nothing.
        let parsed = parse_json(
            r#"{"status": "ok", "source": "Agri Wire", "note": "", "items": [{"title": "A", "text": "x"}]}"#,
        );
        assert_eq!(titles(&parsed), ["A"]);
        assert_eq!(
            parsed.drafts.first().and_then(|d| d.article.source.clone()),
            None
        );
        assert_eq!(
            parsed.problem_lines(),
            [(
                None,
                "2 keys beside the `items` list not read: `source`, `status`; only the objects in the list are read: move a key into each object to have it read"
            )]
        );
        let parsed = parse_json(r#"{"articles": [{"title": "A", "text": "x"}], "extra": null}"#);
        assert_eq!(parsed.problem_lines(), []);
    }

    #[test]
    fn repeated_csv_columns_are_said_with_the_one_read() {
        // The last `title` (names are trimmed) wins where it has a value, the first where it has
        // none; a `headline` beside a `title` is a second name of the title, said where it held
        // another value than the title read.
        let parsed = parse_csv(concat!(
            "title,text,notes, title ,notes,headline,title\n",
            "A1,Text a,n,,m,A1,A2\n",
            "B1,Text b,,,,Other,\n",
            "C1,Text c,,,,C1,\n",
        ));
        assert_eq!(titles(&parsed), ["A2", "B1", "C1"]);
        assert_eq!(
            parsed.problem_lines(),
            [
                (
                    Some(1),
                    "2 column names repeated in the header: `title` (columns 1, 4 and 7), `notes` (columns 3 and 5); a row's value is taken from the last of the columns that is not empty and the others are not read: give each column its own name to have it read"
                ),
                (
                    None,
                    format!("1 column not read (no field goes by this name): `notes` (in 1 of 3 rows); {FIELDS_READ}: rename a column to one of these to have it read").as_str()
                ),
                (
                    None,
                    format!("1 column not read (its field is given by another column of the same row, with another value): `headline` (`title` is read instead; in 2 of 3 rows); {FIRST_NAME_READ}").as_str()
                ),
            ]
        );
    }

    #[test]
    fn a_csv_row_of_one_field_says_one_field() {
        let parsed = parse_csv("title,body\nA,Body\nlonely\n");
        assert_eq!(titles(&parsed), ["A"]);
        let messages: Vec<&str> = parsed.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            ["malformed CSV row skipped: 1 field where the header has 2"]
        );
    }

    #[test]
    fn csv_rows_map_by_header_and_bad_rows_are_reported() {
        let parsed = parse_csv("Title,Text,Date\nA,\"Para one\nPara two\",June 20 2024\nB,only two\nC,Body,not a date\nD,Body,2024,extra\n");
        assert_eq!(titles(&parsed), ["A", "B", "C"]);
        let first = parsed.drafts.first().map(|d| d.article.body.len());
        assert_eq!(first, Some(2));
        let problems: Vec<(Option<usize>, &str)> = parsed.problem_lines();
        assert_eq!(
            problems,
            [
                // A row that stops short was dropped whole.
                (
                    Some(4),
                    "CSV row has 2 fields where the header has 3: read with `Date` empty"
                ),
                (
                    Some(5),
                    "date \"not a date\" not understood; the article has no date (the words are kept)"
                ),
                (
                    Some(6),
                    "malformed CSV row skipped: 4 fields where the header has 3"
                ),
            ]
        );
    }

    #[test]
    fn csv_lines_are_counted_right_after_a_quoted_line_break_in_a_crlf_file() {
        // The warnings named the line before the row's.
        for newline in ["\n", "\r\n"] {
            let text = [
                "Title,Text,Date",
                "A,\"Para one",
                "Para two\",2024-07-01",
                "B,Body,not a date",
                "",
            ]
            .join(newline);
            let parsed = parse_csv(&text);
            let lines: Vec<Option<usize>> = parsed.problems.iter().map(|p| p.line).collect();
            assert_eq!(lines, [Some(4)], "{newline:?}");
        }
    }

    #[test]
    fn missing_title_uses_the_text_with_a_problem() {
        let parsed = parse_jsonl("{\"text\": \"Only text here\"}\n{\"label\": \"x\"}\n");
        assert_eq!(titles(&parsed), ["Only text here"]);
        assert_eq!(parsed.problems.len(), 2);
    }

    #[test]
    fn an_unclosed_quote_is_named_where_it_opens_and_the_rows_after_it_are_kept() {
        // The quote on line 3 never closes: read as quoting, it swallowed every later row into
        // one field (silently, the row still having its three fields).
        let parsed = parse_csv(
            "title,text,date\nA,Body a,2024-01-01\nB,Body b,\"2024-01-02\nC,Body c,2024-01-03\nD,Body d,2024-01-04\n",
        );
        assert_eq!(titles(&parsed), ["A", "B", "C", "D"]);
        let problems = parsed.problem_lines();
        assert_eq!(problems.first().map(|p| p.0), Some(Some(3)));
        assert!(
            problems
                .first()
                .is_some_and(|p| p.1.contains("quote") && p.1.contains("never closed")),
            "{problems:?}"
        );
        let b = parsed.drafts.get(1).map(|d| d.article.body.clone());
        assert_eq!(b, Some(vec!["Body b".into()]));
    }

    #[test]
    fn a_stray_quote_closed_rows_later_does_not_merge_the_rows_between() {
        // Two stray quotes pair up across lines: row B vanished into row A's text unreported.
        let parsed = parse_csv("title,text\nA,\"Alpha\nB,\"Beta\nC,Gamma\n");
        assert_eq!(titles(&parsed), ["A", "B", "C"]);
        let bodies: Vec<Vec<Text>> = parsed
            .drafts
            .iter()
            .map(|d| d.article.body.clone())
            .collect();
        assert_eq!(
            bodies,
            [
                vec![Text::from("\"Alpha")],
                vec![Text::from("\"Beta")],
                vec![Text::from("Gamma")]
            ]
        );
        let lines: Vec<Option<usize>> = parsed.problem_lines().iter().map(|p| p.0).collect();
        assert_eq!(lines, [Some(2), Some(3)]);
    }

    #[test]
    fn a_record_text_opening_with_a_dateline_gives_it() {
        let parsed = parse_jsonl(concat!(
            r#"{"title": "A", "text": "GILGIT, Nov 5 (Reuters) - A quake struck.\nIt was felt in Skardu.", "date": "2024-11-05"}"#,
            "\n",
            r#"{"text": "ISLAMABAD/NEW DELHI: The two sides met.", "source": "Dawn", "date": "soon"}"#,
            "\n",
            r#"{"title": "C", "text": "IMF officials said the talks - long ones - went well."}"#,
            "\n",
        ));
        let found: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| {
                let a = &d.article;
                (
                    a.title.to_string(),
                    a.dateline.clone(),
                    a.source.clone(),
                    a.body.first().map(ToString::to_string),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "A".to_string(),
                    Some("Gilgit".to_string()),
                    Some("Reuters".to_string()),
                    Some("A quake struck.".to_string())
                ),
                (
                    "The two sides met.".to_string(),
                    Some("Islamabad/New Delhi".to_string()),
                    Some("Dawn".to_string()),
                    Some("The two sides met.".to_string())
                ),
                (
                    "C".to_string(),
                    None,
                    None,
                    Some("IMF officials said the talks - long ones - went well.".to_string())
                ),
            ]
        );
        // The title problem, then the date problem, as before the dateline was read.
        assert_eq!(
            parsed.problem_lines(),
            [
                (
                    Some(2),
                    "the line has no title; the title is the first words of its text"
                ),
                (
                    Some(2),
                    "date \"soon\" not understood; the article has no date (the words are kept)"
                ),
            ]
        );
    }

    #[test]
    fn day_first_dates_are_read_and_an_ambiguous_one_is_said_why() {
        let parsed = parse_csv(
            "title;text;date\nA;Body a.;14.08.2024\nB;Body b.;14/08/2024\nC;Body c.;01/02/2024\n",
        );
        let dates: Vec<Option<String>> = parsed
            .drafts
            .iter()
            .map(|d| d.article.date.clone())
            .collect();
        assert_eq!(
            dates,
            [Some("2024-08-14".into()), Some("2024-08-14".into()), None]
        );
        assert_eq!(
            parsed.problem_lines(),
            [(
                Some(4),
                "date \"01/02/2024\" not read: its day and month could be either way round (1 February 2024 or 2 January 2024); the article has no date (the words are kept)"
            )]
        );
    }

    #[test]
    fn quoted_fields_over_several_lines_are_not_stray_quotes() {
        let parsed = parse_csv("title,text\nA,\"Para one\nPara \"\"two\"\"\"\nB,\"x\"\n");
        assert_eq!(titles(&parsed), ["A", "B"]);
        assert_eq!(parsed.problem_lines(), []);
    }

    #[test]
    fn semicolon_and_tab_delimiters_are_taken_from_the_header() {
        let parsed = parse_csv("Title;Text;Date\nA;Body, with a comma;2024-06-20\n");
        assert_eq!(titles(&parsed), ["A"]);
        assert_eq!(parsed.problem_lines(), []);
        let a = parsed
            .drafts
            .first()
            .map(|d| (d.article.body.clone(), d.article.date.clone()));
        assert_eq!(
            a,
            Some((vec!["Body, with a comma".into()], Some("2024-06-20".into())))
        );
        let parsed = parse_csv("title\ttext\nA\tBody; with, both\n");
        assert_eq!(titles(&parsed), ["A"]);
        assert_eq!(parsed.problem_lines(), []);
        // Commas stay the default when the header could be read either way.
        assert_eq!(titles(&parse_csv("title,text\nA;B,Body\n")), ["A;B"]);
    }

    #[test]
    fn keys_match_in_any_case_and_common_names_are_understood() {
        let parsed = parse_jsonl(concat!(
            r#"{"Headline": "H", "Content": "C", "Published_At": "2024-03-03", "Link": "https://x", "Author": "J", "Description": "D"}"#,
            "\n",
            r#"{"TITLE": "T", "Body": ["a", "b"], "pubDate": "2024-03-04", "URL": "u", "authors": ["A", "B"], "source": {"name": "BBC"}}"#,
            "\n",
        ));
        assert_eq!(titles(&parsed), ["H", "T"]);
        assert_eq!(parsed.problem_lines(), []);
        let fields: Vec<_> = parsed
            .drafts
            .iter()
            .map(|d| {
                let a = &d.article;
                (
                    a.body.clone(),
                    a.date.clone(),
                    a.url.clone(),
                    a.byline.clone(),
                    a.subtitle.clone(),
                    a.source.clone(),
                )
            })
            .collect();
        assert_eq!(
            fields,
            [
                (
                    vec![Text::from("C")],
                    Some("2024-03-03".into()),
                    Some("https://x".into()),
                    Some("J".into()),
                    Some("D".into()),
                    None
                ),
                (
                    vec![Text::from("a"), Text::from("b")],
                    Some("2024-03-04".into()),
                    Some("u".into()),
                    Some("A, B".into()),
                    None,
                    Some("BBC".into())
                ),
            ]
        );
        let parsed = parse_csv("HEADLINE,Article,Date Published\nA,Body,2024-06-20\n");
        assert_eq!(titles(&parsed), ["A"]);
        assert_eq!(parsed.problem_lines(), []);
    }

    #[test]
    fn a_title_without_text_is_kept_and_said() {
        let parsed = parse_jsonl("{\"title\": \"Only a title\"}\n");
        assert_eq!(titles(&parsed), ["Only a title"]);
        assert_eq!(
            parsed.problem_lines(),
            [(
                Some(1),
                "the line has a title but no text; kept as an article of its title alone"
            )]
        );
    }

    #[test]
    fn a_stated_month_is_a_month() {
        let parsed =
            parse_jsonl("{\"title\": \"A\", \"text\": \"B\", \"date\": \"January 2024\"}\n");
        assert_eq!(
            parsed.drafts.first().and_then(|d| d.article.date.clone()),
            Some("2024-01".to_string())
        );
        assert_eq!(parsed.problem_lines(), []);
    }

    /// The end of every unread-keys message: the fields that are read.
    const FIELDS_READ: &str = "the fields read are title, text, date, source, url, label, id, subtitle, summary, byline, section, kind (in any case, each also under common other names)";

    #[test]
    fn jsonl_keys_naming_no_field_are_said_once_per_file_with_their_counts() {
        let parsed = parse_jsonl(concat!(
            r#"{"headline_text": "H1", "TEXT": "Body one.", "Summary_FR": "Résumé", "tags": {"a": 1}}"#,
            "\n",
            r#"{"Headline": "H2", "body": "Body two.", "headline_text": "H2", "Published-At": "2024-03-03"}"#,
            "\n",
            r#"{"title": "H3", "content": "Body three.", "headline_text": "H3", "ID": "x3"}"#,
            "\n",
        ));
        assert_eq!(titles(&parsed), ["Body one.", "H2", "H3"]);
        assert_eq!(
            parsed.problem_lines(),
            [
                (
                    Some(1),
                    "the line has no title; the title is the first words of its text"
                ),
                (
                    None,
                    format!("3 keys not read (no field goes by these names): `headline_text` (in every line), `Summary_FR` (in 1 of 3 lines), `tags` (in 1 of 3 lines); {FIELDS_READ}: rename a key to one of these to have it read").as_str()
                ),
            ]
        );
    }

    #[test]
    fn json_keys_naming_no_field_are_said_once_per_file() {
        let parsed = parse_json(
            r#"[{"Title": "A", "Body": "x", "extra": 1}, {"title": "B", "text": "y", "extra": 2}]"#,
        );
        assert_eq!(titles(&parsed), ["A", "B"]);
        assert_eq!(
            parsed.problem_lines(),
            [(
                None,
                format!("1 key not read (no field goes by this name): `extra` (in every object); {FIELDS_READ}: rename a key to one of these to have it read").as_str()
            )]
        );
        // One object: no count to give.
        let parsed = parse_json(r#"{"title": "A", "text": "x", "notes": "n"}"#);
        let messages: Vec<&str> = parsed.problem_lines().iter().map(|p| p.1).collect();
        assert_eq!(
            messages
                .first()
                .and_then(|m| m.split_once(';'))
                .map(|m| m.0),
            Some("1 key not read (no field goes by this name): `notes`")
        );
    }

    #[test]
    fn csv_columns_naming_no_field_are_said_in_header_order_counting_rows_with_a_value() {
        // `category` is the section: read. `notes` is empty on the first row, yet named after
        // `summary_fr` as the header lists it; `blank` holds nothing and loses nothing.
        let parsed = parse_csv(
            "Title,Body,category,notes,summary_fr,blank\nA,Text a,World,,Résumé a,\nB,Text b,Sport,n,Résumé b, \n",
        );
        assert_eq!(titles(&parsed), ["A", "B"]);
        assert_eq!(
            parsed.problem_lines(),
            [(
                None,
                format!("2 columns not read (no field goes by these names): `notes` (in 1 of 2 rows), `summary_fr` (in every row); {FIELDS_READ}: rename a column to one of these to have it read").as_str()
            )]
        );
    }

    #[test]
    fn unread_keys_are_counted_even_on_records_skipped_for_want_of_a_title_or_text() {
        // The unread keys are why nothing was read: they are named.
        let parsed = parse_jsonl("{\"headline_text\": \"H\", \"story\": \"S\"}\n");
        let messages: Vec<&str> = parsed.problem_lines().iter().map(|p| p.1).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages.get(1).is_some_and(|m| m.starts_with(
                "2 keys not read (no field goes by these names): `headline_text`, `story`;"
            )),
            "{messages:?}"
        );
    }

    #[test]
    fn many_unread_columns_are_cut_after_ten_and_long_names_after_forty_characters() {
        let long = "x".repeat(50);
        let header: Vec<String> = (1..=12)
            .map(|i| format!("extra{i}"))
            .chain([long.clone(), "title".to_string(), "text".to_string()])
            .collect();
        let row: Vec<&str> = header.iter().map(|_| "v").collect();
        let csv = format!("{}\n{}\n", header.join(","), row.join(","));
        let parsed = parse_csv(&csv);
        assert_eq!(titles(&parsed), ["v"]);
        let message = parsed.problems.first().map(|p| p.message.clone());
        let named: Vec<String> = (1..=10).map(|i| format!("`extra{i}`")).collect();
        assert_eq!(
            message
                .as_deref()
                .and_then(|m| m.split_once(';'))
                .map(|m| m.0),
            Some(
                format!(
                    "13 columns not read (no field goes by these names): {} and 3 more",
                    named.join(", ")
                )
                .as_str()
            )
        );
        // A one-row file gives no counts; a long name is cut.
        let parsed = parse_csv(&format!("title,text,{long}\nA,B,C\n"));
        let message = parsed.problems.first().map(|p| p.message.clone());
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.contains(&format!(": `{}…`;", "x".repeat(40)))),
            "{message:?}"
        );
    }

    #[test]
    fn keys_holding_nothing_are_not_said() {
        let parsed = parse_jsonl(
            "{\"title\": \"A\", \"text\": \"B\", \"extra\": null, \"tags\": [], \"meta\": {}, \"note\": \" \"}\n",
        );
        assert_eq!(parsed.problem_lines(), []);
    }

    #[test]
    fn a_field_given_under_a_second_name_with_another_value_is_said_unread() {
        // The first name holding something wins; the second is named where it said something
        // else. Equal readings (`" T2 "`, a list of the same paragraphs) and empty values (a
        // null title, beside which the headline is read) lose nothing.
        let parsed = parse_jsonl(concat!(
            r#"{"title": "T1", "headline": "H1", "text": "Body one.", "body": "Body one."}"#,
            "\n",
            r#"{"title": "T2", "headline": " T2 ", "text": "a\nb", "body": ["a", "b"], "content": "Other.", "dek": ""}"#,
            "\n",
            r#"{"title": null, "headline": "H3", "text": "Body three.", "subtitle": "S"}"#,
            "\n",
        ));
        assert_eq!(titles(&parsed), ["T1", "T2", "H3"]);
        assert_eq!(
            parsed.problem_lines(),
            [(
                None,
                format!("2 keys not read (their fields are given by other keys of the same line, with other values): `headline` (`title` is read instead; in 1 of 3 lines), `content` (`text` is read instead; in 1 of 3 lines); {FIRST_NAME_READ}").as_str()
            )]
        );
        let bodies: Vec<Vec<Text>> = parsed
            .drafts
            .iter()
            .map(|d| d.article.body.clone())
            .collect();
        assert_eq!(
            bodies,
            [
                vec![Text::from("Body one.")],
                vec![Text::from("a"), Text::from("b")],
                vec![Text::from("Body three.")]
            ]
        );
        // One object: no count; keys naming no field are said apart.
        let parsed =
            parse_json(r#"{"Title": "A", "title": "B", "text": "x", "body": "y", "notes": "n"}"#);
        assert_eq!(titles(&parsed), ["A"]);
        let messages: Vec<&str> = parsed.problem_lines().iter().map(|p| p.1).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages.first().is_some_and(
                |m| m.starts_with("1 key not read (no field goes by this name): `notes`;")
            ),
            "{messages:?}"
        );
        assert_eq!(
            messages.get(1).copied(),
            Some(format!("2 keys not read (their fields are given by other keys of the same object, with other values): `title` (`Title` is read instead), `body` (`text` is read instead); {FIRST_NAME_READ}").as_str())
        );
    }

    #[test]
    fn a_list_of_names_reads_the_name_of_each_object_in_it() {
        // schema.org's `"author": [{"@type": "Person", "name": "A"}, ...]` gave no byline and
        // no word: only strings were read from a list.
        let parsed = parse_json(
            r#"{"title": "T", "text": "x", "author": [{"@type": "Person", "name": "Jane Doe"}, "Ali Khan", 7]}"#,
        );
        assert_eq!(
            parsed.drafts.first().and_then(|d| d.article.byline.clone()),
            Some("Jane Doe, Ali Khan, 7".to_string())
        );
        assert_eq!(parsed.problem_lines(), []);
    }

    #[test]
    fn a_key_given_twice_in_an_object_is_read_where_first_given_and_the_other_said() {
        // serde_json kept the last value of a repeated key and dropped the first without a word:
        // `{"title": "A", "title": "B"}` was titled "B". Now the first that holds something is
        // read (a null one hides nothing) and the other is named, once per object however often
        // it repeats; a repeat saying the same loses nothing.
        let parsed = parse_json(concat!(
            r#"[{"title": "A", "text": "x", "title": "B", "title": "C"},"#,
            r#" {"title": null, "text": "y", "title": "D"},"#,
            r#" {"title": "E", "text": "z", "text": "z", "notes": "n1", "notes": "n2"}]"#,
        ));
        assert_eq!(titles(&parsed), ["A", "D", "E"]);
        let messages: Vec<&str> = parsed.problem_lines().iter().map(|p| p.1).collect();
        assert_eq!(
            messages,
            [
                format!("1 key not read (no field goes by this name): `notes` (in 1 of 3 objects); {FIELDS_READ}: rename a key to one of these to have it read").as_str(),
                format!("1 key not read (its field is given by another key of the same object, with another value): `title` (an earlier `title` is read instead; in 1 of 3 objects); {FIRST_NAME_READ}").as_str(),
            ]
        );
        // The same in a JSONL line, a wrapper's list and a lone object.
        let line = parse_jsonl("{\"headline\": \"H\", \"text\": \"x\", \"headline\": \"G\"}\n");
        let wrapped =
            parse_json(r#"{"articles": [{"headline": "H", "text": "x", "headline": "G"}]}"#);
        let lone = parse_json(r#"{"headline": "H", "text": "x", "headline": "G"}"#);
        for parsed in [line, wrapped, lone] {
            assert_eq!(titles(&parsed), ["H"]);
            assert!(
                parsed.problem_lines().iter().any(|(_, message)| message
                    .contains("`headline` (an earlier `headline` is read instead)")),
                "{:?}",
                parsed.problem_lines()
            );
        }
    }

    #[test]
    fn the_first_name_of_a_field_that_holds_something_is_read() {
        // `"title": null` hid the headline: the title came from the text and the headline was
        // only said to be unread. Null, blank and an empty list hold nothing; among the names
        // holding something, the first listed still wins (`body` before `content`).
        let parsed = parse_jsonl(concat!(
            r#"{"title": null, "headline": "Real title", "text": "Body one."}"#,
            "\n",
            r#"{"title": " ", "headline": "Second", "text": [], "body": "Body two.", "content": "Other."}"#,
            "\n",
            r#"{"id": "", "slug": "s3", "title": "T3", "headline": "H3", "text": "Body three."}"#,
            "\n",
        ));
        assert_eq!(titles(&parsed), ["Real title", "Second", "T3"]);
        let read: Vec<(Vec<Text>, Option<String>)> = parsed
            .drafts
            .iter()
            .map(|d| (d.article.body.clone(), d.id_hint.clone()))
            .collect();
        assert_eq!(
            read,
            [
                (vec![Text::from("Body one.")], None),
                (vec![Text::from("Body two.")], None),
                (vec![Text::from("Body three.")], Some("s3".into())),
            ]
        );
        assert_eq!(
            parsed.problem_lines(),
            [(
                None,
                format!("2 keys not read (their fields are given by other keys of the same line, with other values): `content` (`body` is read instead; in 1 of 3 lines), `headline` (`title` is read instead; in 1 of 3 lines); {FIRST_NAME_READ}").as_str()
            )]
        );
        // A CSV's columns of one field: an empty or blank cell holds nothing either.
        let parsed = parse_csv(
            "title,headline,text\n,Real title,Body one.\n  ,Second,Body two.\nT3,H3,Body three.\n",
        );
        assert_eq!(titles(&parsed), ["Real title", "Second", "T3"]);
        assert_eq!(
            parsed.problem_lines(),
            [(
                None,
                format!("1 column not read (its field is given by another column of the same row, with another value): `headline` (`title` is read instead; in 1 of 3 rows); {FIRST_NAME_READ}").as_str()
            )]
        );
    }

    #[test]
    fn quote_problems_are_said_in_line_order() {
        let parsed = parse_csv("title,text\nA\nB,\"open\nC,c\n");
        assert_eq!(titles(&parsed), ["B", "C"]);
        let lines: Vec<Option<usize>> = parsed.problem_lines().iter().map(|p| p.0).collect();
        assert_eq!(lines, [Some(2), Some(3)]);
    }
}
