//! Every input kept in `fuzz/regressions/<target>/` (crashes the fuzzers found, once fixed, and
//! hand-picked nasty cases) runs through the same entry point as its fuzz target, in the normal
//! test suite, so a fixed crash can never come back unnoticed.

use std::path::{Path, PathBuf};

use dossier_engine::index::SearchIndex;
use dossier_engine::ingest::{ingest_bytes, ingest_path, Format};
use dossier_engine::query::{parse, ParseOptions};
use dossier_engine::search::SearchRequest;

fn regressions(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} must exist: {e}", dir.display()))
        .map(|entry| entry.expect("readable entry").path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "{} holds no regression inputs",
        dir.display()
    );
    files
        .into_iter()
        .map(|path| (path.clone(), std::fs::read(&path).expect("readable input")))
        .collect()
}

#[test]
fn ingest_regressions_never_panic() {
    for (target, format) in [
        ("ingest_txt", Format::Txt),
        ("ingest_markdown", Format::Markdown),
        ("ingest_html", Format::Html),
        ("ingest_json", Format::Json),
        ("ingest_jsonl", Format::Jsonl),
        ("ingest_csv", Format::Csv),
    ] {
        for (path, bytes) in regressions(target) {
            let report = ingest_bytes("regression", &bytes, Some(format));
            // Nothing is dropped silently: no article means a warning says why.
            assert!(
                !report.articles.is_empty() || !report.warnings.is_empty(),
                "{} produced neither articles nor warnings",
                path.display()
            );
        }
    }
}

#[test]
fn query_regressions_parse() {
    for (_, bytes) in regressions("query_parse") {
        let _ = parse(&String::from_utf8_lossy(&bytes), &ParseOptions::default());
    }
}

#[test]
fn search_regressions_answer() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let articles = ingest_path(&corpus).expect("seed corpus").articles;
    let index = SearchIndex::build(&articles, &[]);
    for (path, bytes) in regressions("search") {
        let request = SearchRequest {
            query: String::from_utf8_lossy(&bytes).into_owned(),
            ..SearchRequest::default()
        };
        let response = index.search(&articles, &request);
        assert!(
            response.total > 0 || !response.notices.is_empty() || !response.errors.is_empty(),
            "{}: an empty result must say why",
            path.display()
        );
    }
}
