// The two block framings of the encrypted payload:
//   KDBX 4 "HMAC block stream" (after the header and its HMAC): blocks of
//     HMAC-SHA-256 (32) ‖ size (int32) ‖ data, the HMAC keyed per block with
//     SHA-512(index (uint64) ‖ hmacBaseKey) over index ‖ size ‖ data; an empty block ends it.
//   KDBX 3.1 "hashed block stream" (inside the decrypted payload): blocks of
//     index (uint32) ‖ SHA-256 of data (32) ‖ size (int32) ‖ data; an empty block with a zero hash ends it.
#pragma once

#include "core/kdbx/error.h"
#include "core/kdbx/primitives.h"

namespace ts::kdbx {

// The HMAC key of block `index`; index 2^64-1 keys the header's HMAC.
Hash64 blockHmacKey(ByteView hmacBaseKey, std::uint64_t index);

// Joins the blocks that start at `in`. Errors: ErrKdbxBlockHmac, ErrKdbxTruncated.
[[nodiscard]] bool readHmacBlocks(ByteView in, ByteView hmacBaseKey, Bytes& out, Error& error);
Bytes writeHmacBlocks(ByteView data, ByteView hmacBaseKey, std::size_t blockSize = 1u << 20);

// Errors: ErrKdbxHashedBlock (a hash, an index or the end marker wrong), ErrKdbxTruncated.
[[nodiscard]] bool readHashedBlocks(ByteView in, SecretBytes& out, Error& error);
Bytes writeHashedBlocks(ByteView data, std::size_t blockSize = 1u << 20); // for tests of the reader

} // namespace ts::kdbx
