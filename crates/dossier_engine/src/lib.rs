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
    items.sort_by(order);
}
