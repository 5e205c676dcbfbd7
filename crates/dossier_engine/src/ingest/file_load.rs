//! "Load files" in the page, as plain Rust: the limits, the messages, the progress and the
//! reports the loader worker sends the page. The worker (crates/dossier_loader) only moves bytes
//! and these values; everything it decides is here and tested natively.

use serde::{Deserialize, Serialize};

use super::{Collector, Format, IngestOptions};
use crate::analytics::AnalysisProgress;
use crate::bundle::Bundle;
use crate::view_model::number;

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
    /// Files not read because their type is not one ingest reads: said in one message at the
    /// end (a dropped folder may hold hundreds of images).
    unknown_types: Vec<String>,
}

/// Files of an unknown type named in the message before "and N more".
const UNKNOWN_TYPES_NAMED: usize = 3;

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
            unknown_types: Vec::new(),
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

    /// Whether a file of `bytes` may be read: one of a type ingest does not read, or larger
    /// than [`MAX_FILE_BYTES`], is refused with a message.
    pub fn accepts(&mut self, name: &str, bytes: f64) -> bool {
        if Format::from_file_name(name).is_none() {
            self.unknown_types.push(name.to_string());
            return false;
        }
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
    /// corpus on screen is unchanged), and every message of the load. The analytics take a
    /// while on thousands of articles: `progress` gets a report at each step.
    pub fn finish(self, progress: &mut dyn FnMut(LoaderReport)) -> (Option<Bundle>, Vec<String>) {
        let FileLoad {
            collector,
            mut messages,
            unknown_types,
            ..
        } = self;
        if let Some(message) = unknown_types_message(&unknown_types) {
            messages.push(message);
        }
        let report = collector.finish();
        messages.extend(grouped_messages(&report.warnings));
        if report.articles.is_empty() {
            messages.push(
                "No article was found in these files; the corpus on screen is unchanged.".into(),
            );
            return (None, messages);
        }
        let bundle = Bundle::build_reporting(report.articles, report.warnings, &mut |step| {
            progress(analysis_report(step));
        });
        (Some(bundle), messages)
    }
}

/// One message per file and problem: the same problem on many lines of a file (a column missing
/// from every row of a CSV) is said once, with its first lines and how many more, so thousands of
/// rows do not bury the other messages. First-seen order. (The same unread keys of many files
/// come already said once, by the collector.)
pub fn grouped_messages(warnings: &[super::Warning]) -> Vec<String> {
    let mut groups: Vec<(&super::Warning, Vec<usize>)> = Vec::new();
    let mut group_of: std::collections::HashMap<(&str, &str), usize> = Default::default();
    for warning in warnings {
        if !warning.also.is_empty() {
            groups.push((warning, Vec::new()));
            continue;
        }
        let key = (warning.file.as_str(), without_column(&warning.message));
        let at = *group_of.entry(key).or_insert_with(|| {
            groups.push((warning, Vec::new()));
            groups.len() - 1
        });
        if let (Some((_, lines)), Some(line)) = (groups.get_mut(at), warning.line) {
            lines.push(line);
        }
    }
    groups
        .into_iter()
        .map(|(warning, lines)| match lines.as_slice() {
            [] | [_] => warning.to_string(),
            _ => format!(
                "{}: {} ({})",
                warning.file,
                without_column(&warning.message),
                super::lines_named(&lines)
            ),
        })
        .collect()
}

/// A message without the column it ends with ("EOF while parsing an object (column 40)"): one
/// broken JSON line and the next, broken at another column, are the same problem.
fn without_column(message: &str) -> &str {
    message
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" (column "))
        .filter(|(_, column)| !column.is_empty() && column.bytes().all(|b| b.is_ascii_digit()))
        .map_or(message, |(before, _)| before)
}

/// One sentence for every file of a type ingest does not read, naming the first few.
fn unknown_types_message(names: &[String]) -> Option<String> {
    let (first, rest) = match names {
        [] => return None,
        [only] => return Some(format!("{only}: {}; skipped", not_read_types())),
        _ => names.split_at(names.len().min(UNKNOWN_TYPES_NAMED)),
    };
    let named = match rest.len() {
        0 => {
            let (last, before) = first.split_last()?;
            format!("{} and {last}", before.join(", "))
        }
        more => format!("{} and {} more", first.join(", "), number(more)),
    };
    Some(format!("{named}: {}; skipped", not_read_types()))
}

/// Why a file of an unknown type is not read, and which types are.
fn not_read_types() -> String {
    format!("not a type Dossier reads ({})", Format::extensions_list())
}

/// The progress report for a step of the analytics.
fn analysis_report(step: AnalysisProgress) -> LoaderReport {
    let (done, total, label) = match step {
        AnalysisProgress::Words => (0, 1, "Finding topics: weighing the words".to_string()),
        AnalysisProgress::Clustering { tried, total } => (
            tried,
            total,
            format!("Finding topics: comparing groupings, {tried} of {total} done"),
        ),
        AnalysisProgress::MapAndRelated => (
            0,
            1,
            "Placing the articles on the topic map, finding related articles".to_string(),
        ),
        AnalysisProgress::Entities { done, total } => (
            done,
            total,
            format!(
                "Finding people, places and quotations: {} of {} articles",
                number(done),
                number(total)
            ),
        ),
    };
    LoaderReport::Progress(LoadProgress { done, total, label })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_problem_on_many_lines_is_one_message() {
        let warning = |file: &str, line: Option<usize>, message: &str| super::super::Warning {
            file: file.into(),
            line,
            message: message.into(),
            also: Vec::new(),
        };
        let mut warnings: Vec<_> = (1..=8)
            .map(|l| warning("a.csv", Some(l + 1), "no text; skipped"))
            .collect();
        warnings.insert(2, warning("a.csv", Some(3), "unclosed quote"));
        warnings.push(warning("b.csv", Some(2), "no text; skipped"));
        warnings.push(warning("c.txt", None, "empty file skipped"));
        warnings.push(warning("c.txt", None, "empty file skipped"));
        // Two broken JSON lines, broken at different columns: one problem.
        let broken = "malformed JSON line skipped: EOF while parsing an object";
        warnings.push(warning(
            "d.jsonl",
            Some(2),
            &format!("{broken} (column 40)"),
        ));
        warnings.push(warning(
            "d.jsonl",
            Some(5),
            &format!("{broken} (column 41)"),
        ));
        warnings.push(warning("e.jsonl", Some(3), &format!("{broken} (column 7)")));
        assert_eq!(
            grouped_messages(&warnings),
            [
                "a.csv: no text; skipped (lines 2, 3, 4, 5, 6 and 3 more)",
                "a.csv:3: unclosed quote",
                "b.csv:2: no text; skipped",
                "c.txt: empty file skipped",
                "d.jsonl: malformed JSON line skipped: EOF while parsing an object (lines 2, 5)",
                "e.jsonl:3: malformed JSON line skipped: EOF while parsing an object (column 7)",
            ]
        );
    }

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
        let mut reports = Vec::new();
        let (bundle, messages) = load.finish(&mut |report| reports.push(report));
        let labels: Vec<String> = reports
            .into_iter()
            .filter_map(|report| match report {
                LoaderReport::Progress(p) => {
                    Some(format!("{} ({} of {})", p.label, p.done, p.total))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            labels,
            [
                "Finding topics: weighing the words (0 of 1)",
                "Placing the articles on the topic map, finding related articles (0 of 1)",
                "Finding people, places and quotations: 0 of 1 articles (0 of 1)",
            ]
        );
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
    fn columns_not_read_are_one_message_for_the_file() {
        let mut load = FileLoad::new(1);
        let rows: String = (1..=30)
            .map(|i| format!("Story {i},The text of story {i}.,Résumé {i}\n"))
            .collect();
        load.add(
            "mine.csv",
            format!("title,text,summary_fr\n{rows}").as_bytes(),
        );
        let (bundle, messages) = load.finish(&mut |_| ());
        assert_eq!(bundle.map(|b| b.articles.len()), Some(30));
        let unread: Vec<&String> = messages.iter().filter(|m| m.contains("not read")).collect();
        assert_eq!(unread.len(), 1, "{messages:?}");
        assert!(
            unread.first().is_some_and(|m| m.starts_with(
                "mine.csv: 1 column not read (no field goes by this name): `summary_fr` (in every row); the fields read are title, text, date,"
            )),
            "{unread:?}"
        );
    }

    #[test]
    fn a_blog_folder_says_its_unread_keys_once_and_a_bad_line_first() {
        // Sixty posts each said "3 front-matter keys not read", and the page lists fifty
        // messages: the bad line of the file read last was not among them.
        let mut load = FileLoad::new(61);
        for n in 0..60 {
            let post = format!(
                "---\ntitle: Post number {n}\ndraft: false\nlayout: post\ntags: [news]\n---\nThe text of post {n}.\n"
            );
            load.add(&format!("post-{n:02}.md"), post.as_bytes());
        }
        load.add(
            "zz.jsonl",
            b"{\"title\": \"Last\", \"text\": \"The last one.\"}\n{\"title\": \"broken\n",
        );
        let (bundle, messages) = load.finish(&mut |_| ());
        assert_eq!(bundle.map(|b| b.articles.len()), Some(61));
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages
                .first()
                .is_some_and(|m| m.starts_with("zz.jsonl:2: malformed JSON line skipped")),
            "{messages:?}"
        );
        assert!(
            messages.get(1).is_some_and(|m| m.starts_with(
                "60 files (post-00.md:3, post-01.md:3, post-02.md:3 and 57 more): 3 front-matter keys not read (no field goes by these names): `draft`, `layout`, `tags`; the keys read are title,"
            )),
            "{messages:?}"
        );
    }

    #[test]
    fn too_many_files_are_cut_with_a_message_and_no_article_keeps_the_corpus() {
        let load = FileLoad::new(MAX_FILES + 3);
        assert_eq!(load.total(), MAX_FILES);
        let mut reports = Vec::new();
        let (bundle, messages) = load.finish(&mut |report| reports.push(report));
        assert!(bundle.is_none());
        assert!(reports.is_empty(), "nothing to analyse: {reports:?}");
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

    #[test]
    fn the_analytics_of_many_articles_report_their_progress() {
        let mut load = FileLoad::new(1);
        // Four themes of eight words each: something to cluster.
        let themes = [
            [
                "harbour",
                "ship",
                "port",
                "cargo",
                "dock",
                "crane",
                "container",
                "tide",
            ],
            [
                "school",
                "teacher",
                "pupil",
                "exam",
                "lesson",
                "classroom",
                "grade",
                "campus",
            ],
            [
                "drought",
                "rain",
                "harvest",
                "farmer",
                "crop",
                "irrigation",
                "wheat",
                "soil",
            ],
            [
                "court", "judge", "trial", "verdict", "lawyer", "appeal", "witness", "jury",
            ],
        ];
        let words = themes[0];
        let lines: Vec<String> = (0..600)
            .map(|i| {
                let theme = themes[i % themes.len()];
                let text: Vec<&str> = (0..40)
                    .map(|k| theme[(i * 3 + k * 5) % theme.len()])
                    .collect();
                format!(
                    "{{\"title\": \"Bulletin {i} on the {}\", \"text\": \"{}\"}}",
                    words[i % words.len()],
                    text.join(" ")
                )
            })
            .collect();
        load.add("many.jsonl", lines.join("\n").as_bytes());
        let mut progress = Vec::new();
        let (bundle, _) = load.finish(&mut |report| {
            if let LoaderReport::Progress(p) = report {
                progress.push(p);
            }
        });
        assert_eq!(bundle.map(|b| b.articles.len()), Some(600));
        let clustering: Vec<(usize, usize)> = progress
            .iter()
            .filter(|p| p.label.starts_with("Finding topics: comparing groupings"))
            .map(|p| (p.done, p.total))
            .collect();
        // Every number of topics tried is reported, in order, before it is tried.
        let tries = clustering.first().map_or(0, |(_, total)| *total);
        assert!(tries >= 2, "{progress:?}");
        assert_eq!(
            clustering,
            (0..tries).map(|done| (done, tries)).collect::<Vec<_>>()
        );
        let entities: Vec<&str> = progress
            .iter()
            .filter(|p| p.label.starts_with("Finding people"))
            .map(|p| p.label.as_str())
            .collect();
        assert_eq!(
            entities,
            [
                "Finding people, places and quotations: 0 of 600 articles",
                "Finding people, places and quotations: 500 of 600 articles",
            ]
        );
        // Words, then the groupings, the map, the entities: the bar never goes back a step.
        let first_of = |prefix: &str| progress.iter().position(|p| p.label.starts_with(prefix));
        assert!(first_of("Finding topics: weighing") < first_of("Finding topics: comparing"));
        assert!(first_of("Finding topics: comparing") < first_of("Placing"));
        assert!(first_of("Placing") < first_of("Finding people"));
    }

    #[test]
    fn files_of_other_types_are_named_in_one_message() {
        let messages_for = |names: &[&str]| {
            let mut load = FileLoad::new(names.len() + 1);
            for name in names {
                assert!(!load.accepts(name, 10.0), "{name}");
            }
            assert!(load.accepts("notes.MD", 10.0), "extensions in any case");
            load.add("notes.MD", b"# Tide tables\n\nThe tide turned at noon.");
            let (bundle, messages) = load.finish(&mut |_| ());
            assert!(bundle.is_some());
            messages
        };
        let read = ".txt .md .html .htm .json .jsonl .csv";
        assert_eq!(
            messages_for(&["photo.png"]),
            [format!(
                "photo.png: not a type Dossier reads ({read}); skipped"
            )]
        );
        assert_eq!(
            messages_for(&["a.png", "b.pdf"]),
            [format!(
                "a.png and b.pdf: not a type Dossier reads ({read}); skipped"
            )]
        );
        assert_eq!(
            messages_for(&["a.png", "b.pdf", "c.docx"]),
            [format!(
                "a.png, b.pdf and c.docx: not a type Dossier reads ({read}); skipped"
            )]
        );
        let many: Vec<String> = (0..1_204).map(|i| format!("scan-{i}.jpg")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            messages_for(&many),
            [format!(
                "scan-0.jpg, scan-1.jpg, scan-2.jpg and 1,201 more: not a type Dossier reads ({read}); skipped"
            )]
        );
        assert!(messages_for(&[]).is_empty());
    }
}
