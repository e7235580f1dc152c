// The look: a calm light theme with enough contrast for an office monitor and a projector.
#pragma once

namespace ts::ui {
// `scale` is the text size (1 = 100 %): paddings, spacing and roundings grow with the text.
void ApplyTheme(float scale = 1.0f);
} // namespace ts::ui
