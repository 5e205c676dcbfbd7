//! `cargo xtask`: the project's automation, so that cargo (plus Node/npm and apt, which every
//! machine here has) is all a developer or CI needs. Std only, so it compiles in seconds.
//!
//! Every command installs what it is missing first and skips what is already there.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::OnceLock;
use std::time::Instant;

mod bench_scale;
mod bench_web;
mod fuzz;
mod single_file;
mod size;
mod tools;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  install-tools          install what is missing: wasm32 target, trunk, wasm-bindgen-cli (the version in
                         Cargo.lock), npm tools (wasm-opt, playwright-core), Debian chromium + chromium-driver
  serve [--corpus DIR]   trunk serve on 127.0.0.1:8080 (the embedded corpus, or DIR)
  build [--corpus DIR] [--dist DIR]
                         release build of the page into dist/ (or DIR), then its sizes
  dist --single-file [--corpus DIR]
                         release build, then dist-single/dossier.html with CSS, JS and wasm inlined:
                         it opens by double-click from disk
  bench-web [--rounds N] [--copies-large N] [--no-docs]
                         Dossier (wasm) vs MiniSearch in headless Chromium on SciFact and SciFact x10:
                         build time, query p50/p95/p99, memory, payload; one JSON line, and its
                         section of docs/benchmarks.md (not part of `test`)
  bench-scale [--runs N] [--no-docs] [--skip-build]
                         the real page on the seed corpus, SciFact 5k and SciFact x10 (51,830
                         articles) in headless Chromium: payload (gzip, brotli), start-up, memory,
                         query latency; one JSON line, and its section of docs/benchmarks.md
                         (not part of `test`; the 50k build takes many minutes)
  fuzz [--seconds N]     every cargo-fuzz target for N seconds (default 60), executions to docs/fuzzing.md
  size                   release wasm and JS sizes, raw and gzipped (run after build)
  test                   fmt, clippy (host + wasm32), native tests, release build, browser tests";

fn main() -> ExitCode {
    STARTED.get_or_init(Instant::now);
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("install-tools") => tools::install_all(),
        Some("serve") => BuildOptions::parse(&args[1..]).and_then(|o| serve(o.corpus.as_deref())),
        Some("build") => BuildOptions::parse(&args[1..]).and_then(|o| build_release(&o)),
        Some("dist") => BuildOptions::parse(&args[1..]).and_then(|o| dist(&o)),
        Some("bench-web") => bench_web::run_all(&args[1..]),
        Some("bench-scale") => bench_scale::run_all(&args[1..]),
        Some("fuzz") => fuzz::run_all(&args[1..]),
        Some("size") => size::report(&root().join("dist")),
        Some("test") => test(),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Options of the commands that build the page.
#[derive(Debug)]
pub(crate) struct BuildOptions {
    /// The corpus folder (absolute); None = the embedded `corpus/`.
    pub(crate) corpus: Option<PathBuf>,
    /// Where trunk writes the page.
    pub(crate) dist: PathBuf,
    /// `dist --single-file`: also write `dist-single/dossier.html`.
    pub(crate) single_file: bool,
}

impl BuildOptions {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = BuildOptions {
            corpus: None,
            dist: root().join("dist"),
            single_file: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--corpus" => {
                    let dir = absolute(args.next().ok_or("`--corpus` needs a folder")?)?;
                    if !dir.exists() {
                        return Err(format!("corpus folder {} does not exist", dir.display()));
                    }
                    options.corpus = Some(dir);
                }
                "--dist" => options.dist = absolute(args.next().ok_or("`--dist` needs a folder")?)?,
                "--single-file" => options.single_file = true,
                other => return Err(format!("unexpected argument `{other}`\n\n{USAGE}")),
            }
        }
        let corpus = options
            .corpus
            .clone()
            .unwrap_or_else(|| root().join("corpus"));
        check_dist(&options.dist, &corpus, &root())?;
        Ok(options)
    }
}

/// Trunk empties the dist folder before it writes the page: refuses a folder whose emptying
/// would lose work (`--dist` naming the corpus itself wiped it).
fn check_dist(dist: &Path, corpus: &Path, project: &Path) -> Result<(), String> {
    let (dist, corpus, project) = (resolved(dist), resolved(corpus), resolved(project));
    let shown = dist.display();
    if corpus.starts_with(&dist) {
        return Err(format!(
            "--dist {shown} holds the corpus {}, and the build empties it first: give the \
             page a folder of its own",
            corpus.display()
        ));
    }
    if dist.starts_with(&corpus) {
        return Err(format!(
            "--dist {shown} is inside the corpus {}: the next build would read the page's \
             files as articles. Give the page a folder outside it",
            corpus.display()
        ));
    }
    if project.starts_with(&dist) {
        return Err(format!(
            "--dist {shown} holds this project, and the build empties it first: give the \
             page a folder of its own"
        ));
    }
    // An earlier build's folder may be emptied; anything else is someone's files.
    let entries: Vec<String> = match std::fs::read_dir(&dist) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => return Ok(()), // not there yet: trunk makes it
    };
    let earlier_build = std::fs::read_to_string(dist.join("index.html"))
        .is_ok_and(|html| html.contains("dossier-web_bg.wasm"));
    if entries.is_empty() || earlier_build {
        return Ok(());
    }
    let mut examples = entries;
    examples.sort();
    examples.truncate(3);
    Err(format!(
        "--dist {shown} holds files that are not a Dossier build ({}), and the build empties \
         it first: give the page a new or empty folder",
        examples.join(", ")
    ))
}

/// `path` with its existing part resolved (symbolic links, `..`), so two spellings of one
/// folder compare equal; the part not made yet is kept as written.
fn resolved(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |out, part| out.join(part));
        }
        match (
            existing.file_name().map(ToOwned::to_owned),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
}

fn absolute(path: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(path);
    if path.is_absolute() {
        return Ok(path);
    }
    Ok(env::current_dir().map_err(|e| e.to_string())?.join(path))
}

/// PATH with the project's pinned tools first: npm's binaryen wasm-opt (Debian's 108 breaks
/// release builds) and cargo-installed trunk / wasm-bindgen.
pub fn tool_path() -> OsString {
    let mut dirs = vec![
        root().join("node_modules").join(".bin"),
        tools::cargo_bin_dir(),
    ];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the workspace root with the project's tools on PATH.
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root()).env("PATH", tool_path());
    cmd
}

/// Runs a command to completion; a non-zero exit is an error naming the command.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        Err(format!(
            "`{} {}` failed ({status})",
            cmd.get_program().to_string_lossy(),
            args.join(" ")
        ))
    }
}

/// When the command started.
static STARTED: OnceLock<Instant> = OnceLock::new();

/// Prints a step's title with the time since the command started, so a slow CI run says which
/// step grew.
fn step(title: &str) {
    let elapsed = STARTED.get_or_init(Instant::now).elapsed().as_secs();
    println!("\n==> {title}    [{}m{:02}s]", elapsed / 60, elapsed % 60);
}

fn with_corpus(cmd: &mut Command, corpus: Option<&Path>) {
    if let Some(corpus) = corpus {
        cmd.env("DOSSIER_CORPUS", corpus);
    }
}

fn serve(corpus: Option<&Path>) -> Result<(), String> {
    tools::install_build_tools()?;
    let mut cmd = command("trunk");
    cmd.args(["serve", "--address", "127.0.0.1", "--port", "8080"]);
    with_corpus(&mut cmd, corpus);
    run(&mut cmd)
}

pub(crate) fn build_release(options: &BuildOptions) -> Result<(), String> {
    tools::install_build_tools()?;
    step(&format!(
        "trunk build --release --dist {}",
        options.dist.display()
    ));
    let mut cmd = command("trunk");
    cmd.args(["build", "--release", "--dist"])
        .arg(&options.dist);
    with_corpus(&mut cmd, options.corpus.as_deref());
    run(&mut cmd)?;
    size::report(&options.dist)
}

fn dist(options: &BuildOptions) -> Result<(), String> {
    if !options.single_file {
        return Err(format!(
            "`dist` builds the single-file page: pass `--single-file`\n\n{USAGE}"
        ));
    }
    build_release(options)?;
    step("single-file page");
    single_file::write(&options.dist, &root().join("dist-single"))
}

fn test() -> Result<(), String> {
    tools::install_all()?;

    step("cargo fmt --check");
    run(command("cargo").args(["fmt", "--all", "--check"]))?;

    step("clippy (host)");
    run(command("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("clippy (wasm32: app, loader worker and engine)");
    // The release build's profile: the proc macros and build scripts this compiles are then the
    // ones the release build below uses, not compiled a second time.
    run(command("cargo").args([
        "clippy",
        "--locked",
        "--profile",
        "wasm-release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "dossier-web",
        "-p",
        "dossier_loader",
        "-p",
        "dossier_engine",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("native tests");
    run(command("cargo").args(["test", "--workspace", "--locked"]))?;

    let release = BuildOptions {
        corpus: None,
        dist: root().join("dist"),
        single_file: true,
    };
    dist(&release)?;
    size::check_start_up_budget(&release.dist)?;

    // Hostile input must build (with warnings) and show as text: tests/e2e/adversarial.test.mjs.
    let adversarial = BuildOptions {
        corpus: Some(root().join("tests/fixtures/adversarial")),
        dist: root().join("dist-adversarial"),
        single_file: false,
    };
    build_release(&adversarial)?;

    step("browser tests (headless Chromium against the release dist/)");
    run(command("node").args([
        "--test",
        "--test-reporter=spec",
        "--test-concurrency=1",
        "tests/e2e/",
        // The benchmarks' pure helpers (no browser, milliseconds).
        "tests/bench/",
    ]))?;
    step("all passed");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_dist;
    use std::fs;
    use std::path::PathBuf;

    /// A fresh folder under the system's temp folder, removed first if an earlier run left it.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp folder");
        dir
    }

    #[test]
    fn a_dist_that_would_empty_the_corpus_or_someones_files_is_refused() {
        let home = scratch("dist");
        let (project, corpus) = (home.join("project"), home.join("news"));
        fs::create_dir_all(&project).expect("project");
        fs::create_dir_all(&corpus).expect("corpus");
        fs::write(corpus.join("a.html"), "<p>An article</p>").expect("article");
        let refused = |dist: PathBuf| check_dist(&dist, &corpus, &project).unwrap_err();
        // The corpus itself, a folder holding it, and a folder inside it.
        assert!(refused(corpus.clone()).contains("holds the corpus"));
        assert!(refused(home.clone()).contains("holds the corpus"));
        assert!(refused(home.join(".").join("news")).contains("holds the corpus"));
        assert!(refused(corpus.join("site")).contains("inside the corpus"));
        // The project, and a folder of other files.
        let elsewhere = home.join("elsewhere");
        fs::create_dir_all(elsewhere.join("project")).expect("project");
        assert!(check_dist(&elsewhere, &corpus, &elsewhere.join("project"))
            .unwrap_err()
            .contains("holds this project"));
        let notes = home.join("notes");
        fs::create_dir_all(&notes).expect("notes");
        fs::write(notes.join("todo.txt"), "call the ministry").expect("note");
        assert!(refused(notes.clone()).contains("not a Dossier build (todo.txt)"));
        // A new folder, an empty one, and an earlier build's are the page's to empty.
        assert_eq!(
            check_dist(&home.join("site/new"), &corpus, &project),
            Ok(())
        );
        let empty = home.join("empty");
        fs::create_dir_all(&empty).expect("empty");
        assert_eq!(check_dist(&empty, &corpus, &project), Ok(()));
        fs::write(
            notes.join("index.html"),
            r#"<link rel="preload" href="dossier-web_bg.wasm">"#,
        )
        .expect("build");
        assert_eq!(check_dist(&notes, &corpus, &project), Ok(()));
        let _ = fs::remove_dir_all(&home);
    }
}
