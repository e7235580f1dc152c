// How a step's screen schematic looks: mockup_layout says where each box goes, this turns the boxes
// into coloured shapes (rectangles, lines, circles, polylines, texts) in the schematic's own units.
// The app (ui/mockup_view.cpp, ImGui) and the printable page (screen_svg.cpp) only translate these
// shapes, so the two pictures cannot drift apart: one palette, one set of pictograms, one way to
// show a secret.
#pragma once

#include "core/procedures/mockup_layout.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ts::procedures {

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Colour&) const = default;
};

// A portal in general rather than any one: a dark title, a blue menu, light panels.
namespace palette {
inline constexpr Colour kInk{33, 37, 41};
inline constexpr Colour kMuted{108, 117, 125};
inline constexpr Colour kLine{176, 184, 196};
inline constexpr Colour kPanel{243, 245, 248};
inline constexpr Colour kWhite{255, 255, 255};
inline constexpr Colour kBlue{31, 95, 168};
inline constexpr Colour kBlueLight{220, 232, 247};
inline constexpr Colour kTitle{52, 64, 78};
inline constexpr Colour kMark{232, 118, 0};
} // namespace palette

struct Point {
    float x = 0, y = 0;
};

struct Shape {
    enum class Kind {
        Rect,     // rect, radius (topOnly: only the top corners rounded); fill and/or stroke
        Circle,   // points[0] the centre, radius; fill and/or stroke
        Line,     // points[0] to points[1]; stroke
        Polyline, // points, open, round joins; stroke
        Polygon,  // points, closed; fill
        Text,     // text (lines split by '\n') in rect, clipped to it; fill is its colour
    };
    Kind kind = Kind::Rect;
    Rect rect;
    float radius = 0;
    bool topOnly = false;
    std::vector<Point> points;
    std::optional<Colour> fill, stroke;
    float strokeWidth = 1;
    // Text
    std::string text;
    float scale = 1;     // of the schematic's font size
    bool centre = false; // horizontally in rect, else from its left
    bool vcentre = true; // vertically in rect, else from its top
    bool bold = false;   // no bold face in the app's font: back ends thicken the strokes
};

// The shapes for every box of a laid-out mock-up, in painting order, at font size `fontSize`. A
// pictogram whose name is not one of iconNames() (the parser refuses those) is painted as a dot.
std::vector<Shape> paintMockup(const Mockup& mockup, float fontSize);

} // namespace ts::procedures
