//! Your own files in the page: read them, ingest, index and cluster them with the same engine
//! the build uses, without freezing the page and without sending anything anywhere.
//!
//! The work is split into slices (one file at a time) that yield to the event loop, so the
//! progress bar moves and the page stays responsive; analysis runs once at the end.

use dossier_engine::ingest::{Collector, IngestOptions};
use dossier_engine::Bundle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file larger than this is refused with a message: the page holds everything in memory.
pub const MAX_FILE_BYTES: f64 = 50_000_000.0;

/// At most this many files per load.
pub const MAX_FILES: usize = 5_000;

/// How far a load has come, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
    /// What is being worked on ("name.txt", "indexing and clustering").
    pub current: String,
}

/// The corpus the page shows, and what loading files into it said. Provided as context.
#[derive(Clone, Copy)]
pub struct CorpusLoader {
    /// The embedded corpus, always one click away.
    pub embedded: &'static Bundle,
    /// The corpus on screen.
    pub active: RwSignal<&'static Bundle>,
    pub progress: RwSignal<Option<LoadProgress>>,
    /// Problems with the last load, one sentence each, naming the file (and line).
    pub messages: RwSignal<Vec<String>>,
}

impl CorpusLoader {
    pub fn new(embedded: &'static Bundle) -> Self {
        CorpusLoader {
            embedded,
            active: RwSignal::new(embedded),
            progress: RwSignal::new(None),
            messages: RwSignal::new(Vec::new()),
        }
    }

    /// Whether the page shows loaded files rather than the embedded corpus.
    pub fn shows_loaded_files(self) -> bool {
        !std::ptr::eq(self.active.get(), self.embedded)
    }

    /// Back to the embedded corpus.
    pub fn use_embedded(self) {
        self.messages.set(Vec::new());
        self.active.set(self.embedded);
    }

    /// Loads `files` in the background (ignored while another load runs).
    pub fn load(self, files: web_sys::FileList) {
        if self.progress.get_untracked().is_some() {
            return;
        }
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move { self.run(files).await });
    }

    async fn run(self, mut files: Vec<web_sys::File>) {
        let mut messages = Vec::new();
        if files.len() > MAX_FILES {
            messages.push(format!("{} files dropped: at most {MAX_FILES} load at once; the first {MAX_FILES} were read", files.len()));
            files.truncate(MAX_FILES);
        }
        let total = files.len();
        let mut collector = Collector::new(IngestOptions::default());
        for (done, file) in files.iter().enumerate() {
            let name = file.name();
            self.progress.set(Some(LoadProgress {
                done,
                total,
                current: name.clone(),
            }));
            if file.size() > MAX_FILE_BYTES {
                messages.push(format!(
                    "{name}: {:.0} MB is more than the {:.0} MB one file may have; skipped",
                    file.size() / 1e6,
                    MAX_FILE_BYTES / 1e6
                ));
                continue;
            }
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => collector.add_file(&name, &js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => messages.push(format!(
                    "{name}: the browser could not read this file; skipped"
                )),
            }
            yield_to_browser().await;
        }
        self.progress.set(Some(LoadProgress {
            done: total,
            total,
            current: "indexing and clustering".into(),
        }));
        yield_to_browser().await;
        let report = collector.finish();
        messages.extend(report.warnings.iter().map(ToString::to_string));
        if report.articles.is_empty() {
            messages.push(
                "No article was found in these files; the corpus on screen is unchanged.".into(),
            );
            self.messages.set(messages);
            self.progress.set(None);
            return;
        }
        // Lives as long as the page, like the embedded bundle; each load is one user action.
        let bundle: &'static Bundle =
            Box::leak(Box::new(Bundle::build(report.articles, report.warnings)));
        self.messages.set(messages);
        self.active.set(bundle);
        self.progress.set(None);
    }
}

/// Lets the browser paint and handle input before the next slice of work.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
        }
    });
    let _ = JsFuture::from(promise).await;
}
