// The KeePass module's entry points (dist/kdbx.js + kdbx.wasm, loaded on demand by
// web/library_kdbx.js): one request of core/kdbx/bridge.h in, its reply out.
#include "core/crypto/crypto.h"
#include "core/kdbx/bridge.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

extern "C" {

// The reply in a fresh buffer: its length (uint32 LE) then its bytes. Free with ts_kdbx_free.
std::uint8_t* ts_kdbx_run(const std::uint8_t* request, std::size_t len) {
    static const bool ready = ts::crypto::init();
    ts::crypto::SecretBytes reply;
    if (!ready) {
        ts::kdbx::Error e{ts::Str::ErrKdbxModuleFailed, "libsodium"};
        reply = ts::kdbx::encodeReply(&e, {});
    } else {
        reply = ts::kdbx::runRequest({request, len});
    }
    auto* out = static_cast<std::uint8_t*>(std::malloc(reply.size() + 4));
    if (!out) return nullptr;
    const auto n = static_cast<std::uint32_t>(reply.size());
    for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
    std::memcpy(out + 4, reply.data(), reply.size());
    return out;
}

void ts_kdbx_free(std::uint8_t* p, std::size_t len) {
    if (!p) return;
    sodium_memzero(p, len);
    std::free(p);
}
}
