// What every draw function receives: the shared state, the services, the seam and the fonts.
#pragma once

#include "core/strings.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/seam_recorder.h"

namespace ts::ui {

struct UiContext {
    AppState& state;
    Services& services;
    SeamRecorder& seam;
    const Fonts& fonts;

    // Table strings are NUL-terminated literals, so .data() is safe to hand to ImGui.
    const char* t(Str id) const { return tr(id, state.settings.language).data(); }
    void tell(Str text, bool error = false) {
        state.message = Message{text, error};
        services.pacer.wake();
    }
};

} // namespace ts::ui
