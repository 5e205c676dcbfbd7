// The "Load files" worker (crates/dossier_loader): wasm-bindgen's glue (no-modules: it defines
// `wasm_bindgen`), then its wasm, whose start function says "ready" to the page.
importScripts('./dossier-loader.js');
wasm_bindgen({ module_or_path: './dossier-loader_bg.wasm' }).catch((error) => {
  // A wasm that cannot be fetched or compiled must reach the page as the worker's error event
  // (which says so and ends the load), not die as an unhandled rejection inside the worker.
  setTimeout(() => { throw error; });
});
