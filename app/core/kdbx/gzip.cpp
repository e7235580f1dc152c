#include "core/kdbx/gzip.h"

#include <zlib.h>

namespace ts::kdbx {

GunzipResult gunzip(ByteView in, SecretBytes& out) {
    out.clear();
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return GunzipResult::Bad;
    z.next_in = const_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    std::uint8_t chunk[16384];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        const std::size_t got = sizeof chunk - z.avail_out;
        if (out.size() + got > kMaxInflatedBytes) {
            inflateEnd(&z);
            return GunzipResult::TooLarge;
        }
        out.insert(out.end(), chunk, chunk + got);
        if (rc == Z_OK && got == 0 && z.avail_in == 0) break; // input ended before the stream did
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? GunzipResult::Ok : GunzipResult::Bad;
}

Bytes gzip(ByteView in) {
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    Bytes out(deflateBound(&z, static_cast<uLong>(in.size())) + 32);
    z.next_in = const_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

} // namespace ts::kdbx
