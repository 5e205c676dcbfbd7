//! Text with query matches and entity mentions marked.

use std::ops::Range;

use dossier_engine::view_model::{layered_runs, Layer};
use leptos::prelude::*;

/// Renders `text` as text nodes, `<mark>` for query matches and `<span class="mention">` for
/// entity mentions (both for a match inside a mention), from byte ranges; never as HTML.
#[component]
pub fn LayeredText(
    /// The text.
    text: String,
    /// Byte ranges of query matches.
    query: Vec<Range<usize>>,
    /// Byte ranges of entity mentions.
    entities: Vec<Range<usize>>,
) -> impl IntoView {
    layered_runs(&text, &query, &entities)
        .into_iter()
        .map(|(piece, layer)| {
            let piece = piece.to_string();
            match layer {
                Layer::Plain => piece.into_any(),
                Layer::Query => view! { <mark>{piece}</mark> }.into_any(),
                Layer::Entity => view! { <span class="mention">{piece}</span> }.into_any(),
                Layer::Both => {
                    view! { <span class="mention"><mark>{piece}</mark></span> }.into_any()
                }
            }
        })
        .collect_view()
}
