#include "ui/date_picker.h"

#include "core/dates.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <string_view>
#include <vector>

namespace ts::ui {
namespace {

// "Январь|Февраль|…" → the n-th part (from 0).
std::string part(std::string_view list, int n) {
    for (int i = 0; i < n; ++i) {
        const std::size_t bar = list.find('|');
        if (bar == std::string_view::npos) return {};
        list.remove_prefix(bar + 1);
    }
    return std::string(list.substr(0, list.find('|')));
}

} // namespace

bool DatePicker(UiContext& ui, const std::string& fieldKey, std::string& value) {
    const std::string popup = "###date-picker-" + fieldKey;
    const std::string button = "pick-" + fieldKey;
    // The month on show lives in ImGui's own storage for the pop-up: year * 12 + month - 1.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID monthId = ImGui::GetID((popup + "-month").c_str());
    if (Button(ui, Str::ButtonPickDate, button.c_str())) {
        const std::optional<Date> shown = parseDate(value);
        const Date start =
            shown ? *shown : localToday(ui.services.clock.nowMillis(), ui.services.clock.utcOffsetMinutes());
        storage->SetInt(monthId, start.year * 12 + start.month - 1);
        ImGui::OpenPopup(popup.c_str());
    }
    if (!ImGui::BeginPopup(popup.c_str())) return false;
    int& at = *storage->GetIntRef(monthId, 0);
    const int year = at / 12, month = at % 12 + 1;
    if (Button(ui, Str::ButtonPrevMonth, "pick-prev")) --at;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    Text(ui, part(ui.t(Str::MonthNames), month - 1) + " " + std::to_string(year));
    ImGui::SameLine();
    if (Button(ui, Str::ButtonNextMonth, "pick-next")) ++at;
    bool chosen = false;
    if (ImGui::BeginTable("###days", 7, ImGuiTableFlags_SizingFixedSame)) {
        for (int d = 0; d < 7; ++d) {
            ImGui::TableNextColumn();
            TextMuted(ui, part(ui.t(Str::WeekdayNames), d));
        }
        // 1970-01-01 was a Thursday: Monday first, as in Russia and Belarus.
        const int lead = static_cast<int>((daysFromCivil(Date{year, month, 1}) % 7 + 7 + 3) % 7);
        for (int i = 0; i < lead; ++i) ImGui::TableNextColumn();
        for (int d = 1; d <= daysInMonth(year, month); ++d) {
            ImGui::TableNextColumn();
            const std::string label = std::to_string(d) + "###pick-day-" + std::to_string(d);
            if (ImGui::Button(label.c_str(), ImVec2(ImGui::GetFrameHeight() * 1.4f, 0))) {
                value = localDate(Date{year, month, d});
                chosen = true;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndPopup();
    return chosen;
}

} // namespace ts::ui
