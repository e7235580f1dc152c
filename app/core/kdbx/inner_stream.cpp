#include "core/kdbx/inner_stream.h"

#include <cstring>
#include <sodium.h>

namespace ts::kdbx {

bool InnerCipher::init(InnerStream id, ByteView key) {
    id_ = id;
    block_ = 0;
    used_ = 64;
    if (id == InnerStream::ChaCha20) {
        Hash64 h = sha512({key});
        std::memcpy(key_.data(), h.data(), 32);
        std::memcpy(nonce_.data(), h.data() + 32, 12);
        sodium_memzero(h.data(), h.size());
        return true;
    }
    if (id == InnerStream::Salsa20) {
        Hash32 h = sha256({key});
        std::memcpy(key_.data(), h.data(), 32);
        sodium_memzero(h.data(), h.size());
        const std::uint8_t nonce[8] = {0xE8, 0x30, 0x09, 0x4B, 0x97, 0x20, 0x5D, 0x2A};
        std::memcpy(nonce_.data(), nonce, 8);
        return true;
    }
    return false;
}

void InnerCipher::refill() {
    buf_.fill(0);
    if (id_ == InnerStream::ChaCha20)
        crypto_stream_chacha20_ietf_xor_ic(buf_.data(), buf_.data(), 64, nonce_.data(),
                                           static_cast<std::uint32_t>(block_), key_.data());
    else
        crypto_stream_salsa20_xor_ic(buf_.data(), buf_.data(), 64, nonce_.data(), block_, key_.data());
    ++block_;
    used_ = 0;
}

void InnerCipher::apply(std::span<std::uint8_t> data) {
    for (std::uint8_t& b : data) {
        if (used_ == 64) refill();
        b ^= buf_[used_++];
    }
}

} // namespace ts::kdbx
