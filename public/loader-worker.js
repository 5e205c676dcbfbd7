// The "Load files" worker (crates/dossier_loader): wasm-bindgen's glue (no-modules: it defines
// `wasm_bindgen`), then its wasm, whose start function says "ready" to the page.
//
// Whatever fails in here, thrown or rejected (a wasm that cannot be fetched, a trap while loading),
// must reach the page as the worker's error event, which ends the load with a message; a rejected
// promise alone would leave the page waiting for ever.
self.addEventListener('unhandledrejection', (event) => { throw event.reason; });
importScripts('./dossier-loader.js');
wasm_bindgen({ module_or_path: './dossier-loader_bg.wasm' });
