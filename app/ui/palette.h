// The colours text is drawn in besides the theme's own (ui/theme.cpp): one place, so that
// tests/native_ui/test_contrast.cpp checks each against every background it is drawn on.
#pragma once

#include "imgui.h"

namespace ts::ui::palette {

// Dark enough for WCAG AA (4.5:1) on white and on the window's grey, and on the selected row of
// the entry list (the expiry colours).
inline constexpr ImVec4 kError(0.70f, 0.10f, 0.10f, 1.0f);
inline constexpr ImVec4 kWarning(0.55f, 0.30f, 0.0f, 1.0f);
inline constexpr ImVec4 kExpired(0.62f, 0.05f, 0.05f, 1.0f);
inline constexpr ImVec4 kExpiring(0.50f, 0.28f, 0.0f, 1.0f);
inline constexpr ImVec4 kValid(0.15f, 0.45f, 0.2f, 1.0f);
inline constexpr ImVec4 kRight(0.10f, 0.45f, 0.15f, 1.0f);

} // namespace ts::ui::palette
