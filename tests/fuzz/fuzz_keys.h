// The fixed keys the fuzz targets open with and make_seeds.cpp seals the seed files to. Sharing
// them is what lets an unmutated seed decrypt, so the fuzzer starts past the AEAD and the parser
// behind it is reached at least once per seed.
//
// WARNING: public test keys. Never use them for anything but fuzzing.
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/crypto/crypto.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace ts::fuzz {

// libFuzzer gives no way to report a failed setup other than stopping.
inline void initCrypto() {
    if (!crypto::init()) std::abort();
}

// RFC 7748 §6.1: Alice's X25519 key pair, the one tests/native and the interop test use too.
inline bundle::KeyPair aliceKeyPair() {
    constexpr std::string_view kSecretHex =
        "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    bundle::SecretKey secret;
    for (std::size_t i = 0; i < bundle::SecretKey::size; ++i) {
        const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
        secret.data()[i] =
            static_cast<std::uint8_t>(nibble(kSecretHex[2 * i]) * 16 + nibble(kSecretHex[2 * i + 1]));
    }
    const auto keys = bundle::keyPairFromSecretKey(secret);
    if (!keys) std::abort();
    return *keys;
}

// A raw vault key (0x00, 0x01, … 0x1f): vault::reopen takes the key itself, so no Argon2 runs.
inline crypto::Key fixedVaultKey() {
    crypto::Key key;
    for (std::size_t i = 0; i < crypto::Key::size; ++i) key.data()[i] = static_cast<std::uint8_t>(i);
    return key;
}

// The time the model and importer targets apply changes at: fixed, so a crash replays exactly.
inline constexpr std::int64_t kNow = 1709294400000; // 2024-03-01 12:00:00 UTC

} // namespace ts::fuzz
