//! The quotes view.

use leptos::prelude::*;

/// Every quotation with its speaker and article (from the analytics).
#[component]
pub fn QuotesView() -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="quotes-heading" data-testid="quotes-view">
            <h2 id="quotes-heading" class="toolbar-title">"Quotes"</h2>
            <p class="empty">"Quotation analysis is not part of this build yet."</p>
        </section>
    }
}
