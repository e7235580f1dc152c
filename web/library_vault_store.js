// Emscripten JS library: the vault's IndexedDB storage (app/platform/web/idb_vault_storage.cpp).
// One database "tokensafe", one object store "vault". The vault file is kept in two slots, so that a
// save writes the new file once and the one it replaces stays where it is, for recovery:
//   "slot-a", "slot-b"  {revision, bytes}  vault files (ciphertext only)
//   "head"              {revision, slot}   which slot holds the latest committed file
// A save is ONE readwrite transaction: it reads "head", refuses (conflict) unless its revision is the
// one the caller expects, writes the new file into the other slot (or over the latest one, when that
// is damaged and the one before it must be kept) and moves "head" to it. When the page already knows
// the head, the writes do not wait for the read: a mismatch aborts the transaction, undoing them.
// A passphrase change writes both slots in that one transaction (the kept generation re-encrypted
// under the new key), so no file under the old passphrase stays behind.
// The answer goes back to C++ only when the transaction completes or aborts — never before. Other
// tabs hear of a commit through a BroadcastChannel.
// Earlier versions kept "current" and "previous" records: they are read as such, and the first save
// moves them into the slots inside the same transaction.

mergeInto(LibraryManager.library, {
  $TsVaultDb: {
    NAME: 'tokensafe',
    STORE: 'vault',
    channel: null,
    db: null, // one connection for the page: opening one per save cost tens of ms before each
    head: null, // {revision, slot}: the "head" record as this page last read or wrote it
    opening: null,
    open: function () {
      if (TsVaultDb.db) return Promise.resolve(TsVaultDb.db);
      if (!TsVaultDb.opening) {
        TsVaultDb.opening = new Promise(function (resolve, reject) {
          var req;
          try { req = indexedDB.open(TsVaultDb.NAME, 1); } catch (e) { reject(e); return; }
          req.onupgradeneeded = function () { req.result.createObjectStore(TsVaultDb.STORE); };
          req.onsuccess = function () {
            var db = req.result;
            // A newer version of the database elsewhere, or the browser closing it: open anew next time.
            db.onversionchange = function () { db.close(); TsVaultDb.forget(db); };
            db.onclose = function () { TsVaultDb.forget(db); };
            TsVaultDb.db = db;
            resolve(db);
          };
          req.onerror = function () { reject(req.error); };
          req.onblocked = function () { reject(new Error('the database is blocked by another tab')); };
        });
        TsVaultDb.opening.then(function () { TsVaultDb.opening = null; },
                               function () { TsVaultDb.opening = null; });
      }
      return TsVaultDb.opening;
    },
    forget: function (db) { if (TsVaultDb.db === db) TsVaultDb.db = null; },
    // Runs `use` with a transaction on the page's connection, or `fail` with the error. With the
    // connection open the transaction starts at once, inside the caller's task (a promise would wait
    // for the rest of the frame). One the browser has closed meanwhile is replaced once.
    withTransaction: function (mode, use, fail) {
      var db = TsVaultDb.db, tx = null;
      if (db) {
        try { tx = db.transaction(TsVaultDb.STORE, mode); } catch (e) {
          if (e.name !== 'InvalidStateError') { fail(e); return; }
          TsVaultDb.forget(db);
        }
      }
      if (!tx) { TsVaultDb.transaction(mode).then(use).catch(fail); return; }
      try { use(tx); } catch (e) { fail(e); } // as the promise's catch would
    },
    transaction: function (mode) {
      return TsVaultDb.open().then(function (db) {
        try {
          return db.transaction(TsVaultDb.STORE, mode);
        } catch (e) {
          if (e.name !== 'InvalidStateError') throw e;
          TsVaultDb.forget(db);
          return TsVaultDb.open().then(function (again) { return again.transaction(TsVaultDb.STORE, mode); });
        }
      });
    },
    KEYS: ['head', 'slot-a', 'slot-b', 'current', 'previous'],
    other: function (slot) { return slot === 'slot-a' ? 'slot-b' : 'slot-a'; },
    // The latest file and the one before it, from the records read (either layout).
    generations: function (got) {
      if (got.head) {
        var prev = got[TsVaultDb.other(got.head.slot)];
        return { current: got[got.head.slot] || null, previous: prev || null };
      }
      return { current: got.current || null, previous: got.previous || null };
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
    TsVaultDb.withTransaction('readonly', function (tx) {
      var store = tx.objectStore(TsVaultDb.STORE), got = {}, failure = null;
      TsVaultDb.KEYS.forEach(function (key) {
        var r = store.get(key);
        r.onsuccess = function () { got[key] = r.result; };
        r.onerror = function (e) { failure = e.target.error; };
      });
      tx.oncomplete = function () {
        TsVaultDb.head = got.head ? { revision: got.head.revision, slot: got.head.slot } : null;
        var g = TsVaultDb.generations(got);
        deliver(true, g.current, g.previous, '');
      };
      tx.onabort = function () { deliver(false, null, null, TsVaultDb.describe(failure || tx.error)); };
    }, function (e) { deliver(false, null, null, TsVaultDb.describe(e)); });
  },

  ts_vault_save__deps: ['$TsVaultDb', 'malloc', 'free'],
  ts_vault_save: function (user, ptr, len, expected, next, keepPrevious, prevPtr, prevLen) {
    var bytes = HEAPU8.slice(ptr, ptr + len); // copy now: the heap may grow and move before we write
    // Both generations at once: the kept one is replaced too (revision `expected`).
    var replaced = prevLen ? { revision: expected, bytes: HEAPU8.slice(prevPtr, prevPtr + prevLen) } : null;
    function answer(outcome, err) {
      var ep = TsVaultDb.str(err || '');
      Module['_ts_vault_on_saved'](user, outcome, ep);
      _free(ep);
    }
    TsVaultDb.withTransaction('readwrite', function (tx) {
      var store = tx.objectStore(TsVaultDb.STORE);
      var conflict = false, failure = null, written = null;
      function put(slot) {
        try {
          store.put({ revision: next, bytes: bytes }, slot);
          if (replaced) store.put(replaced, TsVaultDb.other(slot));
          store.put({ revision: next, slot: slot }, 'head');
          written = slot;
        } catch (e) {
          failure = e; // e.g. QuotaExceededError, DataCloneError: report the browser's own reason
          tx.abort();
        }
      }
      function write(head, legacy) {
        var g = head ? null : TsVaultDb.generations(legacy);
        var latest = head ? head.revision : (g.current ? g.current.revision : 0);
        if (latest !== expected) {
          conflict = true;
          tx.abort();
          return;
        }
        if (head) {
          put(keepPrevious && !replaced ? head.slot : TsVaultDb.other(head.slot));
          return;
        }
        // The old layout: what must be kept goes into slot-a, the new file into slot-b.
        try {
          var kept = replaced ? null : keepPrevious ? g.previous : g.current;
          if (kept) store.put(kept, 'slot-a');
          store.delete('current');
          store.delete('previous');
        } catch (e) {
          failure = e;
          tx.abort();
          return;
        }
        put('slot-b');
      }
      var headRead = store.get('head'), known = TsVaultDb.head;
      if (known && known.revision === expected) {
        // The head this page last read or wrote is almost always still the latest: the new file is
        // written at once, without waiting for the read, and the read undoes the transaction (abort)
        // if another tab moved the head meanwhile. Nothing is committed before the check.
        put(keepPrevious && !replaced ? known.slot : TsVaultDb.other(known.slot));
        headRead.onsuccess = function () {
          var h = headRead.result;
          if (!h || h.revision !== known.revision || h.slot !== known.slot) {
            conflict = true;
            tx.abort();
          }
        };
      } else {
        headRead.onsuccess = function () {
          if (headRead.result) { write(headRead.result, null); return; }
          var legacy = {}, cur = store.get('current');
          cur.onsuccess = function () {
            legacy.current = cur.result;
            var prev = store.get('previous');
            prev.onsuccess = function () { legacy.previous = prev.result; write(null, legacy); };
          };
        };
      }
      tx.oncomplete = function () {
        TsVaultDb.head = { revision: next, slot: written };
        answer(0, '');
        if (TsVaultDb.channel) TsVaultDb.channel.postMessage({ revision: next });
      };
      tx.onabort = function () {
        TsVaultDb.head = null; // read it again next time
        if (conflict) answer(1, '');
        else answer(2, TsVaultDb.describe(failure || tx.error));
      };
    }, function (e) { answer(2, TsVaultDb.describe(e)); });
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
