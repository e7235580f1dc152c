// Emscripten JS library (linked with --js-library): the browser services app/platform/web calls.
// Every function here is synchronous; none keeps a pointer into the wasm heap past its return.

mergeInto(LibraryManager.library, {
  // localStorage holds settings only (language, workstation name), never a secret.
  ts_storage_get__deps: ['malloc'],
  ts_storage_get: function (keyPtr) {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(keyPtr)); } catch (e) { value = null; }
    if (value === null) return 0;
    var n = lengthBytesUTF8(value) + 1;
    var p = _malloc(n);
    stringToUTF8(value, p, n);
    return p;
  },
  ts_storage_put: function (keyPtr, valuePtr) {
    try {
      window.localStorage.setItem(UTF8ToString(keyPtr), UTF8ToString(valuePtr));
      return 1;
    } catch (e) {
      return 0; // quota exceeded or storage disabled: the caller tells the user
    }
  },

  // The paste event carries the clipboard text; it fires during Ctrl+V's keydown, before ImGui
  // sees the key on its next frame, so the text is ready when ImGui asks for it.
  ts_clipboard_install__deps: ['malloc', 'free'],
  ts_clipboard_install: function () {
    window.addEventListener('paste', function (e) {
      var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
      var n = lengthBytesUTF8(text) + 1;
      var p = _malloc(n);
      stringToUTF8(text, p, n);
      Module['_ts_on_paste'](p);
      HEAPU8.fill(0, p, p + n); // the pasted text may be a secret
      _free(p);
      e.preventDefault();
    });
  },
  // Empties the clipboard only if it still holds what we copied (answer codes: 0 cleared,
  // 1 someone else's text now, 2 the browser would not let us read it, 3 nor write it).
  ts_clipboard_clear_if: function (textPtr, user) {
    var ours = UTF8ToString(textPtr);
    function answer(code) { Module['_ts_on_clipboard_cleared'](user, code); }
    if (!navigator.clipboard || !navigator.clipboard.readText) { answer(2); return; }
    navigator.clipboard.readText().then(function (now) {
      if (now !== ours) { answer(1); return; }
      navigator.clipboard.writeText('').then(function () { answer(0); }, function () { answer(3); });
    }, function () { answer(2); });
  },
  ts_clipboard_write: function (textPtr) {
    var text = UTF8ToString(textPtr);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function () {});
    }
  },
});

mergeInto(LibraryManager.library, {
  // Start-up failed in C++ (e.g. no WebGL2 context): web/loader.js shows the message in the page.
  ts_page_fatal: function (kindPtr) {
    var kind = UTF8ToString(kindPtr);
    if (Module.tsFatal) Module.tsFatal(kind);
  },
});

mergeInto(LibraryManager.library, {
  // Sizes the canvas backing store and tells GLFW. glfwSetWindowSize cannot be used: in Emscripten
  // 3.1.6 a size equal to the screen's requests fullscreen instead (a maximised window hits this).
  ts_canvas_resize__deps: ['$GLFW', '$Browser'],
  ts_canvas_resize: function (width, height) {
    Browser.setCanvasSize(width, height);
    var win = GLFW.active;
    if (win) {
      win.width = width;
      win.height = height;
    }
  },
});

mergeInto(LibraryManager.library, {
  // Opened from disk (dist/tokensafe.html on a USB stick) rather than served over http(s).
  ts_page_is_file: function () { return location.protocol === 'file:' ? 1 : 0; },

  // A new version waiting in the service worker (web/loader.js watches for it): tell the app now if it
  // is already there, else when it comes. Applying it is the user's choice (ts_page_apply_update).
  ts_page_watch_updates: function () {
    Module.tsOnUpdate = function () { Module['_ts_on_update_ready'](); };
    if (Module.tsUpdateWaiting) Module.tsOnUpdate();
  },
  ts_page_apply_update: function () {
    if (Module.tsApplyUpdate) Module.tsApplyUpdate();
  },

  ts_utc_offset_minutes: function () { return -new Date().getTimezoneOffset(); },

  // While the tab is hidden no frame runs: the app hears of it here and keeps a timer of its own
  // (core/lock_policy.h decides when a hidden tab locks).
  ts_page_watch_visibility: function () {
    document.addEventListener('visibilitychange', function () {
      Module['_ts_on_visibility'](document.hidden ? 1 : 0);
    });
    // Ctrl+L would move focus to the address bar; in the app it locks the vault.
    window.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'l' || e.key === 'L' || e.code === 'KeyL')) {
        e.preventDefault();
      }
    }, true);
  },
  // The person's "reduce motion" choice (system settings), now and whenever it changes.
  ts_page_watch_motion: function () {
    var query = window.matchMedia('(prefers-reduced-motion: reduce)');
    var tell = function () { Module['_ts_on_reduced_motion'](query.matches ? 1 : 0); };
    query.addEventListener('change', tell);
    tell();
  },
});

mergeInto(LibraryManager.library, {
  // Presentation mode asks for the whole screen. Refused (no user gesture, a frame's policy), the
  // presentation simply fills the window.
  ts_fullscreen: function (on) {
    try {
      var root = document.documentElement;
      if (on && !document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(function () {});
      if (!on && document.fullscreenElement) document.exitFullscreen().catch(function () {});
    } catch (e) {}
  },
  // Saves bytes as a file through the browser's download (no network: a blob URL, revoked after).
  ts_download: function (namePtr, dataPtr, len, mimePtr) {
    try {
      var blob = new Blob([HEAPU8.slice(dataPtr, dataPtr + len)], { type: UTF8ToString(mimePtr) });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = UTF8ToString(namePtr);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      return 1;
    } catch (e) {
      return 0;
    }
  },
});
