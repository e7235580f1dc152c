// KeePassModule in the browser: web/library_kdbx.js loads dist/kdbx.js + kdbx.wasm (or, in the
// single file, inflates them from the page) on the first call, copies the request into that
// module's memory, and hands the reply back through ts_kdbx_on_reply() by request id.
#pragma once

#include "platform/keepass_module.h"

namespace ts {

class WebKeePassModule : public KeePassModule {
  public:
    WebKeePassModule() = default;
    ~WebKeePassModule() override; // pending replies are dropped
    WebKeePassModule(const WebKeePassModule&) = delete;
    WebKeePassModule& operator=(const WebKeePassModule&) = delete;

    void call(crypto::SecretBytes request, Done done) override;
    bool loaded() const override;

    std::function<void()> onActivity; // after each reply, so the app draws the outcome
};

} // namespace ts
