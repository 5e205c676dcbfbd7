//! Timeline: article counts per month and per year, for the date facet and a chart.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// Articles in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodCount {
    /// `YYYY` or `YYYY-MM`.
    pub period: String,
    pub articles: usize,
}

/// Counts by period, oldest first; undated articles are counted, not dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub years: Vec<PeriodCount>,
    pub months: Vec<PeriodCount>,
    pub undated: usize,
}

/// Counts `articles` by the year and month of their `date` (`YYYY-MM-DD`). A date that does not
/// start with `YYYY-MM` counts as undated.
pub fn timeline(articles: &[Article]) -> Timeline {
    let mut years: BTreeMap<String, usize> = BTreeMap::new();
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    let mut undated = 0;
    for article in articles {
        match article.date.as_deref().and_then(year_month) {
            Some((year, month)) => {
                *years.entry(year.to_string()).or_insert(0) += 1;
                *months.entry(format!("{year}-{month}")).or_insert(0) += 1;
            }
            None => undated += 1,
        }
    }
    let to_counts = |map: BTreeMap<String, usize>| {
        map.into_iter()
            .map(|(period, articles)| PeriodCount { period, articles })
            .collect()
    };
    Timeline {
        years: to_counts(years),
        months: to_counts(months),
        undated,
    }
}

/// The year and month of a date that starts with `YYYY-MM` (month 01 to 12).
pub(crate) fn year_month(date: &str) -> Option<(&str, &str)> {
    let year = date.get(0..4)?;
    let month = date.get(5..7)?;
    let valid = year.chars().all(|c| c.is_ascii_digit())
        && date.get(4..5) == Some("-")
        && month.chars().all(|c| c.is_ascii_digit())
        && matches!(month.parse::<u8>(), Ok(1..=12));
    valid.then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(date: Option<&str>) -> Article {
        Article {
            id: "a".into(),
            title: "t".into(),
            date: date.map(str::to_string),
            kind: "news".into(),
            file: "f".into(),
            body: vec![],
            ..Article::default()
        }
    }

    #[test]
    fn counts_by_year_and_month_and_keeps_undated() {
        let t = timeline(&[
            dated(Some("2025-04-24")),
            dated(Some("2025-04-01")),
            dated(Some("2024-12-17")),
            dated(None),
            dated(Some("garbage")),
        ]);
        assert_eq!(
            t.years,
            vec![
                PeriodCount {
                    period: "2024".into(),
                    articles: 1
                },
                PeriodCount {
                    period: "2025".into(),
                    articles: 2
                },
            ]
        );
        assert_eq!(t.months.len(), 2);
        assert_eq!(
            t.months[1],
            PeriodCount {
                period: "2025-04".into(),
                articles: 2
            }
        );
        assert_eq!(t.undated, 2);
    }
}
