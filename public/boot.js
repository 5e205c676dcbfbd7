// Starts the app. A file rather than an inline script, so the Content-Security-Policy can forbid
// inline scripts altogether.
import init from './dossier-web.js';

// "Load files" runs in a worker with its own wasm, started for each load: most visits never
// load a file. The page calls this to start it (the single-file build defines its own).
globalThis.dossierLoaderWorker = () => new Worker(new URL('./loader-worker.js', import.meta.url));

// The app mounts and indexes its corpus inside `init`; the loading line goes once it has, or says
// why the page could not start (no WebAssembly, a missing or damaged file).
const boot = document.getElementById('boot');
try {
  await init({ module_or_path: new URL('./dossier-web_bg.wasm', import.meta.url) });
  boot?.remove();
} catch (error) {
  if (boot) {
    boot.textContent = `Dossier could not start: ${error?.message ?? error}. Reload the page to try again.`;
    boot.classList.add('boot-error');
    boot.setAttribute('role', 'alert');
  }
  throw error;
}

// Offline reload: the service worker caches the app shell. It only exists over http(s) (and
// localhost); opened from disk (file://) the page needs no worker, everything is already local.
// Registered once the page runs, so caching the shell never competes with starting it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch((error) => console.warn('Dossier: offline cache unavailable:', error));
}
