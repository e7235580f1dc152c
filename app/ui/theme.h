// The look: a calm light theme with enough contrast for an office monitor and a projector.
#pragma once

namespace ts::ui {
void ApplyTheme();
}
