// Generates a vault of N generic entries for the benchmarks, with the app's own core and the
// standard KDF parameters. The content is deterministic (a fixed-seed generator); only the salt,
// keys and nonces are random, as in every real vault.
//
// usage: ts_gen_vault N PASSPHRASE OUT_FILE [bundle]
// "bundle" writes a passphrase bundle of the same entries instead, every fifth of them changed on
// its own since (a conflict when imported into that vault), the others identical.
#include "bench_entries.h"
#include "core/bundle/bundle_file.h"
#include "core/crypto/crypto.h"
#include "core/vault/vault_file.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace ts;

int main(int argc, char** argv) {
    const bool asBundle = argc == 5 && std::string(argv[4]) == "bundle";
    if (argc != 4 && !asBundle) {
        std::fprintf(stderr, "usage: %s N PASSPHRASE OUT_FILE [bundle]\n", argv[0]);
        return 2;
    }
    if (!crypto::init()) return 1;
    const std::string pass = argv[2];
    const std::span<const std::uint8_t> passBytes(reinterpret_cast<const std::uint8_t*>(pass.data()),
                                                  pass.size());
    vault::Data data = bench::entries(std::atoi(argv[1]));
    crypto::Bytes file;
    if (asBundle) {
        for (std::size_t i = 0; i < data.entries.size(); i += 5)
            data.entries[i].fields["login"] = data.entries[i].fields["login"].get<std::string>() + "-2";
        bundle::BundleError error = bundle::BundleError::None;
        std::optional<crypto::Bytes> written =
            bundle::writeWithPassphrase(vault::serialize(data), passBytes, crypto::KdfParams::standard(),
                                        bench::kEntriesCreatedAt, error);
        if (!written) return 1;
        file = std::move(*written);
    } else {
        auto keys = vault::create(passBytes, crypto::KdfParams::standard());
        if (!keys) return 1;
        file = vault::write(*keys, 1, vault::serialize(data));
    }
    std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
    return out ? 0 : 1;
}
