// Emscripten JS library: the vault's IndexedDB storage (app/platform/web/idb_vault_storage.cpp).
// One database "tokensafe", one object store "vault" with two records:
//   "current"  {revision, bytes}  the latest committed vault file (ciphertext only)
//   "previous" {revision, bytes}  the one it replaced, kept for recovery
// A save is ONE readwrite transaction: it reads "current", refuses (conflict) unless its revision
// is the one the caller expects, moves it to "previous" and writes the new one. The answer goes back
// to C++ only when the transaction completes or aborts — never before. Other tabs hear of a commit
// through a BroadcastChannel.

mergeInto(LibraryManager.library, {
  $TsVaultDb: {
    NAME: 'tokensafe',
    STORE: 'vault',
    channel: null,
    open: function () {
      return new Promise(function (resolve, reject) {
        var req;
        try { req = indexedDB.open(TsVaultDb.NAME, 1); } catch (e) { reject(e); return; }
        req.onupgradeneeded = function () { req.result.createObjectStore(TsVaultDb.STORE); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
        req.onblocked = function () { reject(new Error('the database is blocked by another tab')); };
      });
    },
    describe: function (e) {
      if (!e) return 'unknown error';
      return (e.name ? e.name + ': ' : '') + (e.message || String(e));
    },
    // Copies bytes into the wasm heap; the C++ side copies them out and this frees them.
    toHeap: function (bytes) {
      if (!bytes || !bytes.length) return 0;
      var p = _malloc(bytes.length);
      HEAPU8.set(bytes, p);
      return p;
    },
    str: function (s) {
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    },
  },

  ts_vault_load__deps: ['$TsVaultDb', 'malloc', 'free'],
  ts_vault_load: function (user) {
    var delivered = false; // error and abort can both fire: the C++ callback must run exactly once
    function deliver(ok, cur, prev, err) {
      if (delivered) return;
      delivered = true;
      var cp = TsVaultDb.toHeap(cur && cur.bytes), pp = TsVaultDb.toHeap(prev && prev.bytes);
      var ep = TsVaultDb.str(err || '');
      Module['_ts_vault_on_loaded'](user, ok ? 1 : 0,
        cur ? cur.revision : 0, cp, cur ? cur.bytes.length : 0,
        prev ? prev.revision : 0, pp, prev ? prev.bytes.length : 0, ep);
      if (cp) _free(cp);
      if (pp) _free(pp);
      _free(ep);
    }
    TsVaultDb.open().then(function (db) {
      var tx = db.transaction(TsVaultDb.STORE, 'readonly');
      var store = tx.objectStore(TsVaultDb.STORE);
      var cur = store.get('current'), prev = store.get('previous');
      tx.oncomplete = function () { db.close(); deliver(true, cur.result, prev.result, ''); };
      var failure = null;
      cur.onerror = prev.onerror = function (e) { failure = e.target.error; };
      tx.onabort = function () { db.close(); deliver(false, null, null, TsVaultDb.describe(failure || tx.error)); };
    }).catch(function (e) { deliver(false, null, null, TsVaultDb.describe(e)); });
  },

  ts_vault_save__deps: ['$TsVaultDb', 'malloc', 'free'],
  ts_vault_save: function (user, ptr, len, expected, next, keepPrevious) {
    var bytes = HEAPU8.slice(ptr, ptr + len); // copy now: the heap may grow and move before we write
    function answer(outcome, err) {
      var ep = TsVaultDb.str(err || '');
      Module['_ts_vault_on_saved'](user, outcome, ep);
      _free(ep);
    }
    TsVaultDb.open().then(function (db) {
      var tx = db.transaction(TsVaultDb.STORE, 'readwrite');
      var store = tx.objectStore(TsVaultDb.STORE);
      var conflict = false, failure = null;
      var get = store.get('current');
      get.onsuccess = function () {
        var cur = get.result;
        if ((cur ? cur.revision : 0) !== expected) {
          conflict = true;
          tx.abort();
          return;
        }
        try {
          if (cur && !keepPrevious) store.put(cur, 'previous');
          store.put({ revision: next, bytes: bytes }, 'current');
        } catch (e) {
          failure = e; // e.g. QuotaExceededError, DataCloneError: report the browser's own reason
          tx.abort();
        }
      };
      tx.oncomplete = function () {
        db.close();
        answer(0, '');
        if (TsVaultDb.channel) TsVaultDb.channel.postMessage({ revision: next });
      };
      tx.onabort = function () {
        db.close();
        if (conflict) answer(1, '');
        else answer(2, TsVaultDb.describe(failure || tx.error));
      };
    }).catch(function (e) { answer(2, TsVaultDb.describe(e)); });
  },

  ts_vault_persist__deps: ['$TsVaultDb'],
  ts_vault_persist: function (user) {
    function answer(code) { Module['_ts_vault_on_persist'](user, code); }
    if (!navigator.storage || !navigator.storage.persist) { answer(3); return; }
    navigator.storage.persist().then(function (granted) { answer(granted ? 1 : 2); },
                                     function () { answer(2); });
  },

  ts_vault_listen__deps: ['$TsVaultDb'],
  ts_vault_listen: function () {
    if (typeof BroadcastChannel !== 'function' || TsVaultDb.channel) return;
    TsVaultDb.channel = new BroadcastChannel('tokensafe-vault');
    TsVaultDb.channel.onmessage = function (e) {
      if (e.data && typeof e.data.revision === 'number') Module['_ts_vault_on_changed'](e.data.revision);
    };
  },
});
