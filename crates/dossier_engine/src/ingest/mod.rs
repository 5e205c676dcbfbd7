//! Ingest: raw corpus files -> clean [`Article`]s.
//!
//! The whole pipeline works on bytes in memory ([`ingest_bytes`], [`Collector`]), so the page can
//! run it in wasm on files the user drops; [`ingest_path`] / [`ingest_paths`] only add the walk
//! over the file system for build.rs and the CLI.
//!
//! Per file: [`decode`] (UTF-8, else Windows-1252 with a warning; empty and binary files are
//! skipped with a warning) -> one parser per [`Format`] -> [`Collector`] (exact duplicates merged
//! with a warning naming both places, stable unique ids). Parsers never panic and never drop a
//! record silently: whatever they cannot use becomes a [`Warning`].

pub mod dates;
mod decode;
pub mod furniture;
mod html;
mod markdown;
mod news_txt;
mod records;
mod text;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::article::Article;

pub use text::slug;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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
}

/// What a parser returns for one file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub drafts: Vec<Draft>,
    pub problems: Vec<Problem>,
}

/// An article with every field empty, for parsers to fill in.
pub(crate) fn blank_article() -> Article {
    Article {
        id: String::new(),
        title: String::new(),
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

/// Longest slug taken from a title, in words.
const SLUG_WORDS: usize = 8;

/// Accumulates files into one report: merges exact duplicates and keeps ids unique across files.
/// Feed files in a stable order (ingest_path sorts them) and the output is deterministic.
#[derive(Debug, Default)]
pub struct Collector {
    options: IngestOptions,
    report: IngestReport,
    /// Where each kept article came from ("file:line"), parallel to `report.articles`.
    locations: Vec<String>,
    /// Content hash -> indices of kept articles with that hash (equality is then checked).
    by_content: HashMap<u64, Vec<usize>>,
    ids: HashSet<String>,
    /// Base slug -> last suffix tried, so a thousand "untitled" articles stay linear.
    last_suffix: HashMap<String, usize>,
}

impl Collector {
    /// A collector with these options.
    pub fn new(options: IngestOptions) -> Self {
        Collector {
            options,
            ..Collector::default()
        }
    }

    /// Ingests one file's bytes. `file` is its path relative to the corpus root.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) {
        self.report.files = self.report.files.saturating_add(1);
        let format = match self.options.format.or_else(|| Format::from_file_name(file)) {
            Some(format) => format,
            None => {
                self.warn(
                    file,
                    None,
                    "unknown file type skipped (known: .txt .md .html .htm .json .jsonl .csv; \
                     --format forces one)",
                );
                return;
            }
        };
        let text = match decode::decode(bytes) {
            decode::Decoded::Text { text, note } => {
                if let Some(note) = note {
                    self.warn(file, None, &note);
                }
                text
            }
            decode::Decoded::Empty => {
                self.warn(file, None, "empty file skipped");
                return;
            }
            decode::Decoded::Binary => {
                self.warn(file, None, "binary file skipped (not text)");
                return;
            }
        };
        let parsed = match format {
            Format::Txt => news_txt::parse(&text),
            Format::Markdown => markdown::parse(&text),
            Format::Html => html::parse(&text),
            Format::Json => records::parse_json(&text),
            Format::Jsonl => records::parse_jsonl(&text),
            Format::Csv => records::parse_csv(&text),
        };
        for problem in parsed.problems {
            self.warn(file, problem.line, &problem.message);
        }
        if parsed.drafts.is_empty() {
            self.warn(file, None, "no article found");
        }
        for draft in parsed.drafts {
            self.add_draft(file, draft);
        }
    }

    /// The report so far.
    pub fn finish(self) -> IngestReport {
        self.report
    }

    fn warn(&mut self, file: &str, line: Option<usize>, message: &str) {
        self.report.warnings.push(Warning {
            file: file.to_string(),
            line,
            message: message.to_string(),
        });
    }

    fn add_draft(&mut self, file: &str, draft: Draft) {
        let Draft {
            mut article,
            line,
            id_hint,
        } = draft;
        article.file = file.to_string();
        let location = match line {
            Some(line) => format!("{file}:{line}"),
            None => file.to_string(),
        };
        let hash = content_hash(&article);
        let duplicate_of = self.by_content.get(&hash).and_then(|indices| {
            indices.iter().copied().find(|&index| {
                self.report
                    .articles
                    .get(index)
                    .is_some_and(|kept| same_content(kept, &article))
            })
        });
        if let Some(index) = duplicate_of {
            let first = self.locations.get(index).cloned().unwrap_or_default();
            let message = format!(
                "duplicate of the article at {first} (\"{}\"); merged into it",
                article.title
            );
            self.warn(file, line, &message);
            return;
        }
        article.id = self.unique_id(file, line, id_hint.as_deref(), &article.title);
        let index = self.report.articles.len();
        self.by_content.entry(hash).or_default().push(index);
        self.locations.push(location);
        self.report.articles.push(article);
    }

    /// A slug of the stated id, else of the title, else of the file name; `-2`, `-3`, ... when
    /// taken. A stated id that has to change is reported.
    fn unique_id(
        &mut self,
        file: &str,
        line: Option<usize>,
        id_hint: Option<&str>,
        title: &str,
    ) -> String {
        let stated = id_hint
            .map(|hint| slug(hint, usize::MAX))
            .filter(|s| !s.is_empty());
        let base = stated
            .clone()
            .or_else(|| Some(slug(title, SLUG_WORDS)).filter(|s| !s.is_empty()))
            .or_else(|| Some(slug(file, SLUG_WORDS)).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "article".to_string());
        let mut id = base.clone();
        let counter = self.last_suffix.entry(base.clone()).or_insert(1);
        while self.ids.contains(&id) {
            *counter = counter.saturating_add(1);
            id = format!("{base}-{counter}");
        }
        if let Some(stated) = stated.filter(|stated| *stated != id) {
            let message = format!("id \"{stated}\" is already used; this article is \"{id}\"");
            self.warn(file, line, &message);
        }
        self.ids.insert(id.clone());
        id
    }
}

/// Hash of what makes two articles "the same article": title and body.
fn content_hash(article: &Article) -> u64 {
    // DefaultHasher::new() has fixed keys: the hash only groups candidates within one run and
    // equality is always checked, so no order or output depends on it.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    article.title.hash(&mut hasher);
    article.body.hash(&mut hasher);
    hasher.finish()
}

fn same_content(a: &Article, b: &Article) -> bool {
    a.title == b.title && a.body == b.body
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
        let mut files = Vec::new();
        collect_files(root, &mut files)?;
        files.sort();
        let base = if root.is_dir() {
            root.as_path()
        } else {
            root.parent().unwrap_or(root)
        };
        for path in files {
            let relative = path
                .strip_prefix(base)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(&path).map_err(|e| IngestError {
                path: path.clone(),
                message: e.to_string(),
            })?;
            collector.add_file(&relative, &bytes);
        }
    }
    Ok(collector.finish())
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let error = |e: std::io::Error| IngestError {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(error)?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path).map_err(error)? {
        let child = entry.map_err(error)?.path();
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
    }

    #[test]
    fn duplicates_are_merged_with_a_warning_naming_both_places() {
        let mut collector = Collector::default();
        let text =
            b"A headline for the story\n\nISLAMABAD: A first paragraph that is long enough.\n";
        collector.add_file("a.txt", text);
        collector.add_file("b.txt", text);
        let report = collector.finish();
        assert_eq!(report.articles.len(), 1);
        let messages: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            ["b.txt:1: duplicate of the article at a.txt:1 (\"A headline for the story\"); merged into it"]
        );
    }

    #[test]
    fn ids_are_unique() {
        let mut collector = Collector::default();
        collector.add_file(
            "a.txt",
            b"Same headline here\n\nFirst body that is long enough to be prose.\n",
        );
        collector.add_file(
            "b.txt",
            b"Same headline here\n\nSecond body that is long enough to be prose.\n",
        );
        let ids: Vec<String> = collector
            .finish()
            .articles
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, ["same-headline-here", "same-headline-here-2"]);
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
