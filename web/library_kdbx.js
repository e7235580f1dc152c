// Emscripten JS library: the KeePass module (app/platform/web/web_keepass_module.cpp), loaded the
// first time it is called, never with the app. Served, it is dist/kdbx.js (which defines the
// factory TsKdbxModule) and dist/kdbx.wasm beside it; in the single file both wait in the page as
// gzip + base64 blocks (#ts-kdbx-js, #ts-kdbx-wasm, scripts/make_single_file.py) and are inflated
// with DecompressionStream; kdbx.js then runs as an inline script whose hash the page's CSP lists.
// Requests and replies (core/kdbx/bridge.h) hold passwords and secrets: every copy made here is
// zeroed once it has been handed on.

mergeInto(LibraryManager.library, {
  $TsKdbx: {
    module: null,
    loading: null,
    inflate: function (id) {
      var block = document.getElementById(id);
      if (!block) return Promise.reject(new Error(id + ' is missing'));
      var text = atob(block.textContent.replace(/\s+/g, ''));
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Response(stream).arrayBuffer();
    },
    runScript: function (attrs) {
      return new Promise(function (ok, fail) {
        var s = document.createElement('script');
        if (attrs.src) s.src = attrs.src; else s.textContent = attrs.text;
        s.onload = ok;
        s.onerror = function () { fail(new Error('kdbx.js did not load')); };
        document.head.appendChild(s);
        if (!attrs.src) ok(); // an inline script has run once appended
      });
    },
    load: function () {
      if (TsKdbx.loading) return TsKdbx.loading;
      var single = document.documentElement.hasAttribute('data-single-file');
      var ready;
      if (single) {
        ready = TsKdbx.inflate('ts-kdbx-js').then(function (js) {
          return TsKdbx.runScript({ text: new TextDecoder().decode(js) });
        }).then(function () { return TsKdbx.inflate('ts-kdbx-wasm'); })
          .then(function (wasm) { return window['TsKdbxModule']({ wasmBinary: new Uint8Array(wasm) }); });
      } else {
        ready = TsKdbx.runScript({ src: 'kdbx.js' }).then(function () {
          return window['TsKdbxModule']({ locateFile: function (f) { return f; } });
        });
      }
      TsKdbx.loading = ready.then(function (m) {
        TsKdbx.module = m;
        return m;
      }, function (e) {
        TsKdbx.loading = null; // a later call tries again (the network may be back)
        throw e;
      });
      return TsKdbx.loading;
    },
    // Hands the reply (or nothing) to C++, then zeroes every copy.
    deliver: function (id, reply) {
      var p = 0;
      if (reply) {
        p = _malloc(Math.max(1, reply.length));
        if (!p) reply.fill(0), reply = null;
        else HEAPU8.set(reply, p);
      }
      try {
        Module['_ts_kdbx_on_reply'](id, reply ? p : 0, reply ? reply.length : 0);
      } finally {
        if (p) {
          HEAPU8.fill(0, p, p + reply.length);
          _free(p);
        }
        if (reply) reply.fill(0);
      }
    },
  },

  ts_kdbx_loaded__deps: ['$TsKdbx'],
  ts_kdbx_loaded: function () {
    return TsKdbx.module ? 1 : 0;
  },

  ts_kdbx_call__deps: ['$TsKdbx', 'malloc', 'free'],
  ts_kdbx_call: function (id, ptr, len) {
    var request = HEAPU8.slice(ptr, ptr + len); // before anything async: the heap may move
    TsKdbx.load().then(function (m) {
      var p = m._malloc(Math.max(1, request.length));
      if (!p) throw new Error('out of memory');
      m.HEAPU8.set(request, p);
      request.fill(0);
      var out = m._ts_kdbx_run(p, request.length);
      m.HEAPU8.fill(0, p, p + request.length);
      m._free(p);
      if (!out) throw new Error('out of memory');
      var h = m.HEAPU8;
      var n = (h[out] | (h[out + 1] << 8) | (h[out + 2] << 16) | (h[out + 3] << 24)) >>> 0;
      var reply = h.slice(out + 4, out + 4 + n);
      m._ts_kdbx_free(out, n + 4);
      TsKdbx.deliver(id, reply);
    }).catch(function () {
      request.fill(0);
      TsKdbx.deliver(id, null);
    });
  },
});
