// Starts the app. A file rather than an inline script, so the Content-Security-Policy can forbid
// inline scripts altogether.
import init from './dossier-web.js';

// Offline reload: the service worker caches the app shell. It only exists over http(s) (and
// localhost); opened from disk (file://) the page needs no worker, everything is already local.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch((error) => console.warn('Dossier: offline cache unavailable:', error));
}

await init({ module_or_path: new URL('./dossier-web_bg.wasm', import.meta.url) });
