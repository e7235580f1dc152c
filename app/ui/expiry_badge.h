// How urgent an expiry is, in words and colour: "истекает через 5 дн. (01.12.2026)".
#pragma once

#include "core/kinds/expiry.h"
#include "ui/ui_context.h"

#include "imgui.h"

namespace ts::ui {

ImVec4 DueColour(const kinds::Due& due); // red expired, amber soon, green fine
void ExpiryBadge(UiContext& ui, const kinds::Due& due);
std::string DueText(UiContext& ui, const kinds::Due& due);

} // namespace ts::ui
