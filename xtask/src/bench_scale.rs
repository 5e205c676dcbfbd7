//! `cargo xtask bench-scale`: the real page on 50,000 articles (issue 7, item 6).
//!
//! Writes the SciFact corpora (`tests/bench/make-50k.mjs`: one copy, and ten copies with distinct
//! ids) if they are missing, release-builds the page three times (seed corpus, SciFact 5k,
//! SciFact x10) into `target/dist-scale-*`, then hands over to `tests/bench/scale.mjs`, which
//! measures payload, start-up, memory and query latency in headless Chromium, prints one JSON line
//! and rewrites its section of docs/benchmarks.md. Not part of `cargo xtask test` (the 50k build
//! alone takes many minutes).

use std::path::{Path, PathBuf};

use crate::{build_release, command, root, run, step, tools, BuildOptions};

/// One page to build and measure.
struct ScalePage {
    /// Its name in the report (`scale.mjs` knows `scifact-5k` as the one-copy page).
    name: &'static str,
    /// The corpus folder; None = the embedded `corpus/`.
    corpus: Option<PathBuf>,
    /// SciFact copies `make-50k.mjs` writes into `corpus` (None for the seed corpus).
    copies: Option<u32>,
}

/// Options of `bench-scale`.
struct ScaleOptions {
    /// Measure the pages already in `target/dist-scale-*` (after a previous run) without rebuilding.
    skip_build: bool,
    /// Arguments handed to scale.mjs as they are (`--runs N`, `--no-docs`).
    passthrough: Vec<String>,
}

fn parse(args: &[String]) -> Result<ScaleOptions, String> {
    let mut options = ScaleOptions {
        skip_build: false,
        passthrough: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--skip-build" => options.skip_build = true,
            "--no-docs" => options.passthrough.push(arg.clone()),
            "--runs" => {
                let runs = args.next().ok_or("`--runs` needs a number")?;
                if !runs.parse::<u32>().is_ok_and(|n| n >= 1) {
                    return Err(format!("`--runs` wants a number of at least 1, got `{runs}`"));
                }
                options.passthrough.extend([arg.clone(), runs.clone()]);
            }
            other => {
                return Err(format!(
                    "bench-scale: unexpected argument `{other}` (expected --runs N, --no-docs, --skip-build)"
                ))
            }
        }
    }
    Ok(options)
}

/// Builds the three pages (unless `--skip-build`), then measures them.
pub fn run_all(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    let root = root();
    let scifact = root.join("..").join("shared").join("eval").join("scifact");
    for file in ["corpus.jsonl", "queries.jsonl", "qrels.tsv"] {
        if !scifact.join(file).is_file() {
            return Err(format!(
                "SciFact is missing: {} not found. bench-scale needs the evaluation data in \
                 ../shared/eval/scifact beside the workspace (BEIR layout: corpus.jsonl, \
                 queries.jsonl, qrels.tsv).",
                scifact.join(file).display()
            ));
        }
    }
    tools::install_all()?;

    let target = root.join("target");
    let pages = [
        ScalePage {
            name: "seed",
            corpus: None,
            copies: None,
        },
        ScalePage {
            name: "scifact-5k",
            corpus: Some(target.join("corpus-5k")),
            copies: Some(1),
        },
        ScalePage {
            name: "scifact-50k",
            corpus: Some(target.join("corpus-50k")),
            copies: Some(10),
        },
    ];
    let dist = |page: &ScalePage| target.join(format!("dist-scale-{}", page.name));
    if !options.skip_build {
        // Largest first: if the 50k page cannot be built, that is the news, and it comes early.
        for page in pages.iter().rev() {
            if let (Some(corpus), Some(copies)) = (&page.corpus, page.copies) {
                write_corpus(corpus, copies)?;
            }
            step(&format!("build the {} page", page.name));
            build_release(&BuildOptions {
                corpus: page.corpus.clone(),
                dist: dist(page),
                single_file: false,
            })?;
        }
    }
    let mut node = command("node");
    node.arg("tests/bench/scale.mjs");
    for page in &pages {
        // The page shows at most "1,000+ articles": give the corpus size when it is known.
        let articles = match (&page.corpus, page.copies) {
            (Some(corpus), Some(copies)) => {
                count_lines(&corpus.join(format!("scifact-x{copies}.jsonl")))
                    .map(|n| format!(",{n}"))
                    .unwrap_or_default()
            }
            _ => String::new(),
        };
        node.arg("--page")
            .arg(format!("{}={}{articles}", page.name, dist(page).display()));
    }
    node.args(&options.passthrough);

    step("node tests/bench/scale.mjs");
    run(&mut node)
}

/// Writes `copies` of SciFact into `dir` (one JSONL file) unless it is already there.
fn write_corpus(dir: &Path, copies: u32) -> Result<(), String> {
    let file = dir.join(format!("scifact-x{copies}.jsonl"));
    if file.is_file() {
        return Ok(());
    }
    step(&format!("write {}", file.display()));
    run(command("node")
        .arg("tests/bench/make-50k.mjs")
        .arg(copies.to_string())
        .arg(dir))
}

/// Non-empty lines of a JSONL corpus (= its articles); None when it cannot be read.
fn count_lines(file: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(file).ok()?;
    Some(text.lines().filter(|line| !line.trim().is_empty()).count())
}
