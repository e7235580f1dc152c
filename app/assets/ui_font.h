// The UI font: DejaVu Sans (Debian's fonts-dejavu-core) subset at build time to font-glyphs.txt by
// scripts/build_font.py. The generated source holds the TTF bytes and the ImGui glyph ranges.
#pragma once

namespace ts::assets {

extern const unsigned char kUiFontTtf[];
extern const unsigned int kUiFontTtfSize;
// Pairs of [first, last] code points, zero-terminated: the layout ImGui's AddFont* expects.
extern const unsigned short kUiGlyphRanges[];

} // namespace ts::assets
