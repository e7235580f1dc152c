// Emscripten JS library: the team folder on a WebDAV server (app/platform/web/fetch_dav.cpp). One
// function, one fetch per call; the answer (status, ETag, body) goes back to C++ in a later task.
// Status 0 means no answer at all: offline, the server down, or the browser refusing the request
// (CORS, the CSP's connect-src). The error itself is not passed on: its text may contain the address.
//
// WARNING: `authorization` is base64("user:password") from the vault. It goes into the
// Authorization header only — never into the URL, a log or the console. With none, the browser's own
// credentials for the origin apply (credentials: 'same-origin'), and the browser may ask for them.

mergeInto(LibraryManager.library, {
  ts_dav_request__deps: ['malloc', 'free'],
  ts_dav_request: function (user, methodPtr, urlPtr, authPtr, ifMatchPtr, ifNoneMatch, bodyPtr, bodyLen) {
    var method = UTF8ToString(methodPtr);
    var headers = {};
    if (authPtr) headers['Authorization'] = 'Basic ' + UTF8ToString(authPtr);
    if (ifMatchPtr) headers['If-Match'] = UTF8ToString(ifMatchPtr);
    if (ifNoneMatch) headers['If-None-Match'] = '*';
    var init = {
      // With a login from the vault the browser's own is left out ('omit'): a wrong one then comes
      // back as 401 to say in the app, rather than as the browser's login prompt.
      method: method, headers: headers, credentials: authPtr ? 'omit' : 'same-origin', cache: 'no-store',
      // A redirect could carry the Authorization header elsewhere: refused (status 0).
      redirect: 'error'
    };
    if (bodyPtr && bodyLen) {
      init.body = HEAPU8.slice(bodyPtr, bodyPtr + bodyLen);
      headers['Content-Type'] = 'application/octet-stream';
    }
    function answer(status, etag, bytes) {
      var etagPtr = 0, ptr = 0, len = bytes ? bytes.length : 0;
      if (etag) {
        var n = lengthBytesUTF8(etag) + 1;
        etagPtr = _malloc(n);
        stringToUTF8(etag, etagPtr, n);
      }
      if (len) {
        ptr = _malloc(len);
        HEAPU8.set(bytes, ptr);
      }
      try {
        Module['_ts_dav_on_answer'](user, status, etagPtr, ptr, len);
      } finally {
        if (etagPtr) _free(etagPtr);
        if (ptr) _free(ptr);
      }
    }
    fetch(UTF8ToString(urlPtr), init).then(function (r) {
      return r.arrayBuffer().then(function (buf) {
        answer(r.status, r.headers.get('ETag') || '', new Uint8Array(buf));
      });
    }).catch(function () { answer(0, '', null); });
  },
});
