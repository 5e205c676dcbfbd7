//! A `.json` or `.jsonl` file read down to its records, each record's keys kept in the order
//! written and as often as written.
//!
//! `serde_json::Value` keeps one value per key (the last) and sorts the keys, so
//! `{"title": "A", "title": "B"}` lost "A" before the ingest could say so. Records are read here
//! as lists of pairs instead; only the values inside a record's keys are plain `Value`s (a record
//! reads from them a string, a list of strings or a `name`, not keys that could repeat).

use std::fmt;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// A record's keys and values, in the order written; a key given twice is here twice.
pub(super) type Pairs = Vec<(String, Value)>;

/// A JSON value as far down as records go.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// The file's outer object: one record, or a wrapper holding the list (`{"articles": [...]}`).
    Outer(Vec<(String, Node)>),
    /// An object inside the outer array or a wrapper's list, or a line of a `.jsonl` file.
    Record(Pairs),
    /// The outer array, or a list inside the outer object.
    List(Vec<Node>),
    /// Anything else, as serde_json reads it.
    Plain(Value),
}

impl Node {
    /// A `.json` file's text read, or serde_json's error.
    pub fn of_file(text: &str) -> Result<Node, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let node = Depth::Outer.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(node)
    }

    /// A `.jsonl` line read (an object is a record), or serde_json's error.
    pub fn of_line(line: &str) -> Result<Node, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(line);
        let node = Depth::InList.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(node)
    }

    /// The record's pairs, if it is one.
    pub fn into_record(self) -> Option<Pairs> {
        match self {
            Node::Record(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// The value as serde_json would have read it (a key given twice keeps its last value): for
    /// a record's key, where nothing repeated inside is told apart.
    pub fn into_value(self) -> Value {
        match self {
            Node::Outer(members) => Value::Object(
                members
                    .into_iter()
                    .map(|(key, node)| (key, node.into_value()))
                    .collect(),
            ),
            Node::Record(pairs) => Value::Object(pairs.into_iter().collect()),
            Node::List(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Node::Plain(value) => value,
        }
    }
}

/// Where a value sits, which says how far it is read as a [`Node`].
#[derive(Clone, Copy)]
enum Depth {
    /// The file's own value.
    Outer,
    /// A member of the outer object, or an item of the outer array.
    InOuter,
    /// An item of a list inside the outer object, or a `.jsonl` line.
    InList,
}

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth {
    type Value = Node;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        match self {
            Depth::Outer => {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value_seed(Depth::InOuter)?));
                }
                Ok(Node::Outer(members))
            }
            Depth::InOuter | Depth::InList => {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, Value>()? {
                    pairs.push(pair);
                }
                Ok(Node::Record(pairs))
            }
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let item = match self {
            Depth::Outer => Depth::InOuter,
            Depth::InOuter => Depth::InList,
            Depth::InList => {
                return Value::deserialize(SeqAccessDeserializer::new(seq)).map(Node::Plain)
            }
        };
        let mut items = Vec::new();
        while let Some(node) = seq.next_element_seed(item)? {
            items.push(node);
        }
        Ok(Node::List(items))
    }

    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Plain(Value::Bool(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Plain(Value::from(value)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Plain(Value::from(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Node, E> {
        Ok(Node::Plain(Value::from(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Plain(Value::from(value)))
    }

    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Plain(Value::String(value)))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Plain(Value::Null))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, Value)]) -> Node {
        Node::Record(
            list.iter()
                .map(|(key, value)| (key.to_string(), value.clone()))
                .collect(),
        )
    }

    #[test]
    fn records_keep_every_key_in_the_order_written() {
        let node = Node::of_file(r#"[{"title": "A", "text": "x", "title": "B"}, 3, [1]]"#);
        assert_eq!(
            node.ok(),
            Some(Node::List(vec![
                pairs(&[
                    ("title", Value::from("A")),
                    ("text", Value::from("x")),
                    ("title", Value::from("B")),
                ]),
                Node::Plain(Value::from(3)),
                Node::List(vec![Node::Plain(Value::from(1))]),
            ]))
        );
        // A wrapper's list holds records too; a record's own values are plain.
        let node = Node::of_file(
            r#"{"source": {"name": "W", "name": "V"}, "articles": [{"z": 1, "a": [{"b": 2}]}]}"#,
        );
        assert_eq!(
            node.ok(),
            Some(Node::Outer(vec![
                (
                    "source".to_string(),
                    pairs(&[("name", Value::from("W")), ("name", Value::from("V"))])
                ),
                (
                    "articles".to_string(),
                    Node::List(vec![pairs(&[
                        ("z", Value::from(1)),
                        ("a", serde_json::json!([{"b": 2}])),
                    ])])
                ),
            ]))
        );
        let line = Node::of_line(r#"{"b": null, "a": true, "b": 1.5}"#);
        assert_eq!(
            line.ok(),
            Some(pairs(&[
                ("b", Value::Null),
                ("a", Value::Bool(true)),
                ("b", Value::from(1.5)),
            ]))
        );
    }

    #[test]
    fn into_value_reads_as_serde_json_does() {
        let text = r#"{"t": "A", "l": [1, {"x": 2, "x": 3}], "o": {"y": [true]}, "n": null}"#;
        let node = Node::of_file(text).map(Node::into_value).ok();
        assert_eq!(node, serde_json::from_str::<Value>(text).ok());
    }

    #[test]
    fn bad_json_is_serde_json_error_with_its_line() {
        let error = Node::of_file("[\n{\"title\": }]").err();
        assert_eq!(error.as_ref().map(serde_json::Error::line), Some(2));
        assert!(Node::of_file("{} {}").is_err(), "trailing characters");
        assert!(Node::of_line("{\"a\": 1").is_err());
    }
}
