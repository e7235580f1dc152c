// A step's screen schematic as an inline SVG: the boxes of mockup_layout painted the way the app's
// ImGui painter (ui/mockup_view.cpp) paints them, same colours and shapes, so the printed handout
// shows the picture the app shows. The layout rules live in mockup_layout alone.
#pragma once

#include "core/procedures/procedure.h"

#include <string>
#include <string_view>

namespace ts::procedures {

// The mock-up of one screen as an <svg> element, 860 units wide, text at 14 units.
std::string screenSvg(const Screen& screen);

// Escapes for HTML text, attribute values and SVG alike (& < > " ').
std::string escapeMarkup(std::string_view s);

} // namespace ts::procedures
