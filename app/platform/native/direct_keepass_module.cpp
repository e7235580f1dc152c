#include "platform/native/direct_keepass_module.h"

#include "core/kdbx/bridge.h"

namespace ts {

void DirectKeePassModule::call(crypto::SecretBytes request, Done done) {
    ++calls;
    if (failLoad) return done(std::nullopt);
    done(kdbx::runRequest(request));
}

} // namespace ts
