//! `cargo xtask bench-web`: Dossier's engine (wasm) vs MiniSearch in the same headless Chromium.
//!
//! Builds `crates/dossier_bench_web` for wasm32 with the shipped `wasm-release` profile, runs
//! wasm-bindgen (`--target web`) and npm's wasm-opt `-Oz` into `target/bench-web/pkg/`, then hands
//! over to `tests/bench/run.mjs`, which serves everything on 127.0.0.1, measures, prints one JSON
//! line and rewrites its section of docs/benchmarks.md. Not part of `cargo xtask test`.

use crate::{command, root, run, step, tools};

/// Features rustc enables by default for wasm32 (so wasm-opt must accept them).
const WASM_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the bench wasm, then runs the browser benchmark; `args` go to run.mjs as they are
/// (`--rounds N`, `--copies-large N`, `--no-docs`).
pub fn run_all(args: &[String]) -> Result<(), String> {
    tools::install_all()?;
    let root = root();
    let pkg = root.join("target").join("bench-web").join("pkg");

    step("cargo build -p dossier_bench_web (wasm32, wasm-release)");
    run(command("cargo").args([
        "build",
        "-p",
        "dossier_bench_web",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))?;
    let built = root
        .join("target")
        .join("wasm32-unknown-unknown")
        .join("wasm-release")
        .join("dossier_bench_web.wasm");

    step("wasm-bindgen --target web");
    run(command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(&built))?;

    step("wasm-opt -Oz");
    let wasm = pkg.join("dossier_bench_web_bg.wasm");
    run(command("wasm-opt")
        .arg("-Oz")
        .args(WASM_FEATURES)
        .arg("-o")
        .arg(&wasm)
        .arg(&wasm))?;

    step("node tests/bench/run.mjs");
    run(command("node").arg("tests/bench/run.mjs").args(args))
}
