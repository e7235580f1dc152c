#include "platform/web/web_clipboard.h"

#include "core/crypto/secret.h"

#include <algorithm>
#include <emscripten.h>
#include <memory>
#include <string>

extern "C" {
void ts_clipboard_install(); // web/library_tokensafe.js
void ts_clipboard_write(const char* text);
void ts_clipboard_clear_if(const char* text, void* user);
}

namespace ts {
namespace {
// The paste listener is page-wide; it reaches the one clipboard object through this pointer.
WebClipboard* g_clipboard = nullptr;
} // namespace

WebClipboard::WebClipboard() {
    g_clipboard = this;
    ts_clipboard_install();
}

WebClipboard::~WebClipboard() {
    if (g_clipboard == this) g_clipboard = nullptr;
}

void WebClipboard::forget() {
    crypto::wipeString(text_);
}

void WebClipboard::setText(std::string_view text) {
    text_ = text;
    ts_clipboard_write(text_.c_str());
}

void WebClipboard::clearIfStill(std::string_view text, std::function<void(ClearResult)> done) {
    ts_clipboard_clear_if(std::string(text).c_str(), new std::function<void(ClearResult)>(std::move(done)));
}

} // namespace ts

extern "C" EMSCRIPTEN_KEEPALIVE void ts_on_clipboard_cleared(void* user, int code) {
    std::unique_ptr<std::function<void(ts::Clipboard::ClearResult)>> done(
        static_cast<std::function<void(ts::Clipboard::ClearResult)>*>(user));
    (*done)(static_cast<ts::Clipboard::ClearResult>(code));
}

extern "C" EMSCRIPTEN_KEEPALIVE void ts_on_paste(const char* text) {
    if (ts::g_clipboard && text) ts::g_clipboard->onPaste(text);
}
