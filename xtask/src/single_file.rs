//! `cargo xtask dist --single-file`: one HTML file with the CSS, the JS glue and the wasm inlined,
//! which opens by double-click from disk (file://), where a browser will not fetch or import
//! neighbouring files. The "Load files" worker is inlined too: its glue and wasm become a `blob:`
//! script, started for each load as boot.js starts `loader-worker.js` in dist/.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Writes `out_dir/dossier.html` from a release `dist`.
pub fn write(dist: &Path, out_dir: &Path) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name))
            .map_err(|e| format!("cannot read {}/{name}: {e}", dist.display()))
    };
    let glue = String::from_utf8(read("dossier-web.js")?)
        .map_err(|e| format!("dossier-web.js is not UTF-8: {e}"))?;
    let wasm = read("dossier-web_bg.wasm")?;
    let loader_glue = String::from_utf8(read("dossier-loader.js")?)
        .map_err(|e| format!("dossier-loader.js is not UTF-8: {e}"))?;
    let loader_wasm = read("dossier-loader_bg.wasm")?;
    let css =
        String::from_utf8(read("main.css")?).map_err(|e| format!("main.css is not UTF-8: {e}"))?;
    let icon_path = crate::root().join("public/favicon.svg");
    let icon = std::fs::read(&icon_path)
        .map_err(|e| format!("cannot read {}: {e}", icon_path.display()))?;

    let b64 = base64::engine::general_purpose::STANDARD;
    // The worker's source: what public/loader-worker.js does (a failure inside must reach the
    // page as an error event), with its glue inlined and a synchronous start from the inlined
    // bytes (allowed in a worker at any size). Kept as a JS string until the first load needs it.
    let loader_source = format!(
        "self.addEventListener('unhandledrejection', (event) => {{ throw event.reason; }});\n{loader_glue}\nwasm_bindgen.initSync({{ module: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\n",
        b64.encode(&loader_wasm)
    );
    let loader_source = serde_json::to_string(&loader_source)
        .map_err(|e| format!("cannot quote the loader's source: {e}"))?;
    // The glue is an ES module; inline module scripts may keep its `export`s. initSync compiles
    // the inlined bytes without any fetch.
    let script = format!(
        "globalThis.dossierLoaderWorker = () => new Worker(URL.createObjectURL(new Blob([{loader_source}], {{ type: 'text/javascript' }})));\n{glue}\nconst boot = document.getElementById('boot');\ntry {{\n  initSync({{ module: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\n  boot?.remove();\n}} catch (error) {{\n  boot.textContent = `Dossier could not start: ${{error?.message ?? error}}.`;\n  boot.classList.add('boot-error');\n  boot.setAttribute('role', 'alert');\n  throw error;\n}}\n",
        b64.encode(&wasm)
    );
    if script.contains("</script") {
        return Err("the inlined script contains `</script`, which would end it early".into());
    }
    let script_hash = b64.encode(Sha256::digest(script.as_bytes()));
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Dossier: an offline explorer for a news corpus (single-file build)">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-{script_hash}' 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>Dossier</title>
<link rel="icon" href="data:image/svg+xml;base64,{icon}">
<style>
{css}
</style>
</head>
<body>
<p id="boot" class="boot" role="status">Loading Dossier and its corpus…</p>
<noscript><p class="boot">Dossier runs in your browser: it needs JavaScript and WebAssembly.</p></noscript>
<script type="module">{script}</script>
</body>
</html>
"#,
        icon = b64.encode(&icon),
    );
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let out = out_dir.join("dossier.html");
    std::fs::write(&out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "wrote {} ({:.1} kB)",
        out.display(),
        std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as f64 / 1000.0
    );
    Ok(())
}
