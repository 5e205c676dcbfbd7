//! `dossier ingest` as a user runs it: exit codes, stdout JSON, stderr summary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(workspace())
        .output()
        .unwrap()
}

fn stderr_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn corpus_prints_a_json_array_and_the_summary() {
    let output = dossier(&["ingest", "corpus"]);
    assert!(output.status.success());
    let articles: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(articles.as_array().map(Vec::len), Some(10));
    assert_eq!(stderr_lines(&output), ["5 files, 10 articles, 0 warnings"]);
}

#[test]
fn jsonl_prints_one_article_per_line() {
    let output = dossier(&["ingest", "--jsonl", "corpus/003_d02b8e5f7cc315a6.txt"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let article: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(article["file"], "003_d02b8e5f7cc315a6.txt");
    assert_eq!(stderr_lines(&output), ["1 files, 1 articles, 0 warnings"]);
}

#[test]
fn warnings_go_to_stderr_before_the_summary() {
    let output = dossier(&["ingest", "crates/dossier_engine/tests/fixtures/ingest/bad"]);
    assert!(output.status.success());
    let lines = stderr_lines(&output);
    assert_eq!(
        lines.last().map(String::as_str),
        Some("9 files, 6 articles, 8 warnings")
    );
    assert!(
        lines.iter().take(8).all(|l| l.starts_with("warning: ")),
        "{lines:?}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("warning: malformed.jsonl:2: ")));
}

#[test]
fn format_flag_overrides_the_extension() {
    let output = dossier(&[
        "ingest",
        "--format",
        "txt",
        "crates/dossier_engine/tests/fixtures/ingest/formats/articles.jsonl",
    ]);
    assert!(output.status.success());
    let bad = dossier(&["ingest", "--format", "pdf", "corpus"]);
    assert!(!bad.status.success());
}

#[test]
fn unreadable_path_fails_with_one_clear_line() {
    let output = dossier(&["ingest", "corpus", "no/such/path"]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let lines = stderr_lines(&output);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("error: cannot read no/such/path: "),
        "{lines:?}"
    );
}
