//! The search box.

use leptos::prelude::*;

use crate::nav::use_nav;

/// A labelled search input bound to the URL's `q`: one history entry per search, not per key
/// (see `Nav::replace`). `/` focuses it from anywhere.
#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = use_nav();
    view! {
        <form class="search" role="search" on:submit=move |ev| {
            ev.prevent_default();
            nav.flush_pending_replace();
        }>
            <label for="search" class="visually-hidden">"Search the corpus"</label>
            <svg class="search-icon" aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
                <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
                <path d="M13 13l4 4" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
            <input
                id="search"
                type="search"
                placeholder="Search articles, people, places…"
                autocomplete="off"
                spellcheck="false"
                data-testid="search-input"
                prop:value=move || nav.with(|s| s.query.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    nav.replace(|s| s.set_query(&text));
                }
            />
            <kbd class="search-hint" aria-hidden="true">"/"</kbd>
        </form>
    }
}
