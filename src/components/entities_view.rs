//! The entities view.

use leptos::prelude::*;

/// People, organisations, places and countries with counts and co-occurrence (from the analytics).
#[component]
pub fn EntitiesView() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="entities-heading" data-testid="entities-view">
            <h2 id="entities-heading" class="toolbar-title">"Entities"</h2>
            <p class="empty">"Entity analysis is not part of this build yet."</p>
        </section>
    }
}
