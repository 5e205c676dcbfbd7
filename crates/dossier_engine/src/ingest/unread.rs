//! The keys of a file's records that are not read (JSON/JSONL/CSV keys naming no field, or a
//! field's second name; front-matter keys naming none), counted over the file and said in one
//! warning per file and cause: one place for how unread keys are counted, cut and worded.

use std::collections::HashMap;

use serde_json::Value;

use super::text::collapse_whitespace;
use super::Problem;
use crate::view_model::number;

/// What a format calls its records' keys and its records, for the unread-keys message.
pub(super) struct RecordWords {
    pub key: &'static str,
    pub keys: &'static str,
    pub record: &'static str,
    pub records: &'static str,
}

/// Unread keys named in the message before "and N more": a wide CSV is not a wall of text.
const UNREAD_KEYS_NAMED: usize = 10;

/// Characters of an unread key shown before "…": a header split on the wrong delimiter is one
/// long column.
const UNREAD_KEY_CHARS: usize = 40;

/// The keys of a file's records that are not read, with how many records gave each a value:
/// said in one message per file (one for keys naming no field, one for second names of a field),
/// not one per record.
#[derive(Debug, Default)]
pub(super) struct UnreadKeys {
    /// Each key met, in first-seen order (within a JSON object, serde_json's order:
    /// alphabetical). Keys counted 0 times are not reported.
    keys: Vec<UnreadKey>,
    /// Where each key is in `keys`: a wide file's keys are looked up once per record.
    position: HashMap<String, usize>,
    /// Records read (objects), kept or skipped.
    pub records: usize,
}

/// A key of a file's records, and how many records gave it a value that was not read.
#[derive(Debug)]
pub(super) struct UnreadKey {
    key: String,
    count: usize,
    /// A key naming a field that another key of the same record gave: the keys read instead, in
    /// first-seen order. Empty for a key that names no field.
    read_instead: Vec<String>,
}

impl UnreadKeys {
    /// Keys to be named in this order when unread (a CSV's header order); keys met later follow.
    pub fn in_order(keys: &[String]) -> Self {
        let mut unread = UnreadKeys::default();
        for key in keys {
            unread.position_of(key);
        }
        unread
    }

    /// Counts a key that names no field. One holding nothing (null, blank, an empty list or
    /// object; a CSV's empty cell never gets here) loses nothing and is not counted.
    pub fn count(&mut self, key: &str, value: &Value) {
        if !holds_nothing(value) {
            self.count_given(key);
        }
    }

    /// Counts a key that names no field, known to hold something.
    pub fn count_given(&mut self, key: &str) {
        let at = self.position_of(key);
        if let Some(unread) = self.keys.get_mut(at) {
            unread.count = unread.count.saturating_add(1);
        }
    }

    /// Counts a key whose field the record gives under `read`, the name read instead (the
    /// caller has checked that the key holds something else).
    pub fn count_second(&mut self, key: &str, read: &str) {
        let at = self.position_of(key);
        if let Some(unread) = self.keys.get_mut(at) {
            unread.count = unread.count.saturating_add(1);
            if !unread.read_instead.iter().any(|r| r == read) {
                unread.read_instead.push(read.to_string());
            }
        }
    }

    fn position_of(&mut self, key: &str) -> usize {
        if let Some(at) = self.position.get(key) {
            return *at;
        }
        let at = self.keys.len();
        self.keys.push(UnreadKey {
            key: key.to_string(),
            count: 0,
            read_instead: Vec::new(),
        });
        self.position.insert(key.to_string(), at);
        at
    }

    /// The file's messages naming its unread keys, if any: one for keys that name no field (and
    /// `read`, what is read: "the fields read are ..."), one for second names of a field given
    /// under another (and `rule`, which name is read).
    pub fn problems(&self, words: &RecordWords, read: &str, rule: &str) -> Vec<Problem> {
        let (no_field, second): (Vec<&UnreadKey>, Vec<&UnreadKey>) = self
            .counted()
            .into_iter()
            .partition(|unread| unread.read_instead.is_empty());
        let mut problems = Vec::new();
        if !no_field.is_empty() {
            let names = if no_field.len() == 1 {
                "this name"
            } else {
                "these names"
            };
            problems.push(Problem {
                line: None,
                message: format!(
                    "{} not read (no field goes by {names}): {}; {read}: rename a {} to one of these to have it read",
                    self.how_many(&no_field, words),
                    self.list(&no_field, words),
                    words.key
                ),
            });
        }
        if !second.is_empty() {
            let why = if second.len() == 1 {
                format!(
                    "its field is given by another {} of the same {}, with another value",
                    words.key, words.record
                )
            } else {
                format!(
                    "their fields are given by other {} of the same {}, with other values",
                    words.keys, words.record
                )
            };
            problems.push(Problem {
                line: None,
                message: format!(
                    "{} not read ({why}): {}; {rule}",
                    self.how_many(&second, words),
                    self.list(&second, words),
                ),
            });
        }
        problems
    }

    /// The keys counted at least once, in order.
    pub fn counted(&self) -> Vec<&UnreadKey> {
        self.keys.iter().filter(|unread| unread.count > 0).collect()
    }

    /// "1 key", "3 columns".
    pub fn how_many(&self, unread: &[&UnreadKey], words: &RecordWords) -> String {
        let what = if unread.len() == 1 {
            words.key
        } else {
            words.keys
        };
        format!("{} {what}", number(unread.len()))
    }

    /// The keys named, each with what was read instead and in how many records, cut after
    /// [`UNREAD_KEYS_NAMED`].
    pub fn list(&self, unread: &[&UnreadKey], words: &RecordWords) -> String {
        let named: Vec<String> = unread
            .iter()
            .take(UNREAD_KEYS_NAMED)
            .map(|unread| {
                let key = shown_key(&unread.key, words);
                let read_instead = (!unread.read_instead.is_empty()).then(|| {
                    let read: Vec<String> = unread
                        .read_instead
                        .iter()
                        .map(|read| {
                            // The same key given twice (front matter only: a record's keys are
                            // told apart).
                            let read_shown = shown_key(read, words);
                            if *read == unread.key {
                                format!("an earlier {read_shown}")
                            } else {
                                read_shown
                            }
                        })
                        .collect();
                    format!("{} is read instead", read.join(" or "))
                });
                let count = if self.records <= 1 {
                    None
                } else if unread.count == self.records {
                    Some(format!("in every {}", words.record))
                } else {
                    Some(format!(
                        "in {} of {} {}",
                        number(unread.count),
                        number(self.records),
                        words.records
                    ))
                };
                let notes: Vec<String> = read_instead.into_iter().chain(count).collect();
                if notes.is_empty() {
                    key
                } else {
                    format!("{key} ({})", notes.join("; "))
                }
            })
            .collect();
        cut_list(&named, unread.len())
    }
}

/// The first [`UNREAD_KEYS_NAMED`] of `named` joined with commas, and how many of `total` more.
pub(super) fn cut_list(named: &[String], total: usize) -> String {
    let shown = named.get(..UNREAD_KEYS_NAMED).unwrap_or(named);
    match total.saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{} and {} more", shown.join(", "), number(more)),
    }
}

/// A value that gives nothing: null, blank, an empty list or object.
pub(super) fn holds_nothing(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(object) => object.is_empty(),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

/// A key as a message shows it: in backticks, its whitespace collapsed, cut after
/// [`UNREAD_KEY_CHARS`] characters.
pub(super) fn shown_key(key: &str, words: &RecordWords) -> String {
    let key = collapse_whitespace(key);
    if key.is_empty() {
        return format!("an unnamed {}", words.key);
    }
    let mut shown: String = key.chars().take(UNREAD_KEY_CHARS).collect();
    if shown.len() < key.len() {
        shown.push('…');
    }
    format!("`{shown}`")
}
