#include "platform/web/page_events.h"

#include <cstring>
#include <emscripten.h>
#include <emscripten/stack.h>
#include <memory>

extern "C" void ts_page_watch_visibility(); // web/library_tokensafe.js
extern "C" int ts_page_is_file();           // web/library_tokensafe.js
extern "C" void ts_page_watch_updates();    // web/library_tokensafe.js
extern "C" void ts_page_apply_update();     // web/library_tokensafe.js
extern "C" void ts_page_watch_motion();     // web/library_tokensafe.js

namespace ts {
namespace {
PageEvents* g_events = nullptr;
} // namespace

PageEvents::PageEvents() {
    g_events = this;
}
PageEvents::~PageEvents() {
    if (g_events == this) g_events = nullptr;
}

void PageEvents::watchVisibility(std::function<void(bool hidden)> onChange) {
    onVisibility_ = std::move(onChange);
    ts_page_watch_visibility();
}

void PageEvents::watchUpdates(std::function<void()> onUpdateReady) {
    onUpdate_ = std::move(onUpdateReady);
    ts_page_watch_updates();
}

void PageEvents::watchReducedMotion(std::function<void(bool reduce)> onChange) {
    onMotion_ = std::move(onChange);
    ts_page_watch_motion();
}

void applyUpdate() {
    ts_page_apply_update();
}

bool pageOpenedFromFile() {
    return ts_page_is_file() != 0;
}

void runLater(int delayMs, std::function<void()> fn) {
    emscripten_async_call(
        [](void* arg) {
            std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(arg));
            (*f)();
        },
        new std::function<void()>(std::move(fn)), delayMs);
}

__attribute__((noinline)) void scrubFreeStack() {
    // The stack grows down from its base to `end`; everything below the current frame is free.
    // Leave a margin for memset's own frame.
    constexpr std::uintptr_t kMargin = 1024;
    const std::uintptr_t end = emscripten_stack_get_end();
    const std::uintptr_t here = emscripten_stack_get_current();
    if (here > end + kMargin) std::memset(reinterpret_cast<void*>(end), 0, here - kMargin - end);
}

} // namespace ts

extern "C" EMSCRIPTEN_KEEPALIVE void ts_on_visibility(int hidden) {
    if (ts::g_events) ts::g_events->visibilityChanged(hidden != 0);
}

extern "C" EMSCRIPTEN_KEEPALIVE void ts_on_update_ready() {
    if (ts::g_events) ts::g_events->updateReady();
}

extern "C" EMSCRIPTEN_KEEPALIVE void ts_on_reduced_motion(int reduce) {
    if (ts::g_events) ts::g_events->reducedMotionChanged(reduce != 0);
}
