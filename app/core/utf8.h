// UTF-8 helpers for text that arrives from the keyboard, the clipboard and stored JSON.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace ts {

// Number of code points; a malformed byte counts as one.
std::size_t utf8Length(std::string_view s);

// Decodes to code points; a malformed byte decodes to U+FFFD.
std::vector<char32_t> utf8Decode(std::string_view s);

} // namespace ts
