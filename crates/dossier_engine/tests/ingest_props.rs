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
    "<article><h1>Head &amp; line</h1>",
    "<div class=\"comments\"><p>",
    "</div></article>",
    "<script>var a = '<p>';",
    "<!-- comment",
    "<meta property=\"og:site_name\" content=\"X\">",
    "<time datetime=\"2024-06-20\">",
    "&#x1F600; &bogus; &#99999999;",
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
                prop_assert!(date.len() == 10 || date.len() == 7, "{date}");
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Oracle: a calendar date written in any supported news form parses back to itself.
    #[test]
    fn written_dates_parse_back(year in 1900i32..=2100, month in 1u8..=12, day in 1u8..=31) {
        let Some(name) = MONTHS.get(usize::from(month) - 1) else {
            return Ok(());
        };
        let valid = time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(year, m, day).ok());
        let iso = format!("{year:04}-{month:02}-{day:02}");
        let short = name.get(..3).unwrap_or(name);
        for written in [
            format!("{day} {name} {year}"),
            format!("{name} {day}, {year}"),
            format!("{short}. {day}, {year}"),
            format!("{day} {name} {year} 19:05"),
            iso.clone(),
        ] {
            let parsed = dossier_engine::ingest::dates::parse_date(&written);
            let expected = valid.map(|_| iso.clone());
            prop_assert_eq!(parsed.map(dossier_engine::ingest::dates::iso), expected, "{}", written);
        }
    }

    /// Oracle: numbers with the year last are read when they can only be one date, and never
    /// when the day and month could be either way round.
    #[test]
    fn numeric_dates_are_read_only_when_unambiguous(
        year in 1900i32..=2100,
        month in 1u8..=12,
        day in 1u8..=31,
        separator in prop::sample::select(vec!["/", ".", "-"]),
    ) {
        let valid = time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(year, m, day).ok());
        let iso = format!("{year:04}-{month:02}-{day:02}");
        let unambiguous = day > 12 || day == month;
        let expected = valid.filter(|_| unambiguous).map(|_| iso);
        for written in [
            format!("{day:02}{separator}{month:02}{separator}{year}"),
            format!("{month}{separator}{day}{separator}{year}"),
        ] {
            let parsed = dossier_engine::ingest::dates::parse_date(&written);
            prop_assert_eq!(parsed.map(dossier_engine::ingest::dates::iso), expected.clone(), "{}", written);
        }
    }

    /// Ids are always URL-safe slugs.
    #[test]
    fn slugs_are_url_safe(text in ".{0,80}") {
        let slug = dossier_engine::ingest::slug(&text, 8);
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
    }
}
