// The block framings of a .kdbx (core/kdbx/block_stream.h) and gzip: KDBX 4's HMAC blocks under the
// fixed key of fuzz_kdbx.h (the seeds are signed with it), KDBX 3.1's hashed blocks, and inflating.
// Whatever reads must come back unchanged through the writer.
#include "core/kdbx/block_stream.h"
#include "core/kdbx/gzip.h"
#include "fuzz_kdbx.h"

#include <cstddef>
#include <cstdint>

using namespace ts;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const kdbx::ByteView in(data, size);
    const kdbx::Bytes key = fuzz::kdbxHmacBaseKey();
    kdbx::Error error;

    kdbx::Bytes joined;
    if (kdbx::readHmacBlocks(in, key, joined, error)) {
        kdbx::Bytes again;
        if (!kdbx::readHmacBlocks(kdbx::writeHmacBlocks(joined, key, 1000), key, again, error) ||
            again != joined)
            __builtin_trap();
    }

    crypto::SecretBytes hashed;
    if (kdbx::readHashedBlocks(in, hashed, error)) {
        crypto::SecretBytes again;
        if (!kdbx::readHashedBlocks(kdbx::writeHashedBlocks(hashed, 1000), again, error) || again != hashed)
            __builtin_trap();
    }

    crypto::SecretBytes inflated;
    if (kdbx::gunzip(in, inflated) == kdbx::GunzipResult::Ok) {
        crypto::SecretBytes again;
        if (kdbx::gunzip(kdbx::gzip(inflated), again) != kdbx::GunzipResult::Ok || again != inflated)
            __builtin_trap();
    }
    return 0;
}
