// The vault file (core/vault/vault_file.h) without Argon2: inspect, then reopen with the raw key the
// seeds are written under (fuzz_keys.h). reopen is what runs when another tab saved, so it reads a
// file that changed under us; with the file's own header as "current", every check it makes on the
// body is reached. A body that decrypts is parsed as the vault model, as the app does next.
#include "core/vault/model.h"
#include "core/vault/vault_file.h"
#include "fuzz_keys.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

using namespace ts;

namespace {

void check(std::span<const std::uint8_t> file) {
    vault::Header header;
    if (vault::inspect(file, header) != vault::VaultError::None) return;
    // inspect has vouched for these before Argon2 would see them: a crafted memlimit must not pass.
    // (The floor is open's, before its Argon2: reopen, below, takes the parameters already unlocked.)
    if (header.kdf.tooCostly() || header.kdf.opslimit < 1 || header.kdf.memlimit < 8192 ||
        header.version == 0 || header.version > vault::kFormatVersion)
        __builtin_trap();

    const vault::Keys current{fuzz::fixedVaultKey(), header};
    vault::Opened opened;
    if (vault::reopen(file, current, opened) != vault::VaultError::None) return;
    vault::Data model;
    (void)vault::parse(opened.body, model);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initCrypto();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> file(data, size);
    check(file);
    // The header checksum is unkeyed: a forger recomputes it, and so does this, or no mutated header
    // field (KDF parameters, lengths, revision) would get past it. Offsets: docs/vault-format.md.
    constexpr std::size_t kChecksumAt = 148;
    static_assert(kChecksumAt + 16 == vault::kHeaderBytes);
    if (size >= vault::kHeaderBytes) {
        crypto::Bytes forged(file.begin(), file.end());
        const auto sum = crypto::checksum(std::span(forged).first(kChecksumAt));
        std::copy(sum.begin(), sum.end(), forged.begin() + kChecksumAt);
        check(forged);
    }
    return 0;
}
