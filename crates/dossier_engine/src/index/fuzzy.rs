//! Typo-tolerant vocabulary lookup: every word of a sorted vocabulary within `k` edits of a
//! query word.
//!
//! Equivalent to intersecting a Levenshtein automaton with a trie (what fst does), but over the
//! sorted word list we already hold, with no dependency: walking the words in order, the DP rows
//! of a shared prefix are reused, and when a prefix's row already exceeds `k` every word that
//! starts with it is skipped by binary search. Work is capped so a query stays bounded.

/// Edit-distance (Levenshtein: insert, delete, substitute one char) matches of `query` in
/// `vocabulary` (sorted, deduplicated), as `(word index, distance)` in vocabulary order.
/// Stops early after `max_cells` DP cells; the result is then a subset.
pub fn within_distance(
    vocabulary: &[String],
    query: &str,
    max_distance: u32,
    max_cells: usize,
) -> Vec<(usize, u32)> {
    let query: Vec<char> = query.chars().collect();
    let width = query.len() + 1;
    // rows[d] = DP row after the first d chars of the current word; rows[0] = 0..=n.
    let mut rows: Vec<Vec<u32>> = vec![(0..).take(width).collect()];
    let mut prefix: Vec<char> = Vec::new();
    let mut cells = 0usize;
    let mut out = Vec::new();
    let mut i = 0usize;
    while let Some(word) = vocabulary.get(i) {
        let common = word
            .chars()
            .zip(prefix.iter())
            .take_while(|(a, b)| a == *b)
            .count();
        prefix.truncate(common);
        rows.truncate(common + 1);
        let mut pruned = false;
        for c in word.chars().skip(common) {
            let Some(last) = rows.last() else { break };
            let next = next_row(last, &query, c);
            cells = cells.saturating_add(width);
            let best = next.iter().copied().min().unwrap_or(u32::MAX);
            rows.push(next);
            prefix.push(c);
            if best > max_distance {
                pruned = true;
                break;
            }
        }
        if cells > max_cells {
            break;
        }
        if pruned {
            // Every following word that starts with `prefix` is at least as far: skip them all.
            let stem: String = prefix.iter().collect();
            let rest = vocabulary.get(i..).unwrap_or(&[]);
            i += rest.partition_point(|w| w.starts_with(&stem)).max(1);
            continue;
        }
        if let Some(distance) = rows.last().and_then(|row| row.last()).copied() {
            if distance <= max_distance {
                out.push((i, distance));
            }
        }
        i += 1;
    }
    out
}

/// The DP row for one more word char `c`, given the row before it.
fn next_row(previous: &[u32], query: &[char], c: char) -> Vec<u32> {
    let mut row = Vec::with_capacity(previous.len());
    let first = previous.first().copied().unwrap_or(0).saturating_add(1);
    row.push(first);
    for (j, q) in query.iter().enumerate() {
        let substitute = previous
            .get(j)
            .copied()
            .unwrap_or(u32::MAX)
            .saturating_add(u32::from(*q != c));
        let delete = previous
            .get(j + 1)
            .copied()
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        let insert = row.last().copied().unwrap_or(u32::MAX).saturating_add(1);
        row.push(substitute.min(delete).min(insert));
    }
    row
}

/// Plain Levenshtein distance, for suggestions and for tests.
pub fn levenshtein(a: &str, b: &str) -> u32 {
    let a: Vec<char> = a.chars().collect();
    let mut row: Vec<u32> = (0..).take(a.len() + 1).collect();
    for c in b.chars() {
        row = next_row(&row, &a, c);
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn vocab(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn finds_one_edit_neighbours() {
        let v = vocab(&["pakistan", "pakistani", "pakistn", "pekistan", "islamabad"]);
        let found: Vec<&str> = within_distance(&v, "pakistn", 1, usize::MAX)
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
            words in proptest::collection::vec("[abc]{0,6}", 0..40),
            query in "[abc]{0,6}",
            k in 0u32..3,
        ) {
            let v = {
                let mut v = words.clone();
                v.sort();
                v.dedup();
                v
            };
            let fast = within_distance(&v, &query, k, usize::MAX);
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
