//! What a drop or the folder picker holds: its files, and every file under its folders, named by
//! their paths. A folder of articles is the natural thing to drop; the browser hands it over as a
//! directory entry to walk, not as files. The folder picker lists every file, hidden ones too.

use dossier_engine::ingest::file_load::MAX_FILES;
use dossier_engine::sort_shared;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FilePropertyBag, FileSystemDirectoryEntry,
    FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry,
};

use crate::format;

/// The dropped files and what could not be taken, one sentence each.
pub struct Dropped {
    /// Sorted by path; a file from a folder is named by its path in the drop ("notes/2024/a.md").
    pub files: Vec<File>,
    pub messages: Vec<String>,
}

/// The top-level entries of a drop, when any is a folder (None: plain files, which
/// `DataTransfer::files` lists as they are). Taken during the drop event: the browser empties
/// the transfer once the event is over.
pub fn folder_entries(transfer: &DataTransfer) -> Option<Vec<FileSystemEntry>> {
    let items = transfer.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i)?.webkit_get_as_entry().ok().flatten())
        .collect();
    entries
        .iter()
        .any(FileSystemEntry::is_directory)
        .then_some(entries)
}

/// Every file under `entries`, folders walked to the bottom. Hidden files and folders (names
/// starting with a dot: `.git`, `.DS_Store`) are left out with one message; past [`MAX_FILES`]
/// the walk stops, and a message says so.
pub async fn walk(entries: Vec<FileSystemEntry>) -> Dropped {
    let mut files: Vec<(String, File)> = Vec::new();
    let mut hidden: Vec<String> = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        let path = if path.is_empty() { entry.name() } else { path };
        if is_hidden(&entry.name()) {
            hidden.push(path);
            continue;
        }
        if entry.is_directory() {
            // Structural calls: `unchecked_ref`, not `dyn_ref`, which would test the class.
            let reader = entry
                .unchecked_ref::<FileSystemDirectoryEntry>()
                .create_reader();
            match read_all_entries(&reader).await {
                Ok(inside) => stack.extend(inside),
                Err(_) => unreadable.push(path),
            }
        } else if entry.is_file() {
            if files.len() == MAX_FILES {
                return finish(files, hidden, unreadable, true);
            }
            match file_of(entry.unchecked_ref::<FileSystemFileEntry>()).await {
                Ok(file) => files.push((path, file)),
                Err(_) => unreadable.push(path),
            }
        }
    }
    finish(files, hidden, unreadable, false)
}

/// The files of the folder picker (`webkitdirectory`), named by their path in the folder,
/// with the same rules as a walk: hidden files and folders left out, at most [`MAX_FILES`].
pub fn picked(list: &FileList) -> Dropped {
    let mut files: Vec<(String, File)> = Vec::new();
    let mut hidden: Vec<String> = Vec::new();
    for file in (0..list.length()).filter_map(|i| list.get(i)) {
        let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| file.name());
        // The hidden file or folder itself ("corpus/.git"), not each file under it.
        let components: Vec<&str> = path.split('/').collect();
        if let Some(at) = components.iter().position(|c| is_hidden(c)) {
            let hidden_path = components[..=at].join("/");
            if !hidden.contains(&hidden_path) {
                hidden.push(hidden_path);
            }
            continue;
        }
        if files.len() == MAX_FILES {
            return finish(files, hidden, Vec::new(), true);
        }
        files.push((path, file));
    }
    finish(files, hidden, Vec::new(), false)
}

/// Hidden files and folders (`.git`, `.DS_Store`) are not corpus files.
fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

fn finish(
    mut files: Vec<(String, File)>,
    mut hidden: Vec<String>,
    mut unreadable: Vec<String>,
    truncated: bool,
) -> Dropped {
    sort_shared(&mut files, &|a, b| a.0.cmp(&b.0));
    sort_shared(&mut hidden, &|a, b| a.cmp(b));
    sort_shared(&mut unreadable, &|a, b| a.cmp(b));
    let mut messages = Vec::new();
    if truncated {
        messages.push(format!(
            "The folders hold more than {} files: the first {} found were loaded",
            format::number(MAX_FILES),
            format::number(MAX_FILES)
        ));
    }
    if !hidden.is_empty() {
        messages.push(format!(
            "{} not read: hidden (the name starts with a dot): {}",
            format::count(hidden.len(), "file or folder", "files and folders"),
            hidden.join(", ")
        ));
    }
    for path in unreadable {
        messages.push(format!("{path}: the browser could not read this; skipped"));
    }
    let files = files
        .into_iter()
        .map(|(path, file)| named(file, &path))
        .collect();
    Dropped { files, messages }
}

/// `file` under the name `path`, so the loader's messages say where it is. The new `File` holds
/// the same bytes without copying them.
fn named(file: File, path: &str) -> File {
    if file.name() == path {
        return file;
    }
    let options = FilePropertyBag::new();
    options.set_type(&file.type_());
    options.set_last_modified(file.last_modified());
    File::new_with_blob_sequence_and_options(&Array::of1(&file), path, &options).unwrap_or(file)
}

/// Every entry of a folder: the browser gives them in batches (Chromium: 100), until an empty one.
async fn read_all_entries(
    reader: &FileSystemDirectoryReader,
) -> Result<Vec<FileSystemEntry>, JsValue> {
    let mut all = Vec::new();
    loop {
        let batch = callback_result(|done, failed| {
            reader.read_entries_with_callback_and_callback(done, failed)
        })
        .await?;
        let batch = Array::from(&batch);
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
}

async fn file_of(entry: &FileSystemFileEntry) -> Result<File, JsValue> {
    let file = callback_result(|done, failed| {
        entry.file_with_callback_and_callback(done, failed);
        Ok(())
    })
    .await?;
    Ok(file.unchecked_into())
}

/// The value a callback-style browser call hands to its success callback (or the error).
async fn callback_result(
    call: impl FnOnce(&Function, &Function) -> Result<(), JsValue>,
) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            if let Err(error) = call(&resolve, &reject) {
                let _ = reject.call1(&JsValue::NULL, &error);
            }
        }
    });
    JsFuture::from(promise).await
}
