//! A bounded memo of typo lookups across searches. Search-as-you-type runs a search on every
//! keystroke, and each run looks up the typos of every word typed so far: without the memo, each
//! keystroke of a query's tenth word pays again for the nine words before it.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

/// Words per generation. Two generations are kept: a lookup found in the older one moves to
/// the newer, and when the newer fills up the older is dropped (least recently used, roughly,
/// without bookkeeping per entry).
const GENERATION_SIZE: usize = 512;

/// `(word id, distance)` of every vocabulary word near a looked-up word.
pub type Neighbours = Arc<[(usize, u32)]>;

/// What a lookup asked for besides the word: the maximum distance, and how many articles a
/// neighbour's term must be in.
type Asked = (u32, usize);

/// Per looked-up word, its neighbours for each [`Asked`].
type Generation = FxHashMap<Box<str>, Vec<(Asked, Neighbours)>>;

/// Interior mutability: the index answers searches through `&self`. The lock is never held
/// while a lookup runs, so a lookup that panicked cannot leave the memo half-written.
#[derive(Default)]
pub struct TypoCache(Mutex<Generations>);

#[derive(Default)]
struct Generations {
    newer: Generation,
    older: Generation,
}

impl TypoCache {
    /// The neighbours of `word` for `asked` (see [`Asked`]), from the memo or from `lookup`.
    pub fn get_or_insert_with(
        &self,
        word: &str,
        asked: Asked,
        lookup: impl FnOnce() -> Vec<(usize, u32)>,
    ) -> Neighbours {
        if let Some(found) = self.get(word, asked) {
            return found;
        }
        let found: Neighbours = lookup().into();
        let mut generations = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        generations.insert(word, asked, found.clone());
        found
    }

    fn get(&self, word: &str, asked: Asked) -> Option<Neighbours> {
        let mut generations = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let at = |generation: &Generation| {
            generation
                .get(word)?
                .iter()
                .find(|(kept, _)| *kept == asked)
                .map(|(_, found)| found.clone())
        };
        if let Some(found) = at(&generations.newer) {
            return Some(found);
        }
        let found = at(&generations.older)?;
        generations.insert(word, asked, found.clone());
        Some(found)
    }

    /// Words remembered (both generations; a word may be in both).
    pub fn remembered_words(&self) -> usize {
        let generations = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        generations.newer.len() + generations.older.len()
    }
}

impl Generations {
    fn insert(&mut self, word: &str, asked: Asked, found: Neighbours) {
        if !self.newer.contains_key(word) && self.newer.len() >= GENERATION_SIZE {
            self.older = std::mem::take(&mut self.newer);
        }
        let entry = self.newer.entry(word.into()).or_default();
        entry.retain(|(kept, _)| *kept != asked);
        entry.push((asked, found));
    }
}

/// A copy of an index starts with an empty memo; the memo is not part of an index's value.
impl Clone for TypoCache {
    fn clone(&self) -> Self {
        TypoCache::default()
    }
}

impl PartialEq for TypoCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for TypoCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TypoCache({} words)", self.remembered_words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_lookup_runs_once_per_word_and_distance() {
        let cache = TypoCache::default();
        let runs = Cell::new(0);
        let lookup = |found: Vec<(usize, u32)>| {
            runs.set(runs.get() + 1);
            found
        };
        let first = cache.get_or_insert_with("pakistn", (1, 0), || lookup(vec![(3, 1)]));
        let again = cache.get_or_insert_with("pakistn", (1, 0), || lookup(vec![(9, 9)]));
        assert_eq!(&*first, &[(3, 1)]);
        assert_eq!(&*again, &[(3, 1)]);
        assert_eq!(runs.get(), 1);
        // Another distance is another lookup, and so is another least number of articles.
        let wider = cache.get_or_insert_with("pakistn", (2, 0), || lookup(vec![(3, 1), (4, 2)]));
        assert_eq!(wider.len(), 2);
        assert_eq!(runs.get(), 2);
        let common = cache.get_or_insert_with("pakistn", (1, 10), || lookup(vec![]));
        assert!(common.is_empty());
        assert_eq!(runs.get(), 3);
        assert_eq!(
            &*cache.get_or_insert_with("pakistn", (1, 0), Vec::new),
            &[(3, 1)]
        );
    }

    #[test]
    fn memory_is_bounded_and_recent_words_stay() {
        let cache = TypoCache::default();
        cache.get_or_insert_with("kept", (1, 0), || vec![(0, 1)]);
        for i in 0..3 * GENERATION_SIZE {
            cache.get_or_insert_with(&format!("word{i}"), (1, 0), Vec::new);
            // "kept" is used all along: it moves to the newer generation each time it ages.
            cache.get_or_insert_with("kept", (1, 0), || panic!("\"kept\" was dropped at {i}"));
        }
        assert!(cache.remembered_words() <= 2 * GENERATION_SIZE);
        // "word0" has not been used since two generations: it is looked up again.
        let runs = Cell::new(0);
        cache.get_or_insert_with("word0", (1, 0), || {
            runs.set(1);
            Vec::new()
        });
        assert_eq!(runs.get(), 1);
    }

    #[test]
    fn a_copy_starts_empty_and_equals_the_original() {
        let cache = TypoCache::default();
        cache.get_or_insert_with("word", (1, 0), Vec::new);
        let copy = cache.clone();
        assert_eq!(copy.remembered_words(), 0);
        assert_eq!(copy, cache);
    }
}
