#include "core/vault/typing_hint.h"

#include "core/utf8.h"

#include <string_view>

namespace ts::vault {
namespace {

bool latin(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool cyrillic(char32_t c) {
    return (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451;
}
bool upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F) || c == 0x401;
}
char32_t lowerOf(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    return c == 0x401 ? 0x451 : c;
}

} // namespace

// English text is about 38% a, e, i, o, u; Russian typed on the same keys (ф у ш щ г) about 6%.
// Russian text is about 45% vowels and these are on the keys f, t, b, j, e, z, s…; the Latin vowels
// come up only through у, ш, щ, г, ф. So: Latin letters with few Latin vowels look like Russian in
// the Latin layout, and Cyrillic letters with many of ф у ш щ г look like English in the Russian one.
std::optional<Str> typingHint(std::span<const std::uint8_t> typed, std::optional<bool> capsLockOn) {
    const std::vector<char32_t> cps = utf8Decode({reinterpret_cast<const char*>(typed.data()), typed.size()});
    int lat = 0, latVowels = 0, cyr = 0, cyrOnVowelKeys = 0, letters = 0, capitals = 0;
    for (char32_t c : cps) {
        if (!latin(c) && !cyrillic(c)) continue;
        ++letters;
        capitals += upper(c);
        const char32_t l = lowerOf(c);
        if (latin(c)) {
            ++lat;
            latVowels += std::u32string_view(U"aeiou").find(l) != std::u32string_view::npos;
        } else {
            ++cyr;
            cyrOnVowelKeys += std::u32string_view(U"фушщг").find(l) != std::u32string_view::npos;
        }
    }
    // All letters capitals, or nearly all with the first small (Shift on the first letter with Caps
    // Lock on gives "сИНИЙ"): Caps Lock, whatever the browser said.
    const bool capsLike = letters >= 3 && (capitals == letters || (capitals == letters - 1 && !upper([&] {
                                                                       for (char32_t c : cps)
                                                                           if (latin(c) || cyrillic(c))
                                                                               return c;
                                                                       return char32_t{0};
                                                                   }())));
    if (capsLockOn.value_or(false) || capsLike) return Str::HintCapsLock;
    if (lat >= 5 && lat > cyr && latVowels * 100 < lat * 15) return Str::HintRussianInLatin;
    if (cyr >= 5 && cyr > lat && cyrOnVowelKeys * 100 > cyr * 25) return Str::HintLatinInRussian;
    return std::nullopt;
}

} // namespace ts::vault
