// What every draw function receives: the shared state, the services, the seam and the fonts.
#pragma once

#include "core/strings.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/seam_recorder.h"

#include <string>

namespace ts::ui {

struct UiContext {
    AppState& state;
    Services& services;
    SeamRecorder& seam;
    const Fonts& fonts;
    double now; // seconds, the frame pacer's clock: for wakeAt()

    // Table strings are NUL-terminated literals, so .data() is safe to hand to ImGui.
    const char* t(Str id) const { return tr(id, state.settings.language).data(); }
    void tell(Str text, bool error = false, std::string detail = {}) {
        state.message = Message{text, std::move(detail), error};
        services.pacer.wake();
    }
    // The message as shown: the text, then the browser's reason if any.
    std::string messageText() const {
        std::string s = t(state.message.text);
        if (!state.message.detail.empty()) s += " (" + state.message.detail + ")";
        return s;
    }
};

} // namespace ts::ui
