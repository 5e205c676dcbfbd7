//! Best-passage snippets with highlight spans.
//!
//! Offsets are BYTE offsets into the snippet's own `text` (or into the title for title
//! highlights), always on char boundaries because they come from the word segmenter: in Rust,
//! `&text[span.start..span.end]` is safe. (JavaScript callers must convert; the page is Rust.)

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
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

/// Byte ranges in `text` of words whose stem is in `stems`.
pub fn highlight_spans(analyzer: &Analyzer, text: &str, stems: &BTreeSet<&str>) -> Vec<Span> {
    analyzer
        .tokens(text)
        .into_iter()
        .filter(|t| !t.is_stop_word && stems.contains(t.term.as_str()))
        .map(|t| Span {
            start: t.start,
            end: t.end,
        })
        .collect()
}

/// The window of the article (outside the title) with the most distinct matched stems, then
/// the most matches; the opening of the article when nothing matches.
pub fn best_snippet(
    analyzer: &Analyzer,
    article: &Article,
    stems: &BTreeSet<&str>,
) -> Option<Snippet> {
    // (distinct, total, field, paragraph, first token, end token)
    let mut best: Option<(usize, usize, Field, usize, usize, usize)> = None;
    let mut fallback: Option<(Field, usize)> = None;
    for field in [
        Field::Subtitle,
        Field::Summary,
        Field::Body,
        Field::Captions,
    ] {
        for (paragraph, text) in field.texts(article).into_iter().enumerate() {
            let tokens = analyzer.tokens(text);
            if tokens.is_empty() {
                continue;
            }
            if fallback.is_none() && field != Field::Subtitle {
                fallback = Some((field, paragraph));
            }
            let matched: Vec<Option<&str>> = tokens
                .iter()
                .map(|t| {
                    (!t.is_stop_word && stems.contains(t.term.as_str())).then_some(t.term.as_str())
                })
                .collect();
            if matched.iter().all(Option::is_none) {
                continue;
            }
            let last_start = tokens.len().saturating_sub(WINDOW_WORDS);
            for first in 0..=last_start {
                // Only windows that start on a match (or the paragraph start) are worth scoring.
                if first != 0 && matched.get(first).is_none_or(Option::is_none) {
                    continue;
                }
                let end = (first + WINDOW_WORDS).min(tokens.len());
                let window = matched.get(first..end).unwrap_or(&[]);
                let distinct: BTreeSet<&str> = window.iter().flatten().copied().collect();
                let total = window.iter().flatten().count();
                let better = best.is_none_or(|(d, t, ..)| (distinct.len(), total) > (d, t));
                if better {
                    best = Some((distinct.len(), total, field, paragraph, first, end));
                }
            }
        }
    }
    let (field, paragraph, first, end) = match best {
        Some((_, _, field, paragraph, first, end)) => (field, paragraph, Some(first), Some(end)),
        None => {
            let (field, paragraph) = fallback?;
            (field, paragraph, None, None)
        }
    };
    let text = field.texts(article).into_iter().nth(paragraph)?;
    let tokens = analyzer.tokens(text);
    let first = first.unwrap_or(0);
    let end = end.unwrap_or(WINDOW_WORDS.min(tokens.len()));
    let start_byte = if first == 0 {
        0
    } else {
        tokens.get(first).map_or(0, |t| t.start)
    };
    let end_byte = if end >= tokens.len() {
        text.len()
    } else {
        tokens
            .get(end.saturating_sub(1))
            .map_or(text.len(), |t| t.end)
    };
    let passage = text.get(start_byte..end_byte)?;
    let highlights = tokens
        .iter()
        .skip(first)
        .take(end.saturating_sub(first))
        .filter(|t| !t.is_stop_word && stems.contains(t.term.as_str()))
        .map(|t| Span {
            start: t.start.saturating_sub(start_byte),
            end: t.end.saturating_sub(start_byte),
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
