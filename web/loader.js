// Starts the app: checks that the browser can run it, loads app.wasm with a progress bar, and shows
// a clear message (Russian and English) instead of a blank page when anything goes wrong.
// In the single file (dist/tokensafe.html, <html data-single-file>) the wasm is a data block in the
// page (gzip, then base64) and app.js follows this script inline: nothing is fetched.
(function () {
  'use strict';
  var MESSAGES = {
    'no-wasm': [
      'Этот браузер не поддерживает WebAssembly или слишком стар для него. Откройте Сейф токенов в актуальной версии Chrome, Edge, Firefox или Яндекс Браузера.',
      'This browser does not support WebAssembly, or is too old for it. Open TokenSafe in a current Chrome, Edge, Firefox or Yandex Browser.'],
    'no-webgl2': [
      'Браузер не дал странице WebGL2, без которого Сейф токенов не может рисовать экран. Включите аппаратное ускорение в настройках браузера или откройте страницу в другом браузере.',
      'The browser did not give this page WebGL2, which TokenSafe needs to draw. Turn on hardware acceleration in the browser settings or open the page in another browser.'],
    'load-failed': [
      'Не удалось загрузить файлы приложения ({0}). Проверьте, что папка с приложением цела, и обновите страницу.',
      'The app files failed to load ({0}). Check that the app folder is complete and reload the page.'],
    'crashed': [
      'Приложение остановилось из-за ошибки: {0}. Обновите страницу.',
      'The app stopped because of an error: {0}. Reload the page.'],
  };

  var loader = document.getElementById('loader');
  var fill = document.getElementById('loader-fill');
  var fatalBox = document.getElementById('fatal');
  var failed = false;
  var single = document.documentElement.hasAttribute('data-single-file');

  function fail(kind, detail) {
    if (failed) return;
    failed = true;
    var m = MESSAGES[kind] || MESSAGES.crashed;
    var d = String(detail || kind);
    document.getElementById('fatal-ru').textContent = m[0].replace('{0}', d);
    document.getElementById('fatal-en').textContent = m[1].replace('{0}', d);
    loader.hidden = true;
    fatalBox.hidden = false;
    document.getElementById('canvas').hidden = true;
    document.documentElement.dataset.fatal = kind; // for tests and for support: which failure
  }

  function progress(done, total) {
    if (total > 0) {
      fill.classList.remove('indeterminate');
      fill.style.width = Math.min(100, Math.round(100 * done / total)) + '%';
    } else {
      fill.classList.add('indeterminate');
    }
  }

  // Fetches app.wasm; resolves to the response once its headers are in. The body is left to the
  // compiler (WebAssembly.instantiateStreaming compiles while the bytes arrive); a copy of it is read
  // only to move the progress bar.
  function fetchWasm(url) {
    return fetch(url).then(function (res) {
      if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
      var total = Number(res.headers.get('Content-Length')) || 0;
      progress(0, total);
      var copy = res.clone();
      if (copy.body && copy.body.getReader) {
        var reader = copy.body.getReader(), got = 0;
        var pump = function () {
          reader.read().then(function (r) {
            if (r.done) return;
            got += r.value.length;
            progress(got, total);
            pump();
          }, function () {}); // a failed download is reported by the compiler's read
        };
        pump();
      }
      return res;
    });
  }

  // Compiles while downloading when the browser can and the server says application/wasm (which
  // streaming compilation requires); otherwise reads the whole file first.
  function instantiateResponse(res, imports) {
    var type = res.headers.get('Content-Type') || '';
    if (typeof WebAssembly.instantiateStreaming === 'function' && /^application\/wasm\b/.test(type))
      return WebAssembly.instantiateStreaming(res, imports);
    return res.arrayBuffer().then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
  }

  function hideLoaderOnFirstFrame() {
    if (failed) return;
    if (window.tokensafe && window.tokensafe.ready) {
      loader.hidden = true;
      performance.mark('ts-first-frame'); // read by scripts/bench.sh
      return;
    }
    requestAnimationFrame(hideLoaderOnFirstFrame);
  }

  // Served over http(s), the service worker (sw.js) keeps the app's files for offline use. A new version
  // it has cached waits until the user chooses to reload (the app offers it: ts_page_watch_updates);
  // the first install is not announced (nothing to replace). Never on file://: no worker there.
  function watchForUpdates() {
    if (single || !/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
    var sw = navigator.serviceWorker, reloadWanted = false;
    function announce() {
      if (!sw.controller || Module.tsUpdateWaiting) return;
      Module.tsUpdateWaiting = true;
      if (Module.tsOnUpdate) Module.tsOnUpdate();
    }
    sw.addEventListener('controllerchange', function () { if (reloadWanted) location.reload(); });
    sw.register('sw.js').then(function (reg) {
      Module.tsApplyUpdate = function () {
        if (!reg.waiting) return;
        reloadWanted = true;
        reg.waiting.postMessage('activate-update');
      };
      if (reg.waiting) announce();
      reg.addEventListener('updatefound', function () {
        var next = reg.installing;
        if (!next) return;
        next.addEventListener('statechange', function () { if (next.state === 'installed') announce(); });
      });
    }).catch(function () {}); // no worker (e.g. private mode): the app still works while online
  }

  // app.js runs whatever happens here (inline after this script in the single file, requested below
  // otherwise): when we cannot start, give it a Module that never instantiates, so the message above
  // stays the only thing shown.
  function stayDormant() {
    window.Module = { instantiateWasm: function () { return {}; } };
  }

  // The wasm embedded in the single file: base64 of its gzip, inflated by the browser (the block is
  // freed once read). A damaged block rejects: shown as load-failed.
  function embeddedWasm() {
    return new Promise(function (ok) {
      var block = document.getElementById('ts-wasm');
      if (!block) throw new Error('the embedded app.wasm is missing');
      if (typeof DecompressionStream !== 'function') throw new Error('DecompressionStream is not supported');
      var text = atob(block.textContent.replace(/\s+/g, ''));
      block.remove();
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      ok(new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    });
  }

  // The app uses wasm bulk memory and sign extension (Chrome 75, Firefox 79, Safari 15): a tiny
  // module with memory.copy and i32.extend8_s tells an older engine apart before it fails to load.
  var FEATURES = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1,
    0x0a, 0x12, 1, 0x10, 0, 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x0a, 0, 0, 0x41, 0, 0xc0, 0x1a, 0x0b]);
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' ||
      !WebAssembly.validate(FEATURES)) {
    fail('no-wasm');
    stayDormant();
    return;
  }
  // Both downloads start now, side by side and before the WebGL2 check below (app.js would ask for
  // the wasm only once it has run). app.js cannot run before this script ends.
  var wasmResponse = null;
  if (!single) {
    wasmResponse = fetchWasm('app.wasm');
    wasmResponse.catch(function (e) { fail('load-failed', e && e.message ? e.message : e); });
    var script = document.createElement('script');
    script.src = 'app.js';
    script.onerror = function () { fail('load-failed', 'app.js'); };
    document.body.appendChild(script);
  }
  // The app reads its settings from localStorage first thing, and a page's first access waits for the
  // browser to open the storage: done now, that wait overlaps the downloads.
  try { void window.localStorage.length; } catch (e) { /* storage disabled: the app copes */ }
  // A throwaway canvas: asking the app's own canvas would fix its context attributes before GLFW.
  var probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail('no-webgl2');
    stayDormant();
    return;
  }
  var lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();

  window.addEventListener('error', function (e) {
    if (!(window.tokensafe && window.tokensafe.ready)) fail('crashed', e.message);
  });

  window.Module = {
    canvas: document.getElementById('canvas'),
    tsFatal: fail,
    instantiateWasm: function (imports, done) {
      if (single) progress(0, 0);
      (single ? embeddedWasm().then(function (bytes) { return WebAssembly.instantiate(bytes, imports); })
              : wasmResponse.then(function (res) { return instantiateResponse(res, imports); }))
        .then(function (r) { done(r.instance, r.module); })
        .catch(function (e) { fail('load-failed', e && e.message ? e.message : e); });
      return {};
    },
    onRuntimeInitialized: hideLoaderOnFirstFrame,
    onAbort: function (what) { fail('crashed', what); },
  };

  watchForUpdates();
})();
