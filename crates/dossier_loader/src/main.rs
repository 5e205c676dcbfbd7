//! The "Load files" worker. The page posts it an array of `File`s; it reads them one at a time,
//! ingests, analyses and bundles them with the engine's [`FileLoad`], and posts back
//! [`LoaderReport`]s as JSON (the finished bundle beside the last one). Everything it decides is
//! in the engine; this only moves bytes and messages between the browser and it.
//!
//! It is its own wasm so the page does not carry ingest and analytics (the HTML parser, CSV,
//! dates, topics, entities, quotations) for visitors who never load a file, and so a large load
//! never blocks the page.

use dossier_engine::ingest::file_load::{FileLoad, LoaderReport};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let files: Vec<File> = Array::from(&event.data())
            .iter()
            .filter_map(|value| value.dyn_into::<File>().ok())
            .collect();
        wasm_bindgen_futures::spawn_local(load(files));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&LoaderReport::Ready, None);
}

/// Reads, ingests and bundles `files`, reporting progress before each one.
async fn load(files: Vec<File>) {
    let mut load = FileLoad::new(files.len());
    for (done, file) in files.iter().take(load.total()).enumerate() {
        let name = file.name();
        post(&load.reading(done, &name), None);
        if !load.accepts(&name, file.size()) {
            continue;
        }
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => load.add(&name, &Uint8Array::new(&buffer).to_vec()),
            Err(_) => load.unreadable(&name),
        }
    }
    post(&load.analysing(), None);
    let (bundle, mut messages) = load.finish();
    let bundle = bundle.and_then(|bundle| match serde_json::to_string(&bundle) {
        Ok(json) => Some(json),
        Err(error) => {
            messages.push(format!("the loaded files could not be prepared: {error}"));
            None
        }
    });
    let finished = LoaderReport::Finished {
        messages,
        bundle: bundle.is_some(),
    };
    post(&finished, bundle.as_deref());
}

/// Posts `{ report, bundle? }` to the page: `report` is the report's JSON.
fn post(report: &LoaderReport, bundle: Option<&str>) {
    let message = Object::new();
    // Serialising these plain types cannot fail; an empty report would be refused by the page.
    let json = serde_json::to_string(report).unwrap_or_default();
    let _ = Reflect::set(&message, &"report".into(), &json.into());
    if let Some(bundle) = bundle {
        let _ = Reflect::set(&message, &"bundle".into(), &bundle.into());
    }
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if let Err(error) = scope.post_message(&message) {
        web_sys::console::error_2(&"Dossier loader: cannot reply".into(), &error);
    }
}
