// A team folder's files (core/team/team_file.h) as the WebDAV server hands them over: anyone with
// write access to the folder can put any bytes there. Each input is read as a manifest (first read,
// and against an accepted manifest) and as a shard of the fixed team of fuzz_keys.h; then again
// re-signed with the fixed member key, as a member could, so the parsers behind the signature are
// reached. What opens must keep the format's promises.
#include "core/team/team_file.h"
#include "fuzz_keys.h"

#include <cstddef>
#include <cstdint>
#include <sodium.h>
#include <span>

using namespace ts;

namespace {

struct Fixed {
    bundle::KeyPair alice = fuzz::aliceKeyPair();
    team::SignKeyPair sign = fuzz::fuzzSignKeyPair();
    team::Manifest team = fuzz::fuzzTeam();
};

const Fixed& fixed() {
    static const Fixed f;
    return f;
}

void check(std::span<const std::uint8_t> file) {
    const Fixed& f = fixed();
    team::TeamError error = team::TeamError::None;
    for (const team::Manifest* accepted : {static_cast<const team::Manifest*>(nullptr), &f.team}) {
        const auto m = team::readManifest(file, f.alice, accepted, error);
        if (!m) continue;
        // Opened: this installation is a member, the member lists agree, and it writes back.
        if (!m->memberByBox(f.alice.publicKey) || m->members.empty() ||
            m->members.size() > team::kMaxMembers || m->epoch == 0)
            __builtin_trap();
        if (accepted && (m->id != accepted->id || m->epoch < accepted->epoch)) __builtin_trap();
        if (m->memberBySign(f.sign.publicKey)) {
            const auto again = team::writeManifest(*m, f.sign, error);
            if (!again) continue; // a member's box key X25519 cannot use
            const auto reread = team::readManifest(*again, f.alice, nullptr, error);
            if (!reread || reread->name != m->name || reread->members.size() != m->members.size() ||
                reread->organisations.size() != m->organisations.size())
                __builtin_trap();
        }
    }
    if (file.size() > 11) {
        const std::size_t n = file[11] % team::kShards;
        if (const auto s = team::readShard(file, f.team, n, error))
            for (const vault::Entry& e : s->entries)
                if (team::shardOf(e.id) != n) __builtin_trap();
    }
}

// The signer field and the signature replaced with the fixed member's (offsets: docs/team-format.md).
void checkResigned(std::span<const std::uint8_t> file) {
    constexpr std::size_t kSignerAt = 44, kSignature = 64, kMinimum = 176;
    if (file.size() < kMinimum) return;
    crypto::Bytes f(file.begin(), file.end());
    const team::SignKeyPair& k = fixed().sign;
    std::copy(k.publicKey.begin(), k.publicKey.end(), f.begin() + kSignerAt);
    crypto::FixedSecret<64> sk;
    team::SignPublicKey pk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), k.seed.data());
    crypto_sign_detached(f.data() + f.size() - kSignature, nullptr, f.data(), f.size() - kSignature,
                         sk.data());
    check(f);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initCrypto();
    (void)fixed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    check(bytes);
    checkResigned(bytes);
    return 0;
}
