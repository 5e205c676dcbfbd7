//! The collector: gathers every file's articles into one report, merging exact duplicates (with
//! a warning naming both places) and giving each article a stable, unique id.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::unread::{Sameness, UnreadWarning};
use super::{
    decode, html, markdown, news_txt, records, slug, Draft, Format, IngestOptions, IngestReport,
    Place, Warning,
};
use crate::article::Article;

/// Longest slug taken from a title, in words.
const SLUG_WORDS: usize = 8;

/// A file with more duplicates than this gets one warning per file it repeats, not one per
/// article: a corpus loaded twice would otherwise say so thousands of times.
const DUPLICATES_NAMED_ONE_BY_ONE: usize = 3;

/// Files giving the same unread-keys warning (but for its counts and lines) from which it is said
/// once for them all: a blog folder's 500 posts leaving `draft`, `layout` and `tags` unread say
/// so once, not 500 times over the problems that lose something.
const SAME_UNREAD_SAID_ONCE_FROM: usize = 3;

/// An article of the file being added that repeats one already kept.
struct Duplicate {
    line: Option<usize>,
    /// Where the kept one came from ("file:line").
    first: String,
    /// The file part of `first`.
    first_file: String,
    title: String,
}

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
    /// The warnings naming unread keys (by their index in `report.warnings`), as data.
    unread: Vec<(usize, UnreadWarning)>,
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
                let message = format!(
                    "unknown file type skipped (known: {}; --format forces one)",
                    Format::extensions_list()
                );
                self.warn(file, None, &message);
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
            if let Some(unread) = problem.unread {
                self.unread.push((self.report.warnings.len(), unread));
            }
            self.warn(file, problem.line, &problem.message);
        }
        if parsed.drafts.is_empty() {
            self.warn(file, None, "no article found");
        }
        let duplicates: Vec<Duplicate> = parsed
            .drafts
            .into_iter()
            .filter_map(|draft| self.add_draft(file, draft))
            .collect();
        self.warn_duplicates(file, duplicates);
    }

    /// One warning per duplicate naming both places, or, for many, one per file repeated.
    fn warn_duplicates(&mut self, file: &str, duplicates: Vec<Duplicate>) {
        if duplicates.len() <= DUPLICATES_NAMED_ONE_BY_ONE {
            for duplicate in duplicates {
                let message = format!(
                    "duplicate of the article at {} (\"{}\"); merged into it",
                    duplicate.first, duplicate.title
                );
                self.warn(file, duplicate.line, &message);
            }
            return;
        }
        // In the order the repeated files were first met.
        let mut repeated: Vec<(String, Vec<Option<usize>>)> = Vec::new();
        for duplicate in duplicates {
            match repeated
                .iter_mut()
                .find(|(f, _)| *f == duplicate.first_file)
            {
                Some((_, lines)) => lines.push(duplicate.line),
                None => repeated.push((duplicate.first_file, vec![duplicate.line])),
            }
        }
        for (first_file, lines) in repeated {
            let known: Vec<usize> = lines.iter().flatten().copied().collect();
            let at_lines = if known.is_empty() {
                String::new()
            } else {
                format!(" ({})", super::lines_named(&known))
            };
            let message = format!(
                "{} articles repeat articles of {first_file}{at_lines}; merged into them",
                lines.len()
            );
            self.warn(file, None, &message);
        }
    }

    /// The report so far: every warning that says something was lost (a file, a line, a row,
    /// an article merged), in input order, then those naming keys that are not read, the same one
    /// of [`SAME_UNREAD_SAID_ONCE_FROM`] or more files said once for them all.
    pub fn finish(self) -> IngestReport {
        let Collector {
            mut report, unread, ..
        } = self;
        report.warnings = unread_said_once(report.warnings, unread);
        report
    }

    pub(crate) fn warn(&mut self, file: &str, line: Option<usize>, message: &str) {
        self.report.warnings.push(Warning {
            file: file.to_string(),
            line,
            message: message.to_string(),
            also: Vec::new(),
        });
    }

    /// Keeps the draft's article, or says which kept one it repeats.
    fn add_draft(&mut self, file: &str, draft: Draft) -> Option<Duplicate> {
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
            let (first, first_file) = self
                .locations
                .get(index)
                .zip(self.report.articles.get(index))
                .map(|(at, kept)| (at.clone(), kept.file.clone()))
                .unwrap_or_default();
            return Some(Duplicate {
                line,
                first,
                first_file,
                title: article.title.to_string(),
            });
        }
        article.id = self.unique_id(file, line, id_hint.as_deref(), &article.title);
        let index = self.report.articles.len();
        self.by_content.entry(hash).or_default().push(index);
        self.locations.push(location);
        self.report.articles.push(article);
        None
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

/// `warnings` with those naming unread keys (`unread`, by index) last: a page showing the first
/// fifty messages, or a terminal, shows first what lost a line or a file, and an unread key loses
/// a field, not an article. Of these, the same warning of [`SAME_UNREAD_SAID_ONCE_FROM`] or more
/// files is said once, in the place of the first file's, with their counts added up; fewer keep
/// their own. Input order throughout (hash maps only look groups up).
fn unread_said_once(warnings: Vec<Warning>, unread: Vec<(usize, UnreadWarning)>) -> Vec<Warning> {
    // Each group of the same warning: its warnings' indices, and the warning with all counts.
    let mut groups: Vec<(Vec<usize>, UnreadWarning)> = Vec::new();
    let mut group_of_sameness: HashMap<Sameness, usize> = HashMap::new();
    let mut group_of: Vec<Option<usize>> = vec![None; warnings.len()];
    for (index, warning) in unread {
        let at = *group_of_sameness
            .entry(warning.sameness())
            .or_insert(groups.len());
        match groups.get_mut(at) {
            Some((indices, same)) => {
                indices.push(index);
                same.add(&warning);
            }
            None => groups.push((vec![index], warning)),
        }
        if let Some(group) = group_of.get_mut(index) {
            *group = Some(at);
        }
    }
    let places: Vec<Place> = warnings.iter().map(Warning::place).collect();
    let mut said = Vec::with_capacity(warnings.len());
    let mut unread_said = Vec::new();
    for (index, warning) in warnings.into_iter().enumerate() {
        let group = group_of
            .get(index)
            .copied()
            .flatten()
            .and_then(|at| groups.get(at));
        match group {
            None => said.push(warning),
            Some((indices, _)) if indices.len() < SAME_UNREAD_SAID_ONCE_FROM => {
                unread_said.push(warning);
            }
            Some((indices, same)) if indices.first() == Some(&index) => {
                unread_said.push(Warning {
                    message: same.message(),
                    also: indices
                        .iter()
                        .skip(1)
                        .filter_map(|other| places.get(*other).cloned())
                        .collect(),
                    ..warning
                });
            }
            // Said with the first file's.
            Some(_) => {}
        }
    }
    said.extend(unread_said);
    said
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn many_duplicates_are_one_warning_per_file_repeated() {
        let jsonl: String = (1..=8)
            .map(|i| {
                format!(
                    "{{\"title\": \"Story number {i}\", \"text\": \"The body of story {i}.\"}}\n"
                )
            })
            .collect();
        let mut collector = Collector::default();
        collector.add_file("a.jsonl", jsonl.as_bytes());
        collector.add_file("b.jsonl", jsonl.as_bytes());
        let report = collector.finish();
        assert_eq!(report.articles.len(), 8);
        let messages: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            ["b.jsonl: 8 articles repeat articles of a.jsonl (lines 1, 2, 3, 4, 5 and 3 more); merged into them"]
        );
    }

    /// Each warning as said, up to its first `;` (the unread-keys messages' long ends cut).
    fn said(report: &IngestReport) -> Vec<String> {
        report
            .warnings
            .iter()
            .map(|w| {
                let text = w.to_string();
                text.split_once(';')
                    .map_or(text.clone(), |(head, _)| head.to_string())
            })
            .collect()
    }

    #[test]
    fn the_same_unread_keys_of_three_or_more_files_are_said_once_after_what_was_lost() {
        // Four posts leave `draft`, `layout` and `tags` unread (in another order, on other
        // lines, one in TOML): one warning for the four, not four, and after the bad line.
        let mut collector = Collector::default();
        let files: [(&str, &str); 6] = [
            (
                "a.md",
                "---\ntitle: Post 1\ndraft: true\nlayout: post\ntags: [x]\n---\nText one.\n",
            ),
            (
                "b.md",
                "---\ntitle: Post 2\n\ntags: [y]\ndraft: false\nlayout: page\n---\nText two.\n",
            ),
            (
                "bad.jsonl",
                "{\"title\": \"T\", \"text\": \"x\", \"extra\": 1}\n{broken\n",
            ),
            (
                "c.md",
                "+++\ntitle = \"Post 3\"\nlayout = \"post\"\ndraft = true\ntags = [\"z\"]\n+++\nText three.\n",
            ),
            (
                "d.md",
                "---\nlayout: post\ntitle: Post 4\ndraft: true\ntags:\n  - x\n---\nText four.\n",
            ),
            ("e.md", "---\ntitle: Post 5\nweight: 3\n---\nText five.\n"),
        ];
        for (name, text) in files {
            collector.add_file(name, text.as_bytes());
        }
        let report = collector.finish();
        assert_eq!(report.articles.len(), 6);
        let said = said(&report);
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(
            said.first()
                .is_some_and(|w| w.starts_with("bad.jsonl:2: malformed JSON line skipped")),
            "{said:?}"
        );
        assert_eq!(
            said.get(1..),
            Some(
                &[
                    "4 files (a.md:3, b.md:4, c.md:3 and 1 more): 3 front-matter keys not read (no field goes by these names): `draft`, `layout`, `tags`".to_string(),
                    "bad.jsonl: 1 key not read (no field goes by this name): `extra`".to_string(),
                    "e.md:3: 1 front-matter key not read (no field goes by this name): `weight`".to_string(),
                ][..]
            )
        );
        let folded = report.warnings.get(1);
        let places: Vec<String> = folded
            .map(|w| w.also.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        assert_eq!(places, ["b.md:4", "c.md:3", "d.md:2"]);
        assert_eq!(folded.map(|w| w.file.as_str()), Some("a.md"));
    }

    #[test]
    fn said_once_for_many_files_the_counts_are_added_up_and_two_files_keep_their_own() {
        let mut collector = Collector::default();
        let line = |n: usize, tags: bool| {
            let tags = if tags { ", \"tags\": [\"t\"]" } else { "" };
            format!("{{\"title\": \"Story {n}\", \"text\": \"Text {n}.\"{tags}}}\n")
        };
        let x1 = line(1, true) + &line(2, false);
        let x2 = line(3, true) + &line(4, true);
        collector.add_file("x1.jsonl", x1.as_bytes());
        collector.add_file("y1.csv", b"title,text,notes\nA,Text a,n\n");
        collector.add_file("x2.jsonl", x2.as_bytes());
        collector.add_file("x3.jsonl", line(5, true).as_bytes());
        collector.add_file("y2.csv", b"title,text,notes\nB,Text b,n\nC,Text c,\n");
        assert_eq!(
            said(&collector.finish()),
            [
                "3 files (x1.jsonl, x2.jsonl, x3.jsonl): 1 key not read (no field goes by this name): `tags` (in 4 of 5 lines)",
                "y1.csv: 1 column not read (no field goes by this name): `notes`",
                "y2.csv: 1 column not read (no field goes by this name): `notes` (in 1 of 2 rows)",
            ]
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
}
