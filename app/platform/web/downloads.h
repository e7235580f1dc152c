// Saving a file the app made (a calendar, a handout) through the browser's download, and
// full screen for presentations: page-level requests the browser grants only after a click.
#pragma once

#include <string_view>

namespace ts {
[[nodiscard]] bool downloadFile(std::string_view name, std::string_view bytes, const char* mime);
// Asks the browser to show the page full screen (presentation mode), or to leave full screen.
void setFullscreen(bool on);
} // namespace ts
