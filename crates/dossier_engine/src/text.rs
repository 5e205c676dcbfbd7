//! [`Text`]: a run of article text that the page can borrow from its embedded bundle.
//!
//! The page embeds the bundle JSON in its wasm data segment, which lives as long as the page and
//! can never be freed. Parsing it into owned strings held the corpus text twice: 73 MB of the
//! 50,000-article page's memory. A JSON string with no escapes is the very same bytes in the
//! segment, so [`parse_embedded`] lets every such [`Text`] point into it instead of copying.
//! Text with escapes (a quote mark, a backslash) is unescaped into an owned copy, as before.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A paragraph (or caption, summary bullet, comment): owned, or borrowed from the embedded
/// bundle. Reads as a `&str` everywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text as a `String` to edit in place (copies it first when borrowed).
    pub fn to_mut(&mut self) -> &mut String {
        self.0.to_mut()
    }

    /// True when the text points into the embedded bundle rather than owning a copy.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

/// Copies: only [`parse_embedded`] makes borrowed texts, so a `Text` never outlives its source
/// by accident.
impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(Cow::Owned(text.to_owned()))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

thread_local! {
    /// The JSON [`parse_embedded`] is reading, while it reads it.
    static EMBEDDED_SOURCE: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Parses `json`, a string that lives as long as the program (the page's embedded bundle), so
/// that every [`Text`] without escapes borrows its bytes instead of copying them.
pub fn parse_embedded<T: DeserializeOwned>(json: &'static str) -> serde_json::Result<T> {
    /// Clears the source when parsing ends, however it ends.
    struct Reading;
    impl Drop for Reading {
        fn drop(&mut self) {
            EMBEDDED_SOURCE.with(|source| source.set(None));
        }
    }
    EMBEDDED_SOURCE.with(|source| source.set(Some(json)));
    let _reading = Reading;
    serde_json::from_str(json)
}

/// The same bytes as `text` inside the embedded source, when `text` is a slice of it.
fn in_embedded_source(text: &str) -> Option<&'static str> {
    let source = EMBEDDED_SOURCE.with(Cell::get)?;
    let start = text.as_ptr().addr().checked_sub(source.as_ptr().addr())?;
    let slice = source.get(start..start.checked_add(text.len())?)?;
    // Same address and length: the very bytes, not a look-alike.
    (slice.as_ptr() == text.as_ptr()).then_some(slice)
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text, E> {
                Ok(match in_embedded_source(text) {
                    Some(borrowed) => Text(Cow::Borrowed(borrowed)),
                    None => Text::from(text),
                })
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                Ok(Text::from(text))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                Ok(Text::from(text))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_text_without_escapes_is_borrowed_and_with_escapes_is_owned() {
        let json: &'static str = r#"["plain words", "a \"quoted\" word", "café"]"#;
        let texts: Vec<Text> = parse_embedded(json).expect("parses");
        assert_eq!(texts, ["plain words", "a \"quoted\" word", "café"]);
        assert!(texts[0].is_borrowed());
        assert!(!texts[1].is_borrowed(), "unescaping needs a copy");
        assert!(texts[2].is_borrowed());
    }

    #[test]
    fn text_parsed_from_any_other_string_is_owned() {
        let json = String::from(r#"["plain words"]"#);
        let texts: Vec<Text> = serde_json::from_str(&json).expect("parses");
        assert!(!texts[0].is_borrowed());
        // And after an embedded parse has ended, nothing is borrowed from its source either.
        let _: Vec<Text> = parse_embedded(r#"["x"]"#).expect("parses");
        let texts: Vec<Text> = serde_json::from_str(&json).expect("parses");
        assert!(!texts[0].is_borrowed());
    }

    #[test]
    fn text_round_trips_through_json_and_edits_in_place() {
        let mut text: Text = parse_embedded::<Vec<Text>>(r#"["borrowed"]"#)
            .expect("parses")
            .remove(0);
        text.to_mut().push_str(" then owned");
        assert!(!text.is_borrowed());
        assert_eq!(
            serde_json::to_string(&text).expect("serialises"),
            r#""borrowed then owned""#
        );
    }
}
