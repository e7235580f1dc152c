#include "platform/web/web_seam.h"

#include <emscripten.h>

namespace ts {
namespace {
// Read by the exported functions below, which web/seam.js calls.
const WebSeam* g_seam = nullptr;
} // namespace

WebSeam::WebSeam() {
    g_seam = this;
}
WebSeam::~WebSeam() {
    if (g_seam == this) g_seam = nullptr;
}

void WebSeam::publish(std::string itemsJson, std::string stateJson, std::uint64_t frameCount) {
    items = std::move(itemsJson);
    state = std::move(stateJson);
    frames = frameCount;
}

} // namespace ts

// Read-only accessors; the returned pointers stay valid until the next frame is published.
extern "C" {
EMSCRIPTEN_KEEPALIVE const char* ts_seam_items() {
    return ts::g_seam ? ts::g_seam->items.c_str() : "[]";
}
EMSCRIPTEN_KEEPALIVE const char* ts_seam_state() {
    return ts::g_seam ? ts::g_seam->state.c_str() : "{}";
}
EMSCRIPTEN_KEEPALIVE double ts_seam_frames() {
    return ts::g_seam ? static_cast<double>(ts::g_seam->frames) : 0;
}
}
