// The bundle file (core/bundle/bundle_file.h) as it arrives from outside: one input is tried as a
// .tsb file, as its TSB1: text form and as a receiving code, since a user may paste any of them
// into any box. openWithKeyPair runs for real (crypto_box_seal_open is cheap); openWithPassphrase
// does not (Argon2 per input would leave the fuzzer a handful of runs a second).
#include "core/bundle/bundle_file.h"
#include "fuzz_keys.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

using namespace ts;

namespace {

const bundle::KeyPair& keys() {
    static const bundle::KeyPair k = fuzz::aliceKeyPair();
    return k;
}

void checkFile(std::span<const std::uint8_t> file) {
    bundle::BundleError error = bundle::BundleError::None;
    const auto info = bundle::inspect(file, error);
    const auto opened = bundle::openWithKeyPair(file, keys(), error);
    // What opens must be what inspect described: the UI sizes and labels the import from Info.
    if (opened && (!info || info->mode != bundle::Mode::Recipient || !info->isFor(keys().publicKey) ||
                   opened->payload.size() != info->payloadBytes))
        __builtin_trap();
}

// The header checksum is unkeyed: a forger recomputes it, and so does this, or no mutated header
// field (KDF parameters, length, fingerprint) would get past it. Offsets: docs/bundle-format.md.
void checkForged(std::span<const std::uint8_t> file) {
    constexpr std::size_t kModeAt = 10, kChecksumBytes = 16;
    if (file.size() <= kModeAt || (file[kModeAt] != 1 && file[kModeAt] != 2)) return;
    const std::size_t header = file[kModeAt] == 1 ? 140 : 124;
    if (file.size() < header) return;
    crypto::Bytes forged(file.begin(), file.end());
    const auto sum = crypto::checksum(std::span(forged).first(header - kChecksumBytes));
    std::copy(sum.begin(), sum.end(), forged.begin() + static_cast<std::ptrdiff_t>(header - kChecksumBytes));
    checkFile(forged);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initCrypto();
    (void)keys();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkFile(bytes);
    checkForged(bytes);

    bundle::BundleError error = bundle::BundleError::None;
    if (const auto file = bundle::fromText(text, error)) {
        checkFile(*file);
        // The text form is how bundles travel by chat: what we write must read back byte for byte.
        const auto again = bundle::fromText(bundle::toText(*file), error);
        if (!again || *again != *file) __builtin_trap();
    }

    if (const auto key = bundle::parseReceivingCode(text, error)) {
        const auto again = bundle::parseReceivingCode(bundle::receivingCode(*key), error);
        if (!again || *again != *key) __builtin_trap();
    }
    return 0;
}
