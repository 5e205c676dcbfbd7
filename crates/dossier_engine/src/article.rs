//! The article record: the contract between build.rs, the CLI and the app.
//! Fields may be added; none may be renamed.

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// One cleaned article, as every later stage (index, topics, page) sees it. In JSON, empty
/// optional fields (null, `[]`, `false`) are omitted and read back as empty: at 50,000 articles
/// they were 8 MB of the page's embedded bundle, which the page holds in memory for its lifetime.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Stable, unique slug: the input's own id when it states one (json/csv `id`, front matter),
    /// else the title's first words; `-2`, `-3`, ... on collision, in input order.
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Summary bullets, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<Text>,
    /// `YYYY-MM-DD`; `YYYY-MM` when the input states only the month ("January 2024" in a date
    /// field: a month is never shown as its first day); none when the text gives no date that
    /// can be trusted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The raw date words as found in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// True when `date` was worked out (a relative date with an anchor) rather than stated.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub date_inferred: bool,
    /// Place of the dateline ("Islamabad"), removed from the first body paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// "news", "press-release", ...
    pub kind: String,
    /// Publisher, only when the text states it; never guessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Path relative to the corpus root, with `/` separators.
    pub file: String,
    /// Body paragraphs, furniture removed. An item of a bulleted list is a paragraph of its own
    /// that begins with [`LIST_BULLET`]; an item of a numbered list keeps its number ("2. ").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<Text>,
    /// Reader comments, kept out of `body`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Text>,
    /// Where the article was published online, when the input states it (json/csv `url`, front
    /// matter, HTML canonical link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A label the input attaches (json/csv `label`, e.g. a category from a dataset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// What begins a body paragraph that is an item of a bulleted list: plain text reads as a list
/// (in an export, a snippet), and the reader draws a run of them as one.
pub const LIST_BULLET: &str = "• ";

/// The item's text when `paragraph` is an item of a bulleted list.
pub fn list_item(paragraph: &str) -> Option<&str> {
    paragraph.strip_prefix(LIST_BULLET)
}

impl Article {
    /// The article's searchable prose in reading order (title, subtitle, summary, body, captions).
    pub fn full_text(&self) -> String {
        let mut parts: Vec<&str> = vec![self.title.as_str()];
        parts.extend(self.subtitle.as_deref());
        parts.extend(self.summary.iter().map(Text::as_str));
        parts.extend(self.body.iter().map(Text::as_str));
        parts.extend(self.captions.iter().map(Text::as_str));
        parts.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_left_out_of_json_and_read_back_as_empty() {
        let bare = Article {
            id: "a".into(),
            title: Text::from("Title"),
            kind: "news".into(),
            file: "a.txt".into(),
            body: vec![Text::from("Body.")],
            ..Article::default()
        };
        let json = serde_json::to_string(&bare).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"a","title":"Title","kind":"news","file":"a.txt","body":["Body."]}"#
        );
        assert_eq!(serde_json::from_str::<Article>(&json).ok(), Some(bare));
    }

    #[test]
    fn every_field_round_trips() {
        let full = Article {
            id: "b".into(),
            title: Text::from("Title"),
            subtitle: Some("Sub".into()),
            summary: vec![Text::from("Point.")],
            date: Some("2024-01-02".into()),
            date_text: Some("2 January 2024".into()),
            date_inferred: true,
            dateline: Some("Islamabad".into()),
            byline: Some("A. Writer".into()),
            section: Some("World".into()),
            kind: "news".into(),
            source: Some("Dawn".into()),
            file: "b.md".into(),
            body: vec![Text::from("Body.")],
            captions: vec![Text::from("Caption.")],
            comments: vec![Text::from("Comment.")],
            url: Some("https://example.org/b".into()),
            label: Some("politics".into()),
        };
        let json = serde_json::to_string(&full).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Article>(&json).ok(), Some(full));
    }
}
