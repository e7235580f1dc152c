#include "core/strings.h"
#include "core/utf8.h"

#include <doctest/doctest.h>
#include <string>

using namespace ts;

TEST_CASE("every string has a Russian and an English text") {
    for (std::size_t i = 0; i < kStringCount; ++i) {
        const auto id = static_cast<Str>(i);
        CAPTURE(i);
        CHECK_FALSE(tr(id, Lang::Ru).empty());
        CHECK_FALSE(tr(id, Lang::En).empty());
    }
}

TEST_CASE("Russian texts are Russian: each has Cyrillic letters unless it is a name") {
    int cyrillic = 0;
    for (std::size_t i = 0; i < kStringCount; ++i) {
        const auto id = static_cast<Str>(i);
        if (id == Str::LanguageName) continue;
        bool has = false;
        for (char32_t c : utf8Decode(tr(id, Lang::Ru)))
            if (c >= 0x0400 && c <= 0x04FF) has = true;
        CAPTURE(tr(id, Lang::Ru));
        CHECK(has);
        cyrillic += has;
    }
    CHECK(cyrillic > 10);
}

TEST_CASE("texts are valid UTF-8 and never contain ImGui's id separator") {
    for (std::size_t i = 0; i < kStringCount; ++i)
        for (Lang l : {Lang::Ru, Lang::En}) {
            const std::string_view s = tr(static_cast<Str>(i), l);
            CAPTURE(s);
            for (char32_t c : utf8Decode(s)) CHECK(c != 0xFFFD);
            CHECK(s.find("##") == std::string_view::npos); // would cut the label short
        }
}

TEST_CASE("language codes round-trip and unknown codes are refused") {
    for (Lang l : {Lang::Ru, Lang::En}) CHECK(langFromCode(langCode(l)) == l);
    CHECK_FALSE(langFromCode("de").has_value());
    CHECK_FALSE(langFromCode("").has_value());
    CHECK_FALSE(langFromCode("RU").has_value());
}

TEST_CASE("the two languages differ where they should") {
    CHECK(tr(Str::AppName, Lang::Ru) == "Сейф токенов");
    CHECK(tr(Str::AppName, Lang::En) == "TokenSafe");
    CHECK(tr(Str::NavSettings, Lang::Ru) != tr(Str::NavSettings, Lang::En));
}
