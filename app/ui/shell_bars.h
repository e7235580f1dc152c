// The frame around every screen: the top bar (name, navigation, language) and the status bar
// (the last message the app gave the user).
#pragma once

#include "ui/ui_context.h"

namespace ts::ui {

void DrawTopBar(UiContext& ui);
void DrawStatusBar(UiContext& ui);
float StatusBarHeight();

// Saves settings and makes them current; on failure keeps the old ones. Tells the user either way.
bool SaveSettings(UiContext& ui, const Settings& next, Str savedMessage);
// Switches the interface language and remembers the choice.
void SwitchLanguage(UiContext& ui, Lang lang);

} // namespace ts::ui
