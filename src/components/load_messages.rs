//! What loading files said: each problem, naming the file (and line).

use leptos::prelude::*;

use crate::loader::CorpusLoader;
use crate::{browser, format};

/// Messages listed in the panel; the rest are saved as a file on request (thousands of lines
/// would bury the page).
const MESSAGES_SHOWN: usize = 50;

/// What loading files said, above the view on screen: in the page's flow, so it covers no
/// control, and folded to one line on request (Esc too) rather than thrown away.
#[component]
pub fn LoadMessages() -> impl IntoView {
    let loader = expect_context::<CorpusLoader>();
    let hidden = loader.messages_hidden;
    view! {
        <Show when=move || !loader.messages.read().is_empty()>
            <section class="load-messages" aria-labelledby="load-messages-heading" data-testid="load-messages">
                <div class="load-messages-head">
                    // Said once, politely: the list itself is read on request (as an alert on
                    // the list, every message was read out at once and the list was no list).
                    <h2 id="load-messages-heading" aria-live="polite">{move || format::count(loader.messages.read().len(), "message", "messages")} " about the files you loaded"</h2>
                    <button type="button" class="link-button" data-testid="load-messages-all" on:click=move |_| {
                        let all = loader.messages.read_untracked().join("\n");
                        browser::download("dossier-load-messages.txt", "text/plain;charset=utf-8", &all);
                    }>
                        "Save all"
                    </button>
                    <button
                        type="button"
                        class="link-button"
                        data-testid="load-messages-toggle"
                        aria-expanded=move || (!hidden.get()).to_string()
                        aria-controls="load-messages-list"
                        on:click=move |_| hidden.update(|h| *h = !*h)
                    >
                        {move || if hidden.get() { "Show" } else { "Hide" }}
                    </button>
                </div>
                <ul id="load-messages-list" hidden=hidden>
                    {move || listed(loader.messages.get()).into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// The first [`MESSAGES_SHOWN`] messages, and how many more there are.
fn listed(mut messages: Vec<String>) -> Vec<String> {
    let unlisted = messages.len().saturating_sub(MESSAGES_SHOWN);
    if unlisted > 0 {
        messages.truncate(MESSAGES_SHOWN);
        messages.push(format!(
            "and {} more: Save all keeps every one",
            format::number(unlisted)
        ));
    }
    messages
}
