//! `cargo xtask fuzz --seconds N`: every cargo-fuzz target for N seconds each, on nightly, with
//! the kept regressions as seeds; writes the executions per target to docs/fuzzing.md.

use std::process::Stdio;

use crate::{command, root, run, step};

pub fn run_all(args: &[String]) -> Result<(), String> {
    let seconds: u64 = match args {
        [] => 60,
        [flag, n] if flag == "--seconds" => n
            .parse()
            .map_err(|_| format!("`--seconds` takes a whole number, not `{n}`"))?,
        _ => {
            return Err(format!(
                "usage: cargo xtask fuzz [--seconds N], got `{}`",
                args.join(" ")
            ))
        }
    };
    install_cargo_fuzz()?;
    let list = command("cargo")
        .args(["+nightly", "fuzz", "list"])
        .output()
        .map_err(|e| e.to_string())?;
    let targets: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if targets.is_empty() {
        return Err("`cargo fuzz list` found no targets".into());
    }
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for target in &targets {
        step(&format!("fuzz {target} for {seconds} s"));
        let corpus = root().join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
        let output = command("cargo")
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .arg(root().join("fuzz/regressions").join(target))
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-print_final_stats=1",
                "-max_len=65536",
                "-rss_limit_mb=4096",
            ])
            .stdout(Stdio::inherit())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let executions = stderr
            .lines()
            .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
            .map(|n| n.trim().to_string())
            .unwrap_or_else(|| "?".into());
        let verdict = if output.status.success() {
            "clean"
        } else {
            "CRASH (see fuzz/artifacts)"
        };
        if !output.status.success() {
            eprintln!(
                "{}",
                stderr
                    .lines()
                    .rev()
                    .take(40)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            failed.push(target.clone());
        }
        println!("{target}: {executions} executions, {verdict}");
        rows.push(format!(
            "| `{target}` | {seconds} | {executions} | {verdict} |"
        ));
    }
    write_report(seconds, &rows)?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fuzz targets crashed: {}", failed.join(", ")))
    }
}

fn install_cargo_fuzz() -> Result<(), String> {
    if command("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Ok(());
    }
    step("cargo install cargo-fuzz");
    run(command("cargo").args(["install", "--locked", "cargo-fuzz"]))
}

fn write_report(seconds: u64, rows: &[String]) -> Result<(), String> {
    let machine = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let report = format!(
        "# Fuzzing\n\nLast run: `cargo xtask fuzz --seconds {seconds}` (one target at a time, libFuzzer via cargo-fuzz on nightly)\n\
         on {machine}, {cores} cores. Found crashes are fixed and their inputs kept in `fuzz/regressions/<target>/`,\n\
         which `crates/dossier_engine/tests/fuzz_regressions.rs` replays in the normal test suite.\n\n\
         | target | seconds | executions | result |\n| --- | ---: | ---: | --- |\n{}\n",
        rows.join("\n")
    );
    let path = root().join("docs/fuzzing.md");
    std::fs::write(&path, report).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
