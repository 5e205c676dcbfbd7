//! Structured inputs: `.json` (an array of objects, `{"articles": [...]}`, or one object), `.jsonl` (one object per
//! line) and `.csv` (a header row, then one article per row). All three name the same fields:
//! `title`, `text` or `body` (a string, or a list of paragraphs), and optionally `date`, `source`,
//! `url`, `label`, `id`, `subtitle`, `summary`, `byline` (or `author`), `section`, `kind`.
//!
//! Their text is taken as given (no furniture rules: structured data has no page around it).
//! A record that cannot be read is reported as `file:line: message` and the others are kept.

use crate::text::Text;
use serde_json::{Map, Value};

use super::dates;
use super::text::collapse_whitespace;
use super::{blank_article, Draft, Parsed, Problem};

/// Parses a `.json` file.
pub fn parse_json(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            parsed.problems.push(Problem {
                line: Some(error.line()),
                message: format!("malformed JSON, file skipped: {}", json_message(&error)),
            });
            return parsed;
        }
    };
    match value {
        Value::Array(items) => add_items(&mut parsed, items),
        // A wrapper object holding the list (`{"articles": [...]}`), else one article.
        Value::Object(mut object) => match ["articles", "items", "data"]
            .into_iter()
            .find(|key| object.get(*key).is_some_and(Value::is_array))
            .and_then(|key| object.remove(key))
        {
            Some(Value::Array(items)) => add_items(&mut parsed, items),
            _ => add_record(&mut parsed, Value::Object(object), None, "the object"),
        },
        _ => parsed.problems.push(Problem {
            line: None,
            message: "expected an array of article objects (or one object)".to_string(),
        }),
    }
    parsed
}

/// The records of a JSON array; problems name the item ("item 3"), JSON having no useful line.
fn add_items(parsed: &mut Parsed, items: Vec<Value>) {
    for (index, item) in items.into_iter().enumerate() {
        let place = format!("item {}", index.saturating_add(1));
        add_record(parsed, item, None, &place);
    }
}

/// Parses a `.jsonl` file: one object per non-blank line.
pub fn parse_jsonl(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (index, line) in text.lines().enumerate() {
        let number = index.saturating_add(1);
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => add_record(&mut parsed, value, Some(number), "the line"),
            Err(error) => parsed.problems.push(Problem {
                line: Some(number),
                message: format!(
                    "malformed JSON line skipped: {} (column {})",
                    json_message(&error),
                    error.column()
                ),
            }),
        }
    }
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
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(error) => {
            parsed.problems.push(Problem {
                line: Some(1),
                message: format!("unreadable CSV header, file skipped: {error}"),
            });
            return parsed;
        }
    };
    if !headers
        .iter()
        .any(|h| h == "title" || h == "text" || h == "body")
    {
        parsed.problems.push(Problem {
            line: Some(1),
            message: "the CSV header names no `title`, `text` or `body` column".to_string(),
        });
    }
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record.position().map(|p| position_line(p.line()));
                let object: Map<String, Value> = headers
                    .iter()
                    .zip(record.iter())
                    .filter(|(_, value)| !value.trim().is_empty())
                    .map(|(header, value)| (header.clone(), Value::String(value.to_string())))
                    .collect();
                add_record(&mut parsed, Value::Object(object), line, "the row");
            }
            Err(error) => {
                let line = error.position().map(|p| position_line(p.line()));
                let message = match error.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        let fields = if *len == 1 {
                            "1 field".to_string()
                        } else {
                            format!("{len} fields")
                        };
                        format!("malformed CSV row skipped: {fields} where the header has {expected_len}")
                    }
                    _ => format!("malformed CSV row skipped: {error}"),
                };
                parsed.problems.push(Problem { line, message });
            }
        }
    }
    parsed
}

fn position_line(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

/// Turns one record into a draft, or a problem saying why it could not.
fn add_record(parsed: &mut Parsed, value: Value, line: Option<usize>, place: &str) {
    let Value::Object(object) = value else {
        parsed.problems.push(Problem {
            line,
            message: format!("{place} is not a JSON object; skipped"),
        });
        return;
    };
    let mut article = blank_article();
    let body = paragraphs(object.get("text").or_else(|| object.get("body")));
    let title = string(&object, "title");
    match (title, body.first()) {
        (Some(title), _) => article.title = title.into(),
        (None, Some(first)) => {
            article.title = crate::ingest::text::title_from_first_words(first).into();
            parsed.problems.push(Problem {
                line,
                message: format!("{place} has no title; the title is the first words of its text"),
            });
        }
        (None, None) => {
            parsed.problems.push(Problem {
                line,
                message: format!("{place} has no `title`, `text` or `body`; skipped"),
            });
            return;
        }
    }
    article.body = body.into_iter().map(Text::from).collect();
    article.subtitle = string(&object, "subtitle");
    article.summary = paragraphs(object.get("summary"))
        .into_iter()
        .map(Text::from)
        .collect();
    article.byline = string(&object, "byline").or_else(|| string(&object, "author"));
    article.section = string(&object, "section");
    article.source = string(&object, "source");
    article.url = string(&object, "url");
    article.label = string(&object, "label");
    if let Some(kind) = string(&object, "kind") {
        article.kind = kind;
    }
    if let Some(date_text) = string(&object, "date") {
        article.date = dates::parse_date(&date_text).map(dates::iso);
        if article.date.is_none() {
            parsed.problems.push(Problem {
                line,
                message: format!("date \"{date_text}\" not understood; kept as date_text only"),
            });
        }
        article.date_text = Some(date_text);
    }
    let id_hint = match object.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    };
    parsed.drafts.push(Draft {
        article,
        line,
        id_hint,
    });
}

/// A non-empty string field (numbers are accepted and written out).
fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(text) => Some(collapse_whitespace(text)).filter(|t| !t.is_empty()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
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
        let parsed = parse_csv("Title,Text,Date\nA,\"Para one\nPara two\",June 20 2024\nB,only two\nC,Body,not a date\n");
        assert_eq!(titles(&parsed), ["A", "C"]);
        let first = parsed.drafts.first().map(|d| d.article.body.len());
        assert_eq!(first, Some(2));
        let problems: Vec<(Option<usize>, &str)> = parsed
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    Some(4),
                    "malformed CSV row skipped: 2 fields where the header has 3"
                ),
                (
                    Some(5),
                    "date \"not a date\" not understood; kept as date_text only"
                ),
            ]
        );
    }

    #[test]
    fn missing_title_uses_the_text_with_a_problem() {
        let parsed = parse_jsonl("{\"text\": \"Only text here\"}\n{\"label\": \"x\"}\n");
        assert_eq!(titles(&parsed), ["Only text here"]);
        assert_eq!(parsed.problems.len(), 2);
    }
}
