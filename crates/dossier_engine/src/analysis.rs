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
pub(crate) fn word_pieces(
    text: &str,
) -> impl Iterator<Item = (u32, usize, usize, Option<String>)> + '_ {
    word_ranges(text)
        .filter_map(|(start, end)| {
            let piece = text.get(start..end)?;
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

/// The ranges of [`unicode_word_ranges`] that can hold a letter or digit. Most news text is
/// ASCII: it is cut at spaces into chunks, and ASCII chunks take a byte-class fast path
/// instead of the Unicode tables (the largest cost of indexing), with the same result.
fn word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    space_chunks(text).flat_map(|(offset, chunk)| {
        let ranges = if chunk.is_ascii() {
            ChunkRanges::Ascii(ascii_word_ranges(chunk))
        } else {
            ChunkRanges::Unicode(unicode_word_ranges(chunk))
        };
        ranges.map(move |(start, end)| (offset + start, offset + end))
    })
}

/// `text` cut after every ASCII space that is followed by an ASCII char, as `(offset, chunk)`.
/// No word spans a space and no UAX #29 rule looks across one (the only rule that attaches
/// something to a space, WB4, attaches marks and joiners, which are not ASCII).
fn space_chunks(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            end += 1;
            if b == b' ' && bytes.get(end).is_some_and(u8::is_ascii) {
                break;
            }
        }
        let chunk = (start, text.get(start..end)?);
        start = end;
        Some(chunk)
    })
}

/// Either segmenter, without boxing one iterator per chunk.
enum ChunkRanges<A, U> {
    Ascii(A),
    Unicode(U),
}

impl<A, U> Iterator for ChunkRanges<A, U>
where
    A: Iterator<Item = (usize, usize)>,
    U: Iterator<Item = (usize, usize)>,
{
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            ChunkRanges::Ascii(ranges) => ranges.next(),
            ChunkRanges::Unicode(ranges) => ranges.next(),
        }
    }
}

/// UAX #29 word boundaries as byte ranges, with ':' always a boundary: UAX #29 keeps
/// "foo:bar" together (':' is MidLetter, for Swedish); we split it so "title:x"-like text and
/// "10:30" index as separate words on both sides.
fn unicode_word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_word_bound_indices().flat_map(|(start, word)| {
        word.split(':').scan(start, |offset, part| {
            let here = *offset;
            *offset += part.len() + 1;
            Some((here, here + part.len()))
        })
    })
}

/// The ranges of [`unicode_word_ranges`] that can hold a letter or digit, for ASCII text.
/// UAX #29 on ASCII: letters, digits and '_' join (WB5, WB8-10, WB13a/b); '.' and '\'' join two
/// letters (WB6/7); '.', '\'', ',' and ';' join two digits (WB11/12); everything else breaks.
fn ascii_word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0usize;
    std::iter::from_fn(move || {
        while !is_word(*bytes.get(at)?) {
            at += 1;
        }
        let start = at;
        at += 1;
        while let Some(&b) = bytes.get(at) {
            if is_word(b) {
                at += 1;
                continue;
            }
            let before = bytes.get(at.wrapping_sub(1)).copied().unwrap_or(b' ');
            let after = bytes.get(at + 1).copied().unwrap_or(b' ');
            let joins_letters = matches!(b, b'.' | b'\'')
                && before.is_ascii_alphabetic()
                && after.is_ascii_alphabetic();
            let joins_digits = matches!(b, b'.' | b'\'' | b',' | b';')
                && before.is_ascii_digit()
                && after.is_ascii_digit();
            if joins_letters || joins_digits {
                at += 2;
            } else {
                break;
            }
        }
        Some((start, at))
    })
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
    stop_word(folded).is_some()
}

/// The stop-word `folded` is, if it is one.
pub fn stop_word(folded: &str) -> Option<&'static str> {
    let at = STOP_WORDS.binary_search(&folded).ok()?;
    STOP_WORDS.get(at).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The ranges with a letter or digit: what [`word_pieces`] keeps.
    fn wordy(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
        ranges
            .filter(|(start, end)| text[*start..*end].chars().any(char::is_alphanumeric))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn ascii_boundaries_match_uax29(text in "[abZ09_.,;:' \t\r\n!\"()/@#-]{0,24}") {
            prop_assert_eq!(
                wordy(&text, ascii_word_ranges(&text)),
                wordy(&text, unicode_word_ranges(&text))
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn chunked_boundaries_match_uax29(
            text in "[aZ9 .,'_:\u{e9}\u{301}\u{3b2}\u{2013}\u{4e00}\u{200d}\u{5d0}\"]{0,24}"
        ) {
            prop_assert_eq!(
                wordy(&text, word_ranges(&text)),
                wordy(&text, unicode_word_ranges(&text))
            );
        }
    }

    #[test]
    fn ascii_boundaries_on_real_text() {
        let text = "U.S. officials' 1,000.5 e.g. can't 10:30 foo_bar _x_ a1.b 3;4 'quoted' end.";
        assert_eq!(
            wordy(text, ascii_word_ranges(text)),
            wordy(text, unicode_word_ranges(text))
        );
    }

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
