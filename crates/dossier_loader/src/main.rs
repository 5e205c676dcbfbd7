//! The "Load files" worker. The page posts it an array of `File`s; it reads them one at a time,
//! ingests, analyses and bundles them with the engine's [`FileLoad`], and posts back
//! [`LoaderReport`]s as JSON (the finished bundle's parts beside the last one). Everything it decides is
//! in the engine; this only moves bytes and messages between the browser and it.
//!
//! It is its own wasm so the page does not carry ingest and analytics (the HTML parser, CSV,
//! dates, topics, entities, quotations) for visitors who never load a file, and so a large load
//! never blocks the page.

use dossier_engine::ingest::file_load::{FileLoad, LoaderReport, BUNDLE_PART_BYTES};
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
    post(&LoaderReport::Ready, &[]);
}

/// Reads, ingests and bundles `files`, reporting progress before each one.
async fn load(files: Vec<File>) {
    let mut load = FileLoad::new(files.len());
    for (done, file) in files.iter().take(load.total()).enumerate() {
        let name = file.name();
        post(&load.reading(done, &name), &[]);
        if !load.accepts(&name, file.size()) {
            continue;
        }
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => load.add(&name, &Uint8Array::new(&buffer).to_vec()),
            Err(_) => load.unreadable(&name),
        }
    }
    post(&load.analysing(), &[]);
    let (bundle, mut messages) = load.finish(&mut |report| post(&report, &[]));
    let parts = match bundle.map(|bundle| bundle.to_json_parts(BUNDLE_PART_BYTES)) {
        Some(Ok(parts)) => parts,
        Some(Err(error)) => {
            messages.push(format!("the loaded files could not be prepared: {error}"));
            Vec::new()
        }
        None => Vec::new(),
    };
    let finished = LoaderReport::Finished {
        messages,
        bundle_parts: parts.len(),
    };
    post(&finished, &parts);
}

/// Posts `{ report, bundle? }` to the page: `report` is the report's JSON; `bundle`, when there
/// are `bundle_parts`, an array of their UTF-8 bytes, transferred rather than copied.
fn post(report: &LoaderReport, bundle_parts: &[String]) {
    let message = Object::new();
    // Serialising these plain types cannot fail; an empty report would be refused by the page.
    let json = serde_json::to_string(report).unwrap_or_default();
    let _ = Reflect::set(&message, &"report".into(), &json.into());
    let transfer = Array::new();
    if !bundle_parts.is_empty() {
        let parts: Array = bundle_parts
            .iter()
            .map(|part| {
                let bytes = Uint8Array::from(part.as_bytes());
                transfer.push(&bytes.buffer());
                bytes
            })
            .collect();
        let _ = Reflect::set(&message, &"bundle".into(), &parts);
    }
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if let Err(error) = scope.post_message_with_transfer(&message, &transfer) {
        web_sys::console::error_2(&"Dossier loader: cannot reply".into(), &error);
    }
}
