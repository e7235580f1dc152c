// gzip (RFC 1952) through zlib, for the compressed KDBX payload and KDBX 3.1's compressed attachments.
#pragma once

#include "core/kdbx/primitives.h"

namespace ts::kdbx {

// Inflated payloads larger than this are refused (a "zip bomb" would fill the page's heap): ten
// times the largest .kdbx TokenSafe opens.
inline constexpr std::size_t kMaxInflatedBytes = 640u << 20;

enum class GunzipResult { Ok, Bad, TooLarge };
GunzipResult gunzip(ByteView in, SecretBytes& out);
Bytes gzip(ByteView in);

} // namespace ts::kdbx
