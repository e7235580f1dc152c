// Bitwarden's unencrypted JSON export (core/bundle/importers.h): a file the user picked, so any
// bytes at all. What the importer accepts goes into the vault next, so it must survive a save and
// a reload.
#include "core/bundle/importers.h"
#include "fuzz_import_check.h"
#include "fuzz_keys.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace ts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::initCrypto(); // entry ids are random
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bundle::ImportError error;
    const auto imported = bundle::importBitwardenJson(
        std::string_view(reinterpret_cast<const char*>(data), size), error, fuzz::kNow);
    if (imported) fuzz::checkStorable(*imported);
    return 0;
}
