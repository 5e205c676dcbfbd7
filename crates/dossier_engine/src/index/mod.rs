//! The inverted index: for every term, the documents and word positions where it occurs, plus
//! what ranking, filtering and facet counting need per document. Scored with BM25F.
//!
//! Positions: each document has one position space. Fields follow each other (title, subtitle,
//! summary, body, captions) and paragraphs are separated by a gap of one position, so a phrase
//! never matches across a paragraph or field boundary. `field_starts` maps a position back to
//! its field.

pub mod facets;
pub mod fuzzy;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use facets::{article_facets, DocFacets, FacetKey, FacetTable};

/// A searchable text field of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Subtitle,
    Summary,
    Body,
    Captions,
}

/// Number of text fields.
pub const FIELD_COUNT: usize = 5;

impl Field {
    /// Every field, in position-space order.
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::Title,
        Field::Subtitle,
        Field::Summary,
        Field::Body,
        Field::Captions,
    ];

    fn slot(self) -> usize {
        self as usize
    }

    /// The field's paragraphs in an article.
    pub fn texts(self, article: &Article) -> Vec<&str> {
        match self {
            Field::Title => vec![article.title.as_str()],
            Field::Subtitle => article.subtitle.iter().map(String::as_str).collect(),
            Field::Summary => article.summary.iter().map(String::as_str).collect(),
            Field::Body => article.body.iter().map(String::as_str).collect(),
            Field::Captions => article.captions.iter().map(String::as_str).collect(),
        }
    }
}

/// How much one occurrence in each field counts, relative to the body.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FieldWeights {
    pub title: f32,
    pub subtitle: f32,
    pub summary: f32,
    pub body: f32,
    pub captions: f32,
}

impl FieldWeights {
    fn get(&self, field: Field) -> f32 {
        match field {
            Field::Title => self.title,
            Field::Subtitle => self.subtitle,
            Field::Summary => self.summary,
            Field::Body => self.body,
            Field::Captions => self.captions,
        }
    }
}

/// BM25F parameters. Applied at query time, so they can be changed without rebuilding.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bm25Config {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation (0 = none, 1 = full), per field against that field's average length.
    pub b: f32,
    pub weights: FieldWeights,
}

impl Default for Bm25Config {
    /// Tuned on the SciFact train split only (grid over k1, b and the title weight; see
    /// docs/benchmarks.md). Subtitle counts like a title would in a news article, a bit less.
    fn default() -> Self {
        Bm25Config {
            k1: 1.2,
            b: 0.75,
            weights: FieldWeights {
                title: 2.0,
                subtitle: 1.5,
                summary: 1.0,
                body: 1.0,
                captions: 1.0,
            },
        }
    }
}

/// Where one term occurs: parallel lists, sorted by document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Postings {
    pub docs: Vec<u32>,
    /// Sorted positions of the term in each document of `docs`.
    pub positions: Vec<Vec<u32>>,
}

impl Postings {
    /// Positions of the term in `doc`, empty when absent.
    pub fn positions_in(&self, doc: u32) -> &[u32] {
        match self.docs.binary_search(&doc) {
            Ok(i) => self.positions.get(i).map_or(&[], Vec::as_slice),
            Err(_) => &[],
        }
    }
}

/// Per-document layout of the position space.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct DocLayout {
    /// First position of each field (non-decreasing).
    pub field_starts: [u32; FIELD_COUNT],
    /// Indexed (non-stop-word) tokens in each field: the BM25 length.
    pub field_lengths: [u32; FIELD_COUNT],
}

impl DocLayout {
    /// The field a position belongs to.
    pub fn field_of(&self, position: u32) -> Field {
        let mut field = Field::Title;
        for (candidate, start) in Field::ALL.iter().zip(self.field_starts.iter()) {
            if position >= *start {
                field = *candidate;
            }
        }
        field
    }
}

/// The whole index. Serde-serialisable, so it can be built at build time and embedded, although
/// measurement chose building at start-up (see docs/notes-search.md).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    bm25: Bm25Config,
    /// Sorted, distinct stemmed terms; a term's id is its position here.
    terms: Vec<String>,
    /// Postings of each term id.
    postings: Vec<Postings>,
    /// Sorted, distinct folded (unstemmed) words, for prefix, typo and did-you-mean lookups.
    words: Vec<String>,
    /// Term id of each word of `words`.
    word_terms: Vec<u32>,
    /// Article id of each document.
    doc_ids: Vec<String>,
    /// `YYYY-MM-DD` of each document, when known.
    doc_dates: Vec<Option<String>>,
    layouts: Vec<DocLayout>,
    /// Average indexed length of each field over all documents.
    average_lengths: [f32; FIELD_COUNT],
    pub(crate) facets: FacetTable,
}

impl SearchIndex {
    /// Indexes `articles` (document `i` is `articles[i]`). Kind, source and year facets are
    /// derived from each article; `extra_facets[i]` (topics, places, people, ...) is merged into
    /// document `i`'s facets. A shorter `extra_facets` simply adds nothing to the remaining ones.
    pub fn build(articles: &[Article], extra_facets: &[DocFacets]) -> SearchIndex {
        let analyzer = Analyzer::default();
        let mut by_term: HashMap<String, Postings> = HashMap::new();
        let mut word_to_term: HashMap<String, String> = HashMap::new();
        let mut layouts = Vec::with_capacity(articles.len());
        let mut length_sums = [0f64; FIELD_COUNT];
        let mut all_facets = Vec::with_capacity(articles.len());

        for (doc, article) in articles.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let mut local: HashMap<String, Vec<u32>> = HashMap::new();
            let mut layout = DocLayout::default();
            let mut next_position = 0u32;
            for field in Field::ALL {
                if let Some(start) = layout.field_starts.get_mut(field.slot()) {
                    *start = next_position;
                }
                let mut length = 0u32;
                for text in field.texts(article) {
                    let mut last = None;
                    for token in analyzer.tokens(text) {
                        let position = next_position.saturating_add(token.position);
                        last = Some(position);
                        if token.is_stop_word {
                            continue;
                        }
                        length = length.saturating_add(1);
                        if !word_to_term.contains_key(&token.folded) {
                            word_to_term.insert(token.folded.clone(), token.term.clone());
                        }
                        local.entry(token.term).or_default().push(position);
                    }
                    // One empty position between paragraphs, so phrases do not straddle them.
                    if let Some(last) = last {
                        next_position = last.saturating_add(2);
                    }
                }
                if let Some(slot) = layout.field_lengths.get_mut(field.slot()) {
                    *slot = length;
                }
                if let Some(sum) = length_sums.get_mut(field.slot()) {
                    *sum += f64::from(length);
                }
            }
            for (term, positions) in local {
                let postings = by_term.entry(term).or_default();
                postings.docs.push(doc);
                postings.positions.push(positions);
            }
            layouts.push(layout);

            let mut facets = article_facets(article);
            if let Some(extra) = extra_facets.get(doc as usize) {
                for (key, values) in extra {
                    facets
                        .entry(*key)
                        .or_default()
                        .extend(values.iter().cloned());
                }
            }
            all_facets.push(facets);
        }

        let mut terms: Vec<(String, Postings)> = by_term.into_iter().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings): (Vec<String>, Vec<Postings>) = terms.into_iter().unzip();

        let mut words: Vec<(String, String)> = word_to_term.into_iter().collect();
        words.sort();
        let word_terms = words
            .iter()
            .map(|(_, term)| {
                let id = terms.binary_search(term).unwrap_or(0);
                u32::try_from(id).unwrap_or(0)
            })
            .collect();
        let words = words.into_iter().map(|(word, _)| word).collect();

        let count = articles.len().max(1) as f64;
        let average_lengths = length_sums.map(|sum| (sum / count) as f32);

        SearchIndex {
            bm25: Bm25Config::default(),
            terms,
            postings,
            words,
            word_terms,
            doc_ids: articles.iter().map(|a| a.id.clone()).collect(),
            doc_dates: articles.iter().map(|a| a.date.clone()).collect(),
            layouts,
            average_lengths,
            facets: FacetTable::build(all_facets.iter()),
        }
    }

    /// The ranking parameters in use.
    pub fn bm25(&self) -> &Bm25Config {
        &self.bm25
    }

    /// Replaces the ranking parameters (no rebuild needed: they apply at query time).
    pub fn set_bm25(&mut self, bm25: Bm25Config) {
        self.bm25 = bm25;
    }

    /// Number of indexed documents.
    pub fn doc_count(&self) -> usize {
        self.doc_ids.len()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Article id of a document.
    pub fn doc_id(&self, doc: u32) -> Option<&str> {
        self.doc_ids.get(doc as usize).map(String::as_str)
    }

    /// Date of a document, when known.
    pub fn doc_date(&self, doc: u32) -> Option<&str> {
        self.doc_dates.get(doc as usize).and_then(Option::as_deref)
    }

    /// Display values of a facet key for one document.
    pub fn doc_facet_values(&self, doc: u32, key: FacetKey) -> Vec<&str> {
        self.facets
            .doc_values(doc, key)
            .iter()
            .filter_map(|id| self.facets.value(key, *id))
            .collect()
    }

    pub(crate) fn layout(&self, doc: u32) -> DocLayout {
        self.layouts.get(doc as usize).copied().unwrap_or_default()
    }

    /// Id of a stemmed term.
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        let id = self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()?;
        u32::try_from(id).ok()
    }

    /// The stemmed term of an id.
    pub(crate) fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    pub(crate) fn postings(&self, id: u32) -> Option<&Postings> {
        self.postings.get(id as usize)
    }

    /// Number of documents containing a term.
    pub(crate) fn doc_frequency(&self, id: u32) -> usize {
        self.postings(id).map_or(0, |p| p.docs.len())
    }

    /// Whether a folded word occurs anywhere in the corpus.
    pub(crate) fn has_word(&self, folded: &str) -> bool {
        self.words
            .binary_search_by(|w| w.as_str().cmp(folded))
            .is_ok()
    }

    /// Lucene's BM25 idf, always positive.
    pub(crate) fn idf(&self, id: u32) -> f32 {
        let n = self.doc_count() as f32;
        let df = self.doc_frequency(id) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25F score of one term in one document, counting only the fields in `fields` (None =
    /// all), with a given idf.
    pub(crate) fn score(
        &self,
        doc: u32,
        positions: &[u32],
        fields: Option<Field>,
        idf: f32,
    ) -> f32 {
        let layout = self.layout(doc);
        let mut counts = [0u32; FIELD_COUNT];
        for position in positions {
            let field = layout.field_of(*position);
            if let Some(count) = counts.get_mut(field.slot()) {
                *count = count.saturating_add(1);
            }
        }
        let Bm25Config { k1, b, weights } = self.bm25;
        let mut weighted_tf = 0f32;
        for field in Field::ALL {
            if fields.is_some_and(|only| only != field) {
                continue;
            }
            let tf = counts.get(field.slot()).copied().unwrap_or(0);
            if tf == 0 {
                continue;
            }
            let length = layout.field_lengths.get(field.slot()).copied().unwrap_or(0) as f32;
            let average = self
                .average_lengths
                .get(field.slot())
                .copied()
                .unwrap_or(1.0);
            let norm = 1.0 - b + b * length / average.max(f32::MIN_POSITIVE);
            weighted_tf += weights.get(field) * tf as f32 / norm.max(f32::MIN_POSITIVE);
        }
        if weighted_tf <= 0.0 {
            return 0.0;
        }
        idf * weighted_tf * (k1 + 1.0) / (k1 + weighted_tf)
    }

    /// Term ids of the words that start with `prefix` (at most `limit`, most frequent first),
    /// scanning at most `max_scan` words of the range.
    pub(crate) fn prefix_terms(&self, prefix: &str, limit: usize, max_scan: usize) -> Vec<u32> {
        let start = self.words.partition_point(|w| w.as_str() < prefix);
        let mut ids: Vec<u32> = self
            .words
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .zip(self.word_terms.get(start..).unwrap_or(&[]))
            .take(max_scan)
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|(_, id)| *id)
            .collect();
        self.keep_most_frequent(&mut ids, limit);
        ids
    }

    /// Term ids of words within `max_distance` edits of `folded`, with the distance; at most
    /// `limit`, closest then most frequent first.
    pub(crate) fn fuzzy_terms(
        &self,
        folded: &str,
        max_distance: u32,
        limit: usize,
    ) -> Vec<(u32, u32)> {
        const MAX_CELLS: usize = 400_000;
        let mut found: Vec<(u32, u32)> =
            fuzzy::within_distance(&self.words, folded, max_distance, MAX_CELLS)
                .into_iter()
                .filter_map(|(word, distance)| self.word_terms.get(word).map(|id| (*id, distance)))
                .collect();
        found.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then(self.doc_frequency(b.0).cmp(&self.doc_frequency(a.0)))
                .then(a.0.cmp(&b.0))
        });
        let mut seen = Vec::new();
        found.retain(|(id, _)| {
            let fresh = !seen.contains(id);
            seen.push(*id);
            fresh
        });
        found.truncate(limit);
        found
    }

    /// The corpus word closest to `folded` (1 edit, 2 from 9 chars), most frequent on ties; for
    /// "did you mean". None when the word is known or nothing is close.
    pub(crate) fn suggest_word(&self, folded: &str) -> Option<&str> {
        let length = folded.chars().count();
        if length < 3 || self.has_word(folded) {
            return None;
        }
        let max_distance = if length >= 9 { 2 } else { 1 };
        let mut best: Option<(u32, usize, usize)> = None;
        for (word, distance) in fuzzy::within_distance(&self.words, folded, max_distance, 400_000) {
            let df = self
                .word_terms
                .get(word)
                .map_or(0, |id| self.doc_frequency(*id));
            let better = match best {
                None => true,
                Some((d, f, _)) => distance < d || (distance == d && df > f),
            };
            if better {
                best = Some((distance, df, word));
            }
        }
        best.and_then(|(_, _, word)| self.words.get(word))
            .map(String::as_str)
    }

    fn keep_most_frequent(&self, ids: &mut Vec<u32>, limit: usize) {
        ids.sort_unstable();
        ids.dedup();
        ids.sort_by(|a, b| {
            self.doc_frequency(*b)
                .cmp(&self.doc_frequency(*a))
                .then(a.cmp(b))
        });
        ids.truncate(limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, body: &[&str]) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            subtitle: None,
            summary: Vec::new(),
            date: Some("2024-05-01".into()),
            date_text: None,
            date_inferred: false,
            dateline: None,
            byline: None,
            section: None,
            kind: "news".into(),
            source: None,
            file: "f.txt".into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            captions: Vec::new(),
            comments: Vec::new(),
            url: None,
            label: None,
        }
    }

    #[test]
    fn positions_span_fields_and_paragraphs() {
        let index = SearchIndex::build(
            &[article(
                "a",
                "Indus waters",
                &["Treaty talks", "More water"],
            )],
            &[],
        );
        let water = index.term_id("water").unwrap();
        let postings = index.postings(water).unwrap();
        assert_eq!(postings.docs, vec![0]);
        let layout = index.layout(0);
        let fields: Vec<Field> = postings.positions[0]
            .iter()
            .map(|p| layout.field_of(*p))
            .collect();
        assert_eq!(fields, vec![Field::Title, Field::Body]);
        assert_eq!(layout.field_lengths[Field::Body.slot()], 4);
    }

    #[test]
    fn facets_are_derived_and_merged() {
        let mut extra = DocFacets::new();
        extra.insert(FacetKey::Place, vec!["Karachi".into(), "karachi".into()]);
        let index = SearchIndex::build(&[article("a", "t", &[])], &[extra]);
        assert_eq!(index.doc_facet_values(0, FacetKey::Year), vec!["2024"]);
        assert_eq!(index.doc_facet_values(0, FacetKey::Kind), vec!["news"]);
        assert_eq!(index.doc_facet_values(0, FacetKey::Place), vec!["Karachi"]);
    }

    #[test]
    fn prefix_and_fuzzy_lookups() {
        let index = SearchIndex::build(
            &[article("a", "Pakistan treaty", &["Pakistani negotiators"])],
            &[],
        );
        let prefix: Vec<&str> = index
            .prefix_terms("pakist", 10, 100)
            .into_iter()
            .filter_map(|id| index.term(id))
            .collect();
        assert_eq!(prefix, vec!["pakistan", "pakistani"]);
        let fuzzy = index.fuzzy_terms("pakistn", 1, 10);
        assert_eq!(fuzzy.len(), 1);
        assert_eq!(index.suggest_word("pakistn"), Some("pakistan"));
        assert_eq!(index.suggest_word("pakistan"), None);
    }
}
