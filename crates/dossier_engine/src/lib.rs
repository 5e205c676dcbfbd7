//! Dossier's engine: everything that can be computed without a browser.
//!
//! It knows nothing about Leptos or the DOM; it compiles natively (build script, CLI, benches)
//! and to wasm32 (the page), so the page runs exactly the code the build ran.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod analysis;
pub mod analytics;
pub mod article;
pub mod bundle;
pub mod entities;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod query;
pub mod quotes;
pub mod search;
pub mod text;
pub mod timeline;
pub mod topics;
pub mod view_model;

pub use article::Article;
pub use bundle::Bundle;
pub use text::{parse_embedded, Text};

/// Sorts `items` by `order`, stably, with one compiled sort shared by every caller. Rust compiles
/// a sort once per element type and comparator, and each copy costs the page kilobytes of wasm
/// (a tenth of it was sort code, docs/benchmarks.md). It sorts the positions, then moves the
/// items once: an indirect call per comparison, +2% on a query sorting a page of 1,000 hits
/// (measured), so it serves lists of up to a few thousand items, not the index build's.
pub fn sort_shared<T>(items: &mut Vec<T>, order: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    let positions = {
        let item = |i: usize| items.get(i);
        sorted_positions(items.len(), &|a, b| match (item(a), item(b)) {
            (Some(a), Some(b)) => order(a, b),
            _ => std::cmp::Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        positions
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// `0..len`, stably sorted by `order`: the one sort behind [`sort_shared`].
pub(crate) fn sorted_positions(
    len: usize,
    order: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|a, b| order(*a, *b));
    positions
}

/// Sorts the `k` smallest elements (by `order`) to the front and drops the rest: a page of
/// ranked results, or a row of nearest neighbours, without sorting everything.
pub(crate) fn top_k<T>(items: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if k == 0 {
        items.clear();
        return;
    }
    if items.len() > k {
        items.select_nth_unstable_by(k - 1, &order);
        items.truncate(k);
    }
    // At most a page of results (1,000) or of neighbours: the shared sort is quick enough.
    sort_shared(items, &order);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The shared sort is `sort_by`: the same order, ties in their first order.
        #[test]
        fn sort_shared_is_a_stable_sort(items in proptest::collection::vec((0u8..4, any::<u16>()), 0..200)) {
            let by_key = |a: &(u8, u16), b: &(u8, u16)| a.0.cmp(&b.0);
            let mut shared = items.clone();
            super::sort_shared(&mut shared, &by_key);
            let mut expected = items;
            expected.sort_by(by_key);
            prop_assert_eq!(shared, expected);
        }

        /// `top_k` keeps the first `k` of the full sort.
        #[test]
        fn top_k_is_the_head_of_the_sort(items in proptest::collection::vec(any::<u16>(), 0..200), k in 0usize..220) {
            let mut top = items.clone();
            super::top_k(&mut top, k, |a, b| b.cmp(a));
            let mut expected = items;
            expected.sort_by(|a, b| b.cmp(a));
            expected.truncate(k);
            prop_assert_eq!(top, expected);
        }
    }
}
