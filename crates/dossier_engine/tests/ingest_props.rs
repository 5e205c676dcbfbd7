//! Ingest never panics, whatever the bytes and whatever the format, and never loses a file
//! silently: every file yields an article or a warning.

use dossier_engine::ingest::{ingest_bytes, Format};
use proptest::prelude::*;

/// Lines news pages are made of, so random files reach the deeper paths of the txt parser.
const PIECES: &[&str] = &[
    "Pakistan proposes a new plan",
    "ISLAMABAD: The minister said on Tuesday that the plan was ready.",
    "KARACHI -- Officials said the agreements were signed in the city.",
    "Updated 17 December 2024",
    "Updated 13 sec ago",
    "Short Url",
    "Follow",
    "  • A summary bullet",
    "A caption of a photo taken in Lahore. [AFP]",
    "By Jane Doe",
    "Crime & Justice",
    "This past Monday(November 12), the call was launched.",
    "100th anniversary of World War One",
    "Do you like this article?",
    "1 Comment(s)",
    "Reply",
    "Related posts",
    "NEWSLETTER",
    "|",
    "\\*\\*\\*",
    "**Press Release**",
    "",
    "{\"title\": \"x\", \"text\": \"y\"}",
    "title,text",
    "<p>para</p>",
    "---",
    "+++",
    "# Heading",
];

fn format_strategy() -> impl Strategy<Value = Format> {
    prop::sample::select(Format::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), format in format_strategy()) {
        let report = ingest_bytes("input", &bytes, Some(format));
        prop_assert!(!report.articles.is_empty() || !report.warnings.is_empty());
    }

    #[test]
    fn news_like_text_never_panics(
        lines in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..40),
        format in format_strategy(),
    ) {
        let text = lines.join("\n");
        let report = ingest_bytes("input", text.as_bytes(), Some(format));
        prop_assert!(!report.articles.is_empty() || !report.warnings.is_empty());
        for article in &report.articles {
            prop_assert!(!article.id.is_empty());
            if let Some(date) = &article.date {
                prop_assert_eq!(date.len(), 10);
            }
        }
    }
}
