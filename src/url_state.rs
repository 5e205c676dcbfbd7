//! The page's whole view state, as it lives in the URL query string.
//!
//! Plain Rust (no DOM): parsing and serialising are unit-tested natively. The URL is the single
//! source of truth, so reload, back/forward and a copied link all restore exactly the same view.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use dossier_engine::index::facets::{year_value, FacetKey, UNDATED};
use dossier_engine::query::DateRange;
use dossier_engine::search::{SearchRequest, SortOrder};
use dossier_engine::view_model::days_in_month;

use crate::format::format_date;

/// The main views of the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Results,
    Topics,
    Timeline,
    Entities,
    Quotes,
}

impl View {
    /// Every view, in switcher order.
    pub const ALL: [View; 5] = [
        View::Results,
        View::Topics,
        View::Timeline,
        View::Entities,
        View::Quotes,
    ];

    /// The URL word for this view.
    pub fn key(self) -> &'static str {
        match self {
            View::Results => "results",
            View::Topics => "topics",
            View::Timeline => "timeline",
            View::Entities => "entities",
            View::Quotes => "quotes",
        }
    }

    /// What the switcher shows.
    pub fn label(self) -> &'static str {
        match self {
            View::Results => "Results",
            View::Topics => "Topics",
            View::Timeline => "Timeline",
            View::Entities => "Entities",
            View::Quotes => "Quotes",
        }
    }

    fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// The URL word for a sort order.
pub fn sort_key(sort: SortOrder) -> &'static str {
    match sort {
        SortOrder::Relevance => "relevance",
        SortOrder::Newest => "newest",
        SortOrder::Oldest => "oldest",
    }
}

/// Every sort order, as the sort menu lists them.
const SORT_ORDERS: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest];

/// The sort order for a URL word.
pub fn sort_from_key(key: &str) -> Option<SortOrder> {
    SORT_ORDERS.into_iter().find(|s| sort_key(*s) == key)
}

/// Everything a link must reproduce. Defaults are left out of the URL so links stay short.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlState {
    pub query: String,
    pub view: View,
    pub sort: SortOrder,
    /// 1-based results page.
    pub page: usize,
    /// The id of the article open in the reader.
    pub article: Option<String>,
    /// Selected facet values (one URL parameter per value, named after the facet key).
    pub filters: BTreeMap<FacetKey, BTreeSet<String>>,
    /// Inclusive date range, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A filter in force, as the page lists it: "Person: Huma Baqai", and what takes it off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFilter {
    /// What the button says: "Person: Huma Baqai", and "or Person: Ishaq Dar" for another
    /// value of the same facet (any of them matches, as in the sidebar).
    pub label: String,
    /// What the button does, for a screen reader: "Remove the filter Person: Ishaq Dar".
    pub removes: String,
    pub lift: Lift,
}

/// What a filter in force is, to take it off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lift {
    /// One ticked value of a facet.
    Value(FacetKey, String),
    /// The date range, both ends.
    Dates,
}

/// A facet's name for one of its values ("Person: Huma Baqai"); the sidebar's headings are
/// plural.
fn filter_name(key: FacetKey) -> &'static str {
    match key {
        FacetKey::Topic => "Topic",
        FacetKey::Kind => "Kind",
        FacetKey::Source => "Source",
        FacetKey::Year => "Year",
        FacetKey::Place => "Place",
        FacetKey::Person => "Person",
        FacetKey::Org => "Organisation",
        FacetKey::Country => "Country",
    }
}

/// The link's keys that hold one value (the filters hold several).
const ONE_VALUE_KEYS: [&str; 7] = ["q", "view", "sort", "page", "article", "from", "to"];

impl UrlState {
    /// Parses a query string (with or without the leading `?`). Unknown keys and bad values are
    /// ignored so an old or hand-edited link still opens.
    pub fn parse(search: &str) -> Self {
        Self::parse_reporting(search).0
    }

    /// [`UrlState::parse`], and the link's parts it left out, said for people (`from=2024-99-99
    /// is not a date (YYYY-MM-DD)`): a link whose filter was dropped must not look as if it
    /// applied. Keys the page does not know are not listed: links pick up others' parameters
    /// (tracking tags) on their way.
    pub fn parse_reporting(search: &str) -> (Self, Vec<String>) {
        let mut state = UrlState {
            page: 1,
            ..UrlState::default()
        };
        let mut left_out = Vec::new();
        // Keys of one value, with the value read: a second one replaces it, and says so.
        let mut read_once: Vec<(String, String)> = Vec::new();
        for pair in search.trim_start_matches('?').split('&') {
            if pair.is_empty() {
                continue;
            }
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key), decode(value));
            let said_before = left_out.len();
            let non_empty = || (!value.trim().is_empty()).then(|| value.trim().to_string());
            let mut not = |what: &str, words: &[&str]| {
                let words = if words.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", words.join(", "))
                };
                left_out.push(format!("{key}={value} is not {what}{words}"));
            };
            match key.as_str() {
                "q" => state.query = value.clone(),
                "view" => match View::from_key(&value) {
                    Some(view) => state.view = view,
                    None => not("a view", &View::ALL.map(View::key)),
                },
                "sort" => match sort_from_key(&value) {
                    Some(sort) => state.sort = sort,
                    None => not("an order", &SORT_ORDERS.map(sort_key)),
                },
                "page" => match value.parse().ok().filter(|p| *p >= 1) {
                    Some(page) => state.page = page,
                    None => not("a page number", &[]),
                },
                "article" => state.article = non_empty(),
                "from" | "to" => {
                    let date = match non_empty() {
                        Some(date) if !is_date(&date) => {
                            not("a date", &["YYYY-MM-DD"]);
                            None
                        }
                        date => date,
                    };
                    *if key == "from" {
                        &mut state.from
                    } else {
                        &mut state.to
                    } = date;
                }
                other => match (FacetKey::from_name(other), non_empty()) {
                    // A year is four digits or "undated": any other value could match
                    // nothing, ever. (A name no article has may come from a page on another
                    // corpus: it stays.)
                    (Some(FacetKey::Year), Some(year)) => match year_value(&year) {
                        Some(year) => {
                            let years = state.filters.entry(FacetKey::Year).or_default();
                            years.insert(year.to_string());
                        }
                        None => not("a year", &["YYYY", "undated"]),
                    },
                    (Some(key), Some(value)) => {
                        state.filters.entry(key).or_default().insert(value);
                    }
                    _ => {}
                },
            }
            // A value that applied, replacing one that applied before it (one left out for
            // being no view is said once, as that).
            let applied = left_out.len() == said_before;
            if applied && ONE_VALUE_KEYS.contains(&key.as_str()) {
                match read_once.iter_mut().find(|(read, _)| *read == key) {
                    Some((_, earlier)) if *earlier != value => {
                        left_out.push(format!(
                            "{key}={earlier} is replaced by {key}={value} after it"
                        ));
                        *earlier = value;
                    }
                    Some(_) => {}
                    None => read_once.push((key, value)),
                }
            }
        }
        (state, left_out)
    }

    /// The query string, starting with `?` (or empty for the default view).
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.query.is_empty() {
            pairs.push(("q", &self.query));
        }
        if self.view != View::Results {
            pairs.push(("view", self.view.key()));
        }
        if self.sort != SortOrder::Relevance {
            pairs.push(("sort", sort_key(self.sort)));
        }
        for (key, values) in &self.filters {
            for value in values {
                pairs.push((key.name(), value));
            }
        }
        if let Some(from) = &self.from {
            pairs.push(("from", from));
        }
        if let Some(to) = &self.to {
            pairs.push(("to", to));
        }
        let page = self.page.to_string();
        if self.page > 1 {
            pairs.push(("page", &page));
        }
        if let Some(article) = &self.article {
            pairs.push(("article", article));
        }
        let mut out = String::new();
        for (i, (key, value)) in pairs.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            out.push_str(&encode(value));
        }
        out
    }

    /// Whether `value` of facet `key` is selected.
    pub fn is_selected(&self, key: FacetKey, value: &str) -> bool {
        self.filters.get(&key).is_some_and(|v| v.contains(value))
    }

    /// Selects or unselects one filter value; the result set changes, so paging restarts.
    pub fn toggle(&mut self, key: FacetKey, value: &str) {
        let values = self.filters.entry(key).or_default();
        if !values.remove(value) {
            values.insert(value.to_string());
        }
        if values.is_empty() {
            self.filters.remove(&key);
        }
        self.page = 1;
    }

    /// Selects exactly one value of a filter (a click on a topic, entity or chip).
    pub fn select_only(&mut self, key: FacetKey, value: &str) {
        self.filters
            .insert(key, BTreeSet::from([value.to_string()]));
        self.page = 1;
    }

    /// Every article naming `value` (a person, an organisation, a place, a country) or of the
    /// topic `value`: the results filtered by it alone, with no query, other filter or open
    /// article.
    pub fn show_everything_naming(&mut self, key: FacetKey, value: &str) {
        *self = UrlState::default();
        self.select_only(key, value);
    }

    /// The matches of this view that also name each of `names` (facet key and value): the
    /// results, the names added to the query as clauses (`person:"Munir Akram"`) that every
    /// match must meet, so the filters and the query stay as they were.
    pub fn show_matches_naming(&mut self, names: &[(FacetKey, &str)]) {
        let clauses: Vec<String> = names
            .iter()
            .map(|(key, name)| format!("{}:\"{}\"", key.name(), name.replace('"', "")))
            .collect();
        let clauses = clauses.join(" ");
        let query = self.query.trim();
        let query = if query.is_empty() {
            clauses
        } else if query
            .split_whitespace()
            .any(|w| matches!(w, "OR" | "|" | "||"))
        {
            // An OR binds looser than the clauses would: keep it inside.
            format!("({query}) {clauses}")
        } else {
            format!("{query} {clauses}")
        };
        self.set_query(&query);
        self.view = View::Results;
        self.article = None;
    }

    /// Sets the date range (either end may be open).
    pub fn set_dates(&mut self, from: Option<String>, to: Option<String>) {
        self.from = from.filter(|d| is_date(d));
        self.to = to.filter(|d| is_date(d));
        self.page = 1;
    }

    /// The results of the articles without a date: the Year filter's "Undated" alone, and no
    /// date range (a range leaves them out).
    pub fn show_undated(&mut self) {
        self.set_dates(None, None);
        let years = self.filters.entry(FacetKey::Year).or_default();
        years.clear();
        years.insert(UNDATED.to_string());
        self.view = View::Results;
    }

    /// Whether the date range ends before it starts (both are YYYY-MM-DD: text order is date
    /// order).
    pub fn dates_reversed(&self) -> bool {
        matches!((&self.from, &self.to), (Some(from), Some(to)) if from > to)
    }

    /// The range the other way round: what a reversed range was meant to be.
    pub fn swap_dates(&mut self) {
        std::mem::swap(&mut self.from, &mut self.to);
        self.page = 1;
    }

    /// A new query text; paging restarts.
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        self.page = 1;
    }

    /// True when some filter or date is set.
    pub fn has_filters(&self) -> bool {
        self.filter_count() > 0
    }

    /// How many filters are set: each ticked value, and the date range as one.
    pub fn filter_count(&self) -> usize {
        let dated = self.from.is_some() || self.to.is_some();
        self.filters.values().map(BTreeSet::len).sum::<usize>() + usize::from(dated)
    }

    /// Whether a query or a filter narrows the corpus down (views then count the matches).
    pub fn narrows(&self) -> bool {
        !self.query.trim().is_empty() || self.has_filters()
    }

    /// The filters in force, in the sidebar's order and the date range last: what the page
    /// lists above every view, so that a phone (its sidebar a closed drawer), a screenshot and a
    /// printout all say what narrowed the articles.
    pub fn active_filters(&self) -> Vec<ActiveFilter> {
        let mut active: Vec<ActiveFilter> = self
            .filters
            .iter()
            .flat_map(|(key, values)| {
                values.iter().enumerate().map(|(i, value)| {
                    let filter = format!("{}: {value}", filter_name(*key));
                    ActiveFilter {
                        label: if i == 0 {
                            filter.clone()
                        } else {
                            format!("or {filter}")
                        },
                        removes: format!("Remove the filter {filter}"),
                        lift: Lift::Value(*key, value.clone()),
                    }
                })
            })
            .collect();
        let dates = match (&self.from, &self.to) {
            (Some(from), Some(to)) => Some(format!(
                "Dates: {} to {}",
                format_date(from),
                format_date(to)
            )),
            (Some(from), None) => Some(format!("Dates: from {}", format_date(from))),
            (None, Some(to)) => Some(format!("Dates: until {}", format_date(to))),
            (None, None) => None,
        };
        active.extend(dates.map(|label| ActiveFilter {
            removes: format!("Remove the filter {label}"),
            label,
            lift: Lift::Dates,
        }));
        active
    }

    /// The dates the views cover, as the timeline says it: the date range, the years ticked,
    /// or all dates. The Year filter narrows the timeline as much as a range does, and its
    /// caption must not say "All dates" then.
    pub fn dates_covered(&self) -> String {
        let years: Vec<&str> = self
            .filters
            .get(&FacetKey::Year)
            .into_iter()
            .flatten()
            .map(|year| match year.as_str() {
                UNDATED => "undated articles",
                year => year,
            })
            .collect();
        let years = match years.as_slice() {
            [] => None,
            [only] => Some((*only).to_string()),
            [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
        };
        let range = match (&self.from, &self.to) {
            (None, None) => None,
            (from, to) => Some(format!(
                "{} to {}",
                from.as_deref().map_or("the start".into(), format_date),
                to.as_deref().map_or("the end".into(), format_date)
            )),
        };
        match (range, years) {
            (None, None) => "All dates.".to_string(),
            (Some(range), None) => format!("Showing {range}."),
            (None, Some(years)) => format!("Showing {years} only (the Year filter)."),
            (Some(range), Some(years)) => format!("Showing {range}, in {years} only."),
        }
    }

    /// Takes one filter off (see [`UrlState::active_filters`]).
    pub fn lift(&mut self, lift: &Lift) {
        match lift {
            Lift::Value(key, value) => {
                if self.is_selected(*key, value) {
                    self.toggle(*key, value);
                }
            }
            Lift::Dates => self.set_dates(None, None),
        }
    }

    /// Removes every filter and the date range (the query stays).
    pub fn clear_filters(&mut self) {
        self.filters.clear();
        self.from = None;
        self.to = None;
        self.page = 1;
    }

    /// The engine request for this view: all hits at once (the page slices them, and export
    /// and the timeline need them all), without snippets: the results list marks only the hits
    /// it shows ([`dossier_engine::index::SearchIndex::hit_marks`]), not up to 1,000 per keystroke.
    pub fn search_request(&self) -> SearchRequest {
        let date_range = (self.from.is_some() || self.to.is_some()).then(|| DateRange {
            from: self.from.clone(),
            to: self.to.clone(),
        });
        SearchRequest {
            query: self.query.clone(),
            filters: self
                .filters
                .iter()
                .map(|(key, values)| (*key, values.iter().cloned().collect()))
                .collect(),
            date_range,
            sort: self.sort,
            page: 0,
            page_size: dossier_engine::search::MAX_PAGE_SIZE,
            options: dossier_engine::search::MatchOptions {
                snippets: false,
                ..dossier_engine::search::MatchOptions::default()
            },
        }
    }
}

/// `YYYY-MM-DD`, a day of the calendar (`2024-02-30` is not: a range from it would filter by
/// a day no date input can show).
fn is_date(text: &str) -> bool {
    let number = |range: std::ops::Range<usize>| {
        text.get(range)
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse::<u32>().ok())
    };
    let dashes = text.len() == 10 && text.get(4..5) == Some("-") && text.get(7..8) == Some("-");
    match (dashes, number(0..4), number(5..7), number(8..10)) {
        (true, Some(year), Some(month @ 1..=12), Some(day)) => {
            (1..=days_in_month(year, month)).contains(&day)
        }
        _ => false,
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters; space becomes `+`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Decodes `+` and `%XX`; malformed escapes are kept literally, invalid UTF-8 is replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(value) = hex {
                    out.push(value);
                    i += 3;
                    continue;
                }
                out.push(byte);
            }
            _ => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_naming_an_entity_drops_the_rest_of_the_view() {
        let mut state =
            UrlState::parse("?q=cyber&kind=news&from=2024-01-01&view=quotes&article=a&page=3");
        state.show_everything_naming(FacetKey::Person, "Ishaq Dar");
        assert_eq!(state.to_query_string(), "?person=Ishaq+Dar");
    }

    #[test]
    fn the_filters_in_force_are_listed_and_each_taken_off_alone() {
        let state = UrlState::parse(
            "?q=cyber&person=Huma+Baqai&year=2024&org=FIA&year=2023&from=2024-01-01&to=2024-06-30&page=2",
        );
        let labels: Vec<String> = state
            .active_filters()
            .into_iter()
            .map(|f| f.label)
            .collect();
        assert_eq!(
            labels,
            [
                "Year: 2023",
                "or Year: 2024",
                "Person: Huma Baqai",
                "Organisation: FIA",
                "Dates: 1 Jan 2024 to 30 Jun 2024",
            ]
        );
        let lifted = |which: usize| {
            let mut next = state.clone();
            next.lift(&state.active_filters()[which].lift);
            next.to_query_string()
        };
        assert_eq!(
            lifted(1),
            "?q=cyber&year=2023&person=Huma+Baqai&org=FIA&from=2024-01-01&to=2024-06-30"
        );
        assert_eq!(
            lifted(4),
            "?q=cyber&year=2023&year=2024&person=Huma+Baqai&org=FIA"
        );
        let removes: Vec<String> = state
            .active_filters()
            .into_iter()
            .map(|f| f.removes)
            .collect();
        assert_eq!(removes[1], "Remove the filter Year: 2024");
        assert_eq!(
            removes[4],
            "Remove the filter Dates: 1 Jan 2024 to 30 Jun 2024"
        );
        let open_ended = |query: &str| UrlState::parse(query).active_filters()[0].label.clone();
        assert_eq!(open_ended("?from=2024-03-05"), "Dates: from 5 Mar 2024");
        assert_eq!(open_ended("?to=2024-03-05"), "Dates: until 5 Mar 2024");
        assert!(UrlState::parse("?q=cyber&view=quotes")
            .active_filters()
            .is_empty());
    }

    #[test]
    fn a_range_ending_before_it_starts_is_reversed() {
        let reversed = |query: &str| UrlState::parse(query).dates_reversed();
        assert!(reversed("?from=2025-03-01&to=2024-12-31"));
        assert!(reversed("?from=2024-06-10&to=2024-06-01"));
        assert!(!reversed("?from=2024-01-01&to=2024-01-01"));
        assert!(!reversed("?from=2025-01-01"));
        let mut state = UrlState::parse("?from=2025-01-01&to=2023-01-01&page=2");
        state.swap_dates();
        assert_eq!(state.to_query_string(), "?from=2023-01-01&to=2025-01-01");
    }

    #[test]
    fn default_state_is_the_empty_query_string() {
        let state = UrlState::parse("");
        assert_eq!(state.page, 1);
        assert_eq!(state.to_query_string(), "");
    }

    #[test]
    fn everything_round_trips() {
        let mut state = UrlState::parse("");
        state.set_query("cyber crime & “law”/ü");
        state.view = View::Timeline;
        state.sort = SortOrder::Oldest;
        state.toggle(FacetKey::Kind, "press-release");
        state.toggle(FacetKey::Kind, "news");
        state.toggle(FacetKey::Person, "Munir Akram");
        state.toggle(FacetKey::Topic, "Cyber crime");
        state.set_dates(Some("2018-01-01".into()), Some("2024-12-31".into()));
        state.page = 2;
        state.article = Some("000-pakistan".into());
        let url = state.to_query_string();
        assert!(url.starts_with("?q=cyber+crime+%26+"), "{url}");
        assert_eq!(UrlState::parse(&url), state);
    }

    #[test]
    fn a_year_that_is_no_year_is_reported_not_applied() {
        let (state, left_out) = UrlState::parse_reporting("?q=x&year=abc&year=2024&year=20245");
        assert_eq!(state.to_query_string(), "?q=x&year=2024");
        assert_eq!(
            left_out,
            [
                "year=abc is not a year (YYYY, undated)",
                "year=20245 is not a year (YYYY, undated)"
            ]
        );
    }

    #[test]
    fn bad_values_are_reported_and_the_rest_kept() {
        let (state, left_out) = UrlState::parse_reporting(
            "?q=cyber&view=nope&sort=zz&page=abc&from=2024-99-99&to=2024-02-30&kind=news&utm_source=x",
        );
        assert_eq!(state.query, "cyber");
        assert_eq!((state.from, state.to), (None, None));
        assert_eq!(state.filters.len(), 1);
        assert_eq!(
            left_out,
            [
                "view=nope is not a view (results, topics, timeline, entities, quotes)",
                "sort=zz is not an order (relevance, newest, oldest)",
                "page=abc is not a page number",
                "from=2024-99-99 is not a date (YYYY-MM-DD)",
                "to=2024-02-30 is not a date (YYYY-MM-DD)",
            ]
        );
        // A key of one value given twice: the later wins, and the earlier is said to go.
        let (twice, left_out) = UrlState::parse_reporting("?view=topics&view=quotes&page=2&page=2");
        assert_eq!((twice.view, twice.page), (View::Quotes, 2));
        assert_eq!(
            left_out,
            ["view=topics is replaced by view=quotes after it"]
        );
        // One that did not apply is said as what it is, once.
        let (_, left_out) = UrlState::parse_reporting("?view=nope&view=quotes");
        assert_eq!(
            left_out,
            ["view=nope is not a view (results, topics, timeline, entities, quotes)"]
        );
        let (_, nothing) = UrlState::parse_reporting(
            "?q=a&view=timeline&sort=newest&page=2&from=2024-02-29&to=2023-12-31&person=X",
        );
        assert_eq!(nothing, Vec::<String>::new());
    }

    #[test]
    fn the_dates_covered_name_the_range_and_the_years_ticked() {
        let covered = |query: &str| UrlState::parse(query).dates_covered();
        assert_eq!(covered("?q=kashmir&person=Ishaq+Dar"), "All dates.");
        assert_eq!(
            covered("?from=2024-01-01"),
            "Showing 1 Jan 2024 to the end."
        );
        assert_eq!(
            covered("?year=2024"),
            "Showing 2024 only (the Year filter)."
        );
        assert_eq!(
            covered("?year=2025&year=2018&year=2024"),
            "Showing 2018, 2024 and 2025 only (the Year filter)."
        );
        assert_eq!(
            covered("?year=2024&to=2024-06-30"),
            "Showing the start to 30 Jun 2024, in 2024 only."
        );
        // The articles without a date, in any case typed: the facet's value.
        assert_eq!(
            covered("?year=undated"),
            "Showing undated articles only (the Year filter)."
        );
        assert!(UrlState::parse("?year=UNDATED").is_selected(FacetKey::Year, UNDATED));
        assert_eq!(
            covered("?year=Undated&year=2024"),
            "Showing 2024 and undated articles only (the Year filter)."
        );
        let mut state = UrlState::parse("?q=treaty&year=2024&from=2024-01-01&page=3&view=timeline");
        state.show_undated();
        assert_eq!(
            state.to_query_string(),
            "?q=treaty&year=Undated",
            "the query stays, the years and the range go"
        );
    }

    #[test]
    fn matches_naming_add_clauses_to_the_query_and_keep_the_filters() {
        let names = [
            (FacetKey::Person, "Ishaq Dar"),
            (FacetKey::Country, "India \"quoted\""),
        ];
        let mut state = UrlState::parse("?view=entities&person=Ishaq+Dar&page=3&article=a");
        state.show_matches_naming(&names);
        assert_eq!(state.query, r#"person:"Ishaq Dar" country:"India quoted""#);
        assert_eq!(
            (state.view, state.page, &state.article),
            (View::Results, 1, &None)
        );
        assert!(state.is_selected(FacetKey::Person, "Ishaq Dar"));
        let with = |query: &str| {
            let mut state = UrlState::parse("");
            state.set_query(query);
            state.show_matches_naming(&names[..1]);
            state.query
        };
        assert_eq!(with(" water "), r#"water person:"Ishaq Dar""#);
        assert_eq!(
            with("India OR China"),
            r#"(India OR China) person:"Ishaq Dar""#
        );
        assert_eq!(with("ORGANISATION"), r#"ORGANISATION person:"Ishaq Dar""#);
    }

    #[test]
    fn bad_values_are_ignored_not_fatal() {
        let state = UrlState::parse("?view=nope&sort=zz&page=-3&from=yesterday&kind=&q=%ZZ%&x=1");
        assert_eq!(state.view, View::Results);
        assert_eq!(state.sort, SortOrder::Relevance);
        assert_eq!(state.page, 1);
        assert_eq!(state.from, None);
        assert!(state.filters.is_empty());
        assert_eq!(state.query, "%ZZ%");
    }

    #[test]
    fn toggling_resets_the_page_and_clear_keeps_the_query() {
        let mut state = UrlState::parse("?q=x&page=3&year=2024");
        state.toggle(FacetKey::Year, "2024");
        assert!(state.filters.is_empty());
        assert_eq!(state.page, 1);
        state.toggle(FacetKey::Year, "2018");
        state.set_dates(Some("2018-01-01".into()), None);
        assert!(state.has_filters());
        state.toggle(FacetKey::Year, "2019");
        assert_eq!(state.filter_count(), 3, "two years and a date range");
        state.clear_filters();
        assert!(!state.has_filters());
        assert_eq!(state.query, "x");
    }

    #[test]
    fn the_engine_request_carries_filters_and_dates() {
        let state = UrlState::parse("?kind=news&year=2024&year=2018&from=2024-01-01&sort=newest");
        let request = state.search_request();
        assert_eq!(request.filters.get(&FacetKey::Year).map(Vec::len), Some(2));
        assert_eq!(
            request.date_range.and_then(|d| d.from).as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(request.sort, SortOrder::Newest);
    }
}
