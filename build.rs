//! Thin on purpose: ingest the corpus with the engine and write the bundle the app embeds.
//! The corpus folder is `corpus/`, or `DOSSIER_CORPUS` when set (your own corpus).

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=DOSSIER_CORPUS");
    let corpus = std::env::var_os("DOSSIER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("corpus"));
    println!("cargo::rerun-if-changed={}", corpus.display());

    let report = match dossier_engine::ingest::ingest_path(&corpus) {
        Ok(report) => report,
        Err(error) => {
            println!("cargo::error={error}");
            return;
        }
    };
    for warning in &report.warnings {
        println!("cargo::warning={warning}");
    }
    let bundle = dossier_engine::Bundle::build(report.articles, report.warnings);
    let json = match serde_json::to_string(&bundle) {
        Ok(json) => json,
        Err(error) => {
            println!("cargo::error=cannot serialise the bundle: {error}");
            return;
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundle.json");
    if let Err(error) = std::fs::write(&out, json) {
        println!("cargo::error=cannot write {}: {error}", out.display());
    }
}
