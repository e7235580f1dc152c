// Saving a file the app made (a calendar, later a bundle) through the browser's download.
#pragma once

#include <string_view>

namespace ts {
[[nodiscard]] bool downloadFile(std::string_view name, std::string_view bytes, const char* mime);
}
