//! Text analysis shared by indexing, querying and topic modelling: one code path, so a query
//! term always meets the index term it should.
//!
//! Pipeline: Unicode word segmentation -> case and diacritic folding (curly and straight
//! apostrophes alike) -> stop-word flag -> English Snowball stem. Byte offsets into the original
//! text are kept so snippets and highlights can point back at it.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

pub(crate) mod fold_table;
mod fold_table_data;

/// One analysed word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The stemmed, folded term: what the index stores.
    pub term: String,
    /// The folded but unstemmed word: what prefix and fuzzy matching compare against.
    pub folded: String,
    /// Word position (0-based, counting every word including stop-words), for phrases.
    pub position: u32,
    /// Byte range of the word in the original text.
    pub start: usize,
    pub end: usize,
    pub is_stop_word: bool,
}

/// One word of a text, segmented and folded but not stemmed: enough for positions and
/// highlights, and much cheaper than a [`Token`] (stemming dominates analysis time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded word (see [`fold`]).
    pub folded: String,
    /// Word position, as in [`Token::position`].
    pub position: u32,
    /// Byte range of the word in the original text.
    pub start: usize,
    pub end: usize,
}

/// The analyser. Cheap to create; holds the stemmer.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    /// Every word of `text`, in order, with positions and offsets.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.words(text)
            .into_iter()
            .map(|word| Token {
                is_stop_word: is_stop_word(&word.folded),
                term: self.stem(&word.folded),
                folded: word.folded,
                position: word.position,
                start: word.start,
                end: word.end,
            })
            .collect()
    }

    /// Every word of `text`, folded, with the same positions and offsets as [`Analyzer::tokens`]
    /// but without stemming.
    pub fn words(&self, text: &str) -> Vec<Word> {
        word_pieces(text)
            .map(|(position, start, end, folded)| Word {
                folded: folded.unwrap_or_else(|| {
                    text.get(start..end)
                        .unwrap_or_default()
                        .to_ascii_lowercase()
                }),
                position,
                start,
                end,
            })
            .collect()
    }

    /// `(position, start byte, end byte)` of every word of `text`, lazily and without folding
    /// or allocating: the same words and positions as [`Analyzer::words`], for highlighting.
    pub fn word_spans<'t>(&self, text: &'t str) -> impl Iterator<Item = (u32, usize, usize)> + 't {
        word_pieces(text).map(|(position, start, end, _)| (position, start, end))
    }

    /// Stemmed terms of `text`, stop-words removed: the bag of words for ranking and topics.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.words(text)
            .into_iter()
            .filter(|w| !is_stop_word(&w.folded))
            .map(|w| self.stem(&w.folded))
            .collect()
    }

    /// Stems one already folded word.
    pub fn stem(&self, folded: &str) -> String {
        self.stemmer.stem(folded).into_owned()
    }
}

/// The word pieces of `text`: `(position, start, end, folded)`, where `folded` is `None` for a
/// plain ASCII alphanumeric word (its folding is just lower-casing, left to the caller so that
/// highlighting allocates nothing).
fn word_pieces(text: &str) -> impl Iterator<Item = (u32, usize, usize, Option<String>)> + '_ {
    // UAX #29 keeps "foo:bar" together (':' is MidLetter, for Swedish); we split it so
    // "title:x"-like text and "10:30" index as separate words on both sides.
    text.split_word_bound_indices()
        .flat_map(|(start, word)| {
            word.split(':').scan(start, |offset, part| {
                let here = *offset;
                *offset += part.len() + 1;
                Some((here, part))
            })
        })
        .filter_map(|(start, piece)| {
            let end = start + piece.len();
            if !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Some((start, end, None));
            }
            if !piece.chars().any(char::is_alphanumeric) {
                return None;
            }
            let folded = fold(piece);
            (!folded.is_empty()).then_some((start, end, Some(folded)))
        })
        .zip(0u32..)
        .map(|((start, end, folded), position)| (position, start, end, folded))
}

/// Lower-cases, strips diacritics and maps every apostrophe-like character to `'`; a trailing
/// possessive `'s` or `'` is removed so "India's" = "India’s" = "India".
///
/// Diacritics go as NFKD with the combining marks dropped would take them, for the Latin, Greek
/// and Cyrillic blocks and the Latin ligatures (see [`fold_table`]); other scripts pass through
/// unchanged. A table instead of full Unicode normalisation keeps ~100 kB of tables out of the page.
pub fn fold(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // Fast path (most words): nothing to decompose, no apostrophes.
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match fold_table::without_diacritics(c) {
            Some(base) => base.chars().for_each(|b| push_lowercase(b, &mut out)),
            None => push_lowercase(c, &mut out),
        }
    }
    let trimmed = out.strip_suffix("'s").unwrap_or(&out);
    trimmed.trim_matches('\'').to_string()
}

/// Appends `c` lower-cased, any apostrophe-like character as `'`.
fn push_lowercase(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' | '`' | '\u{00B4}' => out.push('\''),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Lucene's English stop-word set (the one the BEIR BM25 baselines use), plus a few
/// contractions' remains.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// Whether a folded word is a stop-word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn curly_and_straight_apostrophes_fold_alike() {
        assert_eq!(fold("India's"), "india");
        assert_eq!(fold("India’s"), "india");
    }

    #[test]
    fn diacritics_fold_away() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("NAÏVE"), "naive");
    }

    #[test]
    fn colons_split_words() {
        let terms = Analyzer::default().terms("foo:bar at 10:30");
        assert_eq!(terms, vec!["foo", "bar", "10", "30"]);
    }

    #[test]
    fn stemming_conflates_inflections() {
        let analyzer = Analyzer::default();
        assert_eq!(analyzer.terms("treaties treaty"), vec!["treati", "treati"]);
        assert_eq!(
            analyzer.terms("negotiating negotiation"),
            vec!["negoti", "negoti"]
        );
    }

    #[test]
    fn stop_words_are_flagged_not_dropped_from_tokens() {
        let tokens = Analyzer::default().tokens("the river and the sea");
        assert_eq!(tokens.len(), 5);
        assert_eq!(
            Analyzer::default().terms("the river and the sea"),
            vec!["river", "sea"]
        );
    }

    #[test]
    fn emoji_and_punctuation_are_not_words() {
        assert!(Analyzer::default().tokens("🙂 -- !!! ").is_empty());
    }

    #[test]
    fn right_to_left_words_are_kept() {
        let tokens = Analyzer::default().tokens("مياه السند");
        assert_eq!(tokens.len(), 2);
    }

    #[test]
    fn tokens_keep_offsets_and_positions() {
        let text = "The Indus Waters treaty";
        let tokens = Analyzer::default().tokens(text);
        assert_eq!(tokens.len(), 4);
        assert!(tokens[0].is_stop_word);
        assert_eq!(&text[tokens[1].start..tokens[1].end], "Indus");
        assert_eq!(tokens[2].term, "water");
        assert_eq!(tokens[3].position, 3);
    }
}
