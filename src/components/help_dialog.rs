//! The help: how to search, how to explore, and the keys.

use leptos::prelude::*;

use crate::app::Overlays;
use dossier_engine::query::SYNTAX_EXAMPLES;

use crate::keys::HELP;

/// The search syntax by example and the list of keys, shown by `?` or the header's help button;
/// Esc or the button closes it.
#[component]
pub fn HelpDialog() -> impl IntoView {
    let overlays = expect_context::<Overlays>();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    // Focus moves into the dialog when it opens (the outside world: focus).
    Effect::new(move |_| {
        if overlays.help_open.get() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <Show when=move || overlays.help_open.get()>
            <div class="modal-backdrop" on:click=move |_| overlays.help_open.set(false)></div>
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help">
                <h2 id="help-title">"Help"</h2>
                <h3>"Searching"</h3>
                <dl class="keys syntax" data-testid="help-syntax">
                    {SYNTAX_EXAMPLES.iter().map(|(example, what)| view! { <dt><code>{*example}</code></dt><dd>{*what}</dd> }).collect_view()}
                </dl>
                <h3>"Exploring"</h3>
                <ul class="help-tips" data-testid="help-tips">
                    <li>"Topics, Timeline, Entities and Quotes show the current search and filters."</li>
                    <li>"A name in an article (underlined, or listed below it) opens every article naming it."</li>
                    <li>"In Entities, pick a name to see who and what the matches name with it; each of those opens the articles naming both."</li>
                    <li>"Load files or a folder, or drop them on the page, to explore your own: they never leave this computer."</li>
                </ul>
                <h3>"Keys"</h3>
                <dl class="keys">
                    {HELP.iter().map(|(keys, what)| view! { <dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd> }).collect_view()}
                </dl>
                <button type="button" class="button" node_ref=close_ref on:click=move |_| overlays.help_open.set(false)>
                    "Close"
                </button>
            </div>
        </Show>
    }
}
