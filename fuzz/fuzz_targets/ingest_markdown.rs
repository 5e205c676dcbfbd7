//! Ingest of arbitrary bytes as markdown must never panic.
#![no_main]

use dossier_engine::ingest::{ingest_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ingest_bytes("fuzz.markdown", data, Some(Format::Markdown));
});
