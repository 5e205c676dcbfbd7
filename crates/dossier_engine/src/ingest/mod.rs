//! Ingest: raw corpus files -> clean [`Article`]s.
//!
//! The whole pipeline works on bytes in memory ([`ingest_bytes`], [`Collector`]), so the page can
//! run it in wasm on files the user drops; [`ingest_path`] / [`ingest_paths`] only add the walk
//! over the file system for build.rs and the CLI.
//!
//! Per file: `decode` (UTF-8, else Windows-1252 with a warning; empty and binary files are
//! skipped with a warning) -> one parser per [`Format`] -> [`Collector`] (exact duplicates merged
//! with a warning naming both places, stable unique ids). Parsers never panic and never drop a
//! record silently: whatever they cannot use becomes a [`Warning`].

mod collector;
mod dateline;
pub mod dates;
mod decode;
pub mod file_load;
pub mod furniture;
mod html;
mod json_records;
mod markdown;
mod news_txt;
mod records;
pub(crate) mod text;
mod unread;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::article::Article;

pub use collector::Collector;
pub use text::{comparable, slug, slug_of_folded};

/// A problem with the input that did not stop ingest: shown to the user, never dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Path relative to the corpus root.
    pub file: String,
    /// 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    pub message: String,
    /// The other files (and lines) giving the same warning, in input order, when it is said once
    /// for them all (the keys a blog folder's posts all leave unread); empty for one file's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Place>,
}

/// A file, and a line of it, that a warning is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Path relative to the corpus root.
    pub file: String,
    /// 1-based line, when the problem is on one line.
    pub line: Option<usize>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.file, line),
            None => f.write_str(&self.file),
        }
    }
}

/// Files named in a warning said once for many before "and N more".
const FILES_NAMED: usize = 3;

impl Warning {
    /// Where the warning is: its file and line (the first, when it is said for several files).
    pub fn place(&self) -> Place {
        Place {
            file: self.file.clone(),
            line: self.line,
        }
    }
}

impl fmt::Display for Warning {
    /// `file:line: message`, or for several files `412 files (a.md:4, b.md:3, c.md:5 and 409
    /// more): message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.also.is_empty() {
            return write!(f, "{}: {}", self.place(), self.message);
        }
        let files = self.also.len().saturating_add(1);
        let named: Vec<String> = std::iter::once(self.place())
            .chain(self.also.iter().cloned())
            .take(FILES_NAMED)
            .map(|place| place.to_string())
            .collect();
        let more = match files.saturating_sub(named.len()) {
            0 => String::new(),
            more => format!(" and {} more", crate::view_model::number(more)),
        };
        write!(
            f,
            "{} files ({}{more}): {}",
            crate::view_model::number(files),
            named.join(", "),
            self.message
        )
    }
}

/// The result of ingesting a corpus: articles plus everything worth telling the user.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IngestReport {
    /// Files read (including those skipped with a warning).
    pub files: usize,
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

impl IngestReport {
    /// The one-line summary the CLI prints: "N files, M articles, K warnings".
    pub fn summary(&self) -> String {
        format!(
            "{} files, {} articles, {} warnings",
            self.files,
            self.articles.len(),
            self.warnings.len()
        )
    }
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

/// An input format. Detected from the file extension unless forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain-text news pages (the news heuristics: segmentation, furniture, datelines).
    Txt,
    /// Markdown with optional YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// An HTML page: headline and paragraphs, without scripts, navigation or footers.
    Html,
    /// A JSON array of article objects (or one object).
    Json,
    /// One JSON article object per line.
    Jsonl,
    /// A header row naming the article columns, then one article per row.
    Csv,
}

impl Format {
    /// Every format, for `--help` texts and tests.
    pub const ALL: [Format; 6] = [
        Format::Txt,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Jsonl,
        Format::Csv,
    ];

    /// The usual extension of each format (a few more are read: `.text`, `.markdown`,
    /// `.ndjson`), for messages that say what is read.
    pub const EXTENSIONS: [&str; 7] = ["txt", "md", "html", "htm", "json", "jsonl", "csv"];

    /// Every extension that is read, as a file picker's `accept` list.
    pub const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,.csv";

    /// [`Format::EXTENSIONS`] as a message says them: ".txt .md .html .htm .json .jsonl .csv".
    pub fn extensions_list() -> String {
        let dotted: Vec<String> = Self::EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
        dotted.join(" ")
    }

    /// The format a file name's extension names, if any.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let (_, extension) = name.rsplit_once('.')?;
        extension.parse().ok()
    }

    /// The canonical name (`txt`, `md`, `html`, `json`, `jsonl`, `csv`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    /// Accepts the format names and the usual extensions, case-insensitively.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Ok(Format::Txt),
            "md" | "markdown" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            other => Err(format!(
                "unknown format `{other}` (expected one of: txt, md, html, json, jsonl, csv)"
            )),
        }
    }
}

/// Ingest settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestOptions {
    /// Parse every file as this format instead of detecting it from the extension.
    pub format: Option<Format>,
}

/// An article as a parser produced it, before the collector gives it an id and a file.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub article: Article,
    /// 1-based line where the article starts (txt, jsonl, csv), for warnings.
    pub line: Option<usize>,
    /// An id the input states (json/csv `id`, front matter), slugged by the collector.
    pub id_hint: Option<String>,
}

/// A problem a parser found, before the collector adds the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub line: Option<usize>,
    pub message: String,
    /// The problem as data when it names keys that are not read: the collector says the same
    /// one of many files once.
    pub unread: Option<unread::UnreadWarning>,
}

/// What a parser returns for one file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub drafts: Vec<Draft>,
    pub problems: Vec<Problem>,
}

#[cfg(test)]
impl Parsed {
    /// Each problem's line and message, for tests to compare at a glance.
    pub(crate) fn problem_lines(&self) -> Vec<(Option<usize>, &str)> {
        self.problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect()
    }
}

/// Lines named in a message about many lines before "and N more".
const LINES_NAMED: usize = 5;

/// "lines 2, 3, 4, 5, 6 and 25 more": where a problem met on many lines of a file was met.
pub(crate) fn lines_named(lines: &[usize]) -> String {
    let named: Vec<String> = lines
        .iter()
        .take(LINES_NAMED)
        .map(ToString::to_string)
        .collect();
    match lines.len().saturating_sub(LINES_NAMED) {
        0 => format!("lines {}", named.join(", ")),
        more => format!(
            "lines {} and {} more",
            named.join(", "),
            crate::view_model::number(more)
        ),
    }
}

/// An article with every field empty, for parsers to fill in.
pub(crate) fn blank_article() -> Article {
    Article {
        id: String::new(),
        title: crate::Text::default(),
        subtitle: None,
        summary: Vec::new(),
        date: None,
        date_text: None,
        date_inferred: false,
        dateline: None,
        byline: None,
        section: None,
        kind: "news".to_string(),
        source: None,
        file: String::new(),
        body: Vec::new(),
        captions: Vec::new(),
        comments: Vec::new(),
        url: None,
        label: None,
    }
}

/// Ingests one file held in memory (no file system access: usable from wasm).
/// `format` overrides detection from `file_name`'s extension.
pub fn ingest_bytes(file_name: &str, bytes: &[u8], format: Option<Format>) -> IngestReport {
    let mut collector = Collector::new(IngestOptions { format });
    collector.add_file(file_name, bytes);
    collector.finish()
}

/// Ingests a file or a folder (recursively, in path order so output is deterministic).
pub fn ingest_path(root: &Path) -> Result<IngestReport, IngestError> {
    ingest_paths(&[root.to_path_buf()], IngestOptions::default())
}

/// Ingests several files or folders into one report (ids unique and duplicates merged across
/// all of them). A file's name in the output is relative to the folder it was found under, or
/// just its file name when it was given directly.
pub fn ingest_paths(
    roots: &[PathBuf],
    options: IngestOptions,
) -> Result<IngestReport, IngestError> {
    let mut collector = Collector::new(options);
    for root in roots {
        let mut walk = Walk::default();
        collect_files(root, &mut walk)?;
        walk.files.sort();
        let base = if root.is_dir() {
            root.as_path()
        } else {
            root.parent().unwrap_or(root)
        };
        let relative = |path: &Path| {
            path.strip_prefix(base)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/")
        };
        for link in &walk.loops {
            collector.warn(
                &relative(link),
                None,
                "link to a folder it is inside (a loop): not followed",
            );
        }
        for path in walk.files {
            let relative = relative(&path);
            let bytes = std::fs::read(&path).map_err(|e| IngestError {
                path: path.clone(),
                message: e.to_string(),
            })?;
            collector.add_file(&relative, &bytes);
        }
    }
    Ok(collector.finish())
}

/// What a walk over the file system found.
#[derive(Debug, Default)]
struct Walk {
    files: Vec<PathBuf>,
    /// Links to a folder the walk is already inside, not followed (each said once).
    loops: Vec<PathBuf>,
    /// The canonical paths of the folders the walk is inside, outermost first.
    inside: Vec<PathBuf>,
}

fn collect_files(path: &Path, walk: &mut Walk) -> Result<(), IngestError> {
    let error = |e: std::io::Error| IngestError {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(error)?;
    if meta.is_file() {
        walk.files.push(path.to_path_buf());
        return Ok(());
    }
    // A link back to a folder the walk is in (`a/up -> ..`) would be followed forever, until
    // the system refuses with "too many levels of symbolic links" and stops the whole ingest.
    let canonical = std::fs::canonicalize(path).map_err(error)?;
    if walk.inside.contains(&canonical) {
        walk.loops.push(path.to_path_buf());
        return Ok(());
    }
    walk.inside.push(canonical);
    for entry in std::fs::read_dir(path).map_err(error)? {
        let child = entry.map_err(error)?.path();
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect_files(&child, walk)?;
        }
    }
    walk.inside.pop();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_file_name("a/b.TXT"), Some(Format::Txt));
        assert_eq!(Format::from_file_name("x.htm"), Some(Format::Html));
        assert_eq!(Format::from_file_name("x.ndjson"), Some(Format::Jsonl));
        assert_eq!(Format::from_file_name("README"), None);
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert!("pdf".parse::<Format>().is_err());
        // The file picker offers every extension that is read, and only those.
        for extension in Format::ACCEPT.split(',') {
            let read = Format::from_file_name(&format!("x{extension}"));
            assert!(read.is_some(), "{extension} is offered but not read");
        }
        for extension in Format::EXTENSIONS {
            assert!(Format::ACCEPT
                .split(',')
                .any(|e| e == format!(".{extension}")));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_to_a_folder_it_is_in_is_said_and_not_followed() {
        // `a/up -> ..` stopped the whole ingest with "Too many levels of symbolic links".
        let root = std::env::temp_dir().join(format!("dossier-loop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let made = std::fs::create_dir_all(root.join("a"))
            .and_then(|()| std::fs::write(root.join("note.md"), "# A note\n\nSome text.\n"))
            .and_then(|()| std::os::unix::fs::symlink("..", root.join("a").join("up")));
        assert!(made.is_ok(), "{made:?}");
        let report = ingest_path(&root);
        let _ = std::fs::remove_dir_all(&root);
        let report = report.map_err(|e| e.to_string());
        let warnings: Vec<String> = report
            .iter()
            .flat_map(|r| r.warnings.iter().map(ToString::to_string))
            .collect();
        assert_eq!(
            warnings,
            ["a/up: link to a folder it is inside (a loop): not followed"]
        );
        assert_eq!(report.map(|r| r.articles.len()), Ok(1));
    }

    #[test]
    fn unknown_empty_and_binary_files_are_skipped_with_warnings() {
        let report = ingest_bytes("notes.pdf", b"%PDF", None);
        assert_eq!(report.articles.len(), 0);
        assert_eq!(report.warnings.len(), 1);
        let report = ingest_bytes("empty.txt", b"\n\n", None);
        assert_eq!(
            report.warnings.first().map(|w| w.message.as_str()),
            Some("empty file skipped")
        );
        let report = ingest_bytes("image.txt", b"\x89PNG\0\0", None);
        assert_eq!(
            report.warnings.first().map(|w| w.message.as_str()),
            Some("binary file skipped (not text)")
        );
    }
}
