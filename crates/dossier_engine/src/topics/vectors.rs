//! Document vectors: analysed terms -> sublinear TF-IDF with document-frequency cut-offs,
//! L2-normalised, stored sparse (sorted term indices), plus the stem -> surface-form map that
//! labels need.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::Analyzer;
use crate::article::Article;

/// Words that are news furniture or reporting verbs rather than subject matter: never a feature,
/// never a label. Compared against the folded (lower-case, unstemmed) word. Sorted.
const NEWS_STOP_WORDS: &[&str] = &[
    "about",
    "according",
    "added",
    "adding",
    "afp",
    "after",
    "again",
    "against",
    "ago",
    "ahead",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "am",
    "among",
    "another",
    "any",
    "ap",
    "april",
    "around",
    "article",
    "asked",
    "august",
    "back",
    "bbc",
    "because",
    "been",
    "before",
    "being",
    "best",
    "between",
    "both",
    "called",
    "came",
    "can",
    "cannot",
    "cent",
    "cnbc",
    "cnn",
    "comment",
    "comments",
    "copyright",
    "could",
    "day",
    "days",
    "december",
    "did",
    "do",
    "does",
    "done",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "email",
    "even",
    "ever",
    "every",
    "february",
    "few",
    "first",
    "five",
    "follow",
    "following",
    "four",
    "friday",
    "from",
    "further",
    "get",
    "getting",
    "go",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "including",
    "its",
    "itself",
    "january",
    "july",
    "june",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "march",
    "may",
    "me",
    "might",
    "monday",
    "month",
    "months",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "new",
    "newsletter",
    "next",
    "nine",
    "november",
    "now",
    "october",
    "off",
    "often",
    "once",
    "one",
    "only",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "per",
    "percent",
    "post",
    "posts",
    "print",
    "put",
    "rather",
    "read",
    "related",
    "reply",
    "reported",
    "reuters",
    "said",
    "same",
    "saturday",
    "say",
    "saying",
    "says",
    "second",
    "see",
    "september",
    "seven",
    "share",
    "she",
    "short",
    "should",
    "since",
    "six",
    "so",
    "some",
    "still",
    "subscribe",
    "sunday",
    "take",
    "taken",
    "takes",
    "ten",
    "than",
    "them",
    "themselves",
    "third",
    "those",
    "though",
    "three",
    "through",
    "thursday",
    "time",
    "times",
    "told",
    "too",
    "took",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "updated",
    "upon",
    "url",
    "us",
    "use",
    "used",
    "very",
    "want",
    "wants",
    "way",
    "we",
    "wednesday",
    "week",
    "weeks",
    "well",
    "went",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Whether a folded word is excluded from topic features and labels: a stop-word of the
/// analyser, a news stop-word, a number, or a single character.
pub(crate) fn is_topic_stop_word(folded: &str) -> bool {
    folded.chars().count() < 2
        || folded.chars().any(|c| c.is_ascii_digit())
        || NEWS_STOP_WORDS.binary_search(&folded).is_ok()
}

/// Document-frequency cut-offs and term weighting.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorConfig {
    /// A term must occur in at least this many articles; corpora smaller than
    /// `min_df_from_articles` use 1 (a 10-article corpus has few repeated words).
    pub min_df: usize,
    /// See `min_df`.
    pub min_df_from_articles: usize,
    /// A term in more than this share of the articles carries no topic signal and is dropped
    /// (never below 2 articles, so tiny corpora keep their shared words).
    pub max_df_ratio: f64,
}

impl Default for VectorConfig {
    fn default() -> Self {
        VectorConfig {
            min_df: 2,
            min_df_from_articles: 50,
            max_df_ratio: 0.5,
        }
    }
}

/// A sparse, L2-normalised vector: term indices ascending, one weight each.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVec {
    pub(crate) entries: Vec<(u32, f32)>,
}

impl SparseVec {
    pub(crate) fn dot_dense(&self, dense: &[f32]) -> f32 {
        self.entries
            .iter()
            .map(|&(i, w)| w * dense.get(i as usize).copied().unwrap_or(0.0))
            .sum()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One analysed article as topic modelling sees it.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocTerms {
    /// Kept stems (ids into [`TermSpace::stems`]) in reading order with their word positions,
    /// for phrase labels.
    pub(crate) stems: Vec<(u32, u32)>,
}

/// The vectorised corpus.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermSpace {
    /// Every stem that passed the stop-lists, sorted: index = stem id.
    pub(crate) stems: Vec<String>,
    /// Per stem id: the most frequent surface form (ties: lexicographically smallest).
    pub(crate) surfaces: Vec<String>,
    /// Per stem id: the stem it is always written after with a hyphen, both as names ("Lin" of
    /// "Mei-Lin"), so that labels keep the name whole.
    pub(crate) hyphenated_after: Vec<Option<u32>>,
    /// Feature stems (those within the document-frequency cut-offs), sorted: index = feature.
    pub(crate) vocabulary: Vec<String>,
    /// One vector per article, in article order.
    pub(crate) vectors: Vec<SparseVec>,
    /// Per article, the kept stems in order (also those cut by document frequency, so phrases
    /// stay contiguous).
    pub(crate) docs: Vec<DocTerms>,
}

impl TermSpace {
    #[cfg(test)]
    pub(crate) fn feature(&self, stem: &str) -> Option<usize> {
        self.vocabulary
            .binary_search_by(|s| s.as_str().cmp(stem))
            .ok()
    }

    /// Readable form of a stem id.
    pub(crate) fn surface_of(&self, stem: u32) -> &str {
        self.surfaces
            .get(stem as usize)
            .or_else(|| self.stems.get(stem as usize))
            .map_or("", String::as_str)
    }
}

/// The text topic modelling reads: the title twice (a headline states the subject), then the
/// article's prose.
pub(crate) fn topic_text(article: &Article) -> String {
    format!("{}\n{}", article.title, article.full_text())
}

/// Analyses and vectorises `articles`.
pub(crate) fn build_term_space(articles: &[Article], config: &VectorConfig) -> TermSpace {
    let analyzer = Analyzer::default();
    // Hash maps for speed while counting; everything leaving this function is sorted.
    let mut surface_counts: HashMap<String, HashMap<String, u32>> = HashMap::new();
    let mut raw_docs: Vec<Vec<(String, u32)>> = Vec::with_capacity(articles.len());
    // Per stem: the name word before it and a hyphen at every occurrence, if one.
    let mut after: HashMap<String, Option<String>> = HashMap::new();
    for article in articles {
        let text = topic_text(article);
        let mut stems: Vec<(String, u32)> = Vec::new();
        // End of the last kept word when it was a name's.
        let mut name_end = None;
        for token in analyzer.tokens(&text) {
            if token.is_stop_word || is_topic_stop_word(&token.folded) {
                name_end = None;
                continue;
            }
            let raw = text.get(token.start..token.end).unwrap_or(&token.folded);
            let hyphenated = name_end.is_some_and(|end: usize| {
                is_name_word(raw) && text.get(end..token.start) == Some("-")
            });
            let before = stems.last().filter(|_| hyphenated).map(|(s, _)| s.clone());
            match after.get_mut(&token.term) {
                Some(known) if *known != before => *known = None,
                Some(_) => {}
                None => {
                    after.insert(token.term.clone(), before);
                }
            }
            name_end = is_name_word(raw).then_some(token.end);
            let raw = strip_possessive(raw);
            let forms = surface_counts.entry(token.term.clone()).or_default();
            match forms.get_mut(raw) {
                Some(count) => *count += 1,
                None => {
                    forms.insert(raw.to_string(), 1);
                }
            }
            stems.push((token.term, token.position));
        }
        raw_docs.push(stems);
    }

    let mut stems: Vec<String> = surface_counts.keys().cloned().collect();
    stems.sort_unstable();
    let id_of: HashMap<&str, u32> = stems
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u32))
        .collect();
    let docs: Vec<DocTerms> = raw_docs
        .iter()
        .map(|doc| DocTerms {
            stems: doc
                .iter()
                .filter_map(|(stem, position)| id_of.get(stem.as_str()).map(|&id| (id, *position)))
                .collect(),
        })
        .collect();
    let mut surfaces = Vec::with_capacity(stems.len());
    for stem in &stems {
        let forms = surface_counts.get(stem);
        let best = forms
            .into_iter()
            .flatten()
            .max_by(|(fa, ca), (fb, cb)| ca.cmp(cb).then_with(|| fb.cmp(fa)))
            .map_or_else(|| stem.clone(), |(form, _)| form.clone());
        surfaces.push(best);
    }
    let hyphenated_after = stems
        .iter()
        .map(|stem| {
            let before = after.get(stem)?.as_deref()?;
            id_of.get(before).copied()
        })
        .collect();

    // Document frequency per stem id.
    let mut df_all = vec![0u32; stems.len()];
    for doc in &docs {
        let mut seen: Vec<u32> = doc.stems.iter().map(|&(s, _)| s).collect();
        seen.sort_unstable();
        seen.dedup();
        for stem in seen {
            if let Some(df) = df_all.get_mut(stem as usize) {
                *df += 1;
            }
        }
    }
    let n = articles.len();
    let min_df = if n >= config.min_df_from_articles {
        config.min_df
    } else {
        1
    };
    let max_df = ((config.max_df_ratio * n as f64).floor() as usize).max(2);
    let mut feature_of_stem: Vec<Option<u32>> = vec![None; stems.len()];
    let mut vocabulary = Vec::new();
    let mut df = Vec::new();
    for (stem_id, (stem, &count)) in stems.iter().zip(&df_all).enumerate() {
        let count_usize = count as usize;
        if count_usize >= min_df && count_usize <= max_df {
            if let Some(slot) = feature_of_stem.get_mut(stem_id) {
                *slot = Some(vocabulary.len() as u32);
            }
            vocabulary.push(stem.clone());
            df.push(count);
        }
    }
    let vectors = docs
        .iter()
        .map(|doc| tfidf_vector(doc, &feature_of_stem, &df, n))
        .collect();
    TermSpace {
        stems,
        surfaces,
        hyphenated_after,
        vocabulary,
        vectors,
        docs,
    }
}

/// A word written as a name's: a capital, then lower case ("Mei", not "IMF").
fn is_name_word(raw: &str) -> bool {
    let mut chars = raw.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

fn strip_possessive(raw: &str) -> &str {
    raw.strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .or_else(|| raw.strip_suffix('\''))
        .or_else(|| raw.strip_suffix('’'))
        .unwrap_or(raw)
}

/// Sublinear tf (1 + ln tf) times smoothed idf (ln((1+n)/(1+df)) + 1), L2-normalised: the
/// weighting of scikit-learn's `TfidfVectorizer(sublinear_tf=True)`, so the baseline compares
/// like with like.
fn tfidf_vector(
    doc: &DocTerms,
    feature_of_stem: &[Option<u32>],
    df: &[u32],
    n: usize,
) -> SparseVec {
    let mut counts: BTreeMap<u32, u32> = BTreeMap::new();
    for &(stem, _) in &doc.stems {
        if let Some(feature) = feature_of_stem.get(stem as usize).copied().flatten() {
            *counts.entry(feature).or_insert(0) += 1;
        }
    }
    let mut entries: Vec<(u32, f32)> = counts
        .into_iter()
        .map(|(feature, tf)| {
            let df = df.get(feature as usize).copied().unwrap_or(1) as f64;
            let idf = ((1.0 + n as f64) / (1.0 + df)).ln() + 1.0;
            let weight = (1.0 + (tf as f64).ln()) * idf;
            (feature, weight as f32)
        })
        .collect();
    normalise_entries(&mut entries);
    SparseVec { entries }
}

pub(crate) fn normalise_entries(entries: &mut [(u32, f32)]) {
    let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in entries.iter_mut() {
            *w /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: Default::default(),
            kind: "news".into(),
            file: "f".into(),
            body: vec![body.into()],
            ..Article::default()
        }
    }

    #[test]
    fn news_stop_words_are_sorted() {
        assert!(NEWS_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn furniture_and_numbers_are_not_features() {
        assert!(is_topic_stop_word("said"));
        assert!(is_topic_stop_word("mr"));
        assert!(is_topic_stop_word("2024"));
        assert!(!is_topic_stop_word("treaty"));
    }

    #[test]
    fn vectors_are_unit_length_and_respect_max_df() {
        let articles = vec![
            article("a", "Water treaty water rivers said"),
            article("b", "Water cyber attack"),
            article("c", "Water cyber law"),
            article("d", "Water budget"),
            article("e", "Water budget"),
        ];
        let space = build_term_space(&articles, &VectorConfig::default());
        // "water" is in all five articles (> 50%): dropped; "said" is furniture.
        assert!(space.feature("water").is_none());
        assert!(space.feature("said").is_none());
        assert!(space.feature("cyber").is_some());
        for v in &space.vectors {
            let norm: f32 = v.entries.iter().map(|(_, w)| w * w).sum();
            assert!((norm - 1.0).abs() < 1e-5);
        }
        let river = space.stems.binary_search(&"river".to_string()).unwrap();
        assert_eq!(space.surface_of(river as u32), "rivers");
    }
}
