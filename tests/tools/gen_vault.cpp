// Generates a vault of N generic entries for the benchmarks, with the app's own core and the
// standard KDF parameters. The content is deterministic (a fixed-seed generator); only the salt,
// keys and nonces are random, as in every real vault.
//
// usage: ts_gen_vault N PASSPHRASE OUT_FILE
#include "bench_entries.h"
#include "core/crypto/crypto.h"
#include "core/vault/vault_file.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace ts;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s N PASSPHRASE OUT_FILE\n", argv[0]);
        return 2;
    }
    if (!crypto::init()) return 1;
    const std::string pass = argv[2];
    auto keys = vault::create({reinterpret_cast<const std::uint8_t*>(pass.data()), pass.size()},
                              crypto::KdfParams::standard());
    if (!keys) return 1;
    const crypto::Bytes file = vault::write(*keys, 1, vault::serialize(bench::entries(std::atoi(argv[1]))));
    std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
    return out ? 0 : 1;
}
