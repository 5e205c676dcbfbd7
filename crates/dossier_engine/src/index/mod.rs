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

use crate::analysis::{is_stop_word, Analyzer, Word};
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

/// Walks an article's paragraphs in position-space order (fields in [`Field::ALL`] order, one
/// empty position between paragraphs), calling `visit(field, paragraph index, text, first
/// position, words)`. Returns each field's first position. Indexing and snippets both use it,
/// so a position in the postings always names the same word in the text.
pub(crate) fn for_each_paragraph<'a>(
    analyzer: &Analyzer,
    article: &'a Article,
    mut visit: impl FnMut(Field, usize, &'a str, u32, &[Word]),
) -> [u32; FIELD_COUNT] {
    let mut starts = [0u32; FIELD_COUNT];
    let mut next = 0u32;
    for field in Field::ALL {
        if let Some(start) = starts.get_mut(field.slot()) {
            *start = next;
        }
        for (paragraph, text) in field.texts(article).into_iter().enumerate() {
            let words = analyzer.words(text);
            visit(field, paragraph, text, next, &words);
            if let Some(last) = words.last() {
                next = next.saturating_add(last.position).saturating_add(2);
            }
        }
    }
    starts
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
    /// Per document, the first position of every paragraph, in [`for_each_paragraph`] order:
    /// snippets find the paragraphs with matches without re-analysing the whole article.
    paragraph_starts: Vec<Vec<u32>>,
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
        let mut paragraph_starts = Vec::with_capacity(articles.len());
        let mut length_sums = [0f64; FIELD_COUNT];
        let mut all_facets = Vec::with_capacity(articles.len());

        for (doc, article) in articles.iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let mut local: HashMap<String, Vec<u32>> = HashMap::new();
            let mut layout = DocLayout::default();
            let mut starts_of_paragraphs = Vec::new();
            layout.field_starts =
                for_each_paragraph(&analyzer, article, |field, _, _, base, words| {
                    starts_of_paragraphs.push(base);
                    for word in words {
                        if is_stop_word(&word.folded) {
                            continue;
                        }
                        if let Some(length) = layout.field_lengths.get_mut(field.slot()) {
                            *length = length.saturating_add(1);
                        }
                        // Each distinct word is stemmed once per build (stemming dominates).
                        let stem = match word_to_term.get(&word.folded) {
                            Some(stem) => stem.clone(),
                            None => {
                                let stem = analyzer.stem(&word.folded);
                                word_to_term.insert(word.folded.clone(), stem.clone());
                                stem
                            }
                        };
                        local
                            .entry(stem)
                            .or_default()
                            .push(base.saturating_add(word.position));
                    }
                });
            for (sum, length) in length_sums.iter_mut().zip(layout.field_lengths) {
                *sum += f64::from(length);
            }
            for (term, positions) in local {
                let postings = by_term.entry(term).or_default();
                postings.docs.push(doc);
                postings.positions.push(positions);
            }
            layouts.push(layout);
            paragraph_starts.push(starts_of_paragraphs);

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
            paragraph_starts,
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

    pub(crate) fn paragraph_starts(&self, doc: u32) -> &[u32] {
        self.paragraph_starts
            .get(doc as usize)
            .map_or(&[], Vec::as_slice)
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
    #[cfg(test)]
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
        let (offset, candidates) = self.same_first_char(folded);
        let mut found: Vec<(u32, u32)> =
            fuzzy::within_distance(candidates, folded, max_distance, MAX_CELLS)
                .into_iter()
                .filter_map(|(word, distance)| {
                    self.word_terms.get(offset + word).map(|id| (*id, distance))
                })
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
        let (offset, candidates) = self.same_first_char(folded);
        for (word, distance) in fuzzy::within_distance(candidates, folded, max_distance, 400_000) {
            let word = offset + word;
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

    /// The words sharing `folded`'s first char, and where they start. Typos are looked for
    /// only there: a wrong first letter is rare in typing, and this keeps expansion ~20x
    /// cheaper (the same rule as many engines' "first letter must match").
    fn same_first_char(&self, folded: &str) -> (usize, &[String]) {
        let Some(first) = folded.chars().next() else {
            return (0, &[]);
        };
        let mut buffer = [0u8; 4];
        let first: &str = first.encode_utf8(&mut buffer);
        let start = self.words.partition_point(|w| w.as_str() < first);
        let rest = self.words.get(start..).unwrap_or(&[]);
        let end = rest.partition_point(|w| w.starts_with(first));
        (start, rest.get(..end).unwrap_or(&[]))
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
            date: Some("2024-05-01".into()),
            kind: "news".into(),
            file: "f.txt".into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            ..Article::default()
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
