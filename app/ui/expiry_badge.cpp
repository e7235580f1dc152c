#include "ui/expiry_badge.h"

#include "ui/palette.h"
#include "ui/widgets.h"

#include "imgui.h"

namespace ts::ui {

std::string DueText(UiContext& ui, const kinds::Due& due) {
    const std::string date = localDate(due.expires);
    if (due.level == kinds::Due::Level::Expired)
        return std::string(ui.t(Str::DueExpired)) + " " + date + " (" + std::to_string(-due.daysLeft) + " " +
               ui.t(Str::DaysShort) + " " + ui.t(Str::DaysAgo) + ")";
    if (due.daysLeft == 0) return std::string(ui.t(Str::DueToday)) + " (" + date + ")";
    return std::string(ui.t(Str::DueIn)) + " " + std::to_string(due.daysLeft) + " " + ui.t(Str::DaysShort) +
           " (" + date + ")";
}

ImVec4 DueColour(const kinds::Due& due) {
    return due.level == kinds::Due::Level::Expired ? palette::kExpired
           : due.level == kinds::Due::Level::Soon  ? palette::kExpiring
                                                   : palette::kValid;
}

void ExpiryBadge(UiContext& ui, const kinds::Due& due) {
    ImGui::PushStyleColor(ImGuiCol_Text, DueColour(due));
    Text(ui, DueText(ui, due));
    ImGui::PopStyleColor();
}

} // namespace ts::ui
