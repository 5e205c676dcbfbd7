//! Query execution: match set, BM25F ranking, top-k, facet counts, snippets, fallbacks.
//!
//! One entry point for the page and the CLI: [`SearchIndex::search`] takes a [`SearchRequest`]
//! and returns a [`SearchResponse`]. It is cheap enough to run on every keystroke.

pub mod snippet;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use crate::index::facets::{FacetCount, FacetKey};
use crate::index::{Field, SearchIndex};
use crate::query::{
    parse, DateRange, ParseOptions, PhraseQuery, Query, QueryError, Span, TermQuery,
};
use snippet::{best_snippet, highlight_spans, Snippet};

/// Score multiplier of a word that merely starts with the typed word.
const PREFIX_WEIGHT: f32 = 0.8;
/// Score multiplier of a word one edit away.
const ONE_TYPO_WEIGHT: f32 = 0.6;
/// Score multiplier of a word two edits away.
const TWO_TYPO_WEIGHT: f32 = 0.45;
/// At most this many words are tried for a prefix and for typos.
const MAX_PREFIX_EXPANSIONS: usize = 24;
const MAX_PREFIX_SCAN: usize = 4096;
const MAX_TYPO_EXPANSIONS: usize = 16;
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
    /// Text fields where a query word (or its prefix/typo variant) occurs.
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
    /// The query has only common words (or none): showing every article.
    OnlyCommonWords,
    /// Nothing matched; the message says which words found nothing.
    NoMatches,
    /// The article list given does not match the index (snippets may be missing).
    CorpusMismatch,
}

/// A notice for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
}

/// Everything the page needs to render results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// Matching articles (after filters), over all pages.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
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
        let mut run = self.run(&parsed.query, request, &filters);
        let mut interpretation = parsed.query.describe();

        if run.matched.is_empty() && request.options.any_term_fallback {
            if let Some(relaxed) = any_term_version(&parsed.query) {
                let relaxed_run = self.run(&relaxed, request, &filters);
                if !relaxed_run.matched.is_empty() {
                    let words = positive_terms(&parsed.query)
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let mut message = format!(
                        "No article contains all of: {words}. Showing articles with any of them."
                    );
                    if !run.words_without_matches.is_empty() {
                        message.push_str(&format!(
                            " No article contains: {}.",
                            run.words_without_matches.join(", ")
                        ));
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
        if run.only_common_words {
            notices.push(Notice {
                kind: NoticeKind::OnlyCommonWords,
                message: "The query has only very common words, which are not indexed: showing \
                          every article."
                    .into(),
            });
        }
        if run.matched.is_empty() {
            let message = if run.words_without_matches.is_empty() {
                "No article matches the query and filters.".to_string()
            } else {
                format!(
                    "No article contains: {}.",
                    run.words_without_matches.join(", ")
                )
            };
            notices.push(Notice {
                kind: NoticeKind::NoMatches,
                message,
            });
        }

        let hits = self.page_of_hits(articles, request, &run);
        SearchResponse {
            total: run.matched.len(),
            hits,
            facets: self.facet_counts(&run.facet_counts, &filters, request),
            interpretation,
            notices,
            did_you_mean: self.did_you_mean(&request.query, &parsed.query),
            errors: parsed.errors,
        }
    }

    /// The `limit` best documents for a typed query, by BM25F: no filters, facets or snippets.
    /// This is what the evaluation measures.
    pub fn rank(&self, query: &Query, limit: usize) -> Vec<(u32, f32)> {
        let mut exec = Execution::new(self, false);
        let docs = exec
            .eval(query, true)
            .unwrap_or_else(|| (0..self.doc_count_u32()).collect());
        let mut ranked: Vec<(u32, f32)> = docs
            .into_iter()
            .map(|doc| (doc, exec.scores.get(doc as usize).copied().unwrap_or(0.0)))
            .collect();
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
    fn run(&self, query: &Query, request: &SearchRequest, filters: &[(FacetKey, Vec<u32>)]) -> Run {
        let mut exec = Execution::new(self, request.options.typo_tolerance);
        let evaluated = exec.eval(query, true);
        let only_common_words = evaluated.is_none() && has_terms(query);
        let docs = evaluated.unwrap_or_else(|| (0..self.doc_count_u32()).collect());

        let mut facet_counts: Vec<Vec<usize>> = FacetKey::ALL
            .iter()
            .map(|key| vec![0; self.facets.value_count(*key)])
            .collect();
        let mut matched = Vec::new();
        for doc in docs {
            if let Some(range) = &request.date_range {
                if !self.doc_date(doc).is_some_and(|date| range.contains(date)) {
                    continue;
                }
            }
            let mut failing = filters
                .iter()
                .filter(|(key, wanted)| {
                    !self
                        .facets
                        .doc_values(doc, *key)
                        .iter()
                        .any(|id| wanted.contains(id))
                })
                .map(|(key, _)| *key);
            let (first_failing, second_failing) = (failing.next(), failing.next());
            // A document failing exactly one key's filter still counts for that key, so the
            // other values of that key show what selecting them would give.
            let only_key = match (first_failing, second_failing) {
                (None, _) => None,
                (Some(key), None) => Some(key),
                _ => continue,
            };
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
                let score = exec.scores.get(doc as usize).copied().unwrap_or(0.0);
                matched.push((doc, score));
            }
        }
        Run {
            matched,
            facet_counts,
            highlight_terms: exec.highlight_terms,
            words_without_matches: exec.words_without_matches,
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
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            out.insert(key, values);
        }
        out
    }

    fn page_of_hits(&self, articles: &[Article], request: &SearchRequest, run: &Run) -> Vec<Hit> {
        let page_size = request.page_size.clamp(1, MAX_PAGE_SIZE);
        let first = request.page.saturating_mul(page_size);
        if first >= run.matched.len() {
            return Vec::new();
        }
        let needed = first.saturating_add(page_size);
        let mut ranked = run.matched.clone();
        let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        match request.sort {
            SortOrder::Relevance => top_k(&mut ranked, needed, by_score),
            SortOrder::Newest | SortOrder::Oldest => {
                let newest = request.sort == SortOrder::Newest;
                top_k(&mut ranked, needed, |a, b| {
                    let (da, db) = (self.doc_date(a.0), self.doc_date(b.0));
                    let by_date = match (da, db) {
                        (Some(x), Some(y)) if newest => y.cmp(x),
                        (Some(x), Some(y)) => x.cmp(y),
                        // Undated articles go last in both orders.
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    };
                    by_date.then_with(|| by_score(a, b))
                })
            }
        }
        let analyzer = Analyzer::default();
        let stems: BTreeSet<&str> = run
            .highlight_terms
            .iter()
            .filter_map(|id| self.term(*id))
            .collect();
        ranked
            .iter()
            .skip(first)
            .map(|(doc, score)| {
                let article = articles.get(*doc as usize);
                let snippets = request.options.snippets;
                Hit {
                    article: *doc as usize,
                    id: self.doc_id(*doc).unwrap_or_default().to_string(),
                    score: *score,
                    matched_fields: self.matched_fields(*doc, &run.highlight_terms),
                    title_highlights: article
                        .filter(|_| snippets)
                        .map(|a| highlight_spans(&analyzer, &a.title, &stems))
                        .unwrap_or_default(),
                    snippet: article
                        .filter(|_| snippets)
                        .and_then(|a| best_snippet(&analyzer, a, &stems)),
                }
            })
            .collect()
    }

    fn matched_fields(&self, doc: u32, terms: &BTreeSet<u32>) -> Vec<Field> {
        let layout = self.layout(doc);
        let mut fields = BTreeSet::new();
        for id in terms {
            if let Some(postings) = self.postings(*id) {
                for position in postings.positions_in(doc) {
                    fields.insert(layout.field_of(*position));
                }
            }
        }
        fields.into_iter().collect()
    }

    /// The query text with each unknown word replaced by the closest known one.
    fn did_you_mean(&self, text: &str, query: &Query) -> Option<String> {
        let mut replacements: Vec<(Span, &str)> = Vec::new();
        for term in positive_terms(query) {
            if term.is_stop_word || self.has_word(&term.folded) {
                continue;
            }
            if term.prefix
                && !self
                    .prefix_terms(&term.folded, 1, MAX_PREFIX_SCAN)
                    .is_empty()
            {
                continue; // still being typed, and it leads somewhere
            }
            if let Some(word) = self.suggest_word(&term.folded) {
                replacements.push((term.span, word));
            }
        }
        if replacements.is_empty() {
            return None;
        }
        replacements.sort_by_key(|(span, _)| span.start);
        let mut out = String::new();
        let mut at = 0;
        for (span, word) in replacements {
            if span.start < at {
                continue;
            }
            out.push_str(text.get(at..span.start)?);
            out.push_str(word);
            at = span.end;
        }
        out.push_str(text.get(at..)?);
        Some(out)
    }
}

/// The outcome of one evaluation, before paging.
struct Run {
    /// (document, score) of every match, unordered.
    matched: Vec<(u32, f32)>,
    /// Per key slot, per value id.
    facet_counts: Vec<Vec<usize>>,
    /// Term ids that matched (with expansions), for highlights and matched fields.
    highlight_terms: BTreeSet<u32>,
    /// Typed words that matched no document.
    words_without_matches: Vec<String>,
    only_common_words: bool,
}

/// Sorts the `k` smallest elements (by `order`) to the front and drops the rest.
fn top_k<T>(items: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if k == 0 {
        items.clear();
        return;
    }
    if items.len() > k {
        items.select_nth_unstable_by(k - 1, &order);
        items.truncate(k);
    }
    items.sort_by(order);
}

/// The positive (not negated) terms of a query, in order.
fn positive_terms(query: &Query) -> Vec<&TermQuery> {
    fn walk<'q>(query: &'q Query, out: &mut Vec<&'q TermQuery>) {
        match query {
            Query::Term(term) => out.push(term),
            Query::And(parts) | Query::Or(parts) => parts.iter().for_each(|p| walk(p, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(query, &mut out);
    out
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

/// Evaluation state: accumulated scores and what matched.
struct Execution<'a> {
    index: &'a SearchIndex,
    typo_tolerance: bool,
    /// Score per document, summed over positive clauses.
    scores: Vec<f32>,
    /// Scratch: best variant score per document for the term being evaluated.
    best: Vec<f32>,
    highlight_terms: BTreeSet<u32>,
    words_without_matches: Vec<String>,
}

impl<'a> Execution<'a> {
    fn new(index: &'a SearchIndex, typo_tolerance: bool) -> Self {
        Execution {
            index,
            typo_tolerance,
            scores: vec![0.0; index.doc_count()],
            best: vec![0.0; index.doc_count()],
            highlight_terms: BTreeSet::new(),
            words_without_matches: Vec::new(),
        }
    }

    fn all(&self) -> Vec<u32> {
        (0..self.index.doc_count_u32()).collect()
    }

    /// Sorted matching documents; None = neutral (a clause of only common words, which
    /// constrains nothing). `positive` = outside any negation: only then does it score.
    fn eval(&mut self, query: &Query, positive: bool) -> Option<Vec<u32>> {
        match query {
            Query::All => Some(self.all()),
            Query::Term(term) => self.term(term, positive),
            Query::Phrase(phrase) => Some(self.phrase(phrase, positive)),
            Query::Facet { key, value } => {
                let ids = self.index.facets.lookup(*key, std::slice::from_ref(value));
                Some(
                    (0..self.index.doc_count_u32())
                        .filter(|doc| {
                            self.index
                                .facets
                                .doc_values(*doc, *key)
                                .iter()
                                .any(|id| ids.contains(id))
                        })
                        .collect(),
                )
            }
            Query::Date(range) => Some(
                (0..self.index.doc_count_u32())
                    .filter(|doc| self.index.doc_date(*doc).is_some_and(|d| range.contains(d)))
                    .collect(),
            ),
            Query::And(parts) => {
                let mut required: Vec<Vec<u32>> = Vec::new();
                let mut excluded: Vec<Vec<u32>> = Vec::new();
                for part in parts {
                    match part {
                        Query::Not(inner) => excluded.extend(self.eval(inner, false)),
                        other => required.extend(self.eval(other, positive)),
                    }
                }
                if required.is_empty() && excluded.is_empty() {
                    return None;
                }
                required.sort_by_key(Vec::len);
                let mut docs = match required.split_first() {
                    Some((smallest, others)) => others
                        .iter()
                        .fold(smallest.clone(), |acc, other| intersect(&acc, other)),
                    None => self.all(),
                };
                for other in &excluded {
                    docs = subtract(&docs, other);
                }
                Some(docs)
            }
            Query::Or(parts) => {
                let mut any: Option<Vec<u32>> = None;
                for part in parts {
                    if let Some(docs) = self.eval(part, positive) {
                        any = Some(match any {
                            None => docs,
                            Some(acc) => union(&acc, &docs),
                        });
                    }
                }
                any
            }
            Query::Not(inner) => {
                let inner = self.eval(inner, false)?;
                Some(subtract(&self.all(), &inner))
            }
        }
    }

    /// The term's variants (exact, prefix, typo) with their score multipliers.
    fn variants(&self, term: &TermQuery, positive: bool) -> Vec<(u32, f32)> {
        let index = self.index;
        let mut variants: Vec<(u32, f32)> = Vec::new();
        if let Some(id) = index.term_id(&term.stem) {
            variants.push((id, 1.0));
        }
        if !positive {
            return variants; // negations are exact
        }
        if term.prefix {
            for id in index.prefix_terms(&term.folded, MAX_PREFIX_EXPANSIONS, MAX_PREFIX_SCAN) {
                if !variants.iter().any(|(v, _)| *v == id) {
                    variants.push((id, PREFIX_WEIGHT));
                }
            }
        }
        let length = term.folded.chars().count();
        if self.typo_tolerance && !term.is_stop_word && length >= 5 {
            let max_distance = if length >= 9 { 2 } else { 1 };
            for (id, distance) in index.fuzzy_terms(&term.folded, max_distance, MAX_TYPO_EXPANSIONS)
            {
                if !variants.iter().any(|(v, _)| *v == id) {
                    let weight = if distance <= 1 {
                        ONE_TYPO_WEIGHT
                    } else {
                        TWO_TYPO_WEIGHT
                    };
                    variants.push((id, weight));
                }
            }
        }
        variants
    }

    fn term(&mut self, term: &TermQuery, positive: bool) -> Option<Vec<u32>> {
        let index = self.index;
        let variants = self.variants(term, positive);
        if variants.is_empty() {
            if term.is_stop_word {
                return None;
            }
            if positive {
                self.words_without_matches.push(term.text.clone());
            }
            return Some(Vec::new());
        }
        // A rare typo variant must not outrank the word itself: cap its idf at the word's.
        let exact_idf = index.term_id(&term.stem).map(|id| index.idf(id));
        let mut touched: Vec<u32> = Vec::new();
        for (id, weight) in &variants {
            let Some(postings) = index.postings(*id) else {
                continue;
            };
            let idf = exact_idf.map_or(index.idf(*id), |e| e.min(index.idf(*id)));
            for (doc, positions) in postings.docs.iter().zip(&postings.positions) {
                if let Some(field) = term.field {
                    let layout = index.layout(*doc);
                    if !positions.iter().any(|p| layout.field_of(*p) == field) {
                        continue;
                    }
                }
                let score = if positive {
                    weight * index.score(*doc, positions, term.field, idf)
                } else {
                    0.0
                };
                if let Some(best) = self.best.get_mut(*doc as usize) {
                    if *best == 0.0 {
                        touched.push(*doc);
                    }
                    // Keep the best variant, not the sum: many variants must not add up.
                    *best = best.max(score.max(f32::MIN_POSITIVE));
                }
            }
        }
        touched.sort_unstable();
        for doc in &touched {
            if let Some(best) = self.best.get_mut(*doc as usize) {
                if positive {
                    if let Some(total) = self.scores.get_mut(*doc as usize) {
                        *total += *best;
                    }
                }
                *best = 0.0;
            }
        }
        if positive {
            if touched.is_empty() {
                self.words_without_matches.push(term.text.clone());
            }
            self.highlight_terms
                .extend(variants.iter().map(|(id, _)| *id));
        }
        Some(touched)
    }

    fn phrase(&mut self, phrase: &PhraseQuery, positive: bool) -> Vec<u32> {
        let index = self.index;
        let mut parts = Vec::new();
        for (offset, stem) in &phrase.terms {
            match index
                .term_id(stem)
                .and_then(|id| Some((id, index.postings(id)?)))
            {
                Some((id, postings)) => parts.push((*offset, id, postings)),
                None => {
                    if positive {
                        self.words_without_matches
                            .push(format!("\"{}\"", phrase.text));
                    }
                    return Vec::new();
                }
            }
        }
        let Some((first_offset, _, rarest)) = parts.iter().min_by_key(|(_, _, p)| p.docs.len())
        else {
            return Vec::new();
        };
        let mut docs = Vec::new();
        for (doc, anchor_positions) in rarest.docs.iter().zip(&rarest.positions) {
            let layout = index.layout(*doc);
            let found = anchor_positions.iter().any(|anchor| {
                let Some(start) = anchor.checked_sub(*first_offset) else {
                    return false;
                };
                if phrase.field.is_some_and(|f| layout.field_of(start) != f) {
                    return false;
                }
                parts.iter().all(|(offset, _, postings)| {
                    postings
                        .positions_in(*doc)
                        .binary_search(&start.saturating_add(*offset))
                        .is_ok()
                })
            });
            if found {
                docs.push(*doc);
            }
        }
        if positive {
            for doc in &docs {
                let score: f32 = parts
                    .iter()
                    .map(|(_, id, postings)| {
                        index.score(
                            *doc,
                            postings.positions_in(*doc),
                            phrase.field,
                            index.idf(*id),
                        )
                    })
                    .sum();
                if let Some(total) = self.scores.get_mut(*doc as usize) {
                    *total += score;
                }
            }
            self.highlight_terms
                .extend(parts.iter().map(|(_, id, _)| *id));
            if docs.is_empty() {
                self.words_without_matches
                    .push(format!("\"{}\"", phrase.text));
            }
        }
        docs
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter(|doc| large.binary_search(doc).is_ok())
        .copied()
        .collect()
}

fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (a.iter().peekable(), b.iter().peekable());
    loop {
        match (i.peek(), j.peek()) {
            (Some(x), Some(y)) if x < y => out.extend(i.next()),
            (Some(x), Some(y)) if y < x => out.extend(j.next()),
            (Some(_), Some(_)) => {
                out.extend(i.next());
                j.next();
            }
            (Some(_), None) => out.extend(i.next()),
            (None, Some(_)) => out.extend(j.next()),
            (None, None) => break,
        }
    }
    out
}

fn subtract(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter()
        .filter(|doc| b.binary_search(doc).is_err())
        .copied()
        .collect()
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

#[cfg(test)]
mod tests;
