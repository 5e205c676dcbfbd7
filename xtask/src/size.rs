//! Reports the size of what a visitor downloads: the release wasm and JS, raw and gzipped.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Prints one line per wasm/js file in `dist` plus a total, raw and gzipped (gzip -9).
pub fn report(dist: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo xtask build` first)",
            dist.display()
        )
    })?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("wasm" | "js" | "css" | "html")
            )
        })
        .collect();
    files.sort();
    println!("\nsize of {}:", dist.display());
    let (mut raw_total, mut gz_total) = (0usize, 0usize);
    for file in &files {
        let bytes =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let gz = gzip_len(&bytes)?;
        raw_total += bytes.len();
        gz_total += gz;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "  {name:<48} {:>10} raw {:>10} gzip",
            kb(bytes.len()),
            kb(gz)
        );
    }
    println!(
        "  {:<48} {:>10} raw {:>10} gzip",
        "total",
        kb(raw_total),
        kb(gz_total)
    );
    Ok(())
}

fn kb(n: usize) -> String {
    format!("{:.1} kB", n as f64 / 1000.0)
}

fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip has no stdin")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "gzip writer panicked".to_string())?
        .map_err(|e| e.to_string())?;
    Ok(output.stdout.len())
}
