//! `dossier ingest`.

use std::io::Write;
use std::path::PathBuf;

use dossier_engine::ingest::{ingest_path, IngestReport};

pub fn run(paths: &[PathBuf], jsonl: bool) -> Result<(), String> {
    let mut all = IngestReport::default();
    for path in paths {
        let report = ingest_path(path).map_err(|e| e.to_string())?;
        all.files += report.files;
        all.articles.extend(report.articles);
        all.warnings.extend(report.warnings);
    }
    for warning in &all.warnings {
        eprintln!("warning: {warning}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if jsonl {
        all.articles.iter().try_for_each(|a| {
            serde_json::to_writer(&mut out, a).map_err(std::io::Error::from)?;
            writeln!(out)
        })
    } else {
        serde_json::to_writer_pretty(&mut out, &all.articles)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    eprintln!(
        "{} files, {} articles, {} warnings",
        all.files,
        all.articles.len(),
        all.warnings.len()
    );
    Ok(())
}
