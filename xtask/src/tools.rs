//! Installs the tools the build and the tests need, skipping what is already there.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{command, root, run, step};

/// trunk 0.22 needs a newer rustc than the pinned 1.95; 0.21.14 is the newest that builds.
const TRUNK_VERSION: &str = "0.21.14";

/// Everything: build tools, npm tools and the browser.
pub fn install_all() -> Result<(), String> {
    install_build_tools()?;
    install_browser()
}

/// What `trunk build` needs: the wasm32 target, trunk, a matching wasm-bindgen, and a wasm-opt that works.
pub fn install_build_tools() -> Result<(), String> {
    install_wasm_target()?;
    install_trunk()?;
    install_wasm_bindgen()?;
    install_npm_tools()
}

/// `~/.cargo/bin` (or `$CARGO_HOME/bin`), where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
        .join(".cargo")
        .join("bin")
}

/// The first line a tool prints for `--version`, or None when it is not installed.
fn version_of(program: &str) -> Option<String> {
    let output = command(program).arg("--version").output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    })
}

fn install_wasm_target() -> Result<(), String> {
    let installed = command("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| e.to_string())?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    step("rustup target add wasm32-unknown-unknown");
    run(command("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn install_trunk() -> Result<(), String> {
    if version_of("trunk").is_some_and(|v| v.ends_with(TRUNK_VERSION)) {
        return Ok(());
    }
    step(&format!(
        "cargo install trunk@{TRUNK_VERSION} (about 10 minutes, once)"
    ));
    run(command("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn install_wasm_bindgen() -> Result<(), String> {
    let version = locked_wasm_bindgen_version()?;
    if version_of("wasm-bindgen")
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str()))
    {
        return Ok(());
    }
    step(&format!("cargo install wasm-bindgen-cli@={version}"));
    let spec = format!("wasm-bindgen-cli@={version}");
    // Some versions' lock files name crates the registry no longer has: fall back to fresh resolution.
    run(command("cargo").args(["install", "--force", "--locked", &spec]))
        .or_else(|_| run(command("cargo").args(["install", "--force", &spec])))
}

/// npm tools pinned in package-lock.json: binaryen's wasm-opt (Debian's 108 silently breaks
/// release builds) and playwright-core (drives Debian's Chromium; never downloads a browser).
fn install_npm_tools() -> Result<(), String> {
    let root = root();
    let stamp = root.join("node_modules").join(".package-lock.json");
    if is_newer_or_same(&stamp, &root.join("package-lock.json")) {
        return Ok(());
    }
    step("npm ci");
    run(command("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

fn is_newer_or_same(file: &Path, than: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(file), modified(than)), (Some(a), Some(b)) if a >= b)
}

/// Debian's Chromium and ChromeDriver (a downloaded browser cannot work on these machines).
fn install_browser() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    step("apt-get install chromium chromium-driver");
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            command("apt-get")
        } else {
            command("sudo")
        };
        if !as_root {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}
