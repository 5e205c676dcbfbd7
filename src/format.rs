//! Small display formatting, plain Rust (tested natively).

use dossier_engine::ingest::comparable;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `2024-06-20` as `20 Jun 2024` (unambiguous in every locale), `2024-06` (a timeline's month)
/// as `Jun 2024`; other text (a year) is returned as is.
pub fn format_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let month_name = |month: &str| {
        month
            .parse::<usize>()
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|m| MONTHS.get(m))
    };
    match parts.as_slice() {
        [year, month, day] => match (month_name(month), day.parse::<u32>()) {
            (Some(month), Ok(day)) => format!("{day} {month} {year}"),
            _ => date.to_string(),
        },
        [year, month] => match month_name(month) {
            Some(month) => format!("{month} {year}"),
            None => date.to_string(),
        },
        _ => date.to_string(),
    }
}

/// `n` with the singular or plural noun: "1 article", "3 articles", "51,830 articles".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{} {plural}", number(n))
    }
}

/// "1 matching article", "8 matching articles": how the views say what they count.
pub fn matching_articles(n: usize) -> String {
    count(n, "matching article", "matching articles")
}

/// `n` with its thousands grouped: "51,830" (the engine's, which its progress labels use too).
pub use dossier_engine::view_model::number;

/// A duration in milliseconds for people: "0.4 ms", "12 ms", and "under 0.1 ms" rather than a
/// "0.0 ms" that reads as a broken clock (browsers round their clock to 0.1 ms or coarser).
pub fn millis(ms: f64) -> String {
    if ms < 0.05 {
        "under 0.1 ms".to_string()
    } else if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// Number of topic colours in the stylesheet (`.topic-0` … `.topic-7`); topic `i` uses `i % 8`
/// everywhere (chips, map, lists), so a topic has one colour on every view.
pub const TOPIC_COLOURS: usize = 8;

/// The byline to show beside the source: none when it only names the source again ("Author:
/// Reuters" above "(Reuters)" showed "Reuters  Reuters"). The article keeps both, so a search
/// for the name still finds it through its byline.
pub fn byline_beside_source<'a>(byline: Option<&'a str>, source: Option<&str>) -> Option<&'a str> {
    byline.filter(|byline| source.is_none_or(|source| comparable(byline) != comparable(source)))
}

/// The address to link an article's original by: only a web address (`http:`/`https:`), so a
/// loaded file's `url` field can never make the reader run a `javascript:` link.
pub fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let starts = |scheme: &str| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    };
    (starts("https://") || starts("http://")).then_some(url)
}

/// A search as the page repeats it (the results' heading, the empty state, the tab's title):
/// “…” around it, cut after 240 characters, so a pasted paragraph no longer fills the screen
/// and pushes the results out of sight. The box keeps all of it.
pub fn quoted_query(query: &str) -> String {
    const MAX_CHARS: usize = 240;
    match query.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("“{}…”", query.get(..cut).unwrap_or(query).trim_end()),
        None => format!("“{query}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_search_is_quoted_cut() {
        assert_eq!(quoted_query("indus waters"), "“indus waters”");
        let exactly = "é".repeat(240);
        assert_eq!(quoted_query(&exactly), format!("“{exactly}”"));
        let pasted = format!("{} tail", "word ".repeat(100));
        let quoted = quoted_query(&pasted);
        assert_eq!(quoted.chars().count(), 240 + 2, "{quoted}");
        assert!(quoted.ends_with("word…”"), "{quoted}");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(web_link(" https://dawn.com/a "), Some("https://dawn.com/a"));
        assert_eq!(web_link("HTTP://x.org"), Some("HTTP://x.org"));
        assert_eq!(web_link("javascript:alert(1)"), None);
        assert_eq!(web_link("www.dawn.com"), None);
        assert_eq!(web_link(""), None);
    }

    #[test]
    fn a_byline_naming_the_source_again_is_not_shown_twice() {
        assert_eq!(
            byline_beside_source(Some("Reuters"), Some("REUTERS.")),
            None
        );
        assert_eq!(
            byline_beside_source(Some("Hamid Shah"), Some("Dawn")),
            Some("Hamid Shah")
        );
        assert_eq!(
            byline_beside_source(Some("Reuters staff"), Some("Reuters")),
            Some("Reuters staff")
        );
        assert_eq!(byline_beside_source(Some("Reuters"), None), Some("Reuters"));
        assert_eq!(byline_beside_source(None, Some("Reuters")), None);
    }

    #[test]
    fn dates_read_the_same_everywhere() {
        assert_eq!(format_date("2024-06-20"), "20 Jun 2024");
        assert_eq!(format_date("2024-13-20"), "2024-13-20");
        assert_eq!(format_date("June 2024"), "June 2024");
        assert_eq!(format_date("2024-06"), "Jun 2024");
        assert_eq!(format_date("2024-00"), "2024-00");
        assert_eq!(format_date("2024"), "2024");
    }

    #[test]
    fn counts_and_durations() {
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(51_830, "article", "articles"), "51,830 articles");
        for (n, grouped) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (123_456, "123,456"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(number(n), grouped);
        }
        assert_eq!(millis(0.26), "0.3 ms");
        assert_eq!(millis(0.0), "under 0.1 ms");
        assert_eq!(millis(12.4), "12 ms");
    }
}
