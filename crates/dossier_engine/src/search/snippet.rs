//! Best-passage snippets with highlight spans.
//!
//! Offsets are BYTE offsets into the snippet's own `text` (or into the title for title
//! highlights), always on char boundaries because they come from the word segmenter: in Rust,
//! `&text[span.start..span.end]` is safe. (JavaScript callers must convert; the page is Rust.)

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use crate::index::Field;
use crate::query::Span;

/// Words in a snippet window.
const WINDOW_WORDS: usize = 28;
/// Words shown before a passage's first match, when the paragraph has them.
const LEAD_WORDS: u32 = 8;

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

impl Snippet {
    /// The passage as shown and exported: its marks, and "…" where it was cut, so a passage
    /// copied on is never taken for the whole sentence.
    pub fn shown(&self) -> crate::view_model::Highlighted {
        crate::view_model::Highlighted::from_spans(&self.text, &self.highlights)
            .with_ellipses(self.cut_start, self.cut_end)
    }
}

/// Byte ranges in the article's title of matched words. `positions` maps document positions
/// of matched terms (from the postings) to their term ids; the title starts at position 0.
pub fn title_highlights(
    analyzer: &Analyzer,
    article: &Article,
    positions: &BTreeMap<u32, u32>,
) -> Vec<Span> {
    analyzer
        .word_spans(&article.title)
        .filter(|(position, ..)| positions.contains_key(position))
        .map(|(_, start, end)| Span { start, end })
        .collect()
}

/// Every paragraph of `article`, in position order: its field, its index in the field, its
/// text.
fn paragraphs(article: &Article) -> Vec<(Field, usize, &str)> {
    Field::ALL
        .iter()
        .flat_map(|field| {
            field
                .texts(article)
                .into_iter()
                .enumerate()
                .map(move |(i, text)| (*field, i, text))
        })
        .collect()
}

/// Keeps of `positions` (of words to mark only in capitals) those that `article` writes in
/// lower case: its "us", where "US" was searched for the United States.
pub fn retain_lower_case(
    analyzer: &Analyzer,
    article: &Article,
    paragraph_starts: &[u32],
    positions: &mut Vec<u32>,
) {
    if positions.is_empty() {
        return;
    }
    let paragraphs = paragraphs(article);
    positions.retain(|position| {
        !written_at(analyzer, &paragraphs, paragraph_starts, *position)
            .is_some_and(crate::entities::is_acronym)
    });
}

/// Whether `article` writes each of `words` (document position, stop-word) there, in any case:
/// a phrase's stop-words, which the index leaves out.
pub fn writes_at(article: &Article, paragraph_starts: &[u32], words: &[(u32, &str)]) -> bool {
    let analyzer = Analyzer::default();
    let paragraphs = paragraphs(article);
    words.iter().all(|(position, word)| {
        written_at(&analyzer, &paragraphs, paragraph_starts, *position)
            .is_some_and(|written| written.eq_ignore_ascii_case(word))
    })
}

/// The word written at document `position`, of `paragraphs` (an article's, starting at
/// `paragraph_starts`); none between paragraphs.
fn written_at<'t>(
    analyzer: &Analyzer,
    paragraphs: &[(Field, usize, &'t str)],
    paragraph_starts: &[u32],
    position: u32,
) -> Option<&'t str> {
    let number = paragraph_starts
        .partition_point(|start| *start <= position)
        .checked_sub(1)?;
    let (_, _, text) = paragraphs.get(number)?;
    let offset = position - paragraph_starts.get(number)?;
    let (_, start, end) = analyzer.word_spans(text).find(|(p, ..)| *p == offset)?;
    text.get(start..end)
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
    let paragraphs = paragraphs(article);
    let score = |from: u32, to: u32| -> (usize, usize) {
        let terms: Vec<u32> = positions.range(from..to).map(|(_, term)| *term).collect();
        let distinct: BTreeSet<u32> = terms.iter().copied().collect();
        (distinct.len(), terms.len())
    };
    // (score, paragraph number, first position)
    let mut best: Option<((usize, usize), usize, u32)> = None;
    let mut fallback: Option<(usize, u32)> = None;
    for (number, ((field, _, text), start)) in paragraphs.iter().zip(paragraph_starts).enumerate() {
        // The result shows the title, dateline, byline and source on their own: a passage is
        // text.
        if matches!(
            field,
            Field::Title | Field::Dateline | Field::Byline | Field::Source
        ) || text.trim().is_empty()
        {
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
    let words: Vec<(u32, usize, usize)> = analyzer.word_spans(text).collect();
    let length = words
        .last()
        .map_or(0, |(position, ..)| position.saturating_add(1));
    let window = WINDOW_WORDS as u32;
    let paragraph_end = base.saturating_add(length);
    let mut first = 0u32;
    if matched {
        // The best window starting at a match, from positions alone...
        let mut best_window = (
            score(base, base.saturating_add(window).min(paragraph_end)),
            0,
            0,
        );
        for (position, _) in positions.range(base..paragraph_end) {
            let end = position.saturating_add(window).min(paragraph_end);
            let here = score(*position, end);
            if here > best_window.0 {
                let last = positions
                    .range(*position..end)
                    .next_back()
                    .map_or(*position, |(p, _)| *p);
                best_window = (here, position - base, last - base);
            }
        }
        // ...then moved back to show what leads to the match, or to fill the window when the
        // paragraph ends first: a passage that starts at its match ("… Khan.") says nothing.
        // It never moves so far back that the window's last match falls out.
        let (_, first_match, last_match) = best_window;
        let wanted = first_match
            .saturating_sub(LEAD_WORDS)
            .min(length.saturating_sub(window));
        first = wanted.max((last_match + 1).saturating_sub(window));
    }
    let end = first.saturating_add(window);
    let in_window: Vec<(u32, usize, usize)> = words
        .iter()
        .copied()
        .filter(|(position, ..)| (first..end).contains(position))
        .collect();
    let more_after = length > end;
    let start_byte = match in_window.first() {
        Some((_, start, _)) if first > 0 => *start,
        _ => 0,
    };
    let end_byte = match in_window.last() {
        Some((_, _, end)) if more_after => *end,
        _ => text.len(),
    };
    let passage = text.get(start_byte..end_byte)?;
    let highlights = in_window
        .iter()
        .filter(|(position, ..)| positions.contains_key(&base.saturating_add(*position)))
        .map(|(_, start, end)| Span {
            start: start.saturating_sub(start_byte),
            end: end.saturating_sub(start_byte),
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
