//! View model: the small pure computations the page needs on top of the engine's search and
//! analytics — highlight runs for rendering, query-term marks for the reader, keyword-in-context
//! lines, timeline buckets, paging, and the analytics-derived facet values per article.
//!
//! The page only shows what these functions return; everything here is natively unit-tested.
//! Matching uses the same [`Analyzer`] as indexing, so "cyber-crimes" meets "cybercrime".

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use crate::index::Field;
use crate::query::{PhraseWords, Span};
use crate::quotes::Quote;
use crate::search::MonthCount;

/// Text with the byte ranges to emphasise (sorted, non-overlapping, on char boundaries).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlighted {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Highlighted {
    /// Text with the engine's byte spans.
    pub fn from_spans(text: &str, spans: &[Span]) -> Self {
        Highlighted {
            text: text.to_string(),
            marks: spans.iter().map(|s| s.start..s.end).collect(),
        }
    }

    /// Adds "…" before and/or after (a cut passage), keeping the marks on their words.
    pub fn with_ellipses(mut self, before: bool, after: bool) -> Self {
        if before {
            let shift = "… ".len();
            self.text.insert_str(0, "… ");
            for mark in &mut self.marks {
                *mark = (mark.start + shift)..(mark.end + shift);
            }
        }
        if after {
            self.text.push_str(" …");
        }
        self
    }

    /// The text cut into `(piece, is_marked)` runs, in order: what a renderer turns into text
    /// nodes and `<mark>` elements. Ranges that fall outside the text are ignored.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0usize;
        for mark in &self.marks {
            if mark.start < at || mark.end <= mark.start {
                continue;
            }
            let (Some(before), Some(marked)) = (
                self.text.get(at..mark.start),
                self.text.get(mark.start..mark.end),
            ) else {
                continue;
            };
            if !before.is_empty() {
                out.push((before, false));
            }
            out.push((marked, true));
            at = mark.end;
        }
        if let Some(rest) = self.text.get(at..) {
            if !rest.is_empty() {
                out.push((rest, false));
            }
        }
        out
    }
}

/// How a run of text is marked when query matches and entity mentions are layered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layer {
    Plain,
    Query,
    /// Inside the mention `entities[i]` (the first that holds it).
    Entity(usize),
    /// A query match inside the mention `entities[i]`.
    Both(usize),
}

/// `text` cut at every mark boundary into runs with their layer. Ranges outside the text or
/// not on char boundaries are ignored; overlapping ranges are fine. The runs of one mention
/// name it, so a caller can make the whole mention one link.
pub fn layered_runs<'t>(
    text: &'t str,
    query: &[Range<usize>],
    entities: &[Range<usize>],
) -> Vec<(&'t str, Layer)> {
    let valid = |r: &&Range<usize>| r.start < r.end && text.get(r.start..r.end).is_some();
    let query: Vec<&Range<usize>> = query.iter().filter(valid).collect();
    let entities: Vec<(usize, &Range<usize>)> = entities
        .iter()
        .enumerate()
        .filter(|(_, r)| valid(r))
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for r in query
        .iter()
        .copied()
        .chain(entities.iter().map(|(_, r)| *r))
    {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Vec<(&str, Layer)> = Vec::new();
    for pair in cuts.windows(2) {
        let (Some(&a), Some(&b)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let holds = |r: &Range<usize>| r.start <= a && b <= r.end;
        let in_query = query.iter().any(|r| holds(r));
        let mention = entities.iter().find(|(_, r)| holds(r)).map(|(i, _)| *i);
        let layer = match (in_query, mention) {
            (true, Some(i)) => Layer::Both(i),
            (true, None) => Layer::Query,
            (false, Some(i)) => Layer::Entity(i),
            (false, None) => Layer::Plain,
        };
        match runs.last_mut() {
            Some((last, last_layer)) if *last_layer == layer => {
                // Adjacent runs of one layer: merge (both are slices of `text`, contiguous).
                let start = last.as_ptr() as usize - text.as_ptr() as usize;
                if let Some(merged) = text.get(start..b) {
                    *last = merged;
                }
            }
            _ => runs.push((piece, layer)),
        }
    }
    runs
}

/// The words of a query, analysed like the index: what highlights and matching compare against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryTerms {
    /// Stemmed, folded terms of the non-stop words, deduplicated, in query order, each with
    /// the field it was searched in, the only one it is marked in (`MatchedTerms::words`).
    pub stems: Vec<(String, Option<Field>)>,
    /// Phrases, marked only where their words stand together, their stop-words written as
    /// typed (`MatchedTerms::phrases`): each word's offset from the phrase's first word, and
    /// its stem.
    pub phrases: Vec<PhraseWords<String>>,
    /// Stems marked only where written in capitals (`MatchedTerms::in_capitals`).
    pub in_capitals: Vec<String>,
}

impl QueryTerms {
    /// Analyses `query`. Quotes and operators are treated as plain separators here.
    pub fn parse(analyzer: &Analyzer, query: &str) -> Self {
        let mut stems: Vec<(String, Option<Field>)> = Vec::new();
        for token in analyzer.tokens(query) {
            let stem = (token.term, None);
            if !token.is_stop_word && !stems.contains(&stem) {
                stems.push(stem);
            }
        }
        QueryTerms {
            stems,
            phrases: Vec::new(),
            in_capitals: Vec::new(),
        }
    }

    /// True when the query has no searchable word.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.phrases.is_empty() && self.in_capitals.is_empty()
    }

    /// Byte ranges of the words of `text` that match a query term, or a phrase where its words
    /// stand together; `text` is no article field (a quotation, a speaker), so a term searched
    /// in one field (`title:cyber`) is not marked in it.
    pub fn marks(&self, analyzer: &Analyzer, text: &str) -> Vec<Range<usize>> {
        self.marks_where(analyzer, None, text)
    }

    /// [`marks`](Self::marks) of `text`, a paragraph of an article's `field`: a term searched
    /// in that field (`title:cyber` in the title) is marked too.
    pub fn marks_in(&self, analyzer: &Analyzer, field: Field, text: &str) -> Vec<Range<usize>> {
        self.marks_where(analyzer, Some(field), text)
    }

    fn marks_where(
        &self,
        analyzer: &Analyzer,
        field: Option<Field>,
        text: &str,
    ) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let searched_here = |searched: Option<Field>| searched.is_none() || searched == field;
        let tokens = analyzer.tokens(text);
        let mut marked: Vec<bool> = tokens
            .iter()
            .map(|t| {
                self.stems
                    .iter()
                    .any(|(stem, searched)| *stem == t.term && searched_here(*searched))
                    || (self.in_capitals.contains(&t.term)
                        && text
                            .get(t.start..t.end)
                            .is_some_and(crate::entities::is_acronym))
            })
            .collect();
        // A token's index is its position: every word counts, stop-words too.
        let written = |at: Option<usize>, word: &str| {
            at.and_then(|at| tokens.get(at))
                .and_then(|t| text.get(t.start..t.end))
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        };
        for phrase in self.phrases.iter().filter(|p| searched_here(p.field)) {
            let Some((first_offset, first_stem)) = phrase.words.first() else {
                continue;
            };
            for (at, token) in tokens.iter().enumerate() {
                let Some(start) = at.checked_sub(*first_offset as usize) else {
                    continue;
                };
                let word_at = |offset: u32| start + offset as usize;
                let stop_word_at = |offset: i32| start.checked_add_signed(offset as isize);
                let together = token.term == *first_stem
                    && phrase.words.iter().all(|(offset, stem)| {
                        tokens
                            .get(word_at(*offset))
                            .is_some_and(|t| t.term == *stem)
                    })
                    && phrase
                        .stop_words
                        .iter()
                        .all(|(offset, word)| written(stop_word_at(*offset), word));
                if !together {
                    continue;
                }
                let stop_words = phrase
                    .stop_words
                    .iter()
                    .filter_map(|(o, _)| stop_word_at(*o));
                let indexed = phrase.words.iter().map(|(offset, _)| word_at(*offset));
                for at in indexed.chain(stop_words) {
                    if let Some(mark) = marked.get_mut(at) {
                        *mark = true;
                    }
                }
            }
        }
        tokens
            .iter()
            .zip(marked)
            .filter(|(_, marked)| *marked)
            .map(|(t, _)| t.start..t.end)
            .collect()
    }

    /// `text` with its matching words marked.
    pub fn highlight(&self, analyzer: &Analyzer, text: &str) -> Highlighted {
        Highlighted {
            marks: self.marks(analyzer, text),
            text: text.to_string(),
        }
    }
}

/// A window of `text` of about `max_chars` characters containing byte offset `anchor` (a third of
/// the window before it), narrowed to word boundaries.
fn window_around(text: &str, anchor: usize, max_chars: usize) -> Range<usize> {
    // Counted in bytes: close enough for a display length, and always a valid cut after flooring.
    let max_bytes = max_chars;
    if text.len() <= max_bytes {
        return 0..text.len();
    }
    let mut start = text.floor_char_boundary(anchor.saturating_sub(max_bytes / 3));
    let mut end = text.floor_char_boundary(start.saturating_add(max_bytes).min(text.len()));
    if start > 0 {
        // Start at the next word so the window does not open mid-word.
        if let Some(space) = text.get(start..).and_then(|rest| rest.find(' ')) {
            if start + space < anchor {
                start += space + 1;
            }
        }
    }
    if end < text.len() {
        if let Some(space) = text.get(..end).and_then(|head| head.rfind(' ')) {
            if space > anchor {
                end = space;
            }
        }
    }
    start..end
}

/// `window` of `text` with the `marks` inside it, and an ellipsis where it cuts the text.
fn cut(text: &str, marks: &[Range<usize>], window: Range<usize>) -> Highlighted {
    let Range { start, end } = window;
    let body = text.get(start..end).unwrap_or_default();
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < text.len() { " …" } else { "" };
    let shift = prefix.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| (m.start - start + shift)..(m.end - start + shift))
        .collect();
    Highlighted {
        text: format!("{prefix}{body}{suffix}"),
        marks,
    }
}

/// How the reader lays out an article's body: paragraphs, subheadings, and runs of list items
/// as one list each: bulleted (body paragraphs beginning with [`crate::article::LIST_BULLET`])
/// or numbered ("1. ", "2. ", … counting up by one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyBlock {
    /// The body paragraph at this index.
    Paragraph(usize),
    /// The body paragraph at this index, a subheading between paragraphs.
    Subheading(usize),
    /// The body paragraphs in this range, items of one list: bulleted, or `numbered` (each
    /// item's text keeps its number, which the list shows as written).
    List { items: Range<usize>, numbered: bool },
}

/// The number of a numbered list's item ("2. Vote" -> 2).
fn list_number(paragraph: &str) -> Option<u32> {
    let digits = paragraph.bytes().take_while(u8::is_ascii_digit).count();
    let number = paragraph.get(..digits)?.parse::<u32>().ok()?;
    let rest = paragraph.get(digits..)?;
    (rest.starts_with(". ") && (1..=3).contains(&digits)).then_some(number)
}

/// Most words a subheading has.
const MAX_SUBHEADING_WORDS: usize = 10;

/// The body's blocks, in reading order.
pub fn body_blocks<T: AsRef<str>>(body: &[T]) -> Vec<BodyBlock> {
    let mut blocks: Vec<BodyBlock> = Vec::new();
    for (at, paragraph) in body.iter().enumerate() {
        let paragraph = paragraph.as_ref();
        let is_item = crate::article::list_item(paragraph).is_some();
        let number = list_number(paragraph);
        // The number the list before would go on with.
        let next_number = |items: &Range<usize>| {
            let last = body.get(items.end.checked_sub(1)?)?;
            list_number(last.as_ref()).map(|n| n.saturating_add(1))
        };
        match (blocks.last_mut(), number) {
            (
                Some(BodyBlock::List {
                    items,
                    numbered: false,
                }),
                _,
            ) if is_item && items.end == at => items.end = at + 1,
            _ if is_item => blocks.push(BodyBlock::List {
                items: at..at + 1,
                numbered: false,
            }),
            (
                Some(BodyBlock::List {
                    items,
                    numbered: true,
                }),
                Some(number),
            ) if items.end == at && next_number(items) == Some(number) => items.end = at + 1,
            (_, Some(_)) => blocks.push(BodyBlock::List {
                items: at..at + 1,
                numbered: true,
            }),
            _ if at > 0 && at + 1 < body.len() && is_subheading(paragraph) => {
                blocks.push(BodyBlock::Subheading(at))
            }
            _ => blocks.push(BodyBlock::Paragraph(at)),
        }
    }
    blocks
}

/// A few words between paragraphs that are no sentence ("A growing problem", "5 cyber crime
/// centres; more to come"): a page's subheading (`<h2>`, `## `), kept in the body as a line.
fn is_subheading(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_end();
    let words = trimmed.split_whitespace().count();
    let opens = trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let closes_like_a_sentence = trimmed.ends_with([
        '.', '!', '?', '…', ':', ';', ',', '"', '”', '’', '\'', ')', ']',
    ]);
    opens && (1..=MAX_SUBHEADING_WORDS).contains(&words) && !closes_like_a_sentence
}

/// Keyword-in-context lines: each match in the body with about `width` characters either
/// side; a match already shown on the line before (two close together) gets no line of its own.
pub fn keyword_in_context(
    analyzer: &Analyzer,
    terms: &QueryTerms,
    article: &Article,
    width: usize,
) -> Vec<Highlighted> {
    let mut lines = Vec::new();
    let summary = article.summary.iter().map(|p| (Field::Summary, p));
    let body = article.body.iter().map(|p| (Field::Body, p));
    for (field, paragraph) in summary.chain(body) {
        let paragraph = paragraph.as_str();
        let marks = terms.marks_in(analyzer, field, paragraph);
        let mut shown_until = 0;
        for mark in &marks {
            if mark.end <= shown_until {
                continue;
            }
            let start = paragraph.floor_char_boundary(mark.start.saturating_sub(width));
            let mut end =
                paragraph.floor_char_boundary(mark.end.saturating_add(width).min(paragraph.len()));
            // End between words ("militants …", not "militanc …"): back to the last space
            // after the match, if any.
            let mid_word = paragraph
                .get(end..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|next| !next.is_whitespace());
            if mid_word {
                if let Some(space) = paragraph.get(mark.end..end).and_then(|s| s.rfind(' ')) {
                    end = mark.end + space;
                }
            }
            // Up to `end` only: the line ends with the context after the match.
            let text = paragraph.get(..end).unwrap_or(paragraph);
            let window = window_around(text, mark.start, end.saturating_sub(start));
            shown_until = window.end;
            let mut line = cut(text, &marks, window);
            if end < paragraph.len() && !line.text.ends_with('…') {
                line.text.push_str(" …");
            }
            lines.push(line);
        }
    }
    lines
}

/// A quotation as the quotes view and the reader list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    /// Index of the article.
    pub article: usize,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Who said it, when the text attributes it.
    pub speaker: Option<String>,
}

/// The engine's quotations (see [`crate::quotes`]) as the page lists them: by article index,
/// which `position` gives for an article id. Quotations of articles it does not know are left
/// out (they cannot be opened).
pub fn quotations(quotes: &[Quote], position: impl Fn(&str) -> Option<usize>) -> Vec<Quotation> {
    quotes
        .iter()
        .filter_map(|quote| {
            Some(Quotation {
                article: position(&quote.article)?,
                text: quote.text.clone(),
                speaker: quote.speaker.clone(),
            })
        })
        .collect()
}

/// One bar of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeBucket {
    /// `YYYY-MM` or `YYYY`.
    pub period: String,
    /// First and last day it covers, for the date filter.
    pub from: String,
    pub to: String,
    pub count: usize,
}

/// Matches per period, every period between the first and the last dated match included (empty
/// ones at zero): months when the span is at most `max_months`, years otherwise. `months` is a
/// response's [`crate::search::SearchResponse::months`] (ascending).
pub fn timeline(months: &[MonthCount], max_months: usize) -> Vec<TimeBucket> {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    let span = ((last.year * 12 + last.month) - (first.year * 12 + first.month) + 1) as usize;
    let mut buckets = Vec::new();
    if span <= max_months {
        let mut counts = months.iter().peekable();
        let (mut year, mut month) = (first.year, first.month);
        while (year, month) <= (last.year, last.month) {
            let count = counts
                .next_if(|m| (m.year, m.month) == (year, month))
                .map_or(0, |m| m.count);
            buckets.push(TimeBucket {
                period: format!("{year:04}-{month:02}"),
                from: format!("{year:04}-{month:02}-01"),
                to: format!("{year:04}-{month:02}-{:02}", days_in_month(year, month)),
                count,
            });
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
    } else {
        for year in first.year..=last.year {
            let count = months
                .iter()
                .filter(|m| m.year == year)
                .map(|m| m.count)
                .sum();
            buckets.push(TimeBucket {
                period: format!("{year:04}"),
                from: format!("{year:04}-01-01"),
                to: format!("{year:04}-12-31"),
                count,
            });
        }
    }
    buckets
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The items of page `page` (1-based; out-of-range pages clamp to the last page) and the page count.
pub fn page_of<T>(items: &[T], page: usize, per_page: usize) -> (&[T], usize) {
    let per_page = per_page.max(1);
    let pages = items.len().div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1).saturating_mul(per_page);
    let end = start.saturating_add(per_page).min(items.len());
    (items.get(start..end).unwrap_or_default(), pages)
}

/// `n` with its thousands grouped: "51,830".
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A topic on the map: its circle, and the label under it (in map units, y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapNode {
    pub x: f32,
    pub y: f32,
    pub r: f32,
    /// Half the width the label takes, centred under the circle.
    pub label_half_width: f32,
    /// The label's height under the circle.
    pub label_height: f32,
}

impl MapNode {
    /// The box around the circle and its label: left, right, bottom, top.
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        let half_width = self.r.max(self.label_half_width);
        (
            self.x - half_width,
            self.x + half_width,
            self.y - self.r - self.label_height,
            self.y + self.r,
        )
    }
}

/// Rounds of pushing apart before giving up (a few dozen topics settle in a handful).
const SPREAD_ROUNDS: usize = 300;

/// `nodes` moved apart until no two boxes (circle and label) come within `gap` of each other:
/// each overlapping pair is pushed apart, half each, along the axis where the overlap is
/// smaller, so nodes move as little as they can. The topic map places a topic at the mean of
/// its articles, and topics of similar articles land on one another: their circles and labels
/// were drawn over each other. Nodes already apart do not move; nodes on one spot part by
/// index, so the map is the same on every visit.
pub fn spread_nodes(nodes: &[MapNode], gap: f32) -> Vec<MapNode> {
    let mut out = nodes.to_vec();
    for _ in 0..SPREAD_ROUNDS {
        let mut moved = false;
        for i in 0..out.len() {
            for j in i + 1..out.len() {
                let (Some(&a), Some(&b)) = (out.get(i), out.get(j)) else {
                    continue;
                };
                let (a_left, a_right, a_bottom, a_top) = a.bounds();
                let (b_left, b_right, b_bottom, b_top) = b.bounds();
                let overlap_x = a_right.min(b_right) - a_left.max(b_left) + gap;
                let overlap_y = a_top.min(b_top) - a_bottom.max(b_bottom) + gap;
                if overlap_x <= 1e-4 || overlap_y <= 1e-4 {
                    continue;
                }
                // Which way b goes from a: by their centres, or by index when they coincide.
                let away = |from: f32, to: f32| {
                    if (to - from).abs() > 1e-6 {
                        (to - from).signum()
                    } else if j % 2 == 0 {
                        1.0
                    } else {
                        -1.0
                    }
                };
                let (dx, dy) = if overlap_x < overlap_y {
                    (away(a.x, b.x) * overlap_x / 2.0, 0.0)
                } else {
                    (0.0, away(a.y, b.y) * overlap_y / 2.0)
                };
                if let Some(a) = out.get_mut(i) {
                    a.x -= dx;
                    a.y -= dy;
                }
                if let Some(b) = out.get_mut(j) {
                    b.x += dx;
                    b.y += dy;
                }
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{body_blocks, list_number, spread_nodes, BodyBlock, MapNode};

    #[test]
    fn runs_of_bulleted_items_are_one_list_each() {
        let body = [
            "Demands:",
            "• Raise taxes",
            "• Cut subsidies",
            "Then:",
            "1. Vote.",
            "• Publish",
        ];
        assert_eq!(
            body_blocks(&body),
            [
                BodyBlock::Paragraph(0),
                BodyBlock::List {
                    items: 1..3,
                    numbered: false
                },
                BodyBlock::Paragraph(3),
                BodyBlock::List {
                    items: 4..5,
                    numbered: true
                },
                BodyBlock::List {
                    items: 5..6,
                    numbered: false
                },
            ]
        );
        assert!(body_blocks::<&str>(&[]).is_empty());
    }

    #[test]
    fn numbered_items_counting_up_are_one_list_and_never_a_subheading() {
        let body = [
            "The steps:",
            "1. Table the bill",
            "2. Vote in the Senate",
            "4. Sign it",
            "Then.",
            "2024. A year to remember.",
            "12. Twelve",
        ];
        assert_eq!(
            body_blocks(&body),
            [
                BodyBlock::Paragraph(0),
                BodyBlock::List {
                    items: 1..3,
                    numbered: true
                },
                // Not the next number: a list of its own.
                BodyBlock::List {
                    items: 3..4,
                    numbered: true
                },
                BodyBlock::Paragraph(4),
                BodyBlock::Paragraph(5),
                BodyBlock::List {
                    items: 6..7,
                    numbered: true
                },
            ]
        );
        assert_eq!(list_number("2. Vote"), Some(2));
        assert_eq!(list_number("2.5 million"), None);
    }

    #[test]
    fn a_few_words_between_paragraphs_that_are_no_sentence_are_a_subheading() {
        let body = [
            "Short opening line",
            "The agency said cases doubled.",
            "A growing problem",
            "Complaints rose again in March, officials said.",
            "5 cyber crime centres; more to come",
            "It opened five centres, and more would follow, she said:",
            "nothing capitalised here",
            "Ends with a sentence of its own.",
            "Last line without a stop",
        ];
        assert_eq!(
            body_blocks(&body),
            [
                // Not the first nor the last paragraph: an opening or closing line of a few
                // words is text.
                BodyBlock::Paragraph(0),
                BodyBlock::Paragraph(1),
                BodyBlock::Subheading(2),
                BodyBlock::Paragraph(3),
                BodyBlock::Subheading(4),
                BodyBlock::Paragraph(5),
                BodyBlock::Paragraph(6),
                BodyBlock::Paragraph(7),
                BodyBlock::Paragraph(8),
            ]
        );
    }

    fn overlaps(nodes: &[MapNode], gap: f32) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (i, a) in nodes.iter().enumerate() {
            for (j, b) in nodes.iter().enumerate().skip(i + 1) {
                let (al, ar, ab, at) = a.bounds();
                let (bl, br, bb, bt) = b.bounds();
                if ar.min(br) - al.max(bl) + gap > 0.01 && at.min(bt) - ab.max(bb) + gap > 0.01 {
                    found.push((i, j));
                }
            }
        }
        found
    }

    #[test]
    fn spread_nodes_parts_overlapping_circles_and_labels_and_leaves_the_rest() {
        let node = |x, y, r, label_half_width| MapNode {
            x,
            y,
            r,
            label_half_width,
            label_height: 0.12,
        };
        // Two big topics nearly on one spot (as on a 2,000-article load), one on exactly the
        // same spot as another, two whose circles are apart but whose long labels touch side
        // by side (a phone's map), and one far away.
        let nodes = vec![
            node(0.3, -0.1, 0.38, 0.3),
            node(0.4, -0.12, 0.37, 0.3),
            node(0.3, -0.1, 0.2, 0.2),
            node(-0.4, 0.5, 0.1, 0.45),
            node(0.1, 0.5, 0.1, 0.45),
            node(-2.0, 2.0, 0.12, 0.2),
        ];
        assert_eq!(overlaps(&nodes[3..5], 0.05), [(0, 1)], "labels touch");
        let spread = spread_nodes(&nodes, 0.05);
        assert_eq!(overlaps(&spread, 0.05), Vec::<(usize, usize)>::new());
        assert_eq!(spread[5], nodes[5], "a node apart from the rest stays");
        assert_eq!(spread, spread_nodes(&nodes, 0.05), "the same every time");
        let apart = vec![node(-0.8, 0.0, 0.2, 0.2), node(0.8, 0.0, 0.2, 0.2)];
        assert_eq!(spread_nodes(&apart, 0.05), apart);
        assert!(spread_nodes(&[], 0.05).is_empty());
    }

    use super::*;

    fn article(id: &str, title: &str, date: Option<&str>, kind: &str, body: &[&str]) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            date: date.map(str::to_string),
            kind: kind.into(),
            file: format!("{id}.txt"),
            body: body.iter().map(|s| crate::Text::from(*s)).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn runs_split_text_into_marked_and_plain_pieces() {
        let h = Highlighted {
            text: "a cyber law".into(),
            marks: std::iter::once(2..7).collect(),
        };
        assert_eq!(
            h.runs(),
            vec![("a ", false), ("cyber", true), (" law", false)]
        );
        let bad = Highlighted {
            text: "abc".into(),
            marks: vec![1..9, 0..1],
        };
        assert_eq!(bad.runs(), vec![("a", true), ("bc", false)]);
    }

    #[test]
    fn highlight_matches_stemmed_forms() {
        let an = Analyzer::default();
        let terms = QueryTerms::parse(&an, "crimes");
        let h = terms.highlight(&an, "Crime and more crimes");
        assert_eq!(
            h.runs(),
            vec![("Crime", true), (" and more ", false), ("crimes", true)]
        );
    }

    #[test]
    fn ellipses_keep_marks_on_their_words() {
        let h = Highlighted::from_spans("a cyber law", &[Span { start: 2, end: 7 }])
            .with_ellipses(true, true);
        assert_eq!(
            h.runs()
                .iter()
                .filter(|r| r.1)
                .map(|r| r.0)
                .collect::<Vec<_>>(),
            vec!["cyber"]
        );
        assert!(h.text.starts_with("… ") && h.text.ends_with(" …"));
    }

    #[test]
    fn layers_split_at_every_boundary() {
        let text = "Munir Akram said cyber";
        let runs = layered_runs(text, &[6..11, 17..22], &[40..50, 0..11]);
        assert_eq!(
            runs,
            vec![
                ("Munir ", Layer::Entity(1)),
                ("Akram", Layer::Both(1)),
                (" said ", Layer::Plain),
                ("cyber", Layer::Query)
            ]
        );
        // Two mentions side by side stay two runs.
        assert_eq!(
            layered_runs("Indus Waters", &[], &[0..6, 6..12]),
            vec![("Indus ", Layer::Entity(0)), ("Waters", Layer::Entity(1))]
        );
        assert_eq!(layered_runs("", &[], &[]), vec![]);
    }

    /// Keyword-in-context lines of `query` in an article whose body is `body`.
    fn kwic(body: &str, query: &str, width: usize) -> Vec<Highlighted> {
        let an = Analyzer::default();
        let a = article("x", "T", None, "news", &[body]);
        keyword_in_context(&an, &QueryTerms::parse(&an, query), &a, width)
    }

    #[test]
    fn kwic_gives_matches_close_together_one_line() {
        let lines = kwic(
            "Cyber warfare and cyber-attacks by state actors. A long stretch of words that goes \
             on and on about other matters entirely, far from the rest, before cyber activities \
             come up again at the end.",
            "cyber",
            30,
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines.len(), 2, "{texts:?}");
        // The first line shows both close matches, marked; the far one has its own line.
        assert_eq!(lines[0].marks.len(), 2, "{texts:?}");
        assert!(lines[1].text.contains("cyber activities"), "{texts:?}");
        for line in &lines {
            for mark in &line.marks {
                assert_eq!(line.text[mark.clone()].to_lowercase(), "cyber");
            }
        }
    }

    proptest::proptest! {
        /// A line is the paragraph's own words: it never opens or ends inside a word (unless
        /// the match itself is longer than the line), and its marks are on the query's word.
        #[test]
        fn kwic_lines_cut_between_words(
            words in proptest::collection::vec("[a-z]{1,12}", 1..80),
            at in proptest::collection::vec(0usize..80, 1..4),
            width in 5usize..60,
        ) {
            let mut words = words;
            for i in at {
                let i = i % words.len();
                words[i] = "cyber".to_string();
            }
            let body = words.join(" ");
            for line in kwic(&body, "cyber", width) {
                let inner = line.text.trim_start_matches("… ").trim_end_matches(" …");
                // Some place of the paragraph holds the line with a space (or nothing) around it.
                // Every place, overlapping ones too: in "cyber cyber c" the line "cyber c" is
                // the second "cyber", which `match_indices` skips, having taken the first.
                let mut places = (0..body.len()).filter(|from| body[*from..].starts_with(inner));
                let between_words = places.any(|from| {
                    let before = body[..from].chars().next_back();
                    let after = body[from + inner.len()..].chars().next();
                    before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
                });
                proptest::prop_assert!(between_words, "{:?} in {:?}", line.text, body);
                proptest::prop_assert!(!line.marks.is_empty());
                for mark in &line.marks {
                    proptest::prop_assert_eq!(&line.text[mark.clone()], "cyber");
                }
            }
        }
    }

    #[test]
    fn kwic_gives_one_line_per_match() {
        let lines = kwic("Crime here. And crime there, again crime.", "crime", 10);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| !l.marks.is_empty()));
    }

    #[test]
    fn timeline_fills_empty_months_and_switches_to_years() {
        // Through a real search that returns one hit per page: the timeline counts every match.
        let timeline_of = |dates: &[Option<&str>]| {
            let articles: Vec<Article> = dates
                .iter()
                .enumerate()
                .map(|(i, date)| {
                    article(&format!("a{i}"), "Water talks", *date, "news", &["Water."])
                })
                .collect();
            let index = crate::index::SearchIndex::build(&articles, &[]);
            let request = crate::search::SearchRequest {
                page_size: 1,
                ..crate::search::SearchRequest::new("water")
            };
            let response = index.search(&articles, &request);
            assert_eq!(response.hits.len(), 1);
            timeline(&response.months, 36)
        };
        let months = timeline_of(&[
            Some("2024-01-05"),
            Some("2024-03-01"),
            Some("2024-03-09"),
            None,
            Some("bad"),
        ]);
        let counts: Vec<(&str, usize)> = months
            .iter()
            .map(|b| (b.period.as_str(), b.count))
            .collect();
        assert_eq!(counts, vec![("2024-01", 1), ("2024-02", 0), ("2024-03", 2)]);
        assert_eq!(months.get(1).map(|b| b.to.as_str()), Some("2024-02-29"));
        let years = timeline_of(&[Some("2018-11-12"), Some("2024-06-20"), Some("2024-01-01")]);
        assert_eq!(years.len(), 7);
        assert_eq!(years.first().map(|b| b.from.as_str()), Some("2018-01-01"));
        assert_eq!(years.last().map(|b| b.count), Some(2));
        assert!(timeline_of(&[None]).is_empty());
        // Dates centuries apart are counted too (by a map rather than a slot per month).
        let far = timeline_of(&[Some("1066-10-14"), Some("2024-06-20")]);
        assert_eq!(far.len(), 2024 - 1066 + 1);
        assert_eq!(far.iter().map(|b| b.count).sum::<usize>(), 2);
    }

    #[test]
    fn pages_clamp() {
        let items: Vec<u32> = (0..25).collect();
        assert_eq!(page_of(&items, 3, 10), (&items[20..25], 3));
        assert_eq!(page_of(&items, 9, 10).0, &items[20..25]);
        assert_eq!(page_of(&items, 0, 10).0, &items[0..10]);
        let empty: Vec<u32> = Vec::new();
        assert_eq!(page_of(&empty, 1, 10), (&empty[..], 1));
    }
}
