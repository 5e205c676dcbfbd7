//! Query execution: match set, BM25F ranking, top-k, facet counts, snippets, fallbacks.
//!
//! One entry point for the page and the CLI: [`SearchIndex::search`] takes a [`SearchRequest`]
//! and returns a [`SearchResponse`]. It is cheap enough to run on every keystroke.

mod compounds;
mod other_names;
pub mod snippet;
pub mod warm_up;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use crate::index::facets::{self, FacetCount, FacetKey};
use crate::index::{Field, SearchIndex};
use crate::query::{
    parse, DateRange, ParseOptions, PhraseQuery, PhraseWords, Query, QueryError, Span, TermQuery,
};
use crate::top_k;
use crate::view_model::QueryTerms;
use snippet::{best_snippet, title_highlights, Snippet};

/// Score multiplier of a word that merely starts with the typed word.
const PREFIX_WEIGHT: f32 = 0.8;
/// Score multiplier of a word one edit away.
const ONE_TYPO_WEIGHT: f32 = 0.6;
/// Score multiplier of a word two edits away.
const TWO_TYPO_WEIGHT: f32 = 0.45;
/// At most this many words are tried for a prefix and for typos.
const MAX_PREFIX_EXPANSIONS: usize = 10;
const MAX_PREFIX_SCAN: usize = 4096;
const MAX_TYPO_EXPANSIONS: usize = 16;
/// Endings that make a longer form of a finished word that the stemmer leaves apart: names of
/// peoples ("indian", "pakistani"), agents ("manager"), adjectives ("watery"). A longer word
/// with another ending is a different word: "crimea" is not a form of "crime".
const LONGER_FORM_ENDINGS: &[&str] = &[
    "n", "an", "i", "is", "r", "er", "rs", "s", "es", "y", "ly", "al", "ic", "d", "ed",
];
/// Largest page.
pub const MAX_PAGE_SIZE: usize = 1000;

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// Matching behaviour. The default is search-as-you-type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchOptions {
    /// The last word, when not followed by a space, also matches as a prefix.
    pub prefix_last_word: bool,
    /// Words of 5+ chars match 1 edit away, 9+ chars 2 edits.
    pub typo_tolerance: bool,
    /// When no article has all the words, show those with any of them (and say so).
    pub any_term_fallback: bool,
    /// Compute snippets and highlights for the returned page.
    pub snippets: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            prefix_last_word: true,
            typo_tolerance: true,
            any_term_fallback: true,
            snippets: true,
        }
    }
}

/// Everything the page (or CLI) asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query text (see [`crate::query`] for the language).
    pub query: String,
    /// Selected facet values: OR within a key, AND across keys, case-insensitive.
    pub filters: BTreeMap<FacetKey, Vec<String>>,
    /// Only articles dated in this range (undated articles are then excluded).
    pub date_range: Option<DateRange>,
    pub sort: SortOrder,
    /// 0-based page number.
    pub page: usize,
    /// Hits per page (1 to [`MAX_PAGE_SIZE`]).
    pub page_size: usize,
    pub options: MatchOptions,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: BTreeMap::new(),
            date_range: None,
            sort: SortOrder::Relevance,
            page: 0,
            page_size: 20,
            options: MatchOptions::default(),
        }
    }
}

impl SearchRequest {
    /// A first-page request for a query, everything else default.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index into the article list the index was built from.
    pub article: usize,
    pub id: String,
    /// BM25F score (0 when the query has no words, e.g. filters only).
    pub score: f32,
    /// Text fields where a query word (or its prefix/typo variant) occurs; empty when snippets
    /// are off, like the other marks (the page asks for up to 1,000 hits per keystroke).
    pub matched_fields: Vec<Field>,
    /// Byte ranges of matched words in the article's title.
    pub title_highlights: Vec<Span>,
    /// Best passage outside the title; None when snippets are off or the article is missing.
    pub snippet: Option<Snippet>,
}

/// Why the results are not simply "the articles that match the query as typed".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// No article had every word; showing articles with any of them.
    AnyTermFallback,
    /// The query has only common words, or no word typed as one (`\u{FFFD}%A`): showing every
    /// article.
    OnlyCommonWords,
    /// Nothing matched, and some words are in no article: the message names them.
    NoMatches,
    /// Nothing matched, though every word is in some article: the combination, a negation or
    /// the filters left nothing (a page's empty state says so in its own words).
    NothingMatched,
    /// Some typed words are in no article, and the matches have words spelt like them
    /// ("imran" finds "Iran"): the message names them.
    NearSpellings,
    /// The article list given does not match the index (snippets may be missing).
    CorpusMismatch,
}

/// A notice for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
}

/// What a response matched, to mark in its hits and in text outside the index (the reader,
/// the quotations): the words matched on their own, with the prefix and typo variants taken,
/// and the phrases whose words are marked only where they stand together. A quoted phrase, a
/// compound found written as two words ("cybersecurity" finds "cyber security") and a name's
/// other name ("UN" finds "United Nations") are phrases: marking their words anywhere marked the
/// "cyber" of "cyber crime" and the "United" of "United Arab Emirates".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MatchedTerms {
    /// Opaque term ids, each with the field it was searched in (`title:cyber`), the only one
    /// it is marked in (None: every field): `title:cyber` marked every "cyber" of the body.
    pub words: Vec<(u32, Option<Field>)>,
    /// Each phrase's words and term ids, and its stop-words: marked where the search found
    /// them, the stop-words too ("IT giants", not "IT [giants]").
    pub phrases: Vec<PhraseWords<u32>>,
    /// Words marked only where written in capitals: a short name that is also an everyday
    /// word ("US", found for "united states"; not "us").
    pub in_capitals: Vec<u32>,
    /// The names the search filters by, in each form the corpus writes them (`org:FIA` is "FIA"
    /// and "Federal Investigation Agency"), as phrases: a search by a name alone showed each
    /// article's opening with nothing marked, not where the name stands. Marked in the hits
    /// only: they are not words of the search, so the reader and the quotations saying the
    /// search's words leave them out.
    pub names: Vec<Vec<(u32, u32)>>,
    /// A name filtered by that is one everyday word ("US" of the United States), marked in the
    /// hits only where written in capitals (not "us").
    pub names_in_capitals: Vec<u32>,
}

impl MatchedTerms {
    /// The words searched and the names filtered by, all to mark: what the reader marks, so
    /// an article opened from a search by a name alone shows where the name stands (the
    /// quotations saying the search's words read [`words`](Self::words) and the phrases only).
    pub fn with_names(&self) -> MatchedTerms {
        let mut all = self.clone();
        all.phrases
            .extend(self.names.iter().map(|name| PhraseWords {
                words: name.clone(),
                stop_words: Vec::new(),
                field: None,
            }));
        all.in_capitals.extend(&self.names_in_capitals);
        all
    }
}

/// Everything the page needs to render results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// Matching articles (after filters), over all pages.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Every match (after filters), as article indexes in corpus order, for views of the whole
    /// match set (the quotations of every matching article, not only of a page's). Not
    /// serialised: JSON readers get the page of hits and the counts.
    #[serde(skip)]
    pub matched: Vec<u32>,
    /// Matches per month of their date, ascending, over the whole match set (a page holds at most
    /// [`MAX_PAGE_SIZE`] hits) but ignoring the date range, as a key's facet counts ignore that
    /// key's filter: a timeline of the results shows the months either side of the range, so it
    /// can be widened, without a second search. Undated matches are not in it.
    pub months: Vec<MonthCount>,
    /// Matches without a date, counted as [`months`](Self::months) are (the date range
    /// ignored): what a timeline of the results cannot show.
    pub undated: usize,
    /// For every key: value counts over the match set. A key's counts ignore the filter on that
    /// key itself (so other values of a key stay selectable); selected values are always listed.
    pub facets: BTreeMap<FacetKey, Vec<FacetCount>>,
    /// How the query was read, e.g. `indus water* -"press release"`.
    pub interpretation: String,
    pub notices: Vec<Notice>,
    /// The query with unknown words replaced by the closest corpus words.
    pub did_you_mean: Option<String>,
    /// Problems in the query text (each says what was done instead).
    pub errors: Vec<QueryError>,
    /// What to mark in a hit, for [`SearchIndex::hit_marks`], so a caller that asks for many
    /// hits without snippets can mark just the ones it shows. Opaque ids: not serialised.
    #[serde(skip)]
    pub matched_terms: MatchedTerms,
    /// The people the query's typed filters name, outside any negation (`person:dar` names
    /// "Ishaq Dar"): the quotations view puts what they said first.
    #[serde(skip)]
    pub people_named: Vec<String>,
    /// True when the query types more than words to find: a filter, a date range or an
    /// exclusion (`kashmir year:2024`, `kashmir -treaty`): then, when nothing matches, the
    /// spelling is not the likely cause.
    #[serde(skip)]
    pub filters_or_excludes: bool,
}

/// How many matches are dated in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    pub count: usize,
}

/// A hit's marks: matched words in its title, and its best passage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HitMarks {
    /// Byte ranges of matched words in the article's title.
    pub title: Vec<Span>,
    /// Best passage outside the title.
    pub snippet: Option<Snippet>,
}

impl SearchIndex {
    /// Runs a request. `articles` must be the list the index was built from (for snippets).
    pub fn search(&self, articles: &[Article], request: &SearchRequest) -> SearchResponse {
        let parsed = parse(
            &request.query,
            &ParseOptions {
                prefix_last_word: request.options.prefix_last_word,
            },
        );
        let mut notices = Vec::new();
        if articles.len() != self.doc_count() {
            notices.push(Notice {
                kind: NoticeKind::CorpusMismatch,
                message: format!(
                    "The index has {} articles but {} were given; some snippets are missing.",
                    self.doc_count(),
                    articles.len()
                ),
            });
        }
        let filters = self.resolve_filters(request);
        // One execution for the strict pass and the any-term fallback: each word's matches are
        // computed once and shared (typo lookups are remembered by the index itself).
        let mut exec = Execution::new(self, articles, request.options.typo_tolerance);
        let query = exec.with_compounds(&parsed.query);
        let mut run = self.run(&mut exec, &query, request, &filters);
        let mut interpretation = parsed.query.describe();

        if run.matched.is_empty() && request.options.any_term_fallback {
            if let Some(relaxed) = any_term_version(&parsed.query) {
                let relaxed_query = exec.with_compounds(&relaxed);
                let relaxed_run = self.run(&mut exec, &relaxed_query, request, &filters);
                if !relaxed_run.matched.is_empty() {
                    let words = positive_terms(&parsed.query)
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let mut message = format!(
                        "No article contains all of: {words}. Showing articles with any of them."
                    );
                    if let Some(missing) = run.what_is_missing() {
                        message.push(' ');
                        message.push_str(&missing);
                    }
                    notices.push(Notice {
                        kind: NoticeKind::AnyTermFallback,
                        message,
                    });
                    interpretation = relaxed.describe();
                    run = relaxed_run;
                }
            }
        }
        // Punctuation alone ("!!!") parses as no query at all: every article, said so.
        let typed_no_words = matches!(parsed.query, Query::All) && !request.query.trim().is_empty();
        if run.only_common_words || typed_no_words {
            // A stop-word in punctuation ("\u{FFFD}%A") is no common word typed.
            let message = if crate::query::has_typed_word(&request.query) {
                "The query has only very common words, which are not indexed: showing every \
                 article."
            } else {
                "The query has no words to search for: showing every article."
            };
            notices.push(Notice {
                kind: NoticeKind::OnlyCommonWords,
                message: message.into(),
            });
        }
        if !run.matched.is_empty() && request.options.typo_tolerance {
            notices.extend(self.near_spellings_notice(&parsed.query, &request.query));
        }
        if run.matched.is_empty() {
            let notice = match run.what_is_missing() {
                Some(message) => Notice {
                    kind: NoticeKind::NoMatches,
                    message,
                },
                None => Notice {
                    kind: NoticeKind::NothingMatched,
                    message: "No article matches the query and filters.".into(),
                },
            };
            notices.push(notice);
        }

        // The names typed filters give, by entity key (`person:dar` names "Ishaq Dar").
        let named = FacetKey::ENTITIES.map(|key| (key, self.values_named(&parsed.query, key)));
        let (names, names_in_capitals) = self.filtered_names(&filters, &named);
        let matched_terms = MatchedTerms {
            names,
            names_in_capitals,
            ..run.matched_terms()
        };
        let hits = self.page_of_hits(articles, request, &run, &matched_terms);
        let matched = run.matched.iter().map(|(doc, _)| *doc).collect();
        SearchResponse {
            matched_terms,
            total: run.matched.len(),
            matched,
            months: month_counts(&run.months),
            undated: run.undated,
            hits,
            facets: self.facet_counts(&run.facet_counts, &filters, request),
            interpretation,
            notices,
            did_you_mean: self.did_you_mean(
                &mut exec,
                &parsed.query,
                request,
                &filters,
                &run.values_without_matches,
            ),
            errors: parsed.errors,
            people_named: named
                .iter()
                .find(|(key, _)| *key == FacetKey::Person)
                .map_or_else(Vec::new, |(_, names)| {
                    names.iter().map(|name| name.to_string()).collect()
                }),
            filters_or_excludes: parsed.query.filters_or_excludes(),
        }
    }

    /// The values of `key` that the query's typed filters name, outside any negation
    /// (`person:dar` names "Ishaq Dar").
    pub(crate) fn values_named(&self, query: &Query, key: FacetKey) -> Vec<&str> {
        let mut ids: Vec<u32> = positive_parts(query)
            .into_iter()
            .filter_map(|part| match part {
                Query::Facet { key: k, value, .. } if *k == key => {
                    Some(self.facets.lookup_words(key, value))
                }
                _ => None,
            })
            .flatten()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| self.facets.value(key, id))
            .collect()
    }

    /// The `limit` best documents for a typed query, by BM25F: no filters, facets or snippets.
    /// This is what the evaluation measures.
    pub fn rank(&self, query: &Query, limit: usize) -> Vec<(u32, f32)> {
        let mut exec = Execution::new(self, &[], false);
        let query = exec.with_compounds(query);
        let matches = exec
            .eval(&query, true)
            .unwrap_or_else(|| Matches::unscored((0..self.doc_count_u32()).collect()));
        let mut ranked: Vec<(u32, f32)> = matches.docs.into_iter().zip(matches.scores).collect();
        top_k(&mut ranked, limit, |a, b| {
            b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
        });
        ranked
    }

    fn doc_count_u32(&self) -> u32 {
        u32::try_from(self.doc_count()).unwrap_or(u32::MAX)
    }

    /// Request filters as value ids; a key with no selected values is no filter.
    fn resolve_filters(&self, request: &SearchRequest) -> Vec<(FacetKey, Vec<u32>)> {
        request
            .filters
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(key, values)| (*key, self.facets.lookup(*key, values)))
            .collect()
    }

    /// Evaluates the query, applies the date range and filters, counts facets.
    fn run(
        &self,
        exec: &mut Execution<'_>,
        query: &Query,
        request: &SearchRequest,
        filters: &[(FacetKey, Vec<u32>)],
    ) -> Run {
        exec.highlight_terms.clear();
        exec.highlight_phrases.clear();
        exec.highlight_capitals.clear();
        exec.words_without_matches.clear();
        exec.values_without_matches.clear();
        let evaluated = exec.eval(query, true);
        let only_common_words = evaluated.is_none() && has_terms(query);
        let matches =
            evaluated.unwrap_or_else(|| Matches::unscored((0..self.doc_count_u32()).collect()));

        let mut facet_counts: Vec<Vec<usize>> = FacetKey::ALL
            .iter()
            .map(|key| vec![0; self.facets.value_count(*key)])
            .collect();
        let mut matched = Vec::new();
        let mut months = Vec::new();
        let mut undated = 0;
        for (doc, score) in matches.docs.into_iter().zip(matches.scores) {
            let in_date_range = self.in_date_range(doc, request);
            let mut failing = filters
                .iter()
                .filter(|(key, wanted)| !self.has_value_of(doc, *key, wanted))
                .map(|(key, _)| *key);
            let (first_failing, second_failing) = (failing.next(), failing.next());
            // A document failing exactly one key's filter still counts for that key, so the
            // other values of that key show what selecting them would give.
            let only_key = match (first_failing, second_failing) {
                (None, _) => None,
                (Some(key), None) => Some(key),
                _ => continue,
            };
            if first_failing.is_none() {
                match self.doc_month(doc) {
                    Some(month) => months.push(month),
                    None => undated += 1,
                }
            }
            if !in_date_range {
                continue;
            }
            for key in FacetKey::ALL {
                if only_key.is_some_and(|only| only != key) {
                    continue;
                }
                if let Some(counts) = facet_counts.get_mut(key.slot()) {
                    for id in self.facets.doc_values(doc, key) {
                        if let Some(count) = counts.get_mut(*id as usize) {
                            *count += 1;
                        }
                    }
                }
            }
            if first_failing.is_none() {
                matched.push((doc, score));
            }
        }
        Run {
            matched,
            months,
            undated,
            facet_counts,
            highlight_terms: std::mem::take(&mut exec.highlight_terms),
            highlight_phrases: std::mem::take(&mut exec.highlight_phrases),
            highlight_capitals: std::mem::take(&mut exec.highlight_capitals),
            words_without_matches: std::mem::take(&mut exec.words_without_matches),
            values_without_matches: std::mem::take(&mut exec.values_without_matches),
            only_common_words,
        }
    }

    fn facet_counts(
        &self,
        counts: &[Vec<usize>],
        filters: &[(FacetKey, Vec<u32>)],
        request: &SearchRequest,
    ) -> BTreeMap<FacetKey, Vec<FacetCount>> {
        let mut out = BTreeMap::new();
        for key in FacetKey::ALL {
            let key_counts = counts.get(key.slot()).map_or(&[][..], Vec::as_slice);
            let selected: &[u32] = filters
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(&[], |(_, ids)| ids.as_slice());
            let mut values: Vec<FacetCount> = key_counts
                .iter()
                .enumerate()
                .filter_map(|(id, count)| {
                    let id = u32::try_from(id).ok()?;
                    (*count > 0 || selected.contains(&id)).then(|| FacetCount {
                        value: self.facets.value(key, id).unwrap_or_default().to_string(),
                        count: *count,
                    })
                })
                .collect();
            // Selected values unknown to the index are listed too, with 0.
            if let Some(wanted) = request.filters.get(&key) {
                for value in wanted {
                    if !values
                        .iter()
                        .any(|v| v.value.eq_ignore_ascii_case(value.trim()))
                        && self
                            .facets
                            .lookup(key, std::slice::from_ref(value))
                            .is_empty()
                        && !value.trim().is_empty()
                    {
                        values.push(FacetCount {
                            value: value.trim().to_string(),
                            count: 0,
                        });
                    }
                }
            }
            sort_facet_values(&mut values, key);
            out.insert(key, values);
        }
        out
    }

    /// How many of `docs` carry each value of `key`, in the order of a response's facets,
    /// without zeros. A response's counts for a key with a filter ignore that filter (they show
    /// what ticking another value would give); these count within `docs` alone, e.g. the
    /// topics of the matches when topics are filtered.
    pub fn counts_within(&self, docs: &[u32], key: FacetKey) -> Vec<FacetCount> {
        let mut counts = vec![0usize; self.facets.value_count(key)];
        for doc in docs {
            for id in self.facets.doc_values(*doc, key) {
                if let Some(count) = counts.get_mut(*id as usize) {
                    *count += 1;
                }
            }
        }
        let mut values: Vec<FacetCount> = counts
            .into_iter()
            .enumerate()
            .filter(|(_, count)| *count > 0)
            .filter_map(|(id, count)| {
                Some(FacetCount {
                    value: self.facets.value(key, u32::try_from(id).ok()?)?.to_string(),
                    count,
                })
            })
            .collect();
        sort_facet_values(&mut values, key);
        values
    }

    fn page_of_hits(
        &self,
        articles: &[Article],
        request: &SearchRequest,
        run: &Run,
        matched_terms: &MatchedTerms,
    ) -> Vec<Hit> {
        let page_size = request.page_size.clamp(1, MAX_PAGE_SIZE);
        let first = request.page.saturating_mul(page_size);
        if first >= run.matched.len() {
            return Vec::new();
        }
        let needed = first.saturating_add(page_size);
        let mut ranked = run.matched.clone();
        let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        // With no words to rank by (no query, or filters alone) every match scores the same,
        // and "best match" was the order of the files: the newest come first instead.
        let sort = match request.sort {
            SortOrder::Relevance if !run.matched_words() => SortOrder::Newest,
            sort => sort,
        };
        // One comparator for every order, so the selection and the sort are compiled once.
        top_k(&mut ranked, needed, |a, b| {
            // Dates are looked up only for an order by date.
            if sort == SortOrder::Relevance {
                return by_score(a, b);
            }
            let by_date = match (sort, self.doc_date(a.0), self.doc_date(b.0)) {
                (SortOrder::Newest, Some(x), Some(y)) => y.cmp(x),
                (SortOrder::Oldest, Some(x), Some(y)) => x.cmp(y),
                // Undated articles go last in both orders.
                (_, Some(_), None) => std::cmp::Ordering::Less,
                (_, None, Some(_)) => std::cmp::Ordering::Greater,
                // Both undated (relevance was ordered above).
                _ => std::cmp::Ordering::Equal,
            };
            by_date.then_with(|| by_score(a, b))
        });
        ranked
            .iter()
            .skip(first)
            .map(|(doc, score)| {
                // Marks and fields only with snippets: the page marks the hits it shows itself.
                let (marks, matched_fields) = match articles.get(*doc as usize) {
                    Some(article) if request.options.snippets => {
                        let positions = self.marked_positions(article, *doc, matched_terms);
                        (
                            self.marks_at(article, *doc, &positions),
                            self.matched_fields(*doc, &positions),
                        )
                    }
                    _ => (HitMarks::default(), Vec::new()),
                };
                Hit {
                    article: *doc as usize,
                    id: self.doc_id(*doc).unwrap_or_default().to_string(),
                    score: *score,
                    matched_fields,
                    title_highlights: marks.title,
                    snippet: marks.snippet,
                }
            })
            .collect()
    }

    /// The words a response matched, as [`QueryTerms`]: the query's words and the prefix and
    /// typo variants the search took for them, so text outside the index (quotations, the
    /// reader's keyword-in-context) is marked and filtered as the results were found.
    /// The ids are distinct (a response lists each once), and so are their terms.
    pub fn matched_words(&self, matched_terms: &MatchedTerms) -> QueryTerms {
        let stems = matched_terms
            .words
            .iter()
            .filter_map(|(id, field)| Some((self.term(*id)?.to_string(), *field)));
        // The ids are this index's: each has its term.
        let phrases = matched_terms.phrases.iter().map(|phrase| {
            let word = |(offset, id): &(u32, u32)| {
                (*offset, self.term(*id).unwrap_or_default().to_string())
            };
            PhraseWords {
                words: phrase.words.iter().map(word).collect(),
                stop_words: phrase.stop_words.clone(),
                field: phrase.field,
            }
        });
        let in_capitals = matched_terms
            .in_capitals
            .iter()
            .filter_map(|id| self.term(*id));
        QueryTerms {
            stems: stems.collect(),
            phrases: phrases.collect(),
            in_capitals: in_capitals.map(str::to_string).collect(),
        }
    }

    /// Title highlights and best passage of document `doc` (whose article is `article`) for
    /// the `matched_terms` of a [`SearchResponse`].
    pub fn hit_marks(
        &self,
        article: &Article,
        doc: usize,
        matched_terms: &MatchedTerms,
    ) -> HitMarks {
        let Ok(doc) = u32::try_from(doc) else {
            return HitMarks::default();
        };
        let positions = self.marked_positions(article, doc, matched_terms);
        self.marks_at(article, doc, &positions)
    }

    /// The title highlights and best passage of `doc` for the words at `positions`.
    fn marks_at(&self, article: &Article, doc: u32, positions: &BTreeMap<u32, u32>) -> HitMarks {
        let analyzer = Analyzer::default();
        HitMarks {
            title: title_highlights(&analyzer, article, positions),
            snippet: best_snippet(&analyzer, article, self.paragraph_starts(doc), positions),
        }
    }

    /// The positions in `doc` (whose article is `article`) of the words to mark, with the
    /// term at each: the words matched, a phrase's where they stand together, and a word to
    /// mark only in capitals where so written.
    fn marked_positions(
        &self,
        article: &Article,
        doc: u32,
        matched_terms: &MatchedTerms,
    ) -> BTreeMap<u32, u32> {
        // A word also matched on its own is marked in any case.
        let mut lower_case: Vec<u32> = Vec::new();
        let in_capitals = matched_terms.in_capitals.iter();
        for id in in_capitals.chain(&matched_terms.names_in_capitals) {
            if !matched_terms.words.iter().any(|(word, _)| word == id) {
                let positions = self.postings(*id).map_or(&[][..], |p| p.positions_in(doc));
                lower_case.extend_from_slice(positions);
            }
        }
        let analyzer = Analyzer::default();
        let paragraph_starts = self.paragraph_starts(doc);
        snippet::retain_lower_case(&analyzer, article, paragraph_starts, &mut lower_case);
        self.matched_positions(article, doc, matched_terms, &lower_case)
    }

    /// Whether `article` (document `doc`) writes a phrase's `stop_words` where they stand, its
    /// indexed words starting at position `start`.
    fn writes_stop_words(
        &self,
        article: &Article,
        doc: u32,
        start: u32,
        stop_words: &[(i32, &str)],
    ) -> bool {
        let mut words: Vec<(u32, &str)> = Vec::with_capacity(stop_words.len());
        for (offset, word) in stop_words {
            let Some(position) = start.checked_add_signed(*offset) else {
                return false;
            };
            words.push((position, word));
        }
        snippet::writes_at(article, self.paragraph_starts(doc), &words)
    }

    /// A phrase's words as (offset from its first word, term id); none when a word is in no
    /// article.
    fn phrase_ids(&self, phrase: &PhraseQuery) -> Option<Vec<(u32, u32)>> {
        let mut ids = Vec::with_capacity(phrase.terms.len());
        for (offset, stem) in &phrase.terms {
            ids.push((*offset, self.term_id(stem)?));
        }
        Some(ids)
    }

    /// The text fields of `doc` holding any of the marked `positions`.
    fn matched_fields(&self, doc: u32, positions: &BTreeMap<u32, u32>) -> Vec<Field> {
        let layout = self.layout(doc);
        let mut found = [false; crate::index::FIELD_COUNT];
        for position in positions.keys() {
            if let Some(slot) = found.get_mut(layout.field_of(*position) as usize) {
                *slot = true;
            }
        }
        Field::ALL
            .into_iter()
            .zip(found)
            .filter_map(|(field, found)| found.then_some(field))
            .collect()
    }

    /// For a typed entity value naming nothing under `key`, the span of the typed key
    /// (`place:` before the value at `value_span`) and the key of the people, organisations,
    /// places or countries that have a value of that name, written as `key:` is.
    fn other_key_naming(
        &self,
        key: FacetKey,
        value: &str,
        text: &str,
        value_span: Span,
    ) -> Option<(Span, String)> {
        let entity_keys = FacetKey::ENTITIES;
        if !entity_keys.contains(&key) {
            return None;
        }
        let others = entity_keys.into_iter().filter(|other| *other != key);
        // A kind with a value of that whole name (Pakistan, a country) before one with a value
        // holding the name (the Pakistan Telecommunication Authority, an organisation).
        let other = others
            .clone()
            .find(|other| self.facets.names_whole(*other, value))
            .or_else(|| {
                others
                    .clone()
                    .find(|other| !self.facets.lookup_words(*other, value).is_empty())
            })?;
        Some((
            typed_key_span(key, text, value_span)?,
            format!("{}:", other.name()),
        ))
    }

    /// Positions in `article` (document `doc`) of the matched terms, with the term at each;
    /// not those in `lower_case` (words to mark only in capitals, written there in lower case).
    fn matched_positions(
        &self,
        article: &Article,
        doc: u32,
        matched: &MatchedTerms,
        lower_case: &[u32],
    ) -> BTreeMap<u32, u32> {
        let positions_of = |id: u32| self.postings(id).map_or(&[][..], |p| p.positions_in(doc));
        let layout = self.layout(doc);
        // Only in the field a word or phrase was searched in (None: any), as it matched.
        let in_field = |position: u32, field: Option<Field>| {
            field.is_none_or(|field| layout.field_of(position) == field)
        };
        let mut positions = BTreeMap::new();
        let in_capitals = matched.in_capitals.iter().chain(&matched.names_in_capitals);
        let words = matched.words.iter().copied();
        for (id, field) in words.chain(in_capitals.map(|id| (*id, None))) {
            for position in positions_of(id) {
                if in_field(*position, field) && !lower_case.contains(position) {
                    positions.insert(*position, id);
                }
            }
        }
        // A phrase's words only where they stand together, its stop-words written as typed
        // (as the search found it): a stop-word is marked with the phrase's first word's term.
        let phrases = matched
            .phrases
            .iter()
            .map(|p| (&p.words, &p.stop_words[..], p.field));
        let names = matched.names.iter().map(|words| (words, &[][..], None));
        for (words, stop_words, field) in phrases.chain(names) {
            let Some(&(first_offset, first_id)) = words.first() else {
                continue;
            };
            for start in positions_of(first_id)
                .iter()
                .filter_map(|p| p.checked_sub(first_offset))
            {
                let together = in_field(start, field)
                    && words.iter().all(|(offset, id)| {
                        positions_of(*id)
                            .binary_search(&start.saturating_add(*offset))
                            .is_ok()
                    })
                    && (stop_words.is_empty()
                        || self.writes_stop_words(article, doc, start, stop_words));
                if !together {
                    continue;
                }
                for (offset, id) in words {
                    positions.insert(start.saturating_add(*offset), *id);
                }
                for (offset, _) in stop_words {
                    if let Some(position) = start.checked_add_signed(*offset) {
                        positions.insert(position, first_id);
                    }
                }
            }
        }
        positions
    }

    /// The query text with each unknown word replaced by the closest known one, and each typed
    /// facet value that names nothing by the closest one that does (`place:kashmr` ->
    /// `place:kashmir`). Offered only when it finds something with the request's filters: a
    /// suggestion that also comes up empty ("imran khan" -> "iran khan") is no help.
    fn did_you_mean(
        &self,
        exec: &mut Execution<'_>,
        query: &Query,
        request: &SearchRequest,
        filters: &[(FacetKey, Vec<u32>)],
        values_without_matches: &[(FacetKey, String)],
    ) -> Option<String> {
        let text = request.query.as_str();
        let mut replacements: Vec<(Span, String)> = Vec::new();
        for part in positive_parts(query) {
            match part {
                Query::Term(term) => {
                    if let Some(word) = self.mended_word(term) {
                        let typed = text.get(term.span.start..term.span.end)?;
                        // "U.N." is the word "U.N" and a full stop: "UN", not "UN.".
                        let mut span = term.span;
                        if typed.contains('.') && text.get(span.end..)?.starts_with('.') {
                            span.end = span.end.saturating_add(1);
                        }
                        replacements.push((span, in_case_of(typed, word)));
                    }
                }
                Query::Facet { key, value, span } => {
                    // The search has looked every typed value up: only those naming nothing.
                    let names_nothing = values_without_matches
                        .iter()
                        .any(|(k, v)| k == key && v == value);
                    if !names_nothing {
                        continue;
                    }
                    // A name of another kind (`place:india`: India is a country): that key.
                    if let Some(key_span) = self.other_key_naming(*key, value, text, *span) {
                        replacements.push(key_span);
                        continue;
                    }
                    // A year is a number, not a word with a typo: 2016 is not 2018.
                    if *key == FacetKey::Year {
                        continue;
                    }
                    let allowed = |length: usize| typo_distance(length).max(1);
                    let Some(mended) = self.facets.mend_words(*key, value, allowed) else {
                        // A reporter is no person the articles name: `person:mahmood` ->
                        // `byline:mahmood` (offered only if it finds something, as every
                        // suggestion is).
                        if *key == FacetKey::Person {
                            if let Some(key_span) = typed_key_span(*key, text, *span) {
                                replacements.push((key_span, "byline:".to_string()));
                            }
                        }
                        continue;
                    };
                    let typed = facets::words(value);
                    let mut mended: Vec<String> = mended
                        .iter()
                        .zip(typed.iter().chain(std::iter::repeat(&"")))
                        .map(|(word, typed)| in_case_of(typed, word))
                        .collect();
                    let quoted = mended.len() > 1 || text.get(span.start..)?.starts_with('"');
                    let mended = if quoted {
                        format!("\"{}\"", mended.join(" "))
                    } else {
                        mended.pop()?
                    };
                    replacements.push((*span, mended));
                }
                _ => {}
            }
        }
        if replacements.is_empty() {
            return None;
        }
        crate::sort_shared(&mut replacements, &|a, b| a.0.start.cmp(&b.0.start));
        let mut out = String::new();
        let mut at = 0;
        for (span, mended) in replacements {
            if span.start < at {
                continue;
            }
            out.push_str(text.get(at..span.start)?);
            out.push_str(&mended);
            at = span.end;
        }
        out.push_str(text.get(at..)?);
        self.finds_anything(exec, &out, request, filters)
            .then_some(out)
    }

    /// Names the typed words that no article has but that were found by their near spellings:
    /// a count "for imran" over articles about Iran claimed what the corpus does not hold.
    /// Words too short for typo tolerance ("inds") found nothing, and are not named here.
    fn near_spellings_notice(&self, query: &Query, text: &str) -> Option<Notice> {
        let tolerated = |term: &TermQuery| typo_distance(term.folded.chars().count()) > 0;
        let words: Vec<String> = positive_parts(query)
            .into_iter()
            .filter_map(|part| match part {
                Query::Term(term) if tolerated(term) && self.mended_word(term).is_some() => {
                    Some(format!("“{}”", text.get(term.span.start..term.span.end)?))
                }
                _ => None,
            })
            .collect();
        let spelt = match words.len() {
            0 => return None,
            1 => "a word spelt like it",
            _ => "words spelt like them",
        };
        Some(Notice {
            kind: NoticeKind::NearSpellings,
            message: format!(
                "No article has {}: showing articles with {spelt}.",
                words.join(" or ")
            ),
        })
    }

    /// The closest known word to a typed word the corpus does not have, if any.
    fn mended_word(&self, term: &TermQuery) -> Option<&str> {
        let length = term.folded.chars().count();
        // A word found by its stem is no typo: "diplomats" finds the articles writing
        // "diplomat", and "Did you mean diplomat?" told the analyst no article had it.
        let found_by_stem = self.term_id(&term.stem).is_some();
        if term.is_stop_word || length < 3 || self.has_word(&term.folded) || found_by_stem {
            return None;
        }
        if term.prefix
            && !self
                .prefix_terms(&term.folded, 1, MAX_PREFIX_SCAN)
                .is_empty()
        {
            return None; // still being typed, and it leads somewhere
        }
        let neighbours = self.fuzzy_words(&term.folded, typo_distance(length).max(1), 0);
        self.closest_word(&neighbours)
    }

    /// Whether `text`, searched as `request` (its options, filters and dates), matches anything.
    /// In the request's execution: the words it shares with the query are not looked up again
    /// (a long query with one typo was evaluated twice), and no facet is counted.
    fn finds_anything(
        &self,
        exec: &mut Execution<'_>,
        text: &str,
        request: &SearchRequest,
        filters: &[(FacetKey, Vec<u32>)],
    ) -> bool {
        let parsed = parse(
            text,
            &ParseOptions {
                prefix_last_word: request.options.prefix_last_word,
            },
        );
        let query = exec.with_compounds(&parsed.query);
        let shown = |doc: u32| self.in_date_range(doc, request) && self.passes(doc, filters);
        match exec.eval(&query, true) {
            Some(matches) => matches.docs.into_iter().any(shown),
            // Only common words: every article, as `run` reads it.
            None => (0..self.doc_count_u32()).any(shown),
        }
    }

    /// Whether `doc` has one of the wanted values of every filtered key.
    fn passes(&self, doc: u32, filters: &[(FacetKey, Vec<u32>)]) -> bool {
        filters
            .iter()
            .all(|(key, wanted)| self.has_value_of(doc, *key, wanted))
    }

    fn has_value_of(&self, doc: u32, key: FacetKey, wanted: &[u32]) -> bool {
        self.facets
            .doc_values(doc, key)
            .iter()
            .any(|id| wanted.contains(id))
    }

    fn in_date_range(&self, doc: u32, request: &SearchRequest) -> bool {
        request
            .date_range
            .as_ref()
            .is_none_or(|range| self.doc_date(doc).is_some_and(|date| range.contains(date)))
    }
}

/// The span of the key typed before a facet value at `value_span` (`place:` of
/// `place:kashmr`), if it is written as `key` names itself (not `country:` for the place key).
fn typed_key_span(key: FacetKey, text: &str, value_span: Span) -> Option<Span> {
    let start = value_span.start.checked_sub(key.name().len() + 1)?;
    let typed = text.get(start..value_span.start)?;
    typed
        .strip_suffix(':')
        .is_some_and(|name| name.eq_ignore_ascii_case(key.name()))
        .then_some(Span {
            start,
            end: value_span.start,
        })
}

/// `word` (folded, so lower case) written the way `typed` was: "IRAN" for "IMRAN", "Iran" for
/// "Imran", so a suggestion reads as the user's own query with one word mended. Upper-casing
/// is ASCII only (or the typed first letter, when it is the word's): Unicode's case tables
/// would cost every visitor 8 kB of wasm for a courtesy.
fn in_case_of(typed: &str, word: &str) -> String {
    let mut letters = typed.chars().filter(|c| c.is_alphabetic());
    let Some(typed_first) = letters.next().filter(|c| c.is_uppercase()) else {
        return word.to_string();
    };
    let mut rest = letters.peekable();
    if rest.peek().is_some() && rest.all(char::is_uppercase) {
        return word.to_ascii_uppercase();
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let capital = if typed_first.to_lowercase().eq(std::iter::once(first)) {
        typed_first
    } else {
        first.to_ascii_uppercase()
    };
    std::iter::once(capital).chain(chars).collect()
}

/// The outcome of one evaluation, before paging.
struct Run {
    /// (document, score) of every match, by document (as [`Matches`] are).
    matched: Vec<(u32, f32)>,
    /// The month of every dated match of the query and the facet filters, in or out of the date
    /// range (see [`SearchResponse::months`]).
    months: Vec<u32>,
    /// Matches of the query and the facet filters without a month, in or out of the date range.
    undated: usize,
    /// Per key slot, per value id.
    facet_counts: Vec<Vec<usize>>,
    /// Term ids that matched on their own (with expansions), for highlights and matched fields,
    /// with the field searched, as [`MatchedTerms::words`].
    highlight_terms: Vec<(u32, Option<Field>)>,
    /// Phrases that matched, as [`MatchedTerms::phrases`].
    highlight_phrases: Vec<PhraseWords<u32>>,
    /// Words marked only in capitals, as [`MatchedTerms::in_capitals`].
    highlight_capitals: BTreeSet<u32>,
    /// Typed words that matched no document.
    words_without_matches: Vec<String>,
    /// Typed facet values (`place:kashmr`) that name no value of their key.
    values_without_matches: Vec<(FacetKey, String)>,
    only_common_words: bool,
}

impl Run {
    /// Whether the search matched words to rank by, a phrase's and those marked only in
    /// capitals ("US") included: a phrase alone was listed newest first when only the words
    /// matched on their own counted.
    fn matched_words(&self) -> bool {
        !(self.highlight_terms.is_empty()
            && self.highlight_phrases.is_empty()
            && self.highlight_capitals.is_empty())
    }

    fn matched_terms(&self) -> MatchedTerms {
        MatchedTerms {
            words: self.highlight_terms.to_vec(),
            phrases: self.highlight_phrases.clone(),
            in_capitals: self.highlight_capitals.iter().copied().collect(),
            names: Vec::new(),
            names_in_capitals: Vec::new(),
        }
    }
}

impl Run {
    /// What the query typed that the corpus does not have: "No article contains: imran. No
    /// place is named “kashmr”." None when everything typed exists (only the combination
    /// found nothing).
    fn what_is_missing(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.words_without_matches.is_empty() {
            parts.push(format!(
                "No article contains: {}.",
                self.words_without_matches.join(", ")
            ));
        }
        for (key, value) in &self.values_without_matches {
            parts.push(no_article_has(*key, value));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// What a filter value no article has is said as, typed (`place:kashmr`) or in a link
/// (`?person=Nobody`): "No place is named “kashmr”."
pub fn no_article_has(key: FacetKey, value: &str) -> String {
    match key {
        FacetKey::Year => format!("No article is from {value}."),
        FacetKey::Kind => format!("No article is of the kind “{value}”."),
        FacetKey::Org => format!("No organisation is named “{value}”."),
        _ => format!("No {} is named “{value}”.", key.name()),
    }
}

/// Matches per month (see [`SearchResponse::months`]) of their months (`year * 12 + month - 1`).
fn month_counts(months: &[u32]) -> Vec<MonthCount> {
    let months = || months.iter().copied();
    let Some((first, last)) = months().fold(None, |range: Option<(u32, u32)>, month| {
        Some(range.map_or((month, month), |(lo, hi)| (lo.min(month), hi.max(month))))
    }) else {
        return Vec::new();
    };
    // One slot per month between the first and the last: a handful of years in practice.
    // Dates centuries apart (a typo in a year) would make that vector huge: count in a map.
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    if last - first < 12 * 200 {
        let mut slots = vec![0usize; (last - first + 1) as usize];
        for month in months() {
            if let Some(slot) = slots.get_mut((month - first) as usize) {
                *slot += 1;
            }
        }
        counts.extend((first..).zip(slots).filter(|(_, count)| *count > 0));
    } else {
        for month in months() {
            *counts.entry(month).or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .map(|(month, count)| MonthCount {
            year: month / 12,
            month: month % 12 + 1,
            count,
        })
        .collect()
}

/// The positive (not negated) terms of a query, in order.
fn positive_terms(query: &Query) -> Vec<&TermQuery> {
    positive_parts(query)
        .into_iter()
        .filter_map(|part| match part {
            Query::Term(term) => Some(term),
            _ => None,
        })
        .collect()
}

/// The terms and facet clauses outside any negation or phrase.
fn positive_parts(query: &Query) -> Vec<&Query> {
    fn walk<'q>(query: &'q Query, out: &mut Vec<&'q Query>) {
        match query {
            Query::Term(_) | Query::Facet { .. } => out.push(query),
            Query::And(parts) | Query::Or(parts) => parts.iter().for_each(|p| walk(p, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(query, &mut out);
    out
}

/// Years read as a calendar, newest first (their counts are beside them); other values most
/// frequent first, then by name.
fn sort_facet_values(values: &mut Vec<FacetCount>, key: FacetKey) {
    let calendar = key == FacetKey::Year;
    crate::sort_shared(values, &|a, b| {
        if calendar {
            // The newest year first, the undated last.
            let undated = |v: &FacetCount| v.value == crate::index::facets::UNDATED;
            undated(a)
                .cmp(&undated(b))
                .then_with(|| b.value.cmp(&a.value))
        } else {
            b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
        }
    });
}

fn has_terms(query: &Query) -> bool {
    match query {
        Query::Term(_) | Query::Phrase(_) => true,
        Query::And(parts) | Query::Or(parts) => parts.iter().any(has_terms),
        Query::Not(inner) => has_terms(inner),
        _ => false,
    }
}

/// The query with its required bare words made optional (any of them), when it has two or more.
fn any_term_version(query: &Query) -> Option<Query> {
    let Query::And(parts) = query else {
        return None;
    };
    let (terms, rest): (Vec<Query>, Vec<Query>) = parts
        .iter()
        .cloned()
        .partition(|p| matches!(p, Query::Term(t) if !t.is_stop_word));
    if terms.len() < 2 {
        return None;
    }
    let mut relaxed = rest;
    relaxed.push(Query::Or(terms));
    Some(if relaxed.len() == 1 {
        relaxed.pop()?
    } else {
        Query::And(relaxed)
    })
}

/// The words of the corpus that are `typed` with one of the [`LONGER_FORM_ENDINGS`] of at most
/// `max_distance` letters, as `(word position, distance)` in the endings' order: what
/// [`SearchIndex::fuzzy_words`] gives that is `typed` with one of those endings.
fn longer_forms(index: &SearchIndex, typed: &str, max_distance: u32) -> Vec<(usize, u32)> {
    LONGER_FORM_ENDINGS
        .iter()
        .filter_map(|ending| {
            let distance = u32::try_from(ending.chars().count()).ok()?;
            if distance > max_distance {
                return None;
            }
            Some((index.word_position(&format!("{typed}{ending}"))?, distance))
        })
        .collect()
}

/// Maximum typo distance for a word of `length` chars: 1 edit from 5 chars, 2 from 9.
fn typo_distance(length: usize) -> u32 {
    match length {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// How a variant of a typed word matches: ranked in this order for the same word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Exact,
    Prefix,
    Typo,
}

/// Documents matched by a clause, ascending, with each document's score from that clause.
#[derive(Debug, Clone, Default, PartialEq)]
struct Matches {
    docs: Vec<u32>,
    scores: Vec<f32>,
}

impl Matches {
    fn unscored(docs: Vec<u32>) -> Matches {
        let scores = vec![0.0; docs.len()];
        Matches { docs, scores }
    }

    fn len(&self) -> usize {
        self.docs.len()
    }

    fn pairs(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.docs.iter().copied().zip(self.scores.iter().copied())
    }

    /// Documents in both, scores added.
    fn and(&self, other: &Matches) -> Matches {
        let (small, large) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = Matches::default();
        let mut rest: &[u32] = &large.docs;
        let mut offset = 0usize;
        for (doc, score) in small.pairs() {
            // Galloping would be faster for very skewed sizes; bisecting the remainder is
            // already O(small * log large) and keeps this obviously correct.
            let skip = rest.partition_point(|d| *d < doc);
            offset += skip;
            rest = rest.get(skip..).unwrap_or(&[]);
            if rest.first() == Some(&doc) {
                out.docs.push(doc);
                out.scores
                    .push(score + large.scores.get(offset).copied().unwrap_or(0.0));
            }
        }
        out
    }

    /// Documents in either; where both have a document, `combine` makes its score.
    fn merge(&self, other: &Matches, combine: impl Fn(f32, f32) -> f32) -> Matches {
        let mut out = Matches {
            docs: Vec::with_capacity(self.len() + other.len()),
            scores: Vec::with_capacity(self.len() + other.len()),
        };
        let (mut a, mut b) = (self.pairs().peekable(), other.pairs().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.0 < y.0 => a.next(),
                (Some(x), Some(y)) if y.0 < x.0 => b.next(),
                (Some(_), Some(_)) => match (a.next(), b.next()) {
                    (Some((doc, x)), Some((_, y))) => Some((doc, combine(x, y))),
                    (one, other) => one.or(other),
                },
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next(),
                (None, None) => break,
            };
            if let Some((doc, score)) = next {
                out.docs.push(doc);
                out.scores.push(score);
            }
        }
        out
    }

    /// Adds `bonus`'s score to the documents of `self` it has; adds no document.
    fn add_scores(&mut self, bonus: &Matches) {
        for (doc, extra) in bonus.pairs() {
            if let Ok(at) = self.docs.binary_search(&doc) {
                if let Some(score) = self.scores.get_mut(at) {
                    *score += extra;
                }
            }
        }
    }

    /// Documents of `self` not in `other`.
    fn without(&self, other: &Matches) -> Matches {
        let mut out = Matches::default();
        for (doc, score) in self.pairs() {
            if other.docs.binary_search(&doc).is_err() {
                out.docs.push(doc);
                out.scores.push(score);
            }
        }
        out
    }
}

/// What identifies a word's evaluation: the same word in the strict pass and in the any-term
/// fallback is evaluated once.
type TermKey = (String, String, bool, Option<Field>, bool);

/// A word's evaluation, kept for reuse within one request.
#[derive(Debug, Clone)]
struct TermResult {
    matches: Matches,
    /// Term ids of every variant tried (exact, prefix, typo): what highlights mark.
    variants: Vec<u32>,
}

/// Evaluation state for one request: caches shared by its passes, and what the current pass
/// matched.
struct Execution<'a> {
    index: &'a SearchIndex,
    /// The index's articles, to check in their text what the index leaves out (a phrase's
    /// stop-words); none for a caller without them (the evaluation), and then nothing is.
    articles: &'a [Article],
    typo_tolerance: bool,
    /// Scratch, one slot per document (best score of a word's variants, or a running sum for
    /// a wide OR); -1 = untouched (scores are never negative). Left all -1 after each use.
    best: Vec<f32>,
    terms: BTreeMap<TermKey, TermResult>,
    highlight_terms: Vec<(u32, Option<Field>)>,
    highlight_phrases: Vec<PhraseWords<u32>>,
    highlight_capitals: BTreeSet<u32>,
    words_without_matches: Vec<String>,
    values_without_matches: Vec<(FacetKey, String)>,
}

impl<'a> Execution<'a> {
    fn new(index: &'a SearchIndex, articles: &'a [Article], typo_tolerance: bool) -> Self {
        Execution {
            index,
            articles,
            typo_tolerance,
            best: vec![-1.0; index.doc_count()],
            terms: BTreeMap::new(),
            highlight_terms: Vec::new(),
            highlight_phrases: Vec::new(),
            highlight_capitals: BTreeSet::new(),
            words_without_matches: Vec::new(),
            values_without_matches: Vec::new(),
        }
    }

    fn all(&self) -> Matches {
        Matches::unscored((0..self.index.doc_count_u32()).collect())
    }

    /// Matching documents with their scores; None = neutral (a clause of only common words,
    /// which constrains nothing). `positive` = outside any negation: only then does it score.
    fn eval(&mut self, query: &Query, positive: bool) -> Option<Matches> {
        match query {
            Query::All => Some(self.all()),
            Query::Term(term) => self.term(term, positive),
            Query::Phrase(phrase) => Some(self.phrase(phrase, positive)),
            Query::Facet { key, value, .. } => {
                let ids = self.index.facets.lookup_words(*key, value);
                if ids.is_empty() && positive {
                    self.values_without_matches.push((*key, value.clone()));
                }
                Some(Matches::unscored(
                    (0..self.index.doc_count_u32())
                        .filter(|doc| {
                            self.index
                                .facets
                                .doc_values(*doc, *key)
                                .iter()
                                .any(|id| ids.contains(id))
                        })
                        .collect(),
                ))
            }
            Query::Date(range) => Some(Matches::unscored(
                (0..self.index.doc_count_u32())
                    .filter(|doc| self.index.doc_date(*doc).is_some_and(|d| range.contains(d)))
                    .collect(),
            )),
            Query::And(parts) => {
                let mut required: Vec<Matches> = Vec::new();
                let mut excluded: Vec<Matches> = Vec::new();
                for part in parts {
                    match part {
                        Query::Not(inner) => excluded.extend(self.eval(inner, false)),
                        other => required.extend(self.eval(other, positive)),
                    }
                }
                if required.is_empty() && excluded.is_empty() {
                    return None;
                }
                // Smallest first: every intersection is then at most that small.
                crate::sort_shared(&mut required, &|a, b| a.len().cmp(&b.len()));
                let mut required = required.into_iter();
                let mut matches = match required.next() {
                    Some(first) => required.fold(first, |acc, other| acc.and(&other)),
                    None => self.all(),
                };
                for other in &excluded {
                    matches = matches.without(other);
                }
                if positive {
                    self.add_adjacency_bonus(parts, &mut matches);
                }
                Some(matches)
            }
            Query::Or(parts) => {
                let mut evaluated: Vec<Matches> = parts
                    .iter()
                    .filter_map(|p| self.eval(p, positive))
                    .collect();
                match evaluated.len() {
                    0 => None,
                    1 => evaluated.pop(),
                    _ => Some(self.union_all(&evaluated)),
                }
            }
            Query::Not(inner) => {
                let inner = self.eval(inner, false)?;
                Some(self.all().without(&inner))
            }
        }
    }

    /// Documents in any of `lists`, scores added: one pass over a per-document accumulator
    /// instead of merging pairwise (which copies the growing result once per list).
    fn union_all(&mut self, lists: &[Matches]) -> Matches {
        let mut touched: Vec<u32> = Vec::new();
        for list in lists {
            for (doc, score) in list.pairs() {
                if let Some(total) = self.best.get_mut(doc as usize) {
                    if *total < 0.0 {
                        touched.push(doc);
                        *total = 0.0;
                    }
                    *total += score;
                }
            }
        }
        self.drain_scratch(touched)
    }

    /// The scratch slots of `touched` documents as matches, in document order, leaving the
    /// scratch all -1 again. Many documents: one scan of the scratch beats sorting them.
    fn drain_scratch(&mut self, mut touched: Vec<u32>) -> Matches {
        let mut out = Matches {
            docs: Vec::with_capacity(touched.len()),
            scores: Vec::with_capacity(touched.len()),
        };
        if touched.len().saturating_mul(16) >= self.best.len() {
            for (doc, slot) in (0u32..).zip(self.best.iter_mut()) {
                if *slot >= 0.0 {
                    out.docs.push(doc);
                    out.scores.push(*slot);
                    *slot = -1.0;
                }
            }
            return out;
        }
        touched.sort_unstable();
        for doc in touched {
            if let Some(slot) = self.best.get_mut(doc as usize) {
                out.docs.push(doc);
                out.scores.push(*slot);
                *slot = -1.0;
            }
        }
        out
    }

    /// The term's variants (exact, prefix, typo), each with its tier and score multiplier.
    fn variants(&mut self, term: &TermQuery, positive: bool) -> Vec<(u32, Tier, f32)> {
        let index = self.index;
        let mut variants: Vec<(u32, Tier, f32)> = Vec::new();
        // A stop-word is never indexed: a term of its stem is another word's ("it" is the stem
        // of "its", so "IT" found every "its").
        if term.is_stop_word {
            return variants;
        }
        if let Some(id) = index.term_id(&term.stem) {
            variants.push((id, Tier::Exact, 1.0));
        }
        if !positive {
            return variants; // negations are exact
        }
        if term.prefix {
            for id in index.prefix_terms(&term.folded, MAX_PREFIX_EXPANSIONS, MAX_PREFIX_SCAN) {
                if !variants.iter().any(|(v, ..)| *v == id) {
                    variants.push((id, Tier::Prefix, PREFIX_WEIGHT));
                }
            }
        }
        let max_distance = typo_distance(term.folded.chars().count());
        if self.typo_tolerance && max_distance > 0 {
            // A word the corpus has is no typo: its neighbours are other words ("water" and
            // "later", "committee" and "commitment"), which would only blur what an analyst
            // asked for. Only its longer forms still come ("india" -> "indian", not "crime" ->
            // "crimea"), and neighbours ten times as common: then the corpus itself has the typo
            // ("recieve" in a few articles, "receive" in many), and the typed word is most likely
            // it too.
            let known_in = variants
                .iter()
                .find(|(_, tier, _)| *tier == Tier::Exact)
                .map(|(id, ..)| index.doc_frequency(*id));
            // So a known word's neighbours are the words ten times as common (the walk covers
            // only those: a quarter of a long query's time on 50,000 articles when it covered
            // every word) and its longer forms, looked up at once.
            let common_enough = known_in.map_or(0, |known_in| known_in.saturating_mul(10));
            let longer = match known_in {
                Some(_) => longer_forms(index, &term.folded, max_distance),
                None => Vec::new(),
            };
            let mut typos: Vec<(u32, u32)> = index
                .fuzzy_words(&term.folded, max_distance, common_enough)
                .iter()
                .chain(&longer)
                .filter_map(|(word, distance)| Some((index.word_term(*word)?, *distance)))
                .collect();
            // Closest, then most frequent, first; at most MAX_TYPO_EXPANSIONS distinct terms.
            crate::sort_shared(&mut typos, &|a, b| {
                a.1.cmp(&b.1)
                    .then(index.doc_frequency(b.0).cmp(&index.doc_frequency(a.0)))
                    .then(a.0.cmp(&b.0))
            });
            let mut added = 0usize;
            for (id, distance) in typos {
                if added == MAX_TYPO_EXPANSIONS {
                    break;
                }
                if !variants.iter().any(|(v, ..)| *v == id) {
                    added += 1;
                    let weight = if distance <= 1 {
                        ONE_TYPO_WEIGHT
                    } else {
                        TWO_TYPO_WEIGHT
                    };
                    variants.push((id, Tier::Typo, weight));
                }
            }
        }
        variants
    }

    fn term(&mut self, term: &TermQuery, positive: bool) -> Option<Matches> {
        let key: TermKey = (
            term.stem.clone(),
            term.folded.clone(),
            term.prefix,
            term.field,
            positive,
        );
        if !self.terms.contains_key(&key) {
            let result = self.evaluate_term(term, positive);
            self.terms.insert(key.clone(), result);
        }
        let Some(result) = self.terms.get(&key) else {
            return None; // (inserted above)
        };
        if result.variants.is_empty() && term.is_stop_word {
            return None;
        }
        if positive {
            if result.matches.docs.is_empty() {
                self.words_without_matches.push(term.text.clone());
            }
            let variants = result.variants.iter().copied();
            if term.in_capitals {
                self.highlight_capitals.extend(variants);
            } else {
                // A list, each once: a set of pairs cost the page's wasm a tree of its own.
                for id in variants {
                    push_new(&mut self.highlight_terms, (id, term.field));
                }
            }
        }
        Some(result.matches.clone())
    }

    /// A word's matches: per document the best of its variants, where every document with
    /// the exact word outscores (on this word) every document with only a prefix variant,
    /// which outscores every document with only a typo variant.
    fn evaluate_term(&mut self, term: &TermQuery, positive: bool) -> TermResult {
        let index = self.index;
        let variants = self.variants(term, positive);
        let exact_idf = index.term_id(&term.stem).map(|id| index.idf(id));
        let mut merged = Matches::default();
        // Lowest score on this word of the documents matched by a better tier.
        let mut floor: Option<f32> = None;
        for tier in [Tier::Exact, Tier::Prefix, Tier::Typo] {
            let tier_variants: Vec<(u32, f32)> = variants
                .iter()
                .filter(|(_, t, _)| *t == tier)
                .map(|(id, _, weight)| (*id, *weight))
                .collect();
            let mut level = if let [(id, weight)] = tier_variants.as_slice() {
                // One variant (the usual exact case): its postings are the tier, in order.
                self.variant_matches(term, *id, *weight, exact_idf, positive)
            } else {
                let mut touched: Vec<u32> = Vec::new();
                for (id, weight) in &tier_variants {
                    let variant = self.variant_matches(term, *id, *weight, exact_idf, positive);
                    for (doc, score) in variant.pairs() {
                        if let Some(best) = self.best.get_mut(doc as usize) {
                            if *best < 0.0 {
                                touched.push(doc);
                            }
                            // The best variant, not the sum: many variants must not add up.
                            *best = best.max(score);
                        }
                    }
                }
                self.drain_scratch(touched)
            };
            if level.docs.is_empty() {
                continue;
            }
            // Squeeze this tier under the better tiers, keeping its own order.
            let top = level.scores.iter().copied().fold(0f32, f32::max);
            if let Some(floor) = floor.filter(|floor| top >= *floor && top > 0.0) {
                let scale = 0.95 * floor / top;
                level.scores.iter_mut().for_each(|score| *score *= scale);
            }
            // A document in two tiers keeps its better score.
            merged = if merged.docs.is_empty() {
                level
            } else {
                merged.merge(&level, f32::max)
            };
            floor = merged.scores.iter().copied().reduce(f32::min);
        }
        TermResult {
            matches: merged,
            variants: variants.into_iter().map(|(id, ..)| id).collect(),
        }
    }

    /// The documents of one variant of a word with their scores (0 outside positive clauses).
    fn variant_matches(
        &self,
        term: &TermQuery,
        id: u32,
        weight: f32,
        exact_idf: Option<f32>,
        positive: bool,
    ) -> Matches {
        let index = self.index;
        let Some(postings) = index.postings(id) else {
            return Matches::default();
        };
        // A rare variant must not outrank the word itself: cap its idf at the word's.
        let idf = exact_idf.map_or(index.idf(id), |e| e.min(index.idf(id)));
        let mut matches = Matches {
            docs: Vec::with_capacity(postings.docs.len()),
            scores: Vec::with_capacity(postings.docs.len()),
        };
        match term.field {
            None => {
                for (doc, weighted_tf) in postings.weighted() {
                    matches.docs.push(doc);
                    matches.scores.push(if positive {
                        weight * index.saturate(weighted_tf, idf)
                    } else {
                        0.0
                    });
                }
            }
            Some(field) => {
                for (doc, positions) in postings.iter() {
                    if !index.occurs_in_field(doc, positions, field) {
                        continue;
                    }
                    matches.docs.push(doc);
                    matches.scores.push(if positive {
                        weight * index.score(doc, positions, Some(field), idf)
                    } else {
                        0.0
                    });
                }
            }
        }
        matches
    }

    /// Words typed next to each other count again where an article has them next to each
    /// other: "united nations" ranks the articles naming the United Nations above those with
    /// "United States" and "national" apart. Stop-words between them keep their place ("bank
    /// of china"); both words must be searched in the same field.
    fn add_adjacency_bonus(&mut self, parts: &[Query], matches: &mut Matches) {
        if matches.docs.is_empty() {
            return;
        }
        // The last word that is not a stop-word, and how far the next word is from it.
        let mut previous: Option<(&TermQuery, u32)> = None;
        for part in parts {
            match part {
                Query::Term(term) if term.is_stop_word => {
                    if let Some((_, distance)) = &mut previous {
                        *distance = distance.saturating_add(1);
                    }
                }
                Query::Term(term) => {
                    if let Some((first, distance)) = previous.filter(|(p, _)| p.field == term.field)
                    {
                        let pair = PhraseQuery {
                            text: String::new(),
                            terms: vec![(0, first.stem.clone()), (distance, term.stem.clone())],
                            field: term.field,
                            span: term.span,
                        };
                        if let Some(together) =
                            self.phrase_matches(&pair, true, Some(&matches.docs))
                        {
                            matches.add_scores(&together);
                        }
                    }
                    previous = Some((term, 1));
                }
                _ => previous = None,
            }
        }
    }

    fn phrase(&mut self, phrase: &PhraseQuery, positive: bool) -> Matches {
        let index = self.index;
        let Some(matches) = self.phrase_matches(phrase, positive, None) else {
            if positive {
                self.words_without_matches
                    .push(format!("\"{}\"", phrase.text));
            }
            return Matches::default();
        };
        if positive {
            if matches.docs.is_empty() {
                self.words_without_matches
                    .push(format!("\"{}\"", phrase.text));
            } else if let Some(words) = index.phrase_ids(phrase) {
                // (Always: `phrase_matches` found each word in the index.)
                let marked = PhraseWords {
                    words,
                    stop_words: phrase.stop_words(&Analyzer::default()),
                    field: phrase.field,
                };
                push_new(&mut self.highlight_phrases, marked);
            }
        }
        matches
    }

    /// Whether document `doc` writes a phrase's `stop_words` where they stand, its indexed
    /// words starting at position `start`. True when there is no text to check.
    fn writes_stop_words(&self, doc: u32, start: u32, stop_words: &[(i32, &str)]) -> bool {
        let Some(article) = self.articles.get(doc as usize) else {
            return true;
        };
        self.index
            .writes_stop_words(article, doc, start, stop_words)
    }

    /// The documents holding the phrase, scored when `scored`; None when a word of it is in
    /// no document. With `within` (ascending), only those documents are looked at: the
    /// adjacency bonus asks about the few matches of a query, not every document of its words.
    fn phrase_matches(
        &self,
        phrase: &PhraseQuery,
        scored: bool,
        within: Option<&[u32]>,
    ) -> Option<Matches> {
        let index = self.index;
        let mut parts = Vec::new();
        for (offset, stem) in &phrase.terms {
            let id = index.term_id(stem)?;
            parts.push((*offset, id, index.postings(id)?));
        }
        // Checked in the text where the indexed words line up; with no texts, not at all.
        let stop_words = match self.articles {
            [] => Vec::new(),
            _ => phrase.stop_words(&Analyzer::default()),
        };
        // The anchor is the rarest word: the fewest positions to try in each document.
        let Some((rarest_at, (first_offset, _, rarest))) = parts
            .iter()
            .enumerate()
            .min_by_key(|(_, (_, _, p))| p.docs.len())
        else {
            return Some(Matches::default());
        };
        let candidates: &[u32] = match within {
            Some(docs) if docs.len() < rarest.docs.len() => docs,
            _ => &rarest.docs,
        };
        let mut matches = Matches::default();
        // Documents come in ascending order: one forward cursor per part, no repeated search
        // of the whole postings list.
        let mut cursors = vec![0usize; parts.len()];
        let mut doc_positions: Vec<&[u32]> = Vec::with_capacity(parts.len());
        'docs: for &doc in candidates {
            doc_positions.clear();
            for ((_, _, postings), cursor) in parts.iter().zip(cursors.iter_mut()) {
                let rest = postings.docs.get(*cursor..).unwrap_or(&[]);
                *cursor += rest.partition_point(|d| *d < doc);
                if postings.docs.get(*cursor) != Some(&doc) {
                    continue 'docs;
                }
                doc_positions.push(postings.positions_at(*cursor));
            }
            let layout = index.layout(doc);
            let anchor_positions = doc_positions.get(rarest_at).copied().unwrap_or(&[]);
            let found = anchor_positions.iter().any(|anchor| {
                let Some(start) = anchor.checked_sub(*first_offset) else {
                    return false;
                };
                if phrase.field.is_some_and(|f| layout.field_of(start) != f) {
                    return false;
                }
                parts
                    .iter()
                    .zip(&doc_positions)
                    .all(|((offset, _, _), positions)| {
                        positions
                            .binary_search(&start.saturating_add(*offset))
                            .is_ok()
                    })
                    && (stop_words.is_empty() || self.writes_stop_words(doc, start, &stop_words))
            });
            if found {
                let score = if scored {
                    parts
                        .iter()
                        .zip(&doc_positions)
                        .map(|((_, id, _), positions)| {
                            index.score(doc, positions, phrase.field, index.idf(*id))
                        })
                        .sum()
                } else {
                    0.0
                };
                matches.docs.push(doc);
                matches.scores.push(score);
            }
        }
        Some(matches)
    }
}

/// Foundation search kept for the page until it switches to [`SearchIndex::search`]: indices
/// of the articles whose text contains every whitespace-separated word of `query`.
pub fn filter_substring(articles: &[Article], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    articles
        .iter()
        .enumerate()
        .filter(|(_, article)| {
            let text = article.full_text().to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Adds `item` to `list` unless it is there.
fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests;
