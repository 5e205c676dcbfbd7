//! Best-passage snippets with highlight spans.
//!
//! Offsets are BYTE offsets into the snippet's own `text` (or into the title for title
//! highlights), always on char boundaries because they come from the word segmenter: in Rust,
//! `&text[span.start..span.end]` is safe. (JavaScript callers must convert; the page is Rust.)

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::{Analyzer, Word};
use crate::article::Article;
use crate::index::Field;
use crate::query::Span;

/// Words in a snippet window.
const WINDOW_WORDS: usize = 28;

/// A passage of one paragraph with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub field: Field,
    /// Index of the paragraph within the field (summary bullet, body paragraph, caption).
    pub paragraph: usize,
    /// The passage, cut at word boundaries.
    pub text: String,
    /// Byte ranges of matched words in `text`, ascending, not overlapping.
    pub highlights: Vec<Span>,
    /// The passage starts after the paragraph's start (the UI may show "…").
    pub cut_start: bool,
    /// The passage ends before the paragraph's end.
    pub cut_end: bool,
}

/// Byte ranges in the article's title of matched words. `positions` maps document positions
/// of matched terms (from the postings) to their term ids; the title starts at position 0.
pub fn title_highlights(
    analyzer: &Analyzer,
    article: &Article,
    positions: &BTreeMap<u32, u32>,
) -> Vec<Span> {
    analyzer
        .words(&article.title)
        .into_iter()
        .filter(|w| positions.contains_key(&w.position))
        .map(|w| Span {
            start: w.start,
            end: w.end,
        })
        .collect()
}

/// The best passage outside the title: first the paragraph with the most distinct matched
/// terms (then most matches), found from `paragraph_starts` without analysing any text; then,
/// in that paragraph only, the window of [`WINDOW_WORDS`] words scored the same way. The
/// opening of the article when nothing matches outside the title.
pub fn best_snippet(
    analyzer: &Analyzer,
    article: &Article,
    paragraph_starts: &[u32],
    positions: &BTreeMap<u32, u32>,
) -> Option<Snippet> {
    let paragraphs: Vec<(Field, usize, &str)> = Field::ALL
        .iter()
        .flat_map(|field| {
            field
                .texts(article)
                .into_iter()
                .enumerate()
                .map(move |(i, text)| (*field, i, text))
        })
        .collect();
    let score = |from: u32, to: u32| -> (usize, usize) {
        let terms: Vec<u32> = positions.range(from..to).map(|(_, term)| *term).collect();
        let distinct: BTreeSet<u32> = terms.iter().copied().collect();
        (distinct.len(), terms.len())
    };
    // (score, paragraph number, first position)
    let mut best: Option<((usize, usize), usize, u32)> = None;
    let mut fallback: Option<(usize, u32)> = None;
    for (number, ((field, _, text), start)) in paragraphs.iter().zip(paragraph_starts).enumerate() {
        if *field == Field::Title || text.trim().is_empty() {
            continue;
        }
        if fallback.is_none() && *field != Field::Subtitle {
            fallback = Some((number, *start));
        }
        let end = paragraph_starts
            .get(number + 1)
            .copied()
            .unwrap_or(u32::MAX);
        let here = score(*start, end);
        if here.1 > 0 && best.is_none_or(|(s, ..)| here > s) {
            best = Some((here, number, *start));
        }
    }
    let (number, base, matched) = match best {
        Some((_, number, base)) => (number, base, true),
        None => {
            let (number, base) = fallback?;
            (number, base, false)
        }
    };
    let (field, paragraph, text) = paragraphs.get(number).copied()?;
    let words = analyzer.words(text);
    let term_at = |w: &Word| positions.get(&base.saturating_add(w.position)).copied();
    let (mut first, mut end) = (0, WINDOW_WORDS.min(words.len()));
    if matched {
        let mut best_window = (0, 0);
        for start in 0..words.len().saturating_sub(WINDOW_WORDS).max(1) {
            // Only windows that start on a match (or the paragraph start) are worth scoring.
            if start != 0 && words.get(start).and_then(term_at).is_none() {
                continue;
            }
            let stop = (start + WINDOW_WORDS).min(words.len());
            let terms: Vec<u32> = words
                .get(start..stop)
                .unwrap_or(&[])
                .iter()
                .filter_map(term_at)
                .collect();
            let distinct: BTreeSet<u32> = terms.iter().copied().collect();
            let here = (distinct.len(), terms.len());
            if here > best_window {
                best_window = here;
                (first, end) = (start, stop);
            }
        }
    }
    let start_byte = if first == 0 {
        0
    } else {
        words.get(first).map_or(0, |w| w.start)
    };
    let end_byte = if end >= words.len() {
        text.len()
    } else {
        words
            .get(end.saturating_sub(1))
            .map_or(text.len(), |w| w.end)
    };
    let passage = text.get(start_byte..end_byte)?;
    let highlights = words
        .iter()
        .skip(first)
        .take(end.saturating_sub(first))
        .filter(|w| term_at(w).is_some())
        .map(|w| Span {
            start: w.start.saturating_sub(start_byte),
            end: w.end.saturating_sub(start_byte),
        })
        .collect();
    Some(Snippet {
        field,
        paragraph,
        text: passage.to_string(),
        highlights,
        cut_start: start_byte > 0,
        cut_end: end_byte < text.len(),
    })
}
