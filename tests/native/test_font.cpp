// The font that ships is the subset built from app/assets/font-glyphs.txt: every glyph the UI may
// draw must be in it, or ImGui shows '?' instead of a Russian letter.
#include "assets/ui_font.h"
#include "content/embedded.h"
#include "core/strings.h"
#include "core/utf8.h"

#include <doctest/doctest.h>

#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>

using namespace ts;

namespace {

bool inRanges(char32_t c) {
    for (const unsigned short* r = assets::kUiGlyphRanges; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

struct Font {
    stbtt_fontinfo info{};
    Font() { REQUIRE(stbtt_InitFont(&info, assets::kUiFontTtf, 0) == 1); }
    bool has(char32_t c) const { return stbtt_FindGlyphIndex(&info, static_cast<int>(c)) != 0; }
};

} // namespace

TEST_CASE("the subset font is small and well formed") {
    CHECK(assets::kUiFontTtfSize > 10'000);
    CHECK(assets::kUiFontTtfSize < 120'000); // the whole DejaVu Sans is ~740 KB
    Font f;
    CHECK(f.has(U'A'));
}

TEST_CASE("every code point in the glyph ranges has a glyph in the font") {
    Font f;
    int n = 0;
    for (const unsigned short* r = assets::kUiGlyphRanges; r[0]; r += 2) {
        CHECK(r[0] <= r[1]);
        for (char32_t c = r[0]; c <= r[1]; ++c) {
            if (c == 0x00AD) continue; // soft hyphen: invisible by design
            CAPTURE(static_cast<unsigned>(c));
            CHECK(f.has(c));
            ++n;
        }
    }
    CHECK(n > 300);
}

TEST_CASE("the characters Russian text needs are in the font") {
    Font f;
    for (char32_t c :
         utf8Decode("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя«»№—–…ІіЎў"))
        CHECK((inRanges(c) && f.has(c)));
}

TEST_CASE("every character of the string table can be drawn") {
    Font f;
    for (std::size_t i = 0; i < kStringCount; ++i)
        for (Lang l : {Lang::Ru, Lang::En})
            for (char32_t c : utf8Decode(tr(static_cast<Str>(i), l))) {
                CAPTURE(static_cast<unsigned>(c));
                CHECK((inRanges(c) && f.has(c)));
            }
}

TEST_CASE("glyphs outside the ranges were dropped from the font") {
    Font f;
    CHECK_FALSE(f.has(0x05D0)); // Hebrew alef: DejaVu has it, the subset must not
    CHECK_FALSE(f.has(0x0391)); // Greek Alpha
}

TEST_CASE("every character of the content files can be drawn") {
    Font f;
    const auto check = [&](std::string_view name, std::string_view text) {
        for (char32_t c : utf8Decode(text)) {
            if (c == U'\n' || c == U'\r' || c == U'\t') continue;
            CAPTURE(name);
            CAPTURE(static_cast<unsigned>(c));
            CHECK((inRanges(c) && f.has(c)));
        }
    };
    for (const content::File& file : content::kindFiles()) check(file.name, file.text);
    for (const content::File& file : content::procedureFiles()) check(file.name, file.text);
}
