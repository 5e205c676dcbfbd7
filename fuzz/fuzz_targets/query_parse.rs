//! The query parser must accept any text: a parsed query or errors that explain themselves.
#![no_main]

use dossier_engine::query::{parse, ParseOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse(&text, &ParseOptions::default());
});
