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

/// What the start-up download (gzip) may weigh before `cargo xtask test` fails: every visitor pays
/// for each byte, and a regression (a second copy of the bundle's deserialisers once cost 34 kB)
/// only shows in the size. Raise it only with the reason in docs/benchmarks.md.
const START_UP_GZIP_BUDGET: usize = 560_000;

/// One file of the page: name, raw and gzipped bytes.
struct FileSize {
    name: String,
    raw: usize,
    gzip: usize,
}

impl FileSize {
    fn at_start_up(&self) -> bool {
        !LOADER_FILES.contains(&self.name.as_str())
    }
}

/// Every wasm/js/css/html file in `dist`, by name.
fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
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
    files
        .iter()
        .map(|file| {
            let bytes =
                std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            Ok(FileSize {
                name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                raw: bytes.len(),
                gzip: gzip_len(&bytes)?,
            })
        })
        .collect()
}

/// Prints one line per wasm/js/css/html file in `dist`, then the start-up total and the total
/// with the loader worker, raw and gzipped (gzip -9).
pub fn report(dist: &Path) -> Result<(), String> {
    let files = measure(dist)?;
    println!("\nsize of {}:", dist.display());
    for file in &files {
        println!(
            "  {:<48} {:>10} raw {:>10} gzip",
            file.name,
            kb(file.raw),
            kb(file.gzip)
        );
    }
    let start_up = files.iter().filter(|f| f.at_start_up());
    for (label, raw, gz) in [
        (
            "page at start-up (without the loader)",
            start_up.clone().map(|f| f.raw).sum(),
            start_up.map(|f| f.gzip).sum(),
        ),
        (
            "total (with the Load files worker)",
            files.iter().map(|f| f.raw).sum::<usize>(),
            files.iter().map(|f| f.gzip).sum::<usize>(),
        ),
    ] {
        println!("  {label:<48} {:>10} raw {:>10} gzip", kb(raw), kb(gz));
    }
    Ok(())
}

/// Fails when the page's start-up download in `dist` is over [`START_UP_GZIP_BUDGET`].
pub fn check_start_up_budget(dist: &Path) -> Result<(), String> {
    let start_up: usize = measure(dist)?
        .iter()
        .filter(|f| f.at_start_up())
        .map(|f| f.gzip)
        .sum();
    if start_up > START_UP_GZIP_BUDGET {
        return Err(format!(
            "the page's start-up download is {} gzip, over its budget of {}: every visitor pays \
             for it. Find what grew (`twiggy diff` of the wasm before and after), or raise \
             START_UP_GZIP_BUDGET in xtask/src/size.rs with the reason in docs/benchmarks.md",
            kb(start_up),
            kb(START_UP_GZIP_BUDGET)
        ));
    }
    println!(
        "start-up download {} gzip, within its budget of {}",
        kb(start_up),
        kb(START_UP_GZIP_BUDGET)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes gzip cannot shrink.
    fn noise(len: usize) -> Vec<u8> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[0]
            })
            .collect()
    }

    #[test]
    fn the_budget_counts_the_start_up_files_only() {
        let dist = std::env::temp_dir().join(format!("dossier-size-{}", std::process::id()));
        std::fs::create_dir_all(&dist).expect("temp dir");
        std::fs::write(dist.join("index.html"), "<!doctype html>").expect("write");
        // The worker's wasm is not part of starting the page, however large.
        std::fs::write(
            dist.join("dossier-loader_bg.wasm"),
            noise(START_UP_GZIP_BUDGET),
        )
        .expect("write");
        std::fs::write(
            dist.join("dossier-web_bg.wasm"),
            noise(START_UP_GZIP_BUDGET / 2),
        )
        .expect("write");
        assert!(check_start_up_budget(&dist).is_ok());
        std::fs::write(
            dist.join("dossier-web_bg.wasm"),
            noise(START_UP_GZIP_BUDGET + 1),
        )
        .expect("write");
        let error = check_start_up_budget(&dist).expect_err("over the budget");
        assert!(error.contains("over its budget"), "{error}");
        std::fs::remove_dir_all(&dist).ok();
    }
}
