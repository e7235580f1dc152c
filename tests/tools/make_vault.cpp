// Writes a vault file with the app's own core and standard KDF parameters, so a reader written
// from docs/vault-format.md alone (tests/python/decrypt_vault.py) can prove the document complete.
//
// usage: ts_make_vault OUT_FILE PASSPHRASE JSON_BODY
#include "core/crypto/crypto.h"
#include "core/vault/vault_file.h"

#include <cstdio>
#include <fstream>
#include <string_view>

using namespace ts;

namespace {
std::span<const std::uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s OUT_FILE PASSPHRASE JSON_BODY\n", argv[0]);
        return 2;
    }
    if (!crypto::init()) {
        std::fprintf(stderr, "libsodium failed to initialise\n");
        return 1;
    }
    // Created under a throwaway passphrase, then rewrapped, and saved as revision 2: the reader
    // gets a rewrapped key and a non-zero revision, as in a vault in use.
    auto keys = vault::create(bytesOf("throwaway"), crypto::KdfParams::standard());
    if (!keys || !vault::rewrap(*keys, bytesOf(argv[2]), crypto::KdfParams::standard())) {
        std::fprintf(stderr, "the KDF could not run\n");
        return 1;
    }
    const crypto::Bytes file = vault::write(*keys, 2, bytesOf(argv[3]));

    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
    out.close();
    if (!out) {
        std::fprintf(stderr, "could not write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
