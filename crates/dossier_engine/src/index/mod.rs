//! The inverted index: for every term, the documents and word positions where it occurs, plus
//! what ranking, filtering and facet counting need per document. Scored with BM25F.
//!
//! Positions: each document has one position space. Fields follow each other (title, subtitle,
//! summary, body, captions, dateline, byline) and paragraphs are separated by a gap of one position, so a phrase
//! never matches across a paragraph or field boundary. `field_starts` maps a position back to
//! its field.

pub mod facets;
pub mod fuzzy;
pub mod typo_cache;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::analysis::{is_stop_word, word_pieces, Analyzer};
use crate::article::Article;
use crate::text::Text;
use facets::{article_facets, DocFacets, FacetKey, FacetTable, FacetTableBuilder};
use typo_cache::{Neighbours, TypoCache};

/// A searchable text field of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Subtitle,
    Summary,
    Body,
    Captions,
    /// Where the article was filed from ("ISLAMABAD:"): the only place some articles name it.
    Dateline,
    /// Who wrote it: a reporter's name finds their articles.
    Byline,
    /// Who published it ("Reuters", "Dawn"): the card shows it, so a search for it finds it.
    Source,
}

/// Number of text fields.
pub const FIELD_COUNT: usize = 8;

impl Field {
    /// Every field, in position-space order.
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::Title,
        Field::Subtitle,
        Field::Summary,
        Field::Body,
        Field::Captions,
        Field::Dateline,
        Field::Byline,
        Field::Source,
    ];

    fn slot(self) -> usize {
        self as usize
    }

    /// The fields a query may name, `title:` and `byline:` (also `author:`, as people say it).
    /// The others hold what the title and the body already say.
    pub fn named(name: &str) -> Option<Field> {
        if name.eq_ignore_ascii_case("title") {
            Some(Field::Title)
        } else if name.eq_ignore_ascii_case("byline") || name.eq_ignore_ascii_case("author") {
            Some(Field::Byline)
        } else {
            None
        }
    }

    /// The name a query gives the field (`title:`); `None` for the fields no query names
    /// (the inverse of [`Field::named`]).
    pub fn query_name(self) -> Option<&'static str> {
        match self {
            Field::Title => Some("title"),
            Field::Byline => Some("byline"),
            _ => None,
        }
    }

    /// The field's paragraphs in an article.
    pub fn texts(self, article: &Article) -> Vec<&str> {
        match self {
            Field::Title => vec![article.title.as_str()],
            Field::Subtitle => article.subtitle.iter().map(String::as_str).collect(),
            Field::Summary => article.summary.iter().map(Text::as_str).collect(),
            Field::Body => article.body.iter().map(Text::as_str).collect(),
            Field::Captions => article.captions.iter().map(Text::as_str).collect(),
            Field::Dateline => article.dateline.iter().map(String::as_str).collect(),
            Field::Byline => article.byline.iter().map(String::as_str).collect(),
            Field::Source => article.source.iter().map(String::as_str).collect(),
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
    pub dateline: f32,
    pub byline: f32,
    pub source: f32,
}

impl FieldWeights {
    fn get(&self, field: Field) -> f32 {
        match field {
            Field::Title => self.title,
            Field::Subtitle => self.subtitle,
            Field::Summary => self.summary,
            Field::Body => self.body,
            Field::Captions => self.captions,
            Field::Dateline => self.dateline,
            Field::Byline => self.byline,
            Field::Source => self.source,
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
                dateline: 1.0,
                byline: 1.0,
                source: 1.0,
            },
        }
    }
}

/// Where one term occurs, sorted by document. Positions are stored flat (one allocation per
/// term, not one per document): document `docs[i]`'s positions are
/// `positions[position_starts[i]..position_starts[i + 1]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Postings {
    pub docs: Vec<u32>,
    position_starts: Vec<u32>,
    positions: Vec<u32>,
    /// BM25F weighted term frequency in each document (all fields), from the current
    /// [`Bm25Config`]: what scoring needs, without walking positions on every query.
    weights: Vec<f32>,
}

impl Default for Postings {
    fn default() -> Self {
        Postings {
            docs: Vec::new(),
            position_starts: vec![0],
            positions: Vec::new(),
            weights: Vec::new(),
        }
    }
}

impl Postings {
    /// Appends a document (after every document already held) with its sorted positions.
    fn push(&mut self, doc: u32, positions: impl IntoIterator<Item = u32>) {
        self.docs.push(doc);
        self.positions.extend(positions);
        self.position_starts
            .push(u32::try_from(self.positions.len()).unwrap_or(u32::MAX));
    }

    /// Sorted positions of the term in the `i`th document of `docs`.
    pub fn positions_at(&self, i: usize) -> &[u32] {
        let start = self.position_starts.get(i).copied().unwrap_or(0) as usize;
        let end = self.position_starts.get(i + 1).copied().unwrap_or(0) as usize;
        self.positions.get(start..end).unwrap_or(&[])
    }

    /// Positions of the term in `doc`, empty when absent.
    pub fn positions_in(&self, doc: u32) -> &[u32] {
        match self.docs.binary_search(&doc) {
            Ok(i) => self.positions_at(i),
            Err(_) => &[],
        }
    }

    /// `(document, positions)` in document order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        self.docs
            .iter()
            .enumerate()
            .map(|(i, doc)| (*doc, self.positions_at(i)))
    }

    /// `(document, weighted term frequency)` in document order.
    pub(crate) fn weighted(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.docs.iter().copied().zip(self.weights.iter().copied())
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
/// empty position between paragraphs), calling `visit(field, first position of the paragraph,
/// word)` for every word, where `word` is `(position in the paragraph, folded word)`. Returns
/// each field's first position and every paragraph's first position. Snippets re-segment a
/// paragraph with the same [`word_pieces`], so a position in the postings always names the same
/// word in the text.
fn walk_words(
    article: &Article,
    mut visit: impl FnMut(Field, u32, u32, &str),
) -> ([u32; FIELD_COUNT], Vec<u32>) {
    let mut field_starts = [0u32; FIELD_COUNT];
    let mut paragraph_starts = Vec::new();
    let mut next = 0u32;
    // Reused for plain ASCII words, which are most words: no allocation per word.
    let mut lowered = String::new();
    for field in Field::ALL {
        if let Some(start) = field_starts.get_mut(field.slot()) {
            *start = next;
        }
        for text in field.texts(article) {
            paragraph_starts.push(next);
            let mut last = None;
            for (position, start, end, folded) in word_pieces(text) {
                let folded: &str = match &folded {
                    Some(folded) => folded,
                    None => {
                        lowered.clear();
                        lowered.push_str(text.get(start..end).unwrap_or_default());
                        lowered.make_ascii_lowercase();
                        &lowered
                    }
                };
                visit(field, next, position, folded);
                last = Some(position);
            }
            if let Some(last) = last {
                next = next.saturating_add(last).saturating_add(2);
            }
        }
    }
    (field_starts, paragraph_starts)
}

/// Word `id` of `words` without its first char ("" for an unknown id).
fn tail_of(words: &[String], id: u32) -> &str {
    let mut chars = words.get(id as usize).map_or("", String::as_str).chars();
    chars.next();
    chars.as_str()
}

/// Ids of `words` ordered by [`tail_of`], then id.
fn words_by_tail(words: &[String]) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..u32::try_from(words.len()).unwrap_or(u32::MAX)).collect();
    ids.sort_unstable_by(|a, b| tail_of(words, *a).cmp(tail_of(words, *b)).then(a.cmp(b)));
    ids
}

/// A document without a (parsable) date in `doc_months`.
const NO_MONTH: u32 = u32::MAX;

/// `YYYY-MM...` as `year * 12 + month - 1`.
fn month_number(date: &str) -> Option<u32> {
    let (year, month) = crate::timeline::year_month(date)?;
    Some(year.parse::<u32>().ok()? * 12 + month.parse::<u32>().ok()? - 1)
}

/// `(first char, first word id, end word id)` of each first char of sorted `words`.
fn first_letter_ranges(words: &[&str]) -> Vec<(char, u32, u32)> {
    let mut ranges: Vec<(char, u32, u32)> = Vec::new();
    for (id, word) in (0u32..).zip(words) {
        let Some(first) = word.chars().next() else {
            continue;
        };
        match ranges.last_mut() {
            Some((letter, _, end)) if *letter == first => *end = id + 1,
            _ => ranges.push((first, id, id + 1)),
        }
    }
    ranges
}

/// The vocabulary words whose term is in at least `min_documents` articles, in word order, ready
/// for a typo walk ([`fuzzy`]). The first list is the whole vocabulary. A word the corpus has
/// only takes neighbours ten times as common as itself (see `search`): its walk covers the list
/// of such words, a small part of the vocabulary, since most words are rare.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct WordList {
    min_documents: usize,
    /// Word ids, ascending.
    ids: Vec<u32>,
    /// Chars each word shares with the previous one in the list (see [`fuzzy`]).
    shared_prefix: Vec<u8>,
    /// The distinct first chars of the words with the range of `ids` starting with each: a
    /// typo walk covers the words that keep the query's first letter.
    first_letters: Vec<(char, u32, u32)>,
}

impl WordList {
    /// The whole vocabulary, then the words in at least 10, 100, 1000, ... articles. A list
    /// with over half the vocabulary is left out: a walk of it would save little, and the list
    /// before serves instead.
    fn lists(index: &SearchIndex) -> Vec<WordList> {
        let mut lists = Vec::new();
        let mut min_documents = 0usize;
        while min_documents <= index.doc_count() {
            let ids: Vec<u32> = (0u32..)
                .zip(&index.word_terms)
                .filter(|(_, term)| index.doc_frequency(**term) >= min_documents)
                .map(|(word, _)| word)
                .collect();
            if min_documents == 0 || ids.len() * 2 <= index.words.len() {
                let words: Vec<&str> = ids
                    .iter()
                    .filter_map(|id| index.word(*id as usize))
                    .collect();
                lists.push(WordList {
                    min_documents,
                    shared_prefix: fuzzy::shared_prefix_lengths(&words),
                    first_letters: first_letter_ranges(&words),
                    ids,
                });
            }
            min_documents = min_documents.saturating_mul(10).max(10);
        }
        lists
    }
}

/// Folded word -> term id while indexing, looked up once per word occurrence. Words of up to
/// 15 bytes (nearly all) are keyed by their bytes packed into an integer with their length, so
/// a lookup hashes and compares integers and never follows a pointer to a string.
#[derive(Default)]
struct WordTable {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<String, u32>,
}

impl WordTable {
    fn pack(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        let mut packed = [0u8; 16];
        packed.get_mut(..bytes.len())?.copy_from_slice(bytes);
        // The last byte holds the length: injective even if a word held NUL bytes.
        *packed.get_mut(15)? = u8::try_from(bytes.len()).ok().filter(|len| *len < 16)?;
        Some(u128::from_le_bytes(packed))
    }

    fn get(&self, word: &str) -> Option<&u32> {
        match Self::pack(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    fn insert(&mut self, word: &str, term: u32) {
        match Self::pack(word) {
            Some(key) => self.short.insert(key, term),
            None => self.long.insert(word.to_string(), term),
        };
    }

    fn into_entries(self) -> impl Iterator<Item = (String, u32)> {
        let short = self.short.into_iter().map(|(key, term)| {
            let bytes = key.to_le_bytes();
            let len = usize::from(bytes.get(15).copied().unwrap_or(0));
            let word = bytes.get(..len).unwrap_or(&[]);
            (String::from_utf8_lossy(word).into_owned(), term)
        });
        short.chain(self.long)
    }
}

/// Builds a [`SearchIndex`] one document at a time, so the caller decides when to pause (the
/// page indexes loaded files in slices between which it keeps answering). Each document's extra
/// facets are taken as it is added, so they can be derived on the fly (as
/// [`crate::analytics::Analytics::doc_facets_of`] does) instead of held all at once: 20 MB less
/// at the peak of a 50,000-article page's start-up.
pub struct SearchIndexBuilder {
    analyzer: Analyzer,
    /// Stem -> provisional term id, in order of first sight; sorted and renumbered at the end.
    stem_ids: FxHashMap<String, u32>,
    /// Each distinct word is stemmed once per build (stemming dominates analysis), and looked
    /// up once per occurrence: the table also says whether it is a stop-word.
    word_ids: WordTable,
    /// By provisional term id.
    postings: Vec<Postings>,
    layouts: Vec<DocLayout>,
    paragraph_starts: Vec<Vec<u32>>,
    length_sums: [f64; FIELD_COUNT],
    facet_table: FacetTableBuilder,
    doc_ids: Vec<String>,
    doc_dates: Vec<Option<String>>,
    /// (provisional term id, position) of every indexed word of the document being added.
    occurrences: Vec<(u32, u32)>,
}

/// The provisional term id of stop-words, which are not indexed.
const STOP_WORD: u32 = u32::MAX;

impl SearchIndexBuilder {
    /// A builder for about `documents` documents.
    pub fn with_capacity(documents: usize) -> Self {
        SearchIndexBuilder {
            analyzer: Analyzer::default(),
            stem_ids: FxHashMap::default(),
            word_ids: WordTable::default(),
            postings: Vec::new(),
            layouts: Vec::with_capacity(documents),
            paragraph_starts: Vec::with_capacity(documents),
            length_sums: [0f64; FIELD_COUNT],
            facet_table: FacetTableBuilder::new(),
            doc_ids: Vec::with_capacity(documents),
            doc_dates: Vec::with_capacity(documents),
            occurrences: Vec::new(),
        }
    }

    /// The number of documents added so far.
    pub fn len(&self) -> usize {
        self.layouts.len()
    }

    /// Whether no document was added yet.
    pub fn is_empty(&self) -> bool {
        self.layouts.is_empty()
    }

    /// Adds `article` as the next document. Kind, source and year facets are derived from it;
    /// `extra_facets` (topics, places, people, ...) are merged into them.
    pub fn add(&mut self, article: &Article, extra_facets: Option<&DocFacets>) {
        let doc = u32::try_from(self.layouts.len()).unwrap_or(u32::MAX);
        let mut layout = DocLayout::default();
        let SearchIndexBuilder {
            analyzer,
            stem_ids,
            word_ids,
            occurrences,
            ..
        } = self;
        occurrences.clear();
        let (field_starts, starts) = walk_words(article, |field, base, position, folded| {
            let term = match word_ids.get(folded) {
                Some(term) => *term,
                None => {
                    let term = if is_stop_word(folded) {
                        STOP_WORD
                    } else {
                        let stem = analyzer.stem(folded);
                        let fresh = u32::try_from(stem_ids.len()).unwrap_or(u32::MAX);
                        *stem_ids.entry(stem).or_insert(fresh)
                    };
                    word_ids.insert(folded, term);
                    term
                }
            };
            if term == STOP_WORD {
                return;
            }
            if let Some(length) = layout.field_lengths.get_mut(field.slot()) {
                *length = length.saturating_add(1);
            }
            occurrences.push((term, base.saturating_add(position)));
        });
        layout.field_starts = field_starts;
        occurrences.sort_unstable();
        for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
            let Some((term, _)) = group.first() else {
                continue;
            };
            let term = *term as usize;
            if self.postings.len() <= term {
                self.postings.resize_with(term + 1, Postings::default);
            }
            if let Some(list) = self.postings.get_mut(term) {
                list.push(doc, group.iter().map(|(_, position)| *position));
            }
        }
        for (sum, length) in self.length_sums.iter_mut().zip(layout.field_lengths) {
            *sum += f64::from(length);
        }
        self.layouts.push(layout);
        self.paragraph_starts.push(starts);
        self.doc_ids.push(article.id.clone());
        self.doc_dates.push(article.date.clone());

        let derived = article_facets(article);
        let extra = extra_facets.into_iter().flatten();
        self.facet_table.add_doc(
            derived
                .iter()
                .chain(extra)
                .flat_map(|(key, values)| values.iter().map(|value| (*key, value.as_str()))),
        );
    }

    /// The index of the documents added.
    pub fn finish(self) -> SearchIndex {
        self.into_finishing().finish()
    }

    /// [`Self::finish`] in steps. What needs the whole vocabulary (the terms' order, the word
    /// list) is done here; each term's postings are then finished as the caller asks
    /// ([`FinishingIndex::finish_terms`]), so that a page can finish a large index in slices:
    /// at 50,000 articles, finishing the postings is most of a 200 ms task.
    pub fn into_finishing(self) -> FinishingIndex {
        let SearchIndexBuilder {
            stem_ids,
            word_ids,
            postings,
            layouts,
            paragraph_starts,
            length_sums,
            facet_table,
            doc_ids,
            doc_dates,
            ..
        } = self;
        // Renumber terms in sorted order, so a term's id is its rank and lookups can bisect.
        let mut stems: Vec<(String, u32)> = stem_ids.into_iter().collect();
        stems.sort_unstable();
        let mut renumbered = vec![0u32; stems.len()];
        for (rank, (_, provisional)) in stems.iter().enumerate() {
            if let Some(slot) = renumbered.get_mut(*provisional as usize) {
                *slot = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
        let provisional_ids: Vec<u32> = stems.iter().map(|(_, provisional)| *provisional).collect();
        let terms: Vec<String> = stems.into_iter().map(|(stem, _)| stem).collect();

        let mut words: Vec<(String, u32)> = word_ids
            .into_entries()
            .filter(|(_, term)| *term != STOP_WORD)
            .collect();
        words.sort_unstable();
        let word_terms = words
            .iter()
            .map(|(_, provisional)| renumbered.get(*provisional as usize).copied().unwrap_or(0))
            .collect();
        let words: Vec<String> = words.into_iter().map(|(word, _)| word).collect();

        let count = layouts.len().max(1) as f64;
        let average_lengths = length_sums.map(|sum| (sum / count) as f32);

        let mut index = SearchIndex {
            bm25: Bm25Config::default(),
            postings: Vec::with_capacity(terms.len()),
            terms,
            words_by_tail: words_by_tail(&words),
            words,
            word_terms,
            doc_months: doc_dates
                .iter()
                .map(|date| date.as_deref().and_then(month_number).unwrap_or(NO_MONTH))
                .collect(),
            doc_ids,
            doc_dates,
            layouts,
            field_factors: Vec::new(),
            paragraph_starts,
            average_lengths,
            facets: facet_table.finish(),
            word_lists: Vec::new(),
            typos: TypoCache::default(),
        };
        index.field_factors = index.compute_field_factors();
        FinishingIndex {
            index,
            postings,
            provisional_ids,
        }
    }
}

/// A [`SearchIndex`] whose terms are ordered, finishing its postings a number of terms at a
/// time (from [`SearchIndexBuilder::into_finishing`]).
pub struct FinishingIndex {
    /// Complete but for the postings of the terms not finished yet.
    index: SearchIndex,
    /// By provisional term id; each list is taken out as its term is finished.
    postings: Vec<Postings>,
    /// The provisional id of every term, in the terms' order.
    provisional_ids: Vec<u32>,
}

impl FinishingIndex {
    /// Finishes the postings of up to `count` more terms; returns how many are finished.
    pub fn finish_terms(&mut self, count: usize) -> usize {
        let done = self.index.postings.len();
        for provisional in self.provisional_ids.iter().skip(done).take(count) {
            let mut list = self
                .postings
                .get_mut(*provisional as usize)
                .map(std::mem::take)
                .unwrap_or_default();
            // Grown by doubling while indexing: give the slack back (up to half the index).
            list.docs.shrink_to_fit();
            list.position_starts.shrink_to_fit();
            list.positions.shrink_to_fit();
            list.weights = self.index.posting_weights(&list);
            self.index.postings.push(list);
        }
        self.index.postings.len()
    }

    /// The number of terms finished so far.
    pub fn finished_terms(&self) -> usize {
        self.index.postings.len()
    }

    /// The number of terms to finish in all.
    pub fn term_count(&self) -> usize {
        self.provisional_ids.len()
    }

    /// The index, once the terms left are finished.
    pub fn finish(mut self) -> SearchIndex {
        self.finish_terms(usize::MAX);
        // Each list needs how many articles every term is in: known once all are finished.
        self.index.word_lists = WordList::lists(&self.index);
        self.index
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
    /// The words ready for typo walks: all, then the common ones (see [`WordList`]).
    word_lists: Vec<WordList>,
    /// Word ids ordered by the word without its first char: the words one edit of the first
    /// letter away (it replaced, or a letter put before it) are two binary searches here.
    words_by_tail: Vec<u32>,
    /// Article id of each document.
    doc_ids: Vec<String>,
    /// `YYYY-MM-DD` of each document, when known.
    doc_dates: Vec<Option<String>>,
    /// The month of each document's date as `year * 12 + month - 1` ([`NO_MONTH`] when undated),
    /// so a search counts its matches per month without parsing dates.
    #[serde(default)]
    doc_months: Vec<u32>,
    layouts: Vec<DocLayout>,
    /// Per document and field, see [`SearchIndex::compute_field_factors`].
    field_factors: Vec<[f32; FIELD_COUNT]>,
    /// Per document, the first position of every paragraph, in [`for_each_paragraph`] order:
    /// snippets find the paragraphs with matches without re-analysing the whole article.
    paragraph_starts: Vec<Vec<u32>>,
    /// Average indexed length of each field over all documents.
    average_lengths: [f32; FIELD_COUNT],
    pub(crate) facets: FacetTable,
    /// Typo lookups of recent searches (see [`typo_cache`]).
    #[serde(skip)]
    typos: TypoCache,
}

impl SearchIndex {
    /// Indexes `articles` (document `i` is `articles[i]`). Kind, source and year facets are
    /// derived from each article; `extra_facets[i]` (topics, places, people, ...) is merged into
    /// document `i`'s facets. A shorter `extra_facets` simply adds nothing to the remaining ones.
    pub fn build(articles: &[Article], extra_facets: &[DocFacets]) -> SearchIndex {
        let mut builder = SearchIndexBuilder::with_capacity(articles.len());
        for (doc, article) in articles.iter().enumerate() {
            builder.add(article, extra_facets.get(doc));
        }
        builder.finish()
    }

    /// Recomputes what depends on the [`Bm25Config`]: field factors and posting weights.
    fn refresh_weights(&mut self) {
        self.field_factors = self.compute_field_factors();
        let mut postings = std::mem::take(&mut self.postings);
        for list in &mut postings {
            list.weights = self.posting_weights(list);
        }
        self.postings = postings;
    }

    /// The weighted term frequency of each of `list`'s documents (needs the field factors).
    fn posting_weights(&self, list: &Postings) -> Vec<f32> {
        (0..list.docs.len())
            .map(|i| {
                let doc = list.docs.get(i).copied().unwrap_or(0);
                self.weighted_tf(doc, list.positions_at(i), None)
            })
            .collect()
    }

    /// Per document and field, what one occurrence adds to the BM25F weighted term frequency:
    /// the field's weight over its length normalisation. Depends only on the document and the
    /// [`Bm25Config`], so it is computed once instead of for every posting of every query.
    fn compute_field_factors(&self) -> Vec<[f32; FIELD_COUNT]> {
        let Bm25Config { b, weights, .. } = self.bm25;
        self.layouts
            .iter()
            .map(|layout| {
                let mut factors = [0f32; FIELD_COUNT];
                for ((factor, field), (length, average)) in factors
                    .iter_mut()
                    .zip(Field::ALL)
                    .zip(layout.field_lengths.iter().zip(self.average_lengths))
                {
                    let norm = 1.0 - b + b * *length as f32 / average.max(f32::MIN_POSITIVE);
                    *factor = weights.get(field) / norm.max(f32::MIN_POSITIVE);
                }
                factors
            })
            .collect()
    }

    /// The ranking parameters in use.
    pub fn bm25(&self) -> &Bm25Config {
        &self.bm25
    }

    /// Replaces the ranking parameters (no rebuild needed: they apply at query time).
    pub fn set_bm25(&mut self, bm25: Bm25Config) {
        self.bm25 = bm25;
        self.refresh_weights();
    }

    /// Number of indexed documents.
    pub fn doc_count(&self) -> usize {
        self.doc_ids.len()
    }

    /// Whether any document has a date. In a corpus with none (abstracts, notes) saying of
    /// each article that it is undated would tell nothing.
    pub fn has_dates(&self) -> bool {
        (0..self.facets.value_count(FacetKey::Year))
            .filter_map(|id| self.facets.value(FacetKey::Year, u32::try_from(id).ok()?))
            .any(|year| year != facets::UNDATED)
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

    /// The month of a document's date (`year * 12 + month - 1`), when it has one.
    pub(crate) fn doc_month(&self, doc: u32) -> Option<u32> {
        self.doc_months
            .get(doc as usize)
            .copied()
            .filter(|m| *m != NO_MONTH)
    }

    /// Display values of a facet key for one document.
    pub fn doc_facet_values(&self, doc: u32, key: FacetKey) -> Vec<&str> {
        self.facets
            .doc_values(doc, key)
            .iter()
            .filter_map(|id| self.facets.value(key, *id))
            .collect()
    }

    /// Whether some article has `value` of `key` (ignoring case, as a filter does).
    pub fn has_facet_value(&self, key: FacetKey, value: &str) -> bool {
        !self.facets.lookup(key, &[value.to_string()]).is_empty()
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
        self.saturate(self.weighted_tf(doc, positions, fields), idf)
    }

    /// BM25's saturation of a weighted term frequency, times idf.
    pub(crate) fn saturate(&self, weighted_tf: f32, idf: f32) -> f32 {
        if weighted_tf <= 0.0 {
            return 0.0;
        }
        let k1 = self.bm25.k1;
        idf * weighted_tf * (k1 + 1.0) / (k1 + weighted_tf)
    }

    /// BM25F weighted term frequency of a term at `positions` in `doc`, in `fields` (None =
    /// all): each occurrence adds its field's factor.
    fn weighted_tf(&self, doc: u32, positions: &[u32], fields: Option<Field>) -> f32 {
        let (Some(layout), Some(factors)) = (
            self.layouts.get(doc as usize),
            self.field_factors.get(doc as usize),
        ) else {
            return 0.0;
        };
        // Positions are sorted and fields follow each other: one forward walk over the fields.
        let mut weighted_tf = 0f32;
        let mut field = 0usize;
        for position in positions {
            while layout
                .field_starts
                .get(field + 1)
                .is_some_and(|next| position >= next)
            {
                field += 1;
            }
            if fields.is_some_and(|only| only.slot() != field) {
                continue;
            }
            weighted_tf += factors.get(field).copied().unwrap_or(0.0);
        }
        weighted_tf
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

    /// Vocabulary words within `max_distance` edits of `folded` whose term is in at least
    /// `min_documents` articles, as `(word id, distance)`, ascending by word id; remembered
    /// across searches (see [`typo_cache`]).
    pub(crate) fn fuzzy_words(
        &self,
        folded: &str,
        max_distance: u32,
        min_documents: usize,
    ) -> Neighbours {
        self.typos
            .get_or_insert_with(folded, (max_distance, min_documents), || {
                self.lookup_typos(folded, max_distance, min_documents)
            })
    }

    /// [`SearchIndex::fuzzy_words`] without the memo. Words with the same first letter are found
    /// by a walk over that letter's words (only the common ones when the words asked for are:
    /// see [`WordList`]); a single edit of the first letter (deleted, replaced, or a letter
    /// put before it) by binary searches over the words ordered by their tails. Not found: a
    /// first-letter edit together with a second edit (at 9+ chars), which would cost a walk per
    /// letter. Bounded: the walk stops after a fixed amount of work.
    fn lookup_typos(
        &self,
        folded: &str,
        max_distance: u32,
        min_documents: usize,
    ) -> Vec<(usize, u32)> {
        const MAX_CELLS: usize = 200_000;
        let common_enough = |word: usize| {
            min_documents == 0
                || self
                    .word_term(word)
                    .is_some_and(|id| self.doc_frequency(id) >= min_documents)
        };
        let mut chars = folded.chars();
        let Some(first) = chars.next() else {
            return Vec::new();
        };
        if min_documents > self.doc_count() {
            return Vec::new(); // no word is in more articles than there are
        }
        if max_distance == 0 {
            return self
                .word_position(folded)
                .filter(|word| common_enough(*word))
                .map(|word| vec![(word, 0)])
                .unwrap_or_default();
        }
        let rest = chars.as_str();
        // The smallest list that still holds every word common enough.
        let list = self
            .word_lists
            .iter()
            .rev()
            .find(|list| list.min_documents <= min_documents);
        let (offset, end) = list
            .and_then(|list| {
                list.first_letters
                    .iter()
                    .find(|(letter, ..)| *letter == first)
            })
            .map_or((0, 0), |(_, start, end)| (*start as usize, *end as usize));
        let ids = list.map_or(&[][..], |list| list.ids.get(offset..end).unwrap_or(&[]));
        let shared = list.map_or(&[][..], |list| {
            list.shared_prefix.get(offset..end).unwrap_or(&[])
        });
        let word_at = |at: usize| ids.get(at).and_then(|id| self.word(*id as usize));
        let mut found: Vec<(usize, u32)> =
            fuzzy::within_distance(word_at, shared, folded, max_distance, MAX_CELLS)
                .into_iter()
                .filter_map(|(at, distance)| Some((*ids.get(at)? as usize, distance)))
                .collect();
        // The first letter deleted.
        if let Some(word) = self.word_position(rest) {
            found.push((word, 1));
        }
        // The first letter replaced (a word ending in `rest`; with the same first letter it is
        // the query itself, found by the walk), or a letter put before it (ending in `folded`).
        for ending in [rest, folded] {
            let neighbours = self
                .words_ending_after_first(ending)
                .filter(|word| self.words.get(*word).map(String::as_str) != Some(folded));
            found.extend(neighbours.map(|word| (word, 1)));
        }
        found.retain(|(word, _)| common_enough(*word));
        found.sort_unstable();
        found.dedup_by_key(|(word, _)| *word);
        found
    }

    /// Ids of the words that are `ending` after their first char.
    fn words_ending_after_first<'a>(&'a self, ending: &'a str) -> impl Iterator<Item = usize> + 'a {
        let words = self.words.as_slice();
        let start = self
            .words_by_tail
            .partition_point(|id| tail_of(words, *id) < ending);
        self.words_by_tail
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |id| tail_of(words, **id) == ending)
            .map(|id| *id as usize)
    }

    /// A vocabulary word (folded), by its position in the sorted word list.
    pub(crate) fn word(&self, word: usize) -> Option<&str> {
        self.words.get(word).map(String::as_str)
    }

    /// The position of `folded` in the sorted word list, when the corpus has it.
    pub(crate) fn word_position(&self, folded: &str) -> Option<usize> {
        self.words.binary_search_by(|w| w.as_str().cmp(folded)).ok()
    }

    /// Term id of a vocabulary word.
    pub(crate) fn word_term(&self, word: usize) -> Option<u32> {
        self.word_terms.get(word).copied()
    }

    /// The closest, then most frequent, of `neighbours` (from [`SearchIndex::fuzzy_words`]):
    /// the "did you mean" word.
    pub(crate) fn closest_word(&self, neighbours: &[(usize, u32)]) -> Option<&str> {
        let frequency = |word: usize| self.word_term(word).map_or(0, |id| self.doc_frequency(id));
        neighbours
            .iter()
            .min_by(|a, b| {
                a.1.cmp(&b.1)
                    .then(frequency(b.0).cmp(&frequency(a.0)))
                    .then(a.0.cmp(&b.0))
            })
            .and_then(|(word, _)| self.words.get(*word))
            .map(String::as_str)
    }

    /// Whether any of `positions` (of one document) lies in `field`.
    pub(crate) fn occurs_in_field(&self, doc: u32, positions: &[u32], field: Field) -> bool {
        let layout = self.layout(doc);
        positions.iter().any(|p| layout.field_of(*p) == field)
    }

    fn keep_most_frequent(&self, ids: &mut Vec<u32>, limit: usize) {
        ids.sort_unstable();
        ids.dedup();
        crate::sort_shared(ids, &|a, b| {
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
            body: body.iter().map(|s| crate::Text::from(*s)).collect(),
            ..Article::default()
        }
    }

    /// An index of one article (`d0`, `d1`, ...) titled with each of `titles`.
    fn index_of(titles: &[String]) -> SearchIndex {
        let articles: Vec<Article> = titles
            .iter()
            .enumerate()
            .map(|(i, title)| article(&format!("d{i}"), title, &[]))
            .collect();
        SearchIndex::build(&articles, &[])
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
        let fields: Vec<Field> = postings
            .positions_at(0)
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// One edit: exactly the words a plain edit-distance scan finds. Two edits: every word
        /// two edits away that keeps the first letter, or one edit away.
        #[test]
        fn fuzzy_words_match_a_scan(
            words in proptest::collection::vec("[abcé]{1,6}", 1..30),
            query in "[abcé]{1,6}",
        ) {
            let index = index_of(&words);
            let found = |k: u32| -> Vec<String> {
                let found = index.lookup_typos(&query, k, 0);
                // The memo gives what the lookup gives, the first time and the next.
                assert_eq!(&*index.fuzzy_words(&query, k, 0), found.as_slice());
                assert_eq!(&*index.fuzzy_words(&query, k, 0), found.as_slice());
                found.into_iter().map(|(w, _)| index.words[w].clone()).collect()
            };
            let scan = |keep: &dyn Fn(&str) -> bool| -> Vec<String> {
                index.words.iter().filter(|w| keep(w)).cloned().collect()
            };
            let distance = |w: &str| fuzzy::levenshtein(w, &query);
            proptest::prop_assert_eq!(found(1), scan(&|w| distance(w) <= 1));
            let same_first = |w: &str| w.chars().next() == query.chars().next();
            proptest::prop_assert_eq!(
                found(2),
                scan(&|w| distance(w) <= 1 || (distance(w) <= 2 && same_first(w)))
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        /// Asked for common words only, the walk of the common words' list finds what the walk
        /// of the whole vocabulary finds among them.
        #[test]
        fn common_words_lookup_is_the_whole_lookup_filtered(
            rare in proptest::collection::vec("[abcé]{1,6}", 12..30),
            common in proptest::collection::vec(("[abcé]{1,6}", 10usize..40), 1..6),
            query in "[abcé]{1,6}",
            k in 1u32..=2,
        ) {
            // Each rare word in an article of its own; each common word in its first n.
            let mut texts: Vec<String> = rare.clone();
            for (word, n) in &common {
                while texts.len() < *n {
                    texts.push(String::new());
                }
                for text in texts.iter_mut().take(*n) {
                    text.push(' ');
                    text.push_str(word);
                }
            }
            let index = index_of(&texts);
            for min_documents in [1, 10, 15, 100] {
                let among_all: Vec<(usize, u32)> = index
                    .lookup_typos(&query, k, 0)
                    .into_iter()
                    .filter(|(word, _)| {
                        index.word_term(*word).is_some_and(|id| index.doc_frequency(id) >= min_documents)
                    })
                    .collect();
                proptest::prop_assert_eq!(index.lookup_typos(&query, k, min_documents), among_all);
            }
        }
    }

    #[test]
    fn a_common_words_list_leaves_out_the_rare_words() {
        let mut articles: Vec<Article> = (0..30)
            .map(|i| article(&format!("d{i}"), &format!("rare{i} pakistan"), &[]))
            .collect();
        articles.push(article("x", "pakistn", &[]));
        let index = SearchIndex::build(&articles, &[]);
        let lists: Vec<usize> = index.word_lists.iter().map(|l| l.min_documents).collect();
        assert_eq!(lists, vec![0, 10]);
        let common: Vec<&str> = index.word_lists[1]
            .ids
            .iter()
            .filter_map(|id| index.word(*id as usize))
            .collect();
        assert_eq!(common, vec!["pakistan"]);
        let found = index.fuzzy_words("pakistn", 1, 10);
        let found: Vec<&str> = found.iter().filter_map(|(w, _)| index.word(*w)).collect();
        assert_eq!(found, vec!["pakistan"]);
    }

    #[test]
    fn a_corpus_has_dates_when_any_article_has_one() {
        let undated = Article {
            date: None,
            ..article("a", "No date here", &[])
        };
        let dated = article("b", "Dated 2024-05-01", &[]);
        assert!(!SearchIndex::build(std::slice::from_ref(&undated), &[]).has_dates());
        assert!(SearchIndex::build(&[undated, dated], &[]).has_dates());
        assert!(!SearchIndex::build(&[], &[]).has_dates());
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
        let fuzzy = index.fuzzy_words("pakistn", 1, 0);
        assert_eq!(fuzzy.len(), 1);
        assert_eq!(index.closest_word(&fuzzy), Some("pakistan"));
        assert!(index.fuzzy_words("pakistn", 0, 0).is_empty());
    }
}
