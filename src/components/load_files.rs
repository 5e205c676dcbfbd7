//! "Load files": explore your own files in the page, with progress and clear messages.

use dossier_engine::ingest::Format;
use leptos::prelude::*;

use crate::loader::CorpusLoader;
use crate::{browser, format};

/// Messages listed in the panel; the rest are saved as a file on request (thousands of lines
/// would bury the page).
const MESSAGES_SHOWN: usize = 50;

/// File and folder pickers (files and folders dropped anywhere on the page load too), progress
/// bar, problems, and the way back to the embedded corpus.
#[component]
pub fn LoadFiles() -> impl IntoView {
    let loader = expect_context::<CorpusLoader>();
    let loading = move || loader.progress.get().is_some();
    view! {
        <div class="load-files">
            <label class="button load-button" class:disabled=loading>
                "Load files"
                <input
                    type="file"
                    multiple
                    class="visually-hidden"
                    data-testid="load-files"
                    accept=Format::ACCEPT
                    disabled=loading
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(files) = input.files() {
                            loader.load_list(files);
                        }
                        input.set_value("");
                    }
                />
            </label>
            <label class="button load-button load-folder" class:disabled=loading>
                "Load folder"
                <input
                    type="file"
                    multiple
                    prop:webkitdirectory=true
                    class="visually-hidden"
                    data-testid="load-folder"
                    disabled=loading
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(files) = input.files() {
                            loader.load_picked_folder(files);
                        }
                        input.set_value("");
                    }
                />
            </label>
            <Show when=move || loader.shows_loaded_files()>
                <button type="button" class="button use-embedded" data-testid="use-embedded" on:click=move |_| loader.use_embedded()>
                    "Back to the embedded corpus"
                </button>
            </Show>
        </div>
        <Show when=loading>
            <div class="load-progress" role="status" data-testid="load-progress">
                {move || {
                    loader
                        .progress
                        .get()
                        .map(|p| {
                            view! {
                                <progress max=p.total.max(1) value=p.done></progress>
                                <span>{p.label}</span>
                            }
                        })
                }}
                <button type="button" class="link-button" data-testid="load-cancel" on:click=move |_| loader.cancel()>
                    "Cancel"
                </button>
            </div>
        </Show>
        <Show when=move || !loader.messages.read().is_empty()>
            <div class="load-messages" role="alert" data-testid="load-messages">
                <div class="load-messages-head">
                    <p>{move || format::count(loader.messages.read().len(), "message", "messages")} " about the files you loaded"</p>
                    <button type="button" class="link-button" data-testid="load-messages-all" on:click=move |_| {
                        let all = loader.messages.read_untracked().join("\n");
                        browser::download("dossier-load-messages.txt", "text/plain;charset=utf-8", &all);
                    }>
                        "Save all"
                    </button>
                    <button type="button" class="link-button" data-testid="load-messages-dismiss" on:click=move |_| loader.messages.set(Vec::new())>
                        "Dismiss"
                    </button>
                </div>
                <ul>
                    {move || listed(loader.messages.get()).into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            </div>
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
