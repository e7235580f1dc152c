// The service worker: keeps the app's own files in a cache named after the build, so after the first
// visit the app opens and works with the network off. It only ever serves the files it cached, from
// this origin; it never fetches anything else and never sees vault data (that is in IndexedDB).
//
// Updates are never silent: a new build's worker installs and caches its files, then WAITS. The page
// (web/loader.js) sees it waiting and tells the app, which offers a reload; only when the user
// chooses it does the page post 'activate-update', and this worker takes over.
'use strict';

const BUILD = '@TS_BUILD@'; // replaced by the build with a hash of the files below
const CACHE = `tokensafe-${BUILD}`;
// kdbx.js and kdbx.wasm: the KeePass module, loaded by the page only when a .kdbx is opened or
// written, cached here all the same so that works offline too.
const FILES = ['./', 'index.html', 'app.js', 'app.wasm', 'kdbx.js', 'kdbx.wasm', 'web/loader.js', 'web/seam.js', 'web/style.css',
  'web/manifest.webmanifest', 'web/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tokensafe-') && k !== CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) =>
    cache.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req))));
});
