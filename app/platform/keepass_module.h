// The KeePass module: the reader and writer of .kdbx files (core/kdbx), which only KeePass files
// need, so the browser loads them the first time one is opened or written and not with the app
// (README, "Lazy loading"). One call: a request of core/kdbx/bridge.h in, its reply out.
#pragma once

#include "core/crypto/secret.h"

#include <functional>
#include <optional>

namespace ts {

class KeePassModule {
  public:
    using Done = std::function<void(std::optional<crypto::SecretBytes> reply)>;
    virtual ~KeePassModule() = default;
    // `done` runs exactly once with the reply, or with nullopt when the module could not be loaded
    // (ErrKdbxModuleFailed). In the browser it runs in a later task; the request is wiped after use.
    virtual void call(crypto::SecretBytes request, Done done) = 0;
    // Whether a call would have to load the module first (the screen says so while it waits).
    virtual bool loaded() const = 0;
};

} // namespace ts
