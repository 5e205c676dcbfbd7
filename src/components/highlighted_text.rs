//! Text with marked ranges.

use dossier_engine::view_model::Highlighted;
use leptos::prelude::*;

/// Renders highlighted text as text nodes and `<mark>` elements built from the engine's ranges
/// (never as HTML, so corpus text can never inject markup).
#[component]
pub fn HighlightedText(
    /// The text and the byte ranges to mark.
    text: Highlighted,
) -> impl IntoView {
    text.runs()
        .into_iter()
        .map(|(piece, marked)| {
            let piece = piece.to_string();
            if marked {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}
