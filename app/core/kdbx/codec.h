// Base64 and hex as KeePass XML uses them (libsodium's constant-time codecs: values can be secrets).
#pragma once

#include "core/kdbx/primitives.h"

#include <string>
#include <string_view>

namespace ts::kdbx {

std::string base64Encode(ByteView data);
// Standard alphabet with padding; whitespace is skipped. False on anything else.
[[nodiscard]] bool base64Decode(std::string_view text, SecretBytes& out);
// Hex digits, whitespace skipped (key files v2 group them). False on anything else or an odd count.
[[nodiscard]] bool hexDecode(std::string_view text, SecretBytes& out);
std::string hexEncodeUpper(ByteView data);

} // namespace ts::kdbx
