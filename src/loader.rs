//! Your own files in the page: read, ingested, analysed and bundled by the "Load files" worker
//! (crates/dossier_loader, the same engine code the build runs), then indexed here like the
//! embedded corpus. Nothing is sent anywhere.
//!
//! The worker is its own wasm, started for each load and ended after it: the page does not carry
//! ingest and analytics for visitors who never load a file, a large load does not freeze the
//! page, and the memory a large load took (wasm memory never shrinks) goes with the worker. How
//! to start it is the page's JS's business (`dossierLoaderWorker`, set by public/boot.js, or by
//! the single-file build, which has no files to fetch it from).

use std::cell::RefCell;
use std::collections::VecDeque;

use dossier_engine::bundle::{BundleFromParts, IndexedBundleBuilder};
use dossier_engine::ingest::file_load::{LoadProgress, LoaderReport};
use js_sys::{Array, Function, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::browser::{self, Kept};
use crate::dropped;
use crate::format;
use crate::nav::Nav;
use crate::results::Corpus;

/// The global function (set by the page's JS) that starts a loader worker.
const START_WORKER: &str = "dossierLoaderWorker";

/// The corpus the page shows, and what loading files into it said. Provided as context.
#[derive(Clone, Copy)]
pub struct CorpusLoader {
    /// The embedded corpus, always one click away (kept here: a loaded corpus is freed once
    /// another replaces it on screen).
    pub embedded: StoredValue<Corpus>,
    /// The corpus on screen.
    pub active: RwSignal<Corpus>,
    /// The running load's progress; None when no load runs.
    pub progress: RwSignal<Option<LoadProgress>>,
    /// Problems with the last load, one sentence each, naming the file (and line). Written
    /// through `set_messages` and `add_messages`, which show a hidden list again.
    pub messages: RwSignal<Vec<String>>,
    /// The user folded the messages away (they stay, one line, until the next load).
    pub messages_hidden: RwSignal<bool>,
    /// What the load of the files on screen said (empty for the embedded corpus): a later
    /// load that shows nothing new (cancelled, failed, no article) lists them again after its
    /// own, rather than leave the files on screen with their problems forgotten.
    on_screen_messages: StoredValue<Vec<String>>,
    nav: Nav,
}

/// The started worker, its handlers, and files waiting for it to say it is ready.
struct LoaderWorker {
    worker: Worker,
    ready: bool,
    waiting: Option<Array>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for LoaderWorker {
    /// A worker let go (cancelled, or failed) is ended, and nothing it still sends arrives.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// How long one slice of work on an arriving load runs before the page may paint and answer
/// again: under the 50 ms a task may take before a browser calls it long.
const SLICE: std::time::Duration = std::time::Duration::from_millis(30);

/// Set in this tab's storage while loaded files are on screen: a reload then says they went.
const LOADED_FILES_KEY: &str = "dossier-loaded-files";

/// Articles indexed between two looks at the clock.
const ARTICLES_PER_STEP: usize = 16;

/// Index terms finished between two looks at the clock (a term's postings take from a
/// microsecond to a millisecond at 50,000 articles).
const TERMS_PER_STEP: usize = 256;

thread_local! {
    /// The running load's worker (None between loads).
    static WORKER: RefCell<Option<LoaderWorker>> = const { RefCell::new(None) };
    /// The finished load being read and indexed, between slices (None otherwise, or once
    /// cancelled).
    static ARRIVING: RefCell<Option<Arriving>> = const { RefCell::new(None) };
    /// The latest walk through dropped folders; Cancel moves it on, so a walk that ends after
    /// it knows it was cancelled.
    static WALK: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl CorpusLoader {
    pub fn new(embedded: Corpus, nav: Nav) -> Self {
        CorpusLoader {
            nav,
            active: RwSignal::new(embedded.clone()),
            embedded: StoredValue::new(embedded),
            progress: RwSignal::new(None),
            messages: RwSignal::new(Vec::new()),
            messages_hidden: RwSignal::new(false),
            on_screen_messages: StoredValue::new(Vec::new()),
        }
    }

    /// A new load's messages, replacing the last one's, shown.
    fn set_messages(self, messages: Vec<String>) {
        self.messages_hidden.set(false);
        self.messages.set(messages);
    }

    /// More messages about this load: news, so shown even if the list was folded away.
    fn add_messages(self, more: impl IntoIterator<Item = String>) {
        self.messages_hidden.set(false);
        self.messages.update(|all| all.extend(more));
    }

    /// Whether the page shows loaded files rather than the embedded corpus.
    pub fn shows_loaded_files(self) -> bool {
        self.active.with(|active| self.is_loaded(active))
    }

    /// Whether `corpus` is loaded files, not the embedded corpus.
    fn is_loaded(self, corpus: &Corpus) -> bool {
        self.embedded.with_value(|embedded| !corpus.is(embedded))
    }

    /// A load ended with the corpus on screen unchanged: what loading that corpus said comes
    /// back, after this load's messages, which had replaced it.
    fn keep_on_screen_messages(self) {
        let before = self.on_screen_messages.get_value();
        if before.is_empty() {
            return;
        }
        self.add_messages(
            std::iter::once("Loading the files on screen said:".into()).chain(before),
        );
    }

    /// Back to the embedded corpus.
    pub fn use_embedded(self) {
        self.on_screen_messages.set_value(Vec::new());
        self.set_messages(Vec::new());
        self.show(self.embedded.get_value());
        browser::store(Kept::InTab, LOADED_FILES_KEY, None);
    }

    /// At start-up: a reload drops loaded files (they were never stored anywhere). Said, so the
    /// embedded corpus is not taken for them, nor a search of theirs for one that finds nothing.
    pub fn say_if_loaded_files_were_dropped(self) {
        if browser::stored(Kept::InTab, LOADED_FILES_KEY).is_some() {
            browser::store(Kept::InTab, LOADED_FILES_KEY, None);
            self.set_messages(vec![
                "The files you loaded are not kept when the page reloads: this is the embedded \
                 corpus. Load them again to go on with them."
                    .into(),
            ]);
        }
    }

    /// Puts `corpus` on screen. The filters, the page and the open article belong to the
    /// corpus left behind (its topics, names and ids): they go, in a new history entry, so the
    /// new corpus never opens on "0 articles" or "Article not found". The query, the view and
    /// the order stay.
    fn show(self, corpus: Corpus) {
        self.nav.push(|state| {
            state.clear_filters();
            state.article = None;
        });
        self.active.set(corpus);
    }

    /// Loads the files of the file picker, or of a drop of files.
    pub fn load_list(self, files: web_sys::FileList) {
        self.load(
            (0..files.length()).filter_map(|i| files.get(i)).collect(),
            Vec::new(),
        );
    }

    /// Loads the files of the folder picker (see [`dropped::picked`]).
    pub fn load_picked_folder(self, files: web_sys::FileList) {
        if self.refuse_while_loading(files.length() as usize, "file", "files") {
            return;
        }
        self.load_found(
            dropped::picked(&files),
            "the folder holds no file Dossier could take",
        );
    }

    /// Loads a drop with folders in it: every file under them (see [`dropped::walk`]).
    pub fn load_folders(self, entries: Vec<web_sys::FileSystemEntry>) {
        if self.refuse_while_loading(entries.len(), "dropped item", "dropped items") {
            return;
        }
        self.set_messages(Vec::new());
        self.progress.set(Some(LoadProgress {
            done: 0,
            total: 0,
            label: "Looking through the dropped folders".into(),
        }));
        let walk = WALK.get().wrapping_add(1);
        WALK.set(walk);
        wasm_bindgen_futures::spawn_local(async move {
            let dropped = dropped::walk(entries).await;
            if WALK.get() != walk {
                // Cancelled meanwhile (and perhaps another drop taken since).
                return;
            }
            self.progress.set(None);
            self.load_found(dropped, "the dropped folders hold no file");
        });
    }

    /// Loads the files found in folders, with what finding them said; when there is none, says
    /// so (`none_found`) and keeps the corpus on screen.
    fn load_found(self, found: dropped::Dropped, none_found: &str) {
        if found.files.is_empty() {
            self.set_messages(found.messages);
            self.stop(none_found.into());
            return;
        }
        self.load(found.files, found.messages);
    }

    /// Says that `count` things given while a load runs are not loaded (one load at a time).
    fn refuse_while_loading(self, count: usize, singular: &str, plural: &str) -> bool {
        if self.progress.get_untracked().is_none() {
            return false;
        }
        self.add_messages([format!(
            "{} not loaded: the files before them are still loading; drop them again once that \
             is done",
            format::count(count, singular, plural)
        )]);
        true
    }

    /// Loads `files` in the worker; `notes` (what a folder walk could not take) open the
    /// load's messages. One load at a time: files given while one runs (dropped: the button
    /// is disabled) are not loaded, and a message says so.
    fn load(self, files: Vec<web_sys::File>, notes: Vec<String>) {
        if files.is_empty() || self.refuse_while_loading(files.len(), "file", "files") {
            return;
        }
        // A new load's messages replace the last one's.
        self.set_messages(notes);
        let list: Array = files.iter().collect();
        self.progress.set(Some(LoadProgress {
            done: 0,
            total: list.length() as usize,
            label: "Starting the file loader".into(),
        }));
        let started = WORKER.with_borrow_mut(|slot| {
            if slot.is_none() {
                *slot = Some(self.start_worker()?);
            }
            match slot.as_mut() {
                Some(loader) if loader.ready => post_files(&loader.worker, &list),
                Some(loader) => {
                    loader.waiting = Some(list);
                    Ok(())
                }
                None => Ok(()),
            }
        });
        if let Err(problem) = started {
            self.stop(problem);
        }
    }

    /// Stops the running load: the worker is ended, and the corpus on screen stays.
    pub fn cancel(self) {
        if self.progress.get_untracked().is_none() {
            return;
        }
        // Dropped outside the borrow: ending it is the worker's own business (`Drop`).
        let worker = WORKER.with_borrow_mut(Option::take);
        drop(worker);
        ARRIVING.with_borrow_mut(|slot| *slot = None);
        WALK.set(WALK.get().wrapping_add(1));
        self.add_messages(["Loading cancelled. The corpus on screen is unchanged.".to_string()]);
        self.keep_on_screen_messages();
        self.progress.set(None);
    }

    fn start_worker(self) -> Result<LoaderWorker, String> {
        let start = Reflect::get(&js_sys::global(), &START_WORKER.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("this copy of the page has no file loader")?;
        let worker: Worker = start
            .call0(&JsValue::NULL)
            .map_err(|e| describe(&e))?
            .dyn_into()
            .map_err(|_| "the file loader did not start".to_string())?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            self.receive(&event.data());
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            // A worker that failed (could not be fetched, or crashed) is ended; the next load
            // starts a new one.
            let failed = WORKER.with_borrow_mut(Option::take);
            drop(failed);
            self.stop(format!("the file loader stopped: {}", event.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(LoaderWorker {
            worker,
            ready: false,
            waiting: None,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// One message from the worker: `{ report, bundle? }` (see [`LoaderReport`]).
    fn receive(self, data: &JsValue) {
        let report = Reflect::get(data, &"report".into())
            .ok()
            .and_then(|r| r.as_string())
            .and_then(|json| serde_json::from_str::<LoaderReport>(&json).ok());
        match report {
            Some(LoaderReport::Ready) => {
                let sent = WORKER.with_borrow_mut(|slot| {
                    let Some(loader) = slot.as_mut() else {
                        return Ok(());
                    };
                    loader.ready = true;
                    match loader.waiting.take() {
                        Some(files) => post_files(&loader.worker, &files),
                        None => Ok(()),
                    }
                });
                if let Err(problem) = sent {
                    self.stop(problem);
                }
            }
            Some(LoaderReport::Progress(progress)) => self.progress.set(Some(progress)),
            Some(LoaderReport::Finished {
                messages,
                bundle_parts,
            }) => {
                // Its work is done: ending it frees the memory the load took.
                let done = WORKER.with_borrow_mut(Option::take);
                drop(done);
                self.add_messages(messages);
                if bundle_parts == 0 {
                    // Nothing to show: the messages say why.
                    self.keep_on_screen_messages();
                    self.progress.set(None);
                    return;
                }
                let parts: VecDeque<Uint8Array> = Reflect::get(data, &"bundle".into())
                    .ok()
                    .filter(Array::is_array)
                    .map(|parts| {
                        Array::from(&parts)
                            .iter()
                            .filter_map(|p| p.dyn_into().ok())
                            .collect()
                    })
                    .unwrap_or_default();
                if parts.len() != bundle_parts {
                    self.stop("the file loader's answer came without its articles".into());
                    return;
                }
                ARRIVING.with_borrow_mut(|slot| {
                    *slot = Some(Arriving::Reading {
                        parts,
                        count: bundle_parts,
                        read: BundleFromParts::default(),
                    });
                });
                self.next_slice_later();
            }
            None => self.stop("the file loader sent something this page cannot read".into()),
        }
    }

    /// Works on the arriving load for about [`SLICE`], then lets the page paint and answer
    /// before the next slice: a large load is read and indexed without freezing the page.
    fn next_slice(self) {
        let Some(mut arriving) = ARRIVING.with_borrow_mut(Option::take) else {
            // Cancelled.
            return;
        };
        let started = browser::now_ms();
        let mut paint_now = false;
        loop {
            arriving = match arriving {
                Arriving::Reading {
                    mut parts,
                    count,
                    mut read,
                } => match parts.pop_front() {
                    Some(part) => {
                        if let Err(problem) = read_part(&mut read, &part) {
                            self.stop(problem);
                            return;
                        }
                        Arriving::Reading { parts, count, read }
                    }
                    None => match read.finish() {
                        Some(bundle) => Arriving::Indexing(IndexedBundleBuilder::new(bundle)),
                        None => {
                            self.stop("the file loader's answer came without its articles".into());
                            return;
                        }
                    },
                },
                Arriving::Indexing(mut building) => {
                    if building.indexed() < building.total() {
                        building.index_more(ARTICLES_PER_STEP);
                        Arriving::Indexing(building)
                    } else {
                        // Orders the whole vocabulary: a step of its own, after which the
                        // progress bar shows the new stage.
                        let (done, total) = building.finish_terms(0);
                        paint_now = true;
                        Arriving::Finishing {
                            building,
                            done,
                            total,
                        }
                    }
                }
                Arriving::Finishing { mut building, .. } => {
                    let (done, total) = building.finish_terms(TERMS_PER_STEP);
                    if done == total {
                        // A load shows its own files alone: the files loaded before are
                        // not kept beside them, and that is said, not left to be noticed.
                        let replaced = self.active.with_untracked(|active| {
                            self.is_loaded(active).then(|| active.articles().len())
                        });
                        if let Some(before) = replaced {
                            self.add_messages([format!(
                                "These files replace the {} loaded before: to see both, load them together.",
                                format::count(before, "article", "articles")
                            )]);
                        }
                        self.show(Corpus::indexed(building.finish(|_| ())));
                        self.on_screen_messages
                            .set_value(self.messages.get_untracked());
                        browser::store(Kept::InTab, LOADED_FILES_KEY, Some("1"));
                        self.progress.set(None);
                        return;
                    }
                    Arriving::Finishing {
                        building,
                        done,
                        total,
                    }
                }
            };
            if paint_now || browser::now_ms() - started >= SLICE.as_secs_f64() * 1e3 {
                break;
            }
        }
        self.progress.set(Some(arriving.progress()));
        ARRIVING.with_borrow_mut(|slot| *slot = Some(arriving));
        self.next_slice_later();
    }

    /// The next slice, once the page has painted what changed.
    fn next_slice_later(self) {
        request_animation_frame(move || {
            set_timeout(move || self.next_slice(), std::time::Duration::ZERO);
        });
    }

    /// Ends a load that failed: says why; the corpus on screen is unchanged.
    fn stop(self, problem: String) {
        self.add_messages([format!("{problem}. The corpus on screen is unchanged.")]);
        self.keep_on_screen_messages();
        self.progress.set(None);
    }
}

/// A finished load on its way to the screen, worked on a slice at a time.
// There is one at a time, in a thread-local slot: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
enum Arriving {
    /// Parsing the bundle's parts (JSON as UTF-8 bytes, from the worker).
    Reading {
        parts: VecDeque<Uint8Array>,
        count: usize,
        read: BundleFromParts,
    },
    /// Indexing its articles.
    Indexing(IndexedBundleBuilder),
    /// Finishing the index, `done` of `total` terms.
    Finishing {
        building: IndexedBundleBuilder,
        done: usize,
        total: usize,
    },
}

impl Arriving {
    /// What the progress bar shows meanwhile.
    fn progress(&self) -> LoadProgress {
        match self {
            Arriving::Reading { parts, count, .. } => LoadProgress {
                done: count - parts.len(),
                total: *count,
                label: "Receiving the loaded articles".into(),
            },
            Arriving::Indexing(building) => {
                let (done, total) = (building.indexed(), building.total());
                LoadProgress {
                    done,
                    total,
                    label: format!(
                        "Indexing {} of {}",
                        format::number(done),
                        format::count(total, "article", "articles")
                    ),
                }
            }
            Arriving::Finishing { done, total, .. } => LoadProgress {
                done: *done,
                total: *total,
                label: "Finishing the index".into(),
            },
        }
    }
}

/// Reads one of the bundle's parts (its text is copied out: the part can then be dropped).
fn read_part(read: &mut BundleFromParts, part: &Uint8Array) -> Result<(), String> {
    let text = String::from_utf8(part.to_vec())
        .map_err(|_| "the file loader's answer is not UTF-8 text".to_string())?;
    read.add(&text)
        .map_err(|error| format!("the loaded files could not be read back: {error}"))
}

fn post_files(worker: &Worker, files: &Array) -> Result<(), String> {
    worker.post_message(files).map_err(|e| {
        format!(
            "the files could not be handed to the loader: {}",
            describe(&e)
        )
    })
}

/// A thrown JS value as a sentence.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the file loader did not start".into())
}
