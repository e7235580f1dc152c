#include "core/kdbx/codec.h"

#include <sodium.h>

namespace ts::kdbx {

std::string base64Encode(ByteView data) {
    std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data.data(), data.size(), sodium_base64_VARIANT_ORIGINAL);
    out.pop_back(); // the terminating NUL
    return out;
}

bool base64Decode(std::string_view text, SecretBytes& out) {
    out.assign(text.size() / 4 * 3 + 3, 0);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t\r\n", &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return false;
    out.resize(len);
    return true;
}

bool hexDecode(std::string_view text, SecretBytes& out) {
    out.assign(text.size() / 2 + 1, 0);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(out.data(), out.size(), text.data(), text.size(), " \t\r\n", &len, &end) != 0 ||
        end != text.data() + text.size())
        return false;
    out.resize(len);
    return true;
}

std::string hexEncodeUpper(ByteView data) {
    static const char* digits = "0123456789ABCDEF";
    std::string s;
    for (std::uint8_t b : data) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

} // namespace ts::kdbx
