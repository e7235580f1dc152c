#include "platform/web/downloads.h"

#include <string>

extern "C" int ts_download(const char* name, const char* data, std::size_t len, const char* mime);
extern "C" void ts_fullscreen(int on);

namespace ts {

bool downloadFile(std::string_view name, std::string_view bytes, const char* mime) {
    return ts_download(std::string(name).c_str(), bytes.data(), bytes.size(), mime) != 0;
}

void setFullscreen(bool on) {
    ts_fullscreen(on ? 1 : 0);
}

} // namespace ts
