//! The topics view.

use leptos::prelude::*;

/// The topic map and topic list (from the corpus analytics).
#[component]
pub fn TopicsView() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="topics-heading" data-testid="topics-view">
            <h2 id="topics-heading" class="toolbar-title">"Topics"</h2>
            <p class="empty">"Topic analysis is not part of this build yet."</p>
        </section>
    }
}
