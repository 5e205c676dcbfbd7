//! The article record: the contract between build.rs, the CLI and the app.
//! Fields may be added; none may be renamed.

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// One cleaned article, as every later stage (index, topics, page) sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable, unique slug: the input's own id when it states one (json/csv `id`, front matter),
    /// else the title's first words; `-2`, `-3`, ... on collision, in input order.
    pub id: String,
    pub title: Text,
    pub subtitle: Option<String>,
    /// Summary bullets, in order.
    pub summary: Vec<Text>,
    /// `YYYY-MM-DD`, or null when the text gives no date that can be trusted.
    pub date: Option<String>,
    /// The raw date words as found in the text.
    pub date_text: Option<String>,
    /// True when `date` was worked out (a relative date with an anchor) rather than stated.
    pub date_inferred: bool,
    /// Place of the dateline ("Islamabad"), removed from the first body paragraph.
    pub dateline: Option<String>,
    pub byline: Option<String>,
    pub section: Option<String>,
    /// "news", "press-release", ...
    pub kind: String,
    /// Publisher, only when the text states it; never guessed.
    pub source: Option<String>,
    /// Path relative to the corpus root, with `/` separators.
    pub file: String,
    /// Body paragraphs, furniture removed.
    pub body: Vec<Text>,
    pub captions: Vec<Text>,
    /// Reader comments, kept out of `body`.
    pub comments: Vec<Text>,
    /// Where the article was published online, when the input states it (json/csv `url`, front
    /// matter, HTML canonical link). Omitted from JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A label the input attaches (json/csv `label`, e.g. a category from a dataset). Omitted
    /// from JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
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
