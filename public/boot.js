// Starts the app. A file rather than an inline script, so the Content-Security-Policy can forbid
// inline scripts altogether.
import init from './dossier-web.js';

// "Load files" runs in a worker with its own wasm, fetched on the first load: most visits never
// load a file. The page calls this to start it (the single-file build defines its own).
globalThis.dossierLoaderWorker = () => new Worker(new URL('./loader-worker.js', import.meta.url));

await init({ module_or_path: new URL('./dossier-web_bg.wasm', import.meta.url) });

// Offline reload: the service worker caches the app shell. It only exists over http(s) (and
// localhost); opened from disk (file://) the page needs no worker, everything is already local.
// Registered once the page runs, so caching the shell never competes with starting it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch((error) => console.warn('Dossier: offline cache unavailable:', error));
}
