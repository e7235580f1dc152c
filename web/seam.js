// The read-only test seam. window.tokensafe reads what the app published after its last frame:
// the widgets it drew (label, stable key, rectangle), its visible state, and the frame count.
// Nothing here can change the app; tests act only through real mouse and keyboard input.
(function () {
  'use strict';
  function running() {
    var M = window.Module;
    return !!(M && M.calledRun && M._ts_seam_frames);
  }
  function read(fn, fallback) {
    if (!running()) return fallback;
    return JSON.parse(window.Module.UTF8ToString(window.Module[fn]()));
  }
  function frames() { return running() ? window.Module._ts_seam_frames() : 0; }
  var seam = Object.freeze({
    get ready() { return frames() > 0; },
    items: function () { return read('_ts_seam_items', []); },
    state: function () { return read('_ts_seam_state', {}); },
    frames: frames,
  });
  Object.defineProperty(window, 'tokensafe', { value: seam, writable: false, configurable: false });
})();
