// The hint beside «Неверная парольная фраза»: Caps Lock, or the other keyboard layout, guessed
// from the typed text.
#include "core/vault/typing_hint.h"

#include <doctest/doctest.h>

#include <string_view>

using namespace ts;

namespace {
std::optional<Str> hint(std::string_view s, std::optional<bool> caps = std::nullopt) {
    return vault::typingHint({reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}, caps);
}
} // namespace

TEST_CASE("a Russian phrase typed in the Latin layout, and Latin typed in the Russian one") {
    // «Синий-трактор 42 едет» with the English layout on.
    CHECK(hint("Cbybq-nhfrnjh 42 tltn") == Str::HintRussianInLatin);
    CHECK(hint("rjhjdf cbyzz 17") == Str::HintRussianInLatin); // «корова синяя 17»
    // «correct horse battery» with the Russian layout on.
    CHECK(hint("сщккусе рщкыу ифеегкн") == Str::HintLatinInRussian);
    // What was meant, typed as meant: no hint.
    CHECK_FALSE(hint("Синий-трактор 42 едет"));
    CHECK_FALSE(hint("корова-синяя-42"));
    CHECK_FALSE(hint("correct horse battery staple"));
    CHECK_FALSE(hint("1234567890"));
    CHECK_FALSE(hint("xyz"));
}

TEST_CASE("Caps Lock: all letters capitals, or the browser said so") {
    CHECK(hint("СИНИЙ-ТРАКТОР 42 ЕДЕТ") == Str::HintCapsLock);
    CHECK(hint("сИНИЙ-ТРАКТОР 42 ЕДЕТ") == Str::HintCapsLock); // Shift on the first letter
    CHECK(hint("Синий-трактор 42 едет", true) == Str::HintCapsLock);
    CHECK_FALSE(hint("Синий-Трактор 42 Едет"));
    CHECK_FALSE(hint("AB 1234567")); // two capitals are not a sign
}
