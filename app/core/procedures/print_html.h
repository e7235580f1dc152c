// The printable handout of a procedure: one standalone HTML page (no scripts, no external files)
// that a trainer prints or saves as PDF. Every step's screen is an inline SVG mock-up (screen_svg.h)
// painted from the same layout as the app's on-screen renderer; the quiz comes with its answers.
#pragma once

#include "core/kinds/kind.h"
#include "core/procedures/procedure.h"
#include "core/strings.h"

#include <string>

namespace ts::procedures {

// The whole page, in one language. Headings come from the string table (Str::Print*), the rest
// from the procedure; everything from data is escaped. The procedure's kind, when the registry has
// it, names the fields each step gives; an unknown kind or field falls back to the field's id.
std::string printableHtml(const Procedure& p, const kinds::Registry& kinds, Lang lang);

} // namespace ts::procedures
