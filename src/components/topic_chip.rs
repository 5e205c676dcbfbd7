//! A topic chip.

use dossier_engine::index::facets::FacetKey;
use leptos::prelude::*;

use crate::nav::use_nav;

/// The topic's label in its colour (the same colour as on the topic map); a click filters the
/// results to the topic.
#[component]
pub fn TopicChip(
    /// The topic's id (chooses the colour).
    topic: usize,
    /// The topic's label.
    label: String,
) -> impl IntoView {
    let nav = use_nav();
    let value = label.clone();
    view! {
        <button
            type="button"
            class=format!("chip topic-{}", topic % crate::format::TOPIC_COLOURS)
            data-testid="topic-chip"
            title="Show only this topic"
            on:click=move |_| nav.push(|s| { s.select_only(FacetKey::Topic, &value); s.view = crate::url_state::View::Results; })
        >
            <span class="chip-dot" aria-hidden="true"></span>
            {label}
        </button>
    }
}
