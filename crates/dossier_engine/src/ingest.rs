//! Ingest: raw corpus files -> clean [`Article`]s.
//!
//! First pass (foundation): one article per file, the first non-empty line is the title.
//! The ingest issue replaces this with segmentation, furniture removal and dates.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// A problem with the input that did not stop ingest: shown to the user, never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Path relative to the corpus root.
    pub file: String,
    /// 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The result of ingesting a corpus: articles plus everything worth telling the user.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IngestReport {
    pub files: usize,
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

/// A problem that stops ingest altogether (the path cannot be read at all).
#[derive(Debug)]
pub struct IngestError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read {}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for IngestError {}

/// Ingests a file or a folder (recursively, in path order so output is deterministic).
pub fn ingest_path(root: &Path) -> Result<IngestReport, IngestError> {
    let mut files = Vec::new();
    collect_files(root, &mut files)?;
    files.sort();
    let base = if root.is_dir() {
        root
    } else {
        root.parent().unwrap_or(root)
    };
    let mut report = IngestReport::default();
    for path in files {
        let rel = path
            .strip_prefix(base)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(&path).map_err(|e| IngestError {
            path: path.clone(),
            message: e.to_string(),
        })?;
        report.files += 1;
        ingest_bytes(&rel, &bytes, &mut report);
    }
    Ok(report)
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let meta = std::fs::metadata(path).map_err(|e| IngestError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| IngestError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| IngestError {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let child = entry.path();
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect_files(&child, out)?;
        }
    }
    Ok(())
}

/// Ingests one file's bytes, appending its articles and warnings to `report`.
pub fn ingest_bytes(file: &str, bytes: &[u8], report: &mut IngestReport) {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text
        .lines()
        .map(|l| l.trim().trim_matches('*').trim())
        .filter(|l| !l.is_empty());
    let Some(title) = lines.next() else {
        report.warnings.push(Warning {
            file: file.to_string(),
            line: None,
            message: "empty file skipped".into(),
        });
        return;
    };
    let body: Vec<String> = lines.map(str::to_string).collect();
    report.articles.push(Article {
        id: slug(file),
        title: title.to_string(),
        subtitle: None,
        summary: Vec::new(),
        date: None,
        date_text: None,
        date_inferred: false,
        dateline: None,
        byline: None,
        section: None,
        kind: "news".into(),
        source: None,
        file: file.to_string(),
        body,
        captions: Vec::new(),
        comments: Vec::new(),
    });
}

/// A URL- and filename-safe slug: lower-case ASCII letters and digits joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
