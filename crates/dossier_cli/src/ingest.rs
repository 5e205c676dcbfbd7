//! `dossier ingest`: articles as JSON on stdout, warnings and the summary on stderr.

use std::io::Write;
use std::path::PathBuf;

use dossier_engine::ingest::{ingest_paths, Format, IngestOptions};

/// Runs ingest over `paths`; `Err` is the one line to print before exiting non-zero.
pub fn run(paths: &[PathBuf], jsonl: bool, format: Option<Format>) -> Result<(), String> {
    let report = ingest_paths(paths, IngestOptions { format }).map_err(|e| e.to_string())?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if jsonl {
        report.articles.iter().try_for_each(|a| {
            serde_json::to_writer(&mut out, a).map_err(std::io::Error::from)?;
            writeln!(out)
        })
    } else {
        serde_json::to_writer_pretty(&mut out, &report.articles)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    eprintln!("{}", report.summary());
    Ok(())
}
