#include "core/kdbx/kdf.h"

#include "core/crypto/crypto.h"

#include <algorithm>

namespace ts::kdbx {

namespace {
constexpr std::uint32_t kArgon2Version10 = 0x10, kArgon2Version13 = 0x13;
constexpr std::uint64_t kMaxArgon2Lanes = 0xFFFFFF; // the reference implementation's limit

Uuid toUuid(const Bytes& b) {
    Uuid u{};
    std::copy(b.begin(), b.end(), u.begin());
    return u;
}
} // namespace

std::string uuidText(const Uuid& u) {
    static const char* hex = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
        s += hex[u[i] >> 4];
        s += hex[u[i] & 15];
    }
    return s;
}

bool kdfFromDict(const VariantDict& dict, Kdf& out, Error& error) {
    error = {Str::ErrKdbxHeaderDamaged, {}};
    const auto id = dict.bytes("$UUID");
    if (!id || id->size() != 16) return false;
    const Uuid uuid = toUuid(*id);
    const auto salt = dict.bytes("S");
    if (uuid == kKdfAes) {
        const auto rounds = dict.number("R", VariantType::UInt64);
        if (!salt || salt->size() != 32 || !rounds) return false;
        out = {};
        out.kind = KdfKind::AesKdf;
        out.salt = *salt;
        out.rounds = *rounds;
        return true;
    }
    if (uuid == kKdfArgon2d || uuid == kKdfArgon2id) {
        const auto iterations = dict.number("I", VariantType::UInt64);
        const auto memory = dict.number("M", VariantType::UInt64);
        const auto lanes = dict.number("P", VariantType::UInt32);
        const auto version = dict.number("V", VariantType::UInt32);
        if (!salt || !iterations || !memory || !lanes || !version) return false;
        out = {};
        out.kind = uuid == kKdfArgon2d ? KdfKind::Argon2d : KdfKind::Argon2id;
        out.salt = *salt;
        out.iterations = *iterations;
        out.memoryBytes = *memory;
        out.parallelism = static_cast<std::uint32_t>(*lanes);
        out.version = static_cast<std::uint32_t>(*version);
        out.secret = dict.bytes("K").value_or(Bytes{});
        out.ad = dict.bytes("A").value_or(Bytes{});
        return true;
    }
    error = {Str::ErrKdbxUnknownKdf, uuidText(uuid)};
    return false;
}

VariantDict kdfToDict(const Kdf& kdf) {
    VariantDict d;
    const Uuid& id = kdf.kind == KdfKind::AesKdf    ? kKdfAes
                     : kdf.kind == KdfKind::Argon2d ? kKdfArgon2d
                                                    : kKdfArgon2id;
    d.setBytes("$UUID", Bytes(id.begin(), id.end()));
    if (kdf.kind == KdfKind::AesKdf) {
        d.setNumber("R", VariantType::UInt64, kdf.rounds);
        d.setBytes("S", kdf.salt);
        return d;
    }
    d.setNumber("V", VariantType::UInt32, kdf.version);
    d.setBytes("S", kdf.salt);
    d.setNumber("P", VariantType::UInt32, kdf.parallelism);
    d.setNumber("M", VariantType::UInt64, kdf.memoryBytes);
    d.setNumber("I", VariantType::UInt64, kdf.iterations);
    if (!kdf.secret.empty()) d.setBytes("K", kdf.secret);
    if (!kdf.ad.empty()) d.setBytes("A", kdf.ad);
    return d;
}

bool kdfWithinLimits(const Kdf& kdf, Error& error) {
    if (kdf.kind == KdfKind::AesKdf) {
        if (kdf.salt.size() != 32) {
            error = {Str::ErrKdbxHeaderDamaged, {}};
            return false;
        }
        if (kdf.rounds > kMaxAesKdfRounds) {
            error = {Str::ErrKdbxKdfTooCostly, {}};
            return false;
        }
        return true;
    }
    // The same ceiling as for TokenSafe's own files: passes and memory each bounded, and their product.
    const crypto::KdfParams asked{kdf.iterations, kdf.memoryBytes};
    if (asked.tooCostly()) {
        error = {Str::ErrKdbxKdfTooCostly, {}};
        return false;
    }
    const std::uint64_t kib = kdf.memoryBytes / 1024;
    if (kdf.iterations < 1 || kdf.parallelism < 1 || kdf.parallelism > kMaxArgon2Lanes ||
        kib < 8ull * kdf.parallelism || kdf.salt.size() < 8 || kdf.salt.size() > 0xFFFF ||
        kdf.secret.size() > 0xFFFF || kdf.ad.size() > 0xFFFF ||
        (kdf.version != kArgon2Version10 && kdf.version != kArgon2Version13)) {
        error = {Str::ErrKdbxHeaderDamaged, {}};
        return false;
    }
    return true;
}

std::optional<Key32> runKdf(const Kdf& kdf, const Key32& compositeKey) {
    if (kdf.kind == KdfKind::AesKdf) return aesKdf(compositeKey, kdf.salt, kdf.rounds);
    return argon2(kdf.kind == KdfKind::Argon2d ? Argon2Type::D : Argon2Type::Id, kdf.version, compositeKey,
                  kdf.salt, kdf.iterations, kdf.memoryBytes / 1024, kdf.parallelism, kdf.secret, kdf.ad);
}

} // namespace ts::kdbx
