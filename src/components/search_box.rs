//! The search box.

use leptos::prelude::*;

/// A labelled search input that reports every keystroke.
#[component]
pub fn SearchBox(
    /// The current query text.
    #[prop(into)]
    query: Signal<String>,
    /// Called with the new text on every input event.
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="search">
            <span class="visually-hidden">"Search the corpus"</span>
            <input
                type="search"
                placeholder="Search articles…"
                autocomplete="off"
                data-testid="search-input"
                prop:value=query
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        </label>
    }
}
