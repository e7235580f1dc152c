// What every draw function receives: the shared state, the services, the seam and the fonts.
#pragma once

#include "core/strings.h"
#include "core/vault/session.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/seam_recorder.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace ts::ui {

struct UiContext {
    AppState& state;
    Services& services;
    SeamRecorder& seam;
    const Fonts& fonts;
    double now; // seconds, the frame pacer's clock: for wakeAt()
    // The part of the screen being drawn (a Place path, core/status_line.h): what is said from here
    // belongs to it. `at` is the innermost part drawn this frame: where the user is.
    std::string here = {};
    std::string at = {};

    // Table strings are NUL-terminated literals, so .data() is safe to hand to ImGui.
    const char* t(Str id) const { return tr(id, state.settings.language).data(); }
    void tell(Str text, bool error = false, std::string detail = {}) {
        state.status.say(here, text, error, std::move(detail));
        services.pacer.wake();
    }
    // For an action that has just submitted a change: the vault's «Сохранено» after it does not
    // replace this. A change that needed no save (nothing differed) brings no «Сохранено» to fold.
    void tellWithSave(Str text) {
        if (services.session.saving())
            state.status.sayWithSave(here, text);
        else
            state.status.say(here, text);
        services.pacer.wake();
    }
    // The message as shown: the text, then the browser's reason if any.
    std::string messageText() const {
        const Message& m = state.status.message();
        std::string s = t(m.text);
        if (!m.detail.empty()) s += " (" + m.detail + ")";
        return s;
    }
};

// Marks, for its lifetime, the part of the screen being drawn: a screen, then a tab or a procedure
// within it. Only for parts of which one is shown at a time (tabs, screens): two side by side would
// each take the other's messages away.
class Place {
  public:
    Place(UiContext& ui, std::string_view part) : ui_(ui), outer_(ui.here.size()) {
        if (!ui.here.empty()) ui.here += '/';
        ui.here += part;
        ui.at = ui.here;
    }
    ~Place() { ui_.here.resize(outer_); }
    Place(const Place&) = delete;
    Place& operator=(const Place&) = delete;

  private:
    UiContext& ui_;
    std::size_t outer_;
};

} // namespace ts::ui
