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
    // One load at a time. Not `disabled`: a disabled input drops the keyboard's focus to the
    // page's start, where a screen reader loses its place.
    let refuse_while_loading = move |ev: leptos::ev::MouseEvent| {
        if loader.progress.get_untracked().is_some() {
            ev.prevent_default();
        }
    };
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
                    aria-disabled=move || loading().to_string()
                    on:click=refuse_while_loading
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
                    aria-disabled=move || loading().to_string()
                    on:click=refuse_while_loading
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
                <button type="button" class="button use-embedded" data-testid="use-embedded" on:click=move |_| {
                    loader.use_embedded();
                    // The button goes with the loaded files: focus to its neighbour, not the page's start.
                    crate::browser::focus("[data-testid=load-files]");
                }>
                    "Back to the embedded corpus"
                </button>
            </Show>
        </div>
        <Show when=loading>
            <div class="load-progress" data-testid="load-progress">
                {move || {
                    loader
                        .progress
                        .get()
                        .map(|p| {
                            view! {
                                <progress max=p.total.max(1) value=p.done aria-label="Loading your files"></progress>
                                <span role="status">{p.label}</span>
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
