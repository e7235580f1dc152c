// The vault's JSON model (core/vault/model.h), which also carries every bundle's payload: parse,
// then what the app does with parsed data — save it (serialize), preview a merge, import it.
// A save must read back as the very same save, or a vault would drift a little on every write.
#include "core/vault/change.h"
#include "core/vault/merge.h"
#include "core/vault/model.h"
#include "fuzz_keys.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>

using namespace ts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initCrypto(); // applyImport draws fresh entry ids
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    vault::Data parsed;
    if (vault::parse(std::span(data, size), parsed) != vault::ParseError::None) return 0;

    const crypto::SecretBytes saved = vault::serialize(parsed);
    vault::Data reread;
    if (vault::parse(saved, reread) != vault::ParseError::None) __builtin_trap();
    if (vault::serialize(reread) != saved) __builtin_trap();

    (void)vault::previewMerge(parsed, parsed);
    vault::Data empty;
    (void)vault::apply(empty, vault::importChange(parsed, vault::previewMerge(empty, parsed), {}),
                       fuzz::kNow);
    return 0;
}
