//! The keys of a file's records that are not read (JSON/JSONL/CSV keys naming no field, or a
//! field's second name; front-matter keys naming none), counted over the file and said in one
//! warning per file and cause: one place for how unread keys are counted, cut and worded.
//!
//! Each such warning is kept as data too ([`UnreadWarning`]): the collector says the same
//! warning of many files once (a blog folder's 500 posts each with `draft`, `layout`, `tags`).

use std::collections::HashMap;

use serde_json::Value;

use super::text::collapse_whitespace;
use super::Problem;
use crate::view_model::number;

/// What a format calls its records' keys and its records, for the unread-keys message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct RecordWords {
    pub key: &'static str,
    pub keys: &'static str,
    pub record: &'static str,
    pub records: &'static str,
    /// Whether the message says in how many records each key was given (not for front matter:
    /// one record per file).
    pub counted: bool,
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
    /// Each key met, in first-seen order. Keys counted 0 times are not reported.
    keys: Vec<UnreadKey>,
    /// Where each key is in `keys`: a wide file's keys are looked up once per record.
    position: HashMap<String, usize>,
    /// Records read (objects), kept or skipped.
    pub records: usize,
}

/// A key of a file's records, and how many records gave it a value that was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct UnreadKey {
    key: String,
    count: usize,
    /// The record last counted (the count of records then): a record giving the key twice
    /// counts once.
    counted_in: usize,
    /// A key naming a field that another key of the same record gave: the keys read instead, in
    /// first-seen order. Empty for a key that names no field.
    read_instead: Vec<String>,
}

/// Why the keys of an [`UnreadWarning`] are not read, with the words that end its message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Cause {
    /// They name no field; `read` says what is read ("the fields read are ...").
    NoField { read: String },
    /// They give a field that another key of the record gives; `rule` says which is read.
    SecondName { rule: &'static str },
    /// They sit beside the list of a JSON wrapper (`{"source": ..., "articles": [...]}`).
    BesideList { list: String },
}

/// One warning naming a file's keys that are not read, as data: its message is made from it,
/// and the same warning of several files (the same cause, format and keys; counts and lines may
/// differ) is said once for all of them with the counts added up ([`UnreadWarning::add`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnreadWarning {
    cause: Cause,
    words: RecordWords,
    /// The keys named (each counted at least once), in the order they are named.
    keys: Vec<UnreadKey>,
    /// Records read.
    records: usize,
}

/// What two files' [`UnreadWarning`]s share when they are the same warning but for their counts
/// and lines: the cause, the format, and the keys (in any order), each read instead of the same
/// keys.
#[derive(Debug, PartialEq, Eq, Hash)]
pub(crate) struct Sameness {
    cause: Cause,
    words: RecordWords,
    keys: Vec<(String, Vec<String>)>,
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
        self.count_in_record(key);
    }

    /// Counts a key whose field the record gives under `read`, the name read instead (the
    /// caller has checked that the key holds something else).
    pub fn count_second(&mut self, key: &str, read: &str) {
        if let Some(unread) = self.count_in_record(key) {
            if !unread.read_instead.iter().any(|r| r == read) {
                unread.read_instead.push(read.to_string());
            }
        }
    }

    /// Counts `key` once for the record being read, however often the record gives it.
    fn count_in_record(&mut self, key: &str) -> Option<&mut UnreadKey> {
        let at = self.position_of(key);
        let record = self.records;
        let unread = self.keys.get_mut(at)?;
        if unread.count == 0 || unread.counted_in != record {
            unread.count = unread.count.saturating_add(1);
            unread.counted_in = record;
        }
        Some(unread)
    }

    fn position_of(&mut self, key: &str) -> usize {
        if let Some(at) = self.position.get(key) {
            return *at;
        }
        let at = self.keys.len();
        self.keys.push(UnreadKey {
            key: key.to_string(),
            count: 0,
            counted_in: 0,
            read_instead: Vec::new(),
        });
        self.position.insert(key.to_string(), at);
        at
    }

    /// The file's messages naming its unread keys, if any: one for keys that name no field (and
    /// `read`, what is read: "the fields read are ..."), one for second names of a field given
    /// under another (and `rule`, which name is read).
    pub fn problems(&self, words: &RecordWords, read: &str, rule: &'static str) -> Vec<Problem> {
        let (no_field, second): (Vec<UnreadKey>, Vec<UnreadKey>) = self
            .counted()
            .partition(|unread| unread.read_instead.is_empty());
        [
            (
                Cause::NoField {
                    read: read.to_string(),
                },
                no_field,
            ),
            (Cause::SecondName { rule }, second),
        ]
        .into_iter()
        .filter_map(|(cause, keys)| self.warning(cause, words, keys))
        .collect()
    }

    /// The message naming the keys of a JSON wrapper beside its `list`, if any hold something.
    pub fn beside_the_list(&self, list: &str, words: &RecordWords) -> Option<Problem> {
        let cause = Cause::BesideList {
            list: list.to_string(),
        };
        self.warning(cause, words, self.counted().collect())
    }

    /// The keys counted at least once, in order.
    fn counted(&self) -> impl Iterator<Item = UnreadKey> + '_ {
        self.keys.iter().filter(|unread| unread.count > 0).cloned()
    }

    fn warning(&self, cause: Cause, words: &RecordWords, keys: Vec<UnreadKey>) -> Option<Problem> {
        (!keys.is_empty()).then(|| {
            UnreadWarning {
                cause,
                words: *words,
                keys,
                records: self.records,
            }
            .problem()
        })
    }
}

impl UnreadWarning {
    /// The problem saying it, with no line (the caller places it).
    fn problem(self) -> Problem {
        Problem {
            line: None,
            message: self.message(),
            unread: Some(self),
        }
    }

    /// What the warning says.
    pub fn message(&self) -> String {
        let words = &self.words;
        let (how_many, list) = (self.how_many(), self.list());
        match &self.cause {
            Cause::NoField { read } => {
                let names = if self.keys.len() == 1 {
                    "this name"
                } else {
                    "these names"
                };
                format!(
                    "{how_many} not read (no field goes by {names}): {list}; {read}: rename a {} to one of these to have it read",
                    words.key
                )
            }
            Cause::SecondName { rule } => {
                let why = if self.keys.len() == 1 {
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
                format!("{how_many} not read ({why}): {list}; {rule}")
            }
            Cause::BesideList { list: beside } => format!(
                "{how_many} beside the `{beside}` list not read: {list}; only the objects in the list are read: move a key into each object to have it read"
            ),
        }
    }

    /// What makes it the same warning as another file's but for the counts.
    pub fn sameness(&self) -> Sameness {
        let mut keys: Vec<(String, Vec<String>)> = self
            .keys
            .iter()
            .map(|unread| {
                let mut read = unread.read_instead.clone();
                read.sort_unstable();
                (unread.key.clone(), read)
            })
            .collect();
        keys.sort_unstable();
        Sameness {
            cause: self.cause.clone(),
            words: self.words,
            keys,
        }
    }

    /// Adds the counts of `other`, the same warning from another file (the same
    /// [`Self::sameness`]): the records and how many of them gave each key.
    pub fn add(&mut self, other: &UnreadWarning) {
        self.records = self.records.saturating_add(other.records);
        for unread in &mut self.keys {
            if let Some(theirs) = other.keys.iter().find(|theirs| theirs.key == unread.key) {
                unread.count = unread.count.saturating_add(theirs.count);
            }
        }
    }

    /// "1 key", "3 columns".
    fn how_many(&self) -> String {
        let what = if self.keys.len() == 1 {
            self.words.key
        } else {
            self.words.keys
        };
        format!("{} {what}", number(self.keys.len()))
    }

    /// The keys named, each with what was read instead and in how many records, cut after
    /// [`UNREAD_KEYS_NAMED`].
    fn list(&self) -> String {
        let words = &self.words;
        let named: Vec<String> = self
            .keys
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
                let count = if !words.counted || self.records <= 1 {
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
        cut_list(&named, self.keys.len())
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
