//! Typo-tolerant vocabulary lookup: every word of a sorted vocabulary within `k` edits of a
//! query word.
//!
//! Equivalent to intersecting a Levenshtein automaton with a trie (what fst does), but over a
//! sorted word list we already hold, with no dependency: walking the words in order, the DP rows
//! of a shared prefix are reused, and when a prefix's row already exceeds `k` every word that
//! starts with it is skipped. How many chars each word shares with the previous one is
//! precomputed ([`shared_prefix_lengths`]), so the walk compares no strings at all. Work is
//! capped so a query stays bounded.

/// For each word of a sorted list, how many leading chars it shares with the previous word
/// (0 for the first), capped at 255: the walk only ever needs a lower bound.
pub fn shared_prefix_lengths(words: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len());
    let mut previous = "";
    for word in words {
        let shared = word
            .chars()
            .zip(previous.chars())
            .take_while(|(a, b)| a == b)
            .count();
        out.push(u8::try_from(shared).unwrap_or(u8::MAX));
        previous = word;
    }
    out
}

/// Edit-distance (Levenshtein: insert, delete, substitute one char) matches of `query` in a
/// sorted, deduplicated word list (`word_at(i)` is its word `i`, `None` past its end;
/// `shared[i]` from [`shared_prefix_lengths`]), as `(word index, distance)` in list order.
/// Stops early after `max_cells` DP cells; the result is then a subset.
pub fn within_distance<'w>(
    word_at: impl Fn(usize) -> Option<&'w str>,
    shared: &[u8],
    query: &str,
    max_distance: u32,
    max_cells: usize,
) -> Vec<(usize, u32)> {
    let query: Vec<char> = query.chars().collect();
    let width = query.len() + 1;
    // Row d (cells d*width .. (d+1)*width) = DP row after the first d chars of the path (the
    // word last walked); row 0 = 0..=n. One flat buffer: no allocation per row.
    let mut rows: Vec<u32> = (0..).take(width).collect();
    // `ends[d]` = byte length of the path's first d chars. A word sharing d chars with the path
    // shares those bytes too, so its walk resumes there without re-decoding them.
    let mut ends: Vec<usize> = vec![0];
    let mut depth = 0usize;
    let mut cells = 0usize;
    let mut out = Vec::new();
    let mut i = 0usize;
    // Chars that word `i` shares with the path (a lower bound is enough).
    let mut common = 0usize;
    while let Some(word) = word_at(i) {
        depth = depth.min(common);
        rows.truncate((depth + 1) * width);
        ends.truncate(depth + 1);
        let resume = ends.last().copied().unwrap_or(0);
        let mut pruned = false;
        for (at, c) in word.get(resume..).unwrap_or_default().char_indices() {
            let last_start = rows.len().saturating_sub(width);
            let best = push_next_row(&mut rows, last_start, &query, c, depth + 1, max_distance);
            cells = cells.saturating_add(width);
            depth += 1;
            ends.push(resume + at + c.len_utf8());
            if best > max_distance {
                pruned = true;
                break;
            }
        }
        if cells > max_cells {
            break;
        }
        if pruned {
            // Every following word that shares the path's first `depth` chars is at least as
            // far: skip them all.
            let mut run = usize::MAX;
            i += 1;
            while let Some(next) = shared.get(i) {
                run = run.min(usize::from(*next));
                if run < depth {
                    break;
                }
                i += 1;
            }
            common = run;
            continue;
        }
        if let Some(distance) = rows.last().copied() {
            if distance <= max_distance {
                out.push((i, distance));
            }
        }
        i += 1;
        common = shared.get(i).map_or(0, |s| usize::from(*s));
    }
    out
}

/// Appends the DP row for one more word char `c` (making `rows_before + 1` word chars),
/// computed from the row starting at `previous_start`; returns the row's minimum. Values are
/// capped at `max_distance + 1`, and only the band of cells within `max_distance` of the
/// diagonal is computed (cells outside it are at least that far; Ukkonen's cut-off).
fn push_next_row(
    rows: &mut Vec<u32>,
    previous_start: usize,
    query: &[char],
    c: char,
    word_chars: usize,
    max_distance: u32,
) -> u32 {
    let cap = max_distance.saturating_add(1);
    let band = usize::try_from(max_distance).unwrap_or(usize::MAX);
    let width = query.len() + 1;
    let start = rows.len();
    // Cells outside the band are `cap` (the next row reads them); only the band is computed.
    rows.resize(start + width, cap);
    let (previous, row) = rows.split_at_mut(start);
    let previous = previous.get(previous_start..).unwrap_or(&[]);
    let first = previous
        .first()
        .copied()
        .unwrap_or(0)
        .saturating_add(1)
        .min(cap);
    if let Some(cell) = row.first_mut() {
        *cell = first;
    }
    let mut best = first;
    let low = word_chars.saturating_sub(band).max(1);
    let high = word_chars.saturating_add(band).min(query.len());
    let mut left = row.get(low - 1).copied().unwrap_or(cap);
    for column in low..=high {
        let q = query.get(column - 1).copied().unwrap_or_default();
        let diagonal = previous.get(column - 1).copied().unwrap_or(cap);
        let up = previous.get(column).copied().unwrap_or(cap);
        let cell = diagonal
            .saturating_add(u32::from(q != c))
            .min(up.saturating_add(1))
            .min(left.saturating_add(1))
            .min(cap);
        if let Some(slot) = row.get_mut(column) {
            *slot = cell;
        }
        left = cell;
        best = best.min(cell);
    }
    best
}

/// Plain Levenshtein distance: the reference for the tests, and what mends a typed facet
/// value's words (a few hundred short words, only when a value names nothing).
pub fn levenshtein(a: &str, b: &str) -> u32 {
    let a: Vec<char> = a.chars().collect();
    let width = a.len() + 1;
    let mut rows: Vec<u32> = (0..).take(width).collect();
    for (done, c) in b.chars().enumerate() {
        let start = rows.len().saturating_sub(width);
        push_next_row(&mut rows, start, &a, c, done + 1, u32::MAX - 1);
    }
    rows.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word(v: &[String], i: usize) -> Option<&str> {
        v.get(i).map(String::as_str)
    }

    fn shared(v: &[String]) -> Vec<u8> {
        shared_prefix_lengths(&v.iter().map(String::as_str).collect::<Vec<_>>())
    }

    fn vocab(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn finds_one_edit_neighbours() {
        let v = vocab(&["pakistan", "pakistani", "pakistn", "pekistan", "islamabad"]);
        let found: Vec<&str> =
            within_distance(|i| word(&v, i), &shared(&v), "pakistn", 1, usize::MAX)
                .into_iter()
                .filter_map(|(i, _)| v.get(i).map(String::as_str))
                .collect();
        assert_eq!(found, vec!["pakistan", "pakistn"]);
    }

    #[test]
    fn levenshtein_basics() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("héllo", "hello"), 1);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn walk_matches_naive_scan(
            // Two- and three-byte chars too: the walk resumes words at byte offsets.
            words in proptest::collection::vec("[abcé€]{0,6}", 0..40),
            query in "[abcé€]{0,6}",
            k in 0u32..3,
        ) {
            let v = {
                let mut v = words.clone();
                v.sort();
                v.dedup();
                v
            };
            let fast = within_distance(|i| word(&v, i), &shared(&v), &query, k, usize::MAX);
            let naive: Vec<(usize, u32)> = v
                .iter()
                .enumerate()
                .map(|(i, w)| (i, levenshtein(w, &query)))
                .filter(|(_, d)| *d <= k)
                .collect();
            prop_assert_eq!(fast, naive);
        }
    }
}
