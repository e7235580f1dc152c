// How urgent an expiry is, in words and colour: "истекает через 5 дн. (01.12.2026)".
#pragma once

#include "core/kinds/expiry.h"
#include "ui/ui_context.h"

namespace ts::ui {

void ExpiryBadge(UiContext& ui, const kinds::Due& due);
std::string DueText(UiContext& ui, const kinds::Due& due);

} // namespace ts::ui
