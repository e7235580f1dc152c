// Emscripten JS library: picking one file from disk (app/platform/web/web_file_picker.cpp).
// A hidden <input type="file"> is created and clicked while the user's click still counts as a
// gesture (browsers refuse to open the dialog otherwise). The chosen file is read with arrayBuffer(),
// copied into the wasm heap and handed to C++ by request id through the exported
// ts_file_picker_on_picked(id, ok, ptr, len, namePtr); this side zeroes and frees the copy, and zeroes
// the ArrayBuffer it was read into, when C++ returns.
// Every request gets exactly one answer, always in a later task: the file, or "nothing" (ok = 0)
// when the user cancels (the input's `cancel` event) or the file is unreadable, or a
// newer request replaces it.

mergeInto(LibraryManager.library, {
  $TsFilePicker: {
    MAX_BYTES: 64 * 1024 * 1024, // FilePicker::kMaxBytes
    current: null, // {id, input, answered}
    // Calls into C++ once per request; `bytes` is a Uint8Array or null for "nothing"; `tooLarge`
    // names a file that was not read.
    deliver: function (req, name, bytes, tooLarge) {
      if (req.answered) return;
      req.answered = true;
      if (req.input.parentNode) req.input.parentNode.removeChild(req.input);
      if (TsFilePicker.current === req) TsFilePicker.current = null;
      var ok = bytes !== null || !!tooLarge;
      if (tooLarge) bytes = new Uint8Array(0);
      var p = 0, np = 0;
      if (ok && bytes.length) {
        p = _malloc(bytes.length);
        if (!p) ok = false; // out of memory: answer "nothing" rather than fail inside C++
        else HEAPU8.set(bytes, p);
      }
      if (ok) {
        var n = lengthBytesUTF8(name) + 1;
        np = _malloc(n);
        if (np) stringToUTF8(name, np, n);
      }
      try {
        Module['_ts_file_picker_on_picked'](req.id, tooLarge ? 2 : ok ? 1 : 0, ok ? p : 0, ok ? bytes.length : 0, np);
      } finally {
        // The file may be a plaintext export (KeePassXC CSV, Bitwarden JSON) full of passwords.
        // _free does not go through the wiping heap (app/platform/web/wiping_heap.cpp), so the copy
        // is zeroed here first; HEAPU8 is read again because the call may have grown the memory.
        if (p) {
          HEAPU8.fill(0, p, p + bytes.length);
          _free(p);
        }
        if (np) _free(np);
        // The file's bytes in JavaScript too: the ArrayBuffer would otherwise wait for the collector.
        if (bytes) bytes.fill(0);
        req.input.value = ''; // and the input lets go of the File
      }
    },
  },

  ts_file_pick__deps: ['$TsFilePicker', 'malloc', 'free'],
  ts_file_pick: function (id, acceptPtr) {
    var accept = UTF8ToString(acceptPtr);
    // A dialog that never answered (e.g. a browser without the `cancel` event): answer it now.
    var old = TsFilePicker.current;
    if (old) setTimeout(function () { TsFilePicker.deliver(old, '', null); }, 0);

    var input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.style.display = 'none';
    var req = { id: id, input: input, answered: false };
    TsFilePicker.current = req;

    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) {
        TsFilePicker.deliver(req, '', null);
        return;
      }
      if (file.size > TsFilePicker.MAX_BYTES) {
        TsFilePicker.deliver(req, file.name, null, true);
        return;
      }
      file.arrayBuffer().then(function (buf) {
        TsFilePicker.deliver(req, file.name, new Uint8Array(buf));
      }, function () {
        TsFilePicker.deliver(req, '', null);
      });
    });
    // Chrome fires `cancel` on the input when the dialog is dismissed without a choice.
    input.addEventListener('cancel', function () { TsFilePicker.deliver(req, '', null); });

    document.body.appendChild(input);
    try {
      input.click();
    } catch (e) {
      setTimeout(function () { TsFilePicker.deliver(req, '', null); }, 0);
    }
  },
});
