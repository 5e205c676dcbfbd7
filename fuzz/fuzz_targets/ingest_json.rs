//! Ingest of arbitrary bytes as json must never panic.
#![no_main]

use dossier_engine::ingest::{ingest_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ingest_bytes("fuzz.json", data, Some(Format::Json));
});
