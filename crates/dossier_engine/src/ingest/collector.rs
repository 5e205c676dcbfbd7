//! The collector: gathers every file's articles into one report, merging exact duplicates (with
//! a warning naming both places) and giving each article a stable, unique id.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::{
    decode, html, markdown, news_txt, records, slug, Draft, Format, IngestOptions, IngestReport,
    Warning,
};
use crate::article::Article;

/// Longest slug taken from a title, in words.
const SLUG_WORDS: usize = 8;

/// A file with more duplicates than this gets one warning per file it repeats, not one per
/// article: a corpus loaded twice would otherwise say so thousands of times.
const DUPLICATES_NAMED_ONE_BY_ONE: usize = 3;

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
