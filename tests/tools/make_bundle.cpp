// Writes a bundle with the app's own core, so a reader written from docs/bundle-format.md alone
// (tests/python/decrypt_bundle.py) can prove the document complete.
//
// usage: ts_make_bundle passphrase[-text] OUT_FILE PASSPHRASE JSON_PAYLOAD
//        ts_make_bundle recipient[-text]  OUT_FILE RECEIVING_CODE JSON_PAYLOAD
// "-text" writes the TSB1: text form instead of the binary file. Passphrase bundles use the app's
// standard KDF parameters; created-at is fixed (2024-03-01 12:00:00 UTC) so runs differ only in
// their random keys and nonces.
#include "core/bundle/bundle_file.h"
#include "core/crypto/crypto.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

using namespace ts;

namespace {
constexpr std::int64_t kCreatedAtMillis = 1709294400000;

std::span<const std::uint8_t> bytesOf(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
} // namespace

int main(int argc, char** argv) {
    const std::string_view mode = argc == 5 ? argv[1] : "";
    const bool text = mode.ends_with("-text");
    const std::string_view kind = text ? mode.substr(0, mode.size() - 5) : mode;
    if (kind != "passphrase" && kind != "recipient") {
        std::fprintf(stderr,
                     "usage: %s passphrase[-text]|recipient[-text] OUT_FILE PASSPHRASE|RECEIVING_CODE JSON\n",
                     argv[0]);
        return 2;
    }
    if (!crypto::init()) {
        std::fprintf(stderr, "libsodium failed to initialise\n");
        return 1;
    }
    bundle::BundleError error = bundle::BundleError::None;
    std::optional<crypto::Bytes> file;
    if (kind == "passphrase") {
        file = bundle::writeWithPassphrase(bytesOf(argv[4]), bytesOf(argv[3]), crypto::KdfParams::standard(),
                                           kCreatedAtMillis, error);
    } else if (const auto recipient = bundle::parseReceivingCode(argv[3], error)) {
        file = bundle::writeForRecipient(bytesOf(argv[4]), *recipient, kCreatedAtMillis, error);
    }
    if (!file) {
        std::fprintf(stderr, "could not write the bundle: %s\n",
                     std::string(tr(bundle::messageFor(error), Lang::En)).c_str());
        return 1;
    }
    const std::string asText = text ? bundle::toText(*file) : std::string();

    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    if (text)
        out.write(asText.data(), static_cast<std::streamsize>(asText.size()));
    else
        out.write(reinterpret_cast<const char*>(file->data()), static_cast<std::streamsize>(file->size()));
    out.close();
    if (!out) {
        std::fprintf(stderr, "could not write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
