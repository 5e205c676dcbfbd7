// Dossier's service worker: keeps the app shell so the page reloads offline.
// Network first, so a new build is picked up whenever the host is reachable; the cache answers
// only when it is not. Only same-origin GETs are touched: the page makes no other requests.
const CACHE = 'dossier-shell-v3';
// The "Load files" worker is kept too, so loading files works offline as well.
const SHELL = [
  './', './index.html', './main.css', './boot.js', './dossier-web.js', './dossier-web_bg.wasm',
  './loader-worker.js', './dossier-loader.js', './dossier-loader_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(async () => {
        const cached = await caches.match(request, { ignoreSearch: true });
        return cached ?? (request.mode === 'navigate' ? caches.match('./index.html') : Response.error());
      }),
  );
});
