// KeePassModule for native builds and tests: core/kdbx's bridge called directly, at once, with the
// same request and reply bytes the browser's module gets. `failLoad` plays a module that failed
// to load.
#pragma once

#include "platform/keepass_module.h"

namespace ts {

class DirectKeePassModule : public KeePassModule {
  public:
    bool failLoad = false;
    int calls = 0;
    void call(crypto::SecretBytes request, Done done) override;
    bool loaded() const override { return true; }
};

} // namespace ts
