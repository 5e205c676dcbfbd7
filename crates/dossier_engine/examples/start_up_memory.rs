//! Heap at each step of the page's start-up (`IndexedBundle::build`, what `Corpus::index` in src/results.rs runs), measured
//! natively with a counting allocator:
//! `cargo run --release -p dossier_engine --example start_up_memory -- <corpus dir>`.
//! The wasm memory grows to the start-up's peak plus the embedded bundle JSON and never shrinks,
//! so the peak is the number to cut. Native pointers are 8 bytes against wasm32's 4, so
//! pointer-heavy structures weigh somewhat more here than in the page.

use std::alloc::System;
use std::process::{Command, ExitCode};

use cap::Cap;
use dossier_engine::bundle::IndexedBundle;
use dossier_engine::Bundle;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// Live and peak heap above `base` (what was allocated before the bundle was parsed).
fn step(name: &str, base: usize) {
    println!(
        "{name:<22} live {:>7.1} MB   peak {:>7.1} MB",
        mb(ALLOCATOR.allocated().saturating_sub(base)),
        mb(ALLOCATOR.max_allocated().saturating_sub(base))
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, json] if flag == "--bundle" => measure(json),
        [corpus] => write_bundle_and_measure(corpus),
        _ => {
            eprintln!("usage: start_up_memory <corpus dir>");
            ExitCode::from(2)
        }
    }
}

/// Ingests and analyses the corpus as build.rs does, then measures in a fresh process, so the
/// build's own peak does not hide the start-up's.
fn write_bundle_and_measure(corpus: &str) -> ExitCode {
    let report = match dossier_engine::ingest::ingest_path(std::path::Path::new(corpus)) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let bundle = Bundle::build(report.articles, report.warnings);
    let path = std::env::temp_dir().join(format!("start_up_memory-{}.json", std::process::id()));
    let written = serde_json::to_string(&bundle)
        .map_err(|e| e.to_string())
        .and_then(|json| std::fs::write(&path, json).map_err(|e| e.to_string()));
    if let Err(error) = written {
        eprintln!("cannot write {}: {error}", path.display());
        return ExitCode::FAILURE;
    }
    let status = std::env::current_exe()
        .and_then(|exe| Command::new(exe).arg("--bundle").arg(&path).status());
    let _ = std::fs::remove_file(&path);
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("cannot run the measurement: {error}");
            ExitCode::FAILURE
        }
    }
}

fn measure(path: &str) -> ExitCode {
    // Leaked like the page's data segment, so text borrows from it as in the page.
    let json: &'static str = match std::fs::read_to_string(path) {
        Ok(json) => json.leak(),
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "bundle JSON (the page's data segment) {:.1} MB",
        mb(json.len())
    );
    let base = ALLOCATOR.allocated();
    let bundle: Bundle = match dossier_engine::parse_embedded(json) {
        Ok(bundle) => bundle,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    step("parsed bundle", base);
    let indexed = IndexedBundle::build(bundle, |name| step(&format!("+ {name}"), base));
    std::hint::black_box(&indexed);
    ExitCode::SUCCESS
}
