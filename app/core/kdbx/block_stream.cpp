#include "core/kdbx/block_stream.h"

#include <algorithm>
#include <sodium.h>

namespace ts::kdbx {

namespace {
bool fail(Error& e, Str s) {
    e = {s, {}};
    return false;
}
} // namespace

Hash64 blockHmacKey(ByteView hmacBaseKey, std::uint64_t index) {
    Bytes idx;
    appendLe(idx, index, 8);
    return sha512({idx, hmacBaseKey});
}

bool readHmacBlocks(ByteView in, ByteView hmacBaseKey, Bytes& out, Error& error) {
    Cursor c(in);
    out.clear();
    for (std::uint64_t index = 0;; ++index) {
        ByteView mac, data;
        std::uint64_t size = 0;
        if (!c.take(32, mac) || !c.le(4, size)) return fail(error, Str::ErrKdbxTruncated);
        if (size > 0x7FFFFFFF) return fail(error, Str::ErrKdbxBlockHmac);
        if (!c.take(size, data)) return fail(error, Str::ErrKdbxTruncated);
        Bytes prefix;
        appendLe(prefix, index, 8);
        appendLe(prefix, size, 4);
        const Hash64 key = blockHmacKey(hmacBaseKey, index);
        const Hash32 expect = hmacSha256(key, {prefix, data});
        if (sodium_memcmp(expect.data(), mac.data(), 32) != 0) return fail(error, Str::ErrKdbxBlockHmac);
        if (size == 0) return true;
        append(out, data);
    }
}

Bytes writeHmacBlocks(ByteView data, ByteView hmacBaseKey, std::size_t blockSize) {
    Bytes out;
    std::uint64_t index = 0;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t n = std::min(blockSize, data.size() - pos);
        const ByteView chunk = data.subspan(pos, n);
        Bytes prefix;
        appendLe(prefix, index, 8);
        appendLe(prefix, n, 4);
        const Hash32 mac = hmacSha256(blockHmacKey(hmacBaseKey, index), {prefix, chunk});
        append(out, mac);
        appendLe(out, n, 4);
        append(out, chunk);
        pos += n;
        ++index;
        if (n == 0) return out;
    }
}

bool readHashedBlocks(ByteView in, SecretBytes& out, Error& error) {
    Cursor c(in);
    out.clear();
    for (std::uint64_t expected = 0;; ++expected) {
        std::uint64_t index = 0, size = 0;
        ByteView hash, data;
        if (!c.le(4, index) || !c.take(32, hash) || !c.le(4, size)) return fail(error, Str::ErrKdbxTruncated);
        if (index != expected || size > 0x7FFFFFFF) return fail(error, Str::ErrKdbxHashedBlock);
        if (size == 0) {
            const bool zero = std::all_of(hash.begin(), hash.end(), [](std::uint8_t b) { return b == 0; });
            return zero ? true : fail(error, Str::ErrKdbxHashedBlock);
        }
        if (!c.take(size, data)) return fail(error, Str::ErrKdbxTruncated);
        const Hash32 h = sha256({data});
        if (!std::equal(h.begin(), h.end(), hash.begin())) return fail(error, Str::ErrKdbxHashedBlock);
        out.insert(out.end(), data.begin(), data.end());
    }
}

Bytes writeHashedBlocks(ByteView data, std::size_t blockSize) {
    Bytes out;
    std::uint32_t index = 0;
    for (std::size_t pos = 0; pos < data.size(); pos += blockSize, ++index) {
        const ByteView chunk = data.subspan(pos, std::min(blockSize, data.size() - pos));
        appendLe(out, index, 4);
        append(out, sha256({chunk}));
        appendLe(out, chunk.size(), 4);
        append(out, chunk);
    }
    appendLe(out, index, 4);
    out.insert(out.end(), 32, 0);
    appendLe(out, 0, 4);
    return out;
}

} // namespace ts::kdbx
