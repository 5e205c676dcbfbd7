//! View model: the small pure computations the page needs on top of the corpus — facet counts
//! with the query and the other facets applied, query-term highlight ranges, snippets,
//! keyword-in-context lines, timeline buckets, sorting and paging.
//!
//! The page only shows what these functions return; everything here is natively unit-tested.
//! Matching uses the same [`Analyzer`] as indexing, so "cyber-crimes" meets "cybercrime".

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;

/// Text with the byte ranges to emphasise (sorted, non-overlapping, on char boundaries).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlighted {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Highlighted {
    /// The text cut into `(piece, is_marked)` runs, in order: what a renderer turns into text
    /// nodes and `<mark>` elements. Ranges that fall outside the text are ignored.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0usize;
        for mark in &self.marks {
            if mark.start < at || mark.end <= mark.start {
                continue;
            }
            let (Some(before), Some(marked)) = (
                self.text.get(at..mark.start),
                self.text.get(mark.start..mark.end),
            ) else {
                continue;
            };
            if !before.is_empty() {
                out.push((before, false));
            }
            out.push((marked, true));
            at = mark.end;
        }
        if let Some(rest) = self.text.get(at..) {
            if !rest.is_empty() {
                out.push((rest, false));
            }
        }
        out
    }
}

/// The words of a query, analysed like the index: what highlights and matching compare against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryTerms {
    /// Stemmed, folded terms of the non-stop words, deduplicated, in query order.
    pub stems: Vec<String>,
}

impl QueryTerms {
    /// Analyses `query`. Quotes and operators are treated as plain separators here.
    pub fn parse(analyzer: &Analyzer, query: &str) -> Self {
        let mut stems: Vec<String> = Vec::new();
        for token in analyzer.tokens(query) {
            if !token.is_stop_word && !stems.contains(&token.term) {
                stems.push(token.term);
            }
        }
        QueryTerms { stems }
    }

    /// True when the query has no searchable word.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Byte ranges of the words of `text` that match a query term.
    pub fn marks(&self, analyzer: &Analyzer, text: &str) -> Vec<Range<usize>> {
        if self.stems.is_empty() {
            return Vec::new();
        }
        analyzer
            .tokens(text)
            .into_iter()
            .filter(|t| self.stems.contains(&t.term))
            .map(|t| t.start..t.end)
            .collect()
    }

    /// `text` with its matching words marked.
    pub fn highlight(&self, analyzer: &Analyzer, text: &str) -> Highlighted {
        Highlighted {
            marks: self.marks(analyzer, text),
            text: text.to_string(),
        }
    }
}

/// The facets the sidebar shows over the corpus itself (topics and entities come from analytics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FacetField {
    Kind,
    Source,
    Year,
}

impl FacetField {
    /// Every field, in sidebar order.
    pub const ALL: [FacetField; 3] = [FacetField::Kind, FacetField::Source, FacetField::Year];

    /// The article's values for this field (none when it does not say).
    pub fn values(self, article: &Article) -> Vec<String> {
        match self {
            FacetField::Kind => vec![article.kind.clone()],
            FacetField::Source => article.source.iter().cloned().collect(),
            FacetField::Year => year_of(article).map(str::to_string).into_iter().collect(),
        }
    }
}

/// The `YYYY` of an article's date, when it has one.
pub fn year_of(article: &Article) -> Option<&str> {
    article.date.as_deref().and_then(|d| d.get(..4))
}

/// A selection: within a facet any selected value matches (OR); across facets all must (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected values per field; an absent or empty set means "no constraint".
    pub values: BTreeMap<FacetField, BTreeSet<String>>,
    /// Inclusive date range over `YYYY-MM-DD` (a prefix such as `YYYY-MM` also works).
    /// When either end is set, undated articles are excluded.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Extra constraint supplied by the caller (topic, entity): only these article indices.
    pub allowed: Option<BTreeSet<usize>>,
}

impl Selection {
    fn accepts_field(&self, field: FacetField, article: &Article) -> bool {
        match self.values.get(&field) {
            Some(wanted) if !wanted.is_empty() => {
                field.values(article).iter().any(|v| wanted.contains(v))
            }
            _ => true,
        }
    }

    fn accepts_date(&self, article: &Article) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(date) = article.date.as_deref() else {
            return false;
        };
        let after_from = self
            .from
            .as_deref()
            .is_none_or(|from| date >= from || date.starts_with(from));
        let before_to = self
            .to
            .as_deref()
            .is_none_or(|to| date <= to || date.starts_with(to));
        after_from && before_to
    }

    /// Whether the article passes every constraint except the one on `skip` (for facet counts).
    fn accepts_except(&self, index: usize, article: &Article, skip: Option<FacetField>) -> bool {
        FacetField::ALL
            .iter()
            .filter(|f| Some(**f) != skip)
            .all(|f| self.accepts_field(*f, article))
            && self.accepts_date(article)
            && self.allowed.as_ref().is_none_or(|a| a.contains(&index))
    }

    /// Whether the article passes every constraint.
    pub fn accepts(&self, index: usize, article: &Article) -> bool {
        self.accepts_except(index, article, None)
    }
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortOrder {
    /// Best match first (date order when there is no query).
    #[default]
    Relevance,
    Newest,
    Oldest,
    Title,
}

/// One value of a facet and how many results would have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into the bundle's articles.
    pub article: usize,
    pub score: f32,
    /// A short passage with the query terms marked (the summary's start when there is no query).
    pub snippet: Highlighted,
}

/// Everything the results view and the sidebar show for one request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Exploration {
    /// All matching articles, sorted (the page slices them).
    pub hits: Vec<Hit>,
    /// Per field, the values with counts (query + every other facet applied), most frequent first.
    pub facets: BTreeMap<FacetField, Vec<FacetCount>>,
    /// Set when no article contained every term and the hits fall back to any-term matches.
    pub fallback: Option<String>,
}

/// Scores one article for the query: title and summary words weigh more than body words.
/// Returns None when `require_all` and some term is missing, or no term is present at all.
fn score(analyzer: &Analyzer, terms: &QueryTerms, article: &Article, require_all: bool) -> Option<f32> {
    let mut tf: BTreeMap<&str, f32> = BTreeMap::new();
    let mut add = |text: &str, weight: f32| {
        for token in analyzer.tokens(text) {
            if let Some(stem) = terms.stems.iter().find(|s| **s == token.term) {
                *tf.entry(stem.as_str()).or_insert(0.0) += weight;
            }
        }
    };
    add(&article.title, 3.0);
    article.subtitle.iter().for_each(|s| add(s, 2.0));
    article.summary.iter().for_each(|s| add(s, 2.0));
    article.body.iter().for_each(|s| add(s, 1.0));
    article.captions.iter().for_each(|s| add(s, 1.0));
    let present = tf.len();
    if present == 0 || (require_all && present < terms.stems.len()) {
        return None;
    }
    Some(tf.values().map(|f| 1.0 + f.ln_1p()).sum())
}

/// The best short passage of an article for the query: the first paragraph (summary, then body)
/// with the most matching words, cut to about `max_chars` around its first match.
pub fn snippet(analyzer: &Analyzer, terms: &QueryTerms, article: &Article, max_chars: usize) -> Highlighted {
    let paragraphs = article
        .subtitle
        .iter()
        .chain(article.summary.iter())
        .chain(article.body.iter())
        .chain(article.captions.iter());
    let mut best: Option<(usize, &String, Vec<Range<usize>>)> = None;
    for paragraph in paragraphs {
        let marks = terms.marks(analyzer, paragraph);
        let better = best.as_ref().is_none_or(|(n, _, _)| marks.len() > *n);
        if better && (!marks.is_empty() || best.is_none()) {
            best = Some((marks.len(), paragraph, marks));
        }
    }
    let Some((_, paragraph, marks)) = best else {
        return Highlighted::default();
    };
    let anchor = marks.first().map_or(0, |m| m.start);
    cut_around(paragraph, &marks, anchor, max_chars)
}

/// A window of `text` of about `max_chars` characters containing byte offset `anchor` (a third of
/// the window before it), widened to word boundaries, with "…" where it was cut; marks rebased.
fn cut_around(text: &str, marks: &[Range<usize>], anchor: usize, max_chars: usize) -> Highlighted {
    // Counted in bytes: close enough for a display length, and always a valid cut after flooring.
    let max_bytes = max_chars;
    if text.len() <= max_bytes {
        return Highlighted {
            text: text.to_string(),
            marks: marks.to_vec(),
        };
    }
    let mut start = text.floor_char_boundary(anchor.saturating_sub(max_bytes / 3));
    let mut end = text.floor_char_boundary(start.saturating_add(max_bytes).min(text.len()));
    if start > 0 {
        // Start at the next word so the window does not open mid-word.
        if let Some(space) = text.get(start..).and_then(|rest| rest.find(' ')) {
            if start + space < anchor {
                start += space + 1;
            }
        }
    }
    if end < text.len() {
        if let Some(space) = text.get(..end).and_then(|head| head.rfind(' ')) {
            if space > anchor {
                end = space;
            }
        }
    }
    let body = text.get(start..end).unwrap_or_default();
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < text.len() { " …" } else { "" };
    let shift = prefix.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| (m.start - start + shift)..(m.end - start + shift))
        .collect();
    Highlighted {
        text: format!("{prefix}{body}{suffix}"),
        marks,
    }
}

/// Keyword-in-context lines: every match in the body, with about `width` characters either side.
pub fn keyword_in_context(
    analyzer: &Analyzer,
    terms: &QueryTerms,
    article: &Article,
    width: usize,
) -> Vec<Highlighted> {
    let mut lines = Vec::new();
    for paragraph in article.summary.iter().chain(article.body.iter()) {
        let marks = terms.marks(analyzer, paragraph);
        for mark in &marks {
            let start = paragraph.floor_char_boundary(mark.start.saturating_sub(width));
            let end = paragraph.floor_char_boundary(mark.end.saturating_add(width).min(paragraph.len()));
            let inner: Vec<Range<usize>> = marks
                .iter()
                .filter(|m| m.start >= start && m.end <= end)
                .cloned()
                .collect();
            let mut line = cut_around(
                paragraph.get(..end).unwrap_or(paragraph),
                &inner,
                mark.start,
                end.saturating_sub(start),
            );
            if end < paragraph.len() && !line.text.ends_with('…') {
                line.text.push_str(" …");
            }
            lines.push(line);
        }
    }
    lines
}

/// Runs the query and the selection over the articles: ranked hits plus live facet counts.
pub fn explore(
    analyzer: &Analyzer,
    articles: &[Article],
    query: &str,
    selection: &Selection,
    sort: SortOrder,
) -> Exploration {
    let terms = QueryTerms::parse(analyzer, query);
    let mut fallback = None;
    let mut matched: Vec<(usize, f32)> = if terms.is_empty() {
        (0..articles.len()).map(|i| (i, 0.0)).collect()
    } else {
        let scored = |require_all: bool| -> Vec<(usize, f32)> {
            articles
                .iter()
                .enumerate()
                .filter_map(|(i, a)| score(analyzer, &terms, a, require_all).map(|s| (i, s)))
                .collect()
        };
        let all = scored(true);
        if all.is_empty() && terms.stems.len() > 1 {
            let any = scored(false);
            if !any.is_empty() {
                fallback = Some(
                    "No article contains every word; showing articles with some of them.".into(),
                );
            }
            any
        } else {
            all
        }
    };

    let mut facets = BTreeMap::new();
    for field in FacetField::ALL {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (i, _) in &matched {
            let Some(article) = articles.get(*i) else { continue };
            if selection.accepts_except(*i, article, Some(field)) {
                for value in field.values(article) {
                    *counts.entry(value).or_insert(0) += 1;
                }
            }
        }
        // Keep selected values visible even at zero, so they can be unticked.
        if let Some(selected) = selection.values.get(&field) {
            for value in selected {
                counts.entry(value.clone()).or_insert(0);
            }
        }
        let mut list: Vec<FacetCount> = counts
            .into_iter()
            .map(|(value, count)| FacetCount { value, count })
            .collect();
        if field == FacetField::Year {
            list.sort_by(|a, b| b.value.cmp(&a.value));
        } else {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        facets.insert(field, list);
    }

    matched.retain(|(i, _)| articles.get(*i).is_some_and(|a| selection.accepts(*i, a)));
    let date = |i: usize| articles.get(i).and_then(|a| a.date.clone());
    let title = |i: usize| articles.get(i).map(|a| a.title.to_lowercase());
    match (sort, terms.is_empty()) {
        (SortOrder::Relevance, false) => matched.sort_by(|a, b| {
            b.1.total_cmp(&a.1).then_with(|| date(b.0).cmp(&date(a.0))).then(a.0.cmp(&b.0))
        }),
        // No query: relevance means newest first, undated last.
        (SortOrder::Relevance, true) | (SortOrder::Newest, _) => {
            matched.sort_by(|a, b| date(b.0).cmp(&date(a.0)).then(a.0.cmp(&b.0)))
        }
        (SortOrder::Oldest, _) => matched.sort_by(|a, b| {
            // Undated last in both directions.
            let (da, db) = (date(a.0), date(b.0));
            db.is_none().cmp(&da.is_none()).reverse().then(da.cmp(&db)).then(a.0.cmp(&b.0))
        }),
        (SortOrder::Title, _) => matched.sort_by(|a, b| title(a.0).cmp(&title(b.0)).then(a.0.cmp(&b.0))),
    }
    let hits = matched
        .into_iter()
        .filter_map(|(i, score)| {
            let article = articles.get(i)?;
            Some(Hit {
                article: i,
                score,
                snippet: snippet(analyzer, &terms, article, 220),
            })
        })
        .collect();
    Exploration {
        hits,
        facets,
        fallback,
    }
}

/// One bar of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeBucket {
    /// `YYYY-MM` or `YYYY`.
    pub period: String,
    /// First and last day it covers, for the date filter.
    pub from: String,
    pub to: String,
    pub count: usize,
}

/// Articles per period, every period between the first and the last dated article included
/// (empty ones at zero): months when the span is at most `max_months`, years otherwise.
pub fn timeline<'a>(dates: impl IntoIterator<Item = &'a str>, max_months: usize) -> Vec<TimeBucket> {
    let months: Vec<(i32, u32)> = dates
        .into_iter()
        .filter_map(|d| {
            let year = d.get(..4)?.parse().ok()?;
            let month = d.get(5..7)?.parse().ok()?;
            (1..=12).contains(&month).then_some((year, month))
        })
        .collect();
    let (Some(first), Some(last)) = (months.iter().min(), months.iter().max()) else {
        return Vec::new();
    };
    let span = usize::try_from((last.0 - first.0) * 12 + last.1 as i32 - first.1 as i32 + 1).unwrap_or(0);
    let mut buckets = Vec::new();
    if span <= max_months {
        let (mut year, mut month) = *first;
        while (year, month) <= *last {
            let count = months.iter().filter(|m| **m == (year, month)).count();
            buckets.push(TimeBucket {
                period: format!("{year:04}-{month:02}"),
                from: format!("{year:04}-{month:02}-01"),
                to: format!("{year:04}-{month:02}-{:02}", days_in_month(year, month)),
                count,
            });
            (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        }
    } else {
        for year in first.0..=last.0 {
            let count = months.iter().filter(|m| m.0 == year).count();
            buckets.push(TimeBucket {
                period: format!("{year:04}"),
                from: format!("{year:04}-01-01"),
                to: format!("{year:04}-12-31"),
                count,
            });
        }
    }
    buckets
}

/// Days in a month of the Gregorian calendar.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The items of page `page` (1-based; out-of-range pages clamp to the last page) and the page count.
pub fn page_of<T>(items: &[T], page: usize, per_page: usize) -> (&[T], usize) {
    let per_page = per_page.max(1);
    let pages = items.len().div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1).saturating_mul(per_page);
    let end = start.saturating_add(per_page).min(items.len());
    (items.get(start..end).unwrap_or_default(), pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, date: Option<&str>, kind: &str, body: &[&str]) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            subtitle: None,
            summary: Vec::new(),
            date: date.map(str::to_string),
            date_text: None,
            date_inferred: false,
            dateline: None,
            byline: None,
            section: None,
            kind: kind.into(),
            source: None,
            file: format!("{id}.txt"),
            body: body.iter().map(|s| s.to_string()).collect(),
            captions: Vec::new(),
            comments: Vec::new(),
            url: None,
            label: None,
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            article("a", "Cyber crimes law", Some("2024-06-20"), "news", &["New cyber crime laws in Karachi."]),
            article("b", "Paris Call", Some("2018-11-12"), "news", &["Macron launched the call against cybercrime."]),
            article("c", "Convention session", None, "press-release", &["The committee met in Vienna on crime."]),
        ]
    }

    #[test]
    fn runs_split_text_into_marked_and_plain_pieces() {
        let h = Highlighted { text: "a cyber law".into(), marks: vec![2..7] };
        assert_eq!(h.runs(), vec![("a ", false), ("cyber", true), (" law", false)]);
        let bad = Highlighted { text: "abc".into(), marks: vec![1..9, 0..1] };
        assert_eq!(bad.runs(), vec![("a", true), ("bc", false)]);
    }

    #[test]
    fn highlight_matches_stemmed_forms() {
        let an = Analyzer::default();
        let terms = QueryTerms::parse(&an, "crimes");
        let h = terms.highlight(&an, "Crime and more crimes");
        assert_eq!(h.runs(), vec![("Crime", true), (" and more ", false), ("crimes", true)]);
    }

    #[test]
    fn facets_count_with_the_other_facets_applied() {
        let an = Analyzer::default();
        let articles = corpus();
        let mut selection = Selection::default();
        selection.values.insert(FacetField::Kind, ["news".to_string()].into());
        let out = explore(&an, &articles, "crime", &selection, SortOrder::Relevance);
        assert_eq!(out.hits.len(), 1, "only the news article about crime");
        let kinds = &out.facets[&FacetField::Kind];
        // The kind facet ignores its own selection, so press-release still shows its count.
        assert_eq!(kinds.len(), 2);
        assert!(kinds.iter().all(|k| k.count == 1));
        let years = &out.facets[&FacetField::Year];
        assert_eq!(years, &vec![FacetCount { value: "2024".into(), count: 1 }]);
    }

    #[test]
    fn missing_terms_fall_back_to_any_term() {
        let an = Analyzer::default();
        let out = explore(&an, &corpus(), "Vienna Macron", &Selection::default(), SortOrder::Relevance);
        assert_eq!(out.hits.len(), 2);
        assert!(out.fallback.is_some());
    }

    #[test]
    fn date_range_excludes_undated_and_out_of_range() {
        let an = Analyzer::default();
        let selection = Selection { from: Some("2019-01-01".into()), ..Selection::default() };
        let out = explore(&an, &corpus(), "", &selection, SortOrder::Oldest);
        let ids: Vec<usize> = out.hits.iter().map(|h| h.article).collect();
        assert_eq!(ids, vec![0]);
    }

    #[test]
    fn sort_orders_put_undated_last() {
        let an = Analyzer::default();
        let order = |sort| -> Vec<usize> {
            explore(&an, &corpus(), "", &Selection::default(), sort).hits.iter().map(|h| h.article).collect()
        };
        assert_eq!(order(SortOrder::Newest), vec![0, 1, 2]);
        assert_eq!(order(SortOrder::Oldest), vec![1, 0, 2]);
        assert_eq!(order(SortOrder::Title), vec![2, 0, 1]);
    }

    #[test]
    fn snippet_cuts_long_paragraphs_around_the_match_and_keeps_marks_valid() {
        let an = Analyzer::default();
        let long = format!("{} Macron spoke. {}", "word ".repeat(100), "tail ".repeat(100));
        let a = article("x", "T", None, "news", &[&long]);
        let terms = QueryTerms::parse(&an, "macron");
        let s = snippet(&an, &terms, &a, 120);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert!(s.text.len() < 140);
        assert_eq!(s.runs().iter().filter(|r| r.1).map(|r| r.0).collect::<Vec<_>>(), vec!["Macron"]);
    }

    #[test]
    fn kwic_gives_one_line_per_match() {
        let an = Analyzer::default();
        let a = article("x", "T", None, "news", &["Crime here. And crime there, again crime."]);
        let lines = keyword_in_context(&an, &QueryTerms::parse(&an, "crime"), &a, 10);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| !l.marks.is_empty()));
    }

    #[test]
    fn timeline_fills_empty_months_and_switches_to_years() {
        let months = timeline(["2024-01-05", "2024-03-01", "2024-03-09"], 36);
        let counts: Vec<(&str, usize)> = months.iter().map(|b| (b.period.as_str(), b.count)).collect();
        assert_eq!(counts, vec![("2024-01", 1), ("2024-02", 0), ("2024-03", 2)]);
        assert_eq!(months.get(1).map(|b| b.to.as_str()), Some("2024-02-29"));
        let years = timeline(["2018-11-12", "2024-06-20", "bad"], 36);
        assert_eq!(years.len(), 7);
        assert_eq!(years.first().map(|b| b.from.as_str()), Some("2018-01-01"));
        assert!(timeline([], 36).is_empty());
    }

    #[test]
    fn pages_clamp() {
        let items: Vec<u32> = (0..25).collect();
        assert_eq!(page_of(&items, 3, 10), (&items[20..25], 3));
        assert_eq!(page_of(&items, 9, 10).0, &items[20..25]);
        assert_eq!(page_of(&items, 0, 10).0, &items[0..10]);
        let empty: Vec<u32> = Vec::new();
        assert_eq!(page_of(&empty, 1, 10), (&empty[..], 1));
    }
}
