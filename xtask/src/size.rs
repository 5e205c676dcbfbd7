//! Reports the size of what a visitor downloads: the release wasm and JS, raw and gzipped; the
//! page's start-up set apart from the "Load files" worker, which is fetched on the first load (and
//! by the service worker, for offline use, once the page runs).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The "Load files" worker's files: not needed to start the page.
const LOADER_FILES: [&str; 3] = [
    "loader-worker.js",
    "dossier-loader.js",
    "dossier-loader_bg.wasm",
];

/// Prints one line per wasm/js/css/html file in `dist`, then the start-up total and the total
/// with the loader worker, raw and gzipped (gzip -9).
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
    let (mut raw_start, mut gz_start) = (0usize, 0usize);
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
        if !LOADER_FILES.contains(&name.as_str()) {
            raw_start += bytes.len();
            gz_start += gz;
        }
        println!(
            "  {name:<48} {:>10} raw {:>10} gzip",
            kb(bytes.len()),
            kb(gz)
        );
    }
    for (label, raw, gz) in [
        ("page at start-up (without the loader)", raw_start, gz_start),
        ("total (with the Load files worker)", raw_total, gz_total),
    ] {
        println!("  {label:<48} {:>10} raw {:>10} gzip", kb(raw), kb(gz));
    }
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
