// The fixed keys the fuzz targets open with and make_seeds.cpp seals the seed files to. Sharing
// them is what lets an unmutated seed decrypt, so the fuzzer starts past the AEAD and the parser
// behind it is reached at least once per seed.
//
// WARNING: public test keys. Never use them for anything but fuzzing.
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/crypto/crypto.h"
#include "core/team/team_file.h"

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

// A fixed Ed25519 signing key (seed 0x20, 0x21, … 0x3f): the team target re-signs each input with it,
// as any member could, so mutations get past the signature to the parser behind it.
inline team::SignKeyPair fuzzSignKeyPair() {
    crypto::FixedSecret<32> seed;
    for (std::size_t i = 0; i < 32; ++i) seed.data()[i] = static_cast<std::uint8_t>(0x20 + i);
    const auto k = team::signKeyPairFromSeed(seed);
    if (!k) std::abort();
    return *k;
}

// The team the team seeds belong to: team id 0xA0 × 16, epoch 1, the fixed vault key as its team key,
// Alice (box key) joined with fuzzSignKeyPair(), one organisation.
inline team::Manifest fuzzTeam() {
    team::Manifest m;
    m.id.fill(0xA0);
    m.epoch = 1;
    m.sequence = 1;
    m.name = "fuzz";
    m.organisations.push_back({"org-romashka", "ООО «Ромашка»", "RU", "7707083893"});
    m.members.push_back({aliceKeyPair().publicKey, fuzzSignKeyPair().publicKey, "Alice", 1});
    m.key = fixedVaultKey();
    return m;
}

// The time the model and importer targets apply changes at: fixed, so a crash replays exactly.
inline constexpr std::int64_t kNow = 1709294400000; // 2024-03-01 12:00:00 UTC

} // namespace ts::fuzz
