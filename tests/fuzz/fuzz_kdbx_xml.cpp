// The KeePass XML inside a .kdbx (core/kdbx/xml.h): as KDBX 4 (protected values through the fixed
// ChaCha20 inner stream of fuzz_kdbx.h, attachments from a pool of two), as KDBX 3.1 (Salsa20,
// attachments in Meta/Binaries, the header hash checked) and as a plain export. A database that
// reads is written back out and must read again.
#include "core/kdbx/xml.h"
#include "fuzz_kdbx.h"

#include <cstddef>
#include <cstdint>

using namespace ts;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const kdbx::ByteView in(data, size);
    const std::vector<kdbx::Bytes> pool = {{0x89, 'P', 'N', 'G'}, {}};
    kdbx::Database db;
    kdbx::Error error;

    kdbx::InnerCipher chacha = fuzz::kdbxInnerCipher();
    if (kdbx::readXml({in, &chacha, &pool, nullptr}, db, error)) {
        kdbx::InnerCipher out = fuzz::kdbxInnerCipher();
        std::vector<kdbx::Bytes> binaries;
        const std::string xml = kdbx::writeXml(db, out, binaries);
        kdbx::InnerCipher back = fuzz::kdbxInnerCipher();
        kdbx::Database again;
        const kdbx::ByteView written(reinterpret_cast<const std::uint8_t*>(xml.data()), xml.size());
        if (!kdbx::readXml({written, &back, &binaries, nullptr}, again, error)) __builtin_trap();
    }

    kdbx::InnerCipher salsa = fuzz::kdbxInnerCipher(kdbx::InnerStream::Salsa20);
    const kdbx::Hash32 headerHash{};
    (void)kdbx::readXml({in, &salsa, nullptr, &headerHash}, db, error);
    (void)kdbx::readXml({in, nullptr, nullptr, nullptr}, db, error);
    return 0;
}
