// The outer header of a .kdbx (core/kdbx/header.h) and the KDF parameter dictionary in it. What the
// parser accepts must lie inside the input, come back from writeHeader4 unchanged (KDBX 4), and its
// KDF must either pass kdfWithinLimits or be refused by it — never reach Argon2 unchecked.
#include "core/kdbx/header.h"
#include "core/kdbx/variant_dict.h"

#include <cstddef>
#include <cstdint>

using namespace ts;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const kdbx::ByteView in(data, size);
    kdbx::VariantDict dict;
    if (kdbx::VariantDict::parse(in, dict)) {
        kdbx::VariantDict again;
        if (!kdbx::VariantDict::parse(dict.serialize(), again) || again.items.size() != dict.items.size())
            __builtin_trap();
        kdbx::Kdf kdf;
        kdbx::Error error;
        if (kdbx::kdfFromDict(dict, kdf, error)) (void)kdbx::kdfWithinLimits(kdf, error);
    }

    kdbx::Header h;
    kdbx::Error error;
    if (!kdbx::parseHeader(in, h, error)) {
        if (error.text == Str::StatusReady) __builtin_trap(); // a refusal always says why
        return 0;
    }
    if (h.size > size || h.masterSeed.size() != 32) __builtin_trap();
    if (kdbx::kdfWithinLimits(h.kdf, error) && h.kdf.kind == kdbx::KdfKind::AesKdf &&
        h.kdf.rounds > kdbx::kMaxAesKdfRounds)
        __builtin_trap();
    if (h.major == 4) {
        kdbx::Header back;
        if (!kdbx::parseHeader(kdbx::writeHeader4(h), back, error) || back.cipher != h.cipher ||
            back.gzip != h.gzip || back.kdf.kind != h.kdf.kind || back.kdf.salt != h.kdf.salt ||
            back.kdf.rounds != h.kdf.rounds || back.kdf.memoryBytes != h.kdf.memoryBytes ||
            back.kdf.iterations != h.kdf.iterations || back.masterSeed != h.masterSeed || back.iv != h.iv)
            __builtin_trap();
    }
    return 0;
}
