// The "Load files" worker (crates/dossier_loader): wasm-bindgen's glue (no-modules: it defines
// `wasm_bindgen`), then its wasm, whose start function says "ready" to the page.
importScripts('./dossier-loader.js');
wasm_bindgen({ module_or_path: './dossier-loader_bg.wasm' });
