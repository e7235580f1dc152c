// Runs a blocking action (Argon2id takes about a second) one frame after its progress message was
// drawn, so the user sees what is happening instead of a page that froze silently. The app builds
// the progress frame right after the one that started the action, and the action's frame as soon
// as the browser has shown it (App::Tick, TakeTickSoon).
#pragma once

#include "ui/ui_context.h"

#include <functional>

namespace ts::ui {

struct SlowAction {
    std::function<void(UiContext&)> action;
    int framesShown = 0;

    bool busy() const { return static_cast<bool>(action); }
    void cancel() {
        action = nullptr;
        framesShown = 0;
    }
    void start(UiContext& ui, std::function<void(UiContext&)> fn) {
        action = std::move(fn);
        framesShown = 0;
        ui.services.pacer.wake(3);
        ui.state.slowActionStarted = true;
    }
    // Call once per frame where the progress is drawn.
    void step(UiContext& ui) {
        if (!action) return;
        if (framesShown++ < 1) {
            ui.services.pacer.wake(3);
            ui.state.slowActionShown = true;
            return;
        }
        auto fn = std::move(action);
        action = nullptr;
        fn(ui);
        ui.services.pacer.wake();
    }
};

} // namespace ts::ui
