// Training mode: a procedure shown to a room one step at a time, full screen, in large type with
// the schematic big; arrows, space and PageUp/PageDown (a presenter's clicker) move through it,
// Esc leaves. It shows only the procedure, never vault data, and needs no unlocked vault.
#pragma once

#include "core/procedures/procedure.h"
#include "ui/ui_context.h"

#include <string>

namespace ts::ui {

struct Presentation {
    std::string procedure; // empty: not presenting
    int slide = 0;         // 0: the title slide; n: step n

    bool Active() const { return !procedure.empty(); }
    void Start(std::string id, int atSlide = 0);
    // Draws over the whole viewport; call after the main window.
    void Draw(UiContext& ui);
};

} // namespace ts::ui
