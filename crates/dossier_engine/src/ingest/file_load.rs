//! "Load files" in the page, as plain Rust: the limits, the messages, the progress and the
//! reports the loader worker sends the page. The worker (crates/dossier_loader) only moves bytes
//! and these values; everything it decides is here and tested natively.

use serde::{Deserialize, Serialize};

use super::{Collector, IngestOptions};
use crate::bundle::Bundle;

/// A file larger than this is refused with a message: the page holds everything in memory.
pub const MAX_FILE_BYTES: f64 = 50_000_000.0;

/// At most this many files per load.
pub const MAX_FILES: usize = 5_000;

/// How far a load has come, for the progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
    /// What is being done, as the progress bar's label ("Reading 2 of 5: notes.md").
    pub label: String,
}

/// The size of the bundle's parts from the worker: about 5 ms of parsing each in the page.
pub const BUNDLE_PART_BYTES: usize = 1 << 20;

/// What the loader worker tells the page, as JSON. A finished load's bundle travels beside its
/// report as UTF-8 bytes in [`BUNDLE_PART_BYTES`] parts ([`crate::bundle::Bundle::to_json_parts`]),
/// handed over without a copy; the page parses a part per task, keeps them, and borrows the
/// articles' text from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum LoaderReport {
    /// Started and waiting for files.
    Ready,
    Progress(LoadProgress),
    /// The load ended. `messages`: what could not be used, one sentence each, naming the file
    /// (and line). `bundle_parts`: how many parts of a bundle come with this report (none when
    /// no article was found, and the corpus on screen stays).
    Finished {
        messages: Vec<String>,
        bundle_parts: usize,
    },
}

/// One load: files are added one at a time (each a slice of work between progress reports),
/// then [`FileLoad::finish`] ingests, analyses and bundles them.
#[derive(Debug)]
pub struct FileLoad {
    collector: Collector,
    messages: Vec<String>,
    total: usize,
}

impl FileLoad {
    /// A load of `file_count` files. Beyond [`MAX_FILES`] the rest is refused with one message;
    /// [`FileLoad::total`] says how many are read.
    pub fn new(file_count: usize) -> Self {
        let mut messages = Vec::new();
        if file_count > MAX_FILES {
            messages.push(format!(
                "{file_count} files dropped: at most {MAX_FILES} load at once; the first \
                 {MAX_FILES} were read"
            ));
        }
        FileLoad {
            collector: Collector::new(IngestOptions::default()),
            messages,
            total: file_count.min(MAX_FILES),
        }
    }

    /// How many files this load reads.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The progress report before reading the file `done` (0-based) called `name`.
    pub fn reading(&self, done: usize, name: &str) -> LoaderReport {
        LoaderReport::Progress(LoadProgress {
            done,
            total: self.total,
            label: format!(
                "Reading {} of {}: {name}",
                done.saturating_add(1),
                self.total
            ),
        })
    }

    /// The progress report once every file is read, while [`FileLoad::finish`] runs.
    pub fn analysing(&self) -> LoaderReport {
        LoaderReport::Progress(LoadProgress {
            done: self.total,
            total: self.total,
            label: "Finding topics, people and quotations".into(),
        })
    }

    /// Whether a file of `bytes` may be read; a larger one is refused with a message.
    pub fn accepts(&mut self, name: &str, bytes: f64) -> bool {
        if bytes > MAX_FILE_BYTES {
            self.messages.push(format!(
                "{name}: {:.0} MB is more than the {:.0} MB one file may have; skipped",
                bytes / 1e6,
                MAX_FILE_BYTES / 1e6
            ));
            return false;
        }
        true
    }

    /// Ingests one file's bytes (its problems become messages at the end).
    pub fn add(&mut self, name: &str, bytes: &[u8]) {
        self.collector.add_file(name, bytes);
    }

    /// The browser could not read a file.
    pub fn unreadable(&mut self, name: &str) {
        self.messages.push(format!(
            "{name}: the browser could not read this file; skipped"
        ));
    }

    /// The bundle of every article found (None when there is none, with a message saying the
    /// corpus on screen is unchanged), and every message of the load.
    pub fn finish(self) -> (Option<Bundle>, Vec<String>) {
        let FileLoad {
            collector,
            mut messages,
            ..
        } = self;
        let report = collector.finish();
        messages.extend(report.warnings.iter().map(ToString::to_string));
        if report.articles.is_empty() {
            messages.push(
                "No article was found in these files; the corpus on screen is unchanged.".into(),
            );
            return (None, messages);
        }
        (
            Some(Bundle::build(report.articles, report.warnings)),
            messages,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_reads_good_files_and_names_every_problem() {
        let mut load = FileLoad::new(4);
        assert_eq!(load.total(), 4);
        assert_eq!(
            load.reading(1, "notes.md"),
            LoaderReport::Progress(LoadProgress {
                done: 1,
                total: 4,
                label: "Reading 2 of 4: notes.md".into()
            })
        );
        let jsonl = "{\"title\": \"Harbour terminal approved\", \"text\": \"The harbour authority approved it.\"}\n{\"title\": \"broken";
        load.add("mine.jsonl", jsonl.as_bytes());
        load.add("empty.txt", b"");
        assert!(!load.accepts("huge.txt", 60e6));
        assert!(load.accepts("small.txt", 10.0));
        load.unreadable("locked.txt");
        let (bundle, messages) = load.finish();
        let bundle = bundle.expect("one article was found");
        assert_eq!(bundle.articles.len(), 1);
        assert_eq!(bundle.articles[0].title, "Harbour terminal approved");
        let all = messages.join("\n");
        for expected in [
            "huge.txt: 60 MB is more than the 50 MB",
            "locked.txt: the browser could not read",
            "mine.jsonl:2: ",
            "empty.txt",
        ] {
            assert!(all.contains(expected), "{expected:?} not in {all}");
        }
        // The analytics ran: the bundle is what build.rs would write for these articles.
        assert_eq!(bundle.analytics.topics.assignments.len(), 1);
    }

    #[test]
    fn too_many_files_are_cut_with_a_message_and_no_article_keeps_the_corpus() {
        let load = FileLoad::new(MAX_FILES + 3);
        assert_eq!(load.total(), MAX_FILES);
        let (bundle, messages) = load.finish();
        assert!(bundle.is_none());
        assert!(messages[0].starts_with(&format!("{} files dropped", MAX_FILES + 3)));
        assert!(messages[1].contains("the corpus on screen is unchanged"));
    }

    #[test]
    fn reports_round_trip_as_the_json_the_page_reads() {
        let reports = [
            LoaderReport::Ready,
            FileLoad::new(2).analysing(),
            LoaderReport::Finished {
                messages: vec!["a.txt: empty file skipped".into()],
                bundle_parts: 3,
            },
        ];
        for report in reports {
            let json = serde_json::to_string(&report).expect("serialises");
            let back: LoaderReport = serde_json::from_str(&json).expect("parses");
            assert_eq!(back, report, "{json}");
        }
        assert_eq!(
            serde_json::to_string(&LoaderReport::Ready).ok().as_deref(),
            Some(r#"{"kind":"ready"}"#)
        );
    }
}
