#include "core/utf8.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;

TEST_CASE("UTF-8 decodes Russian, typography and astral characters") {
    CHECK(utf8Decode("ёЁ№«»—") == std::vector<char32_t>{0x451, 0x401, 0x2116, 0xAB, 0xBB, 0x2014});
    CHECK(utf8Decode("\xF0\x9F\x94\x91") == std::vector<char32_t>{0x1F511});
    CHECK(utf8Length("Сейф") == 4);
    CHECK(utf8Length("") == 0);
}

TEST_CASE("malformed UTF-8 decodes to replacement characters, one per bad byte") {
    CHECK(utf8Decode("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});             // overlong '/'
    CHECK(utf8Decode("\xED\xA0\x80") == std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD}); // surrogate
    CHECK(utf8Decode("\xD0") == std::vector<char32_t>{0xFFFD});                         // truncated
    CHECK(utf8Decode("a\x80z") == std::vector<char32_t>{'a', 0xFFFD, 'z'});             // stray continuation
    CHECK(utf8Decode("\xF4\x90\x80\x80").front() == 0xFFFD);                            // past U+10FFFF
}
