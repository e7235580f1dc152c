// The inner random stream that protects values inside the XML: each protected value, in document
// order, is XORed with the next bytes of one key stream.
//   ChaCha20 (KDBX 4): h = SHA-512(key); IETF ChaCha20 with key h[0..32), nonce h[32..44).
//   Salsa20 (KDBX 3.1): key SHA-256(key), nonce E8 30 09 4B 97 20 5D 2A.
#pragma once

#include "core/kdbx/header.h"

#include <span>

namespace ts::kdbx {

class InnerCipher {
  public:
    // False for a stream id other than Salsa20 or ChaCha20 (ArcFour is KeePass 2.0's and long gone).
    [[nodiscard]] bool init(InnerStream id, ByteView key);
    void apply(std::span<std::uint8_t> data);

  private:
    void refill();
    InnerStream id_ = InnerStream::None;
    Key32 key_;
    std::array<std::uint8_t, 12> nonce_{};
    std::uint64_t block_ = 0;
    std::array<std::uint8_t, 64> buf_{};
    std::size_t used_ = 64;
};

} // namespace ts::kdbx
