//! Every input format on its fixture, and every bad-input case, end to end through the public
//! API (`ingest_path` for folders, `ingest_bytes` for the wasm-style in-memory path).

use std::path::PathBuf;

use dossier_engine::ingest::{ingest_bytes, ingest_path, ingest_paths, Format, IngestOptions};

fn fixtures(folder: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(folder)
}

#[test]
fn format_fixtures_snapshot() {
    let report = ingest_path(&fixtures("formats")).unwrap();
    // The one thing the fixtures give that no field takes: the Markdown front matter's tags.
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(
            "front_matter.md:8: 1 front-matter key not read (no field goes by this name): `tags`;"
        ),
        "{warnings:?}"
    );
    insta::assert_json_snapshot!("format_fixtures", report.articles);
}

#[test]
fn format_fixtures_facts() {
    let report = ingest_path(&fixtures("formats")).unwrap();
    let titles: Vec<(&str, &str)> = report
        .articles
        .iter()
        .map(|a| (a.file.as_str(), a.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("articles.csv", "Rupee gains against dollar"),
            ("articles.csv", "Gold steady"),
            ("articles.json", "Wheat prices fall"),
            ("articles.json", "Numeric ids are kept"),
            (
                "articles.jsonl",
                "Microstructural development of human newborn cerebral white matter"
            ),
            (
                "articles.jsonl",
                "Induction of myelodysplasia by myeloid-derived suppressor cells"
            ),
            ("front_matter.md", "Senate passes the data protection bill"),
            ("heading_title.md", "Floods displace thousands in Sindh"),
            ("page.html", "Port strike ends after three days"),
        ]
    );
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids.get(..6),
        Some(&["c1", "c2", "wheat-1", "42", "4983", "5836"][..])
    );

    let md = &report.articles[6];
    assert_eq!(md.date.as_deref(), Some("2024-03-05"));
    assert_eq!(md.source.as_deref(), Some("The Example Times"));
    assert!(md
        .body
        .iter()
        .all(|p| !p.contains("Read more") && !p.contains("footer")));

    let html = &report.articles[8];
    assert_eq!(html.date.as_deref(), Some("2023-08-14"));
    assert_eq!(html.comments, ["Good news for traders.", "About time."]);
    assert!(html
        .body
        .iter()
        .all(|p| !p.contains("not text") && !p.contains("Home")));
}

#[test]
fn bad_inputs_are_reported_and_nothing_else_is_lost() {
    let report = ingest_path(&fixtures("bad")).unwrap();
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    insta::assert_json_snapshot!("bad_inputs_warnings", warnings);
    assert_eq!(report.files, 9);
    let titles: Vec<&str> = report.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Flood warning issued for Indus river",
            "Café owners protest new tax",
            "Good row one",
            "Good row three",
            "Good line one",
            "Good line three",
        ]
    );
    let expect = [
        "blank.txt: empty file skipped",
        "duplicate_b.txt:1: duplicate of the article at duplicate_a.txt:1",
        "empty.txt: empty file skipped",
        "image.txt: binary file skipped (not text)",
        "latin1.txt: not valid UTF-8 (first bad byte on line 1); decoded as Windows-1252",
        "malformed.csv:3: malformed CSV row skipped",
        "malformed.jsonl:2: malformed JSON line skipped",
        "notes.rtf: unknown file type skipped",
    ];
    for (warning, expected) in warnings.iter().zip(expect) {
        assert!(warning.starts_with(expected), "{warning:?} vs {expected:?}");
    }
    assert_eq!(warnings.len(), expect.len());
    let latin = &report.articles[1];
    assert!(latin.body[0].contains("traders’ union"), "{:?}", latin.body);
}

#[test]
fn format_override_and_in_memory_ingest() {
    // A .txt holding JSON lines, forced to jsonl.
    let bytes = br#"{"title": "Forced", "text": "Parsed as JSONL."}"#;
    let report = ingest_bytes("data.txt", bytes, Some(Format::Jsonl));
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.articles[0].title, "Forced");
    let report = ingest_paths(
        &[fixtures("formats").join("articles.jsonl")],
        IngestOptions {
            format: Some(Format::Jsonl),
        },
    )
    .unwrap();
    assert_eq!(report.articles[0].file, "articles.jsonl");
}

#[test]
fn unreadable_path_is_an_error() {
    let error = ingest_path(&fixtures("no-such-folder")).unwrap_err();
    assert!(error.to_string().starts_with("cannot read "), "{error}");
}
