#include "platform/web/web_mirror.h"

#include <emscripten.h>

extern "C" void ts_mirror_texts(const char* json);                     // web/library_mirror.js
extern "C" void ts_mirror_frame(const char* items, const char* state); // web/library_mirror.js

namespace ts {
namespace {
WebMirror* g_mirror = nullptr;
} // namespace

WebMirror::WebMirror() {
    g_mirror = this;
}
WebMirror::~WebMirror() {
    if (g_mirror == this) g_mirror = nullptr;
}

void WebMirror::setTexts(const std::string& json) {
    ts_mirror_texts(json.c_str());
}

void WebMirror::frameDrawn(const std::string& itemsJson, const std::string& stateJson) {
    ts_mirror_frame(itemsJson.c_str(), stateJson.c_str());
}

std::optional<ScreenReaderMirror::Request> WebMirror::takeRequest() {
    if (requests_.empty()) return std::nullopt;
    const Request r = requests_.front();
    requests_.pop_front();
    return r;
}

void WebMirror::request(const Request& r) {
    // Only the latest focus move matters; presses are each kept.
    if (r.press == Request::Press::None && !requests_.empty() &&
        requests_.back().press == Request::Press::None)
        requests_.back() = r;
    else
        requests_.push_back(r);
    if (onRequest) onRequest(user);
}

} // namespace ts

extern "C" EMSCRIPTEN_KEEPALIVE void ts_mirror_request(double item, double window, int press) {
    if (!ts::g_mirror || press < 0 || press > 3) return;
    ts::g_mirror->request({static_cast<std::uint32_t>(item), static_cast<std::uint32_t>(window),
                           static_cast<ts::ScreenReaderMirror::Request::Press>(press)});
}
