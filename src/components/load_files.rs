//! "Load files": explore your own files in the page, with progress and clear messages.

use dossier_engine::ingest::Format;
use leptos::prelude::*;

use crate::loader::CorpusLoader;

/// File and folder pickers (files and folders dropped anywhere on the page load too), progress
/// bar, and the way back to the embedded corpus. The problems are `LoadMessages`.
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
    }
}
