// The first screen: what TokenSafe is, and the entry points to the vault, the procedures and the
// transfer bundles.
#pragma once

#include "ui/ui_context.h"

namespace ts::ui {

struct HomeScreen {
    void Draw(UiContext& ui);
};

} // namespace ts::ui
