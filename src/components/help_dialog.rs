//! The help: how to search, how to explore, and the keys.

use leptos::prelude::*;

use crate::app::Overlays;
use dossier_engine::query::SYNTAX_EXAMPLES;

use crate::keys::HELP;

/// The search syntax by example and the list of keys, shown by `?` or the header's help button.
/// A modal `<dialog>`: the browser keeps focus inside it and the page behind inert; it opens at
/// its top with focus on its close button; Esc, the button or a click outside closes it.
#[component]
pub fn HelpDialog() -> impl IntoView {
    let overlays = expect_context::<Overlays>();
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    // Shown modally once mounted (the outside world: the browser's top layer). Closing removes
    // it, which leaves focus on the page's body: it goes back to where it was when the help
    // opened (the `?` button, a result), kept as the effect's value.
    Effect::new(move |opened_from: Option<Option<web_sys::Element>>| {
        let open = overlays.help_open.get();
        let dialog = dialog_ref.get();
        let mut opened_from = opened_from.flatten();
        if open {
            if let Some(dialog) = dialog.filter(|dialog| !dialog.open()) {
                opened_from = crate::browser::active_element();
                let _ = dialog.show_modal();
            }
            return opened_from;
        }
        if let Some(element) = opened_from.filter(|e| e.is_connected()) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                request_animation_frame(move || {
                    let _ = element.focus();
                });
            }
        }
        None
    });
    let close = move || overlays.help_open.set(false);
    view! {
        <Show when=move || overlays.help_open.get()>
            <dialog
                class="modal"
                aria-labelledby="help-title"
                data-testid="help"
                node_ref=dialog_ref
                on:close=move |_| close()
                // A click on the dialog itself, not its content, is on the backdrop.
                on:click=move |ev| {
                    if ev.target() == ev.current_target() {
                        close();
                    }
                }
            >
                <div class="modal-head">
                    <h2 id="help-title">"Help"</h2>
                    <button type="button" class="icon-button" data-testid="help-close" aria-label="Close the help" on:click=move |_| close()>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
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
            </dialog>
        </Show>
    }
}
