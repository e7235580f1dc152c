#include "ui/deadlines_panel.h"

#include "core/vault/session.h"
#include "ui/expiry_badge.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <map>

namespace ts::ui {

void DeadlinesPanel::Wipe() {
    within30.clear();
    attention.clear();
    timeline.clear();
    cachedVersion = ~0ull;
}

void DeadlinesPanel::Refresh(UiContext& ui) {
    const vault::Session& session = ui.services.session;
    const Date today = localToday(ui.services.clock.nowMillis(), ui.services.clock.utcOffsetMinutes());
    if (session.dataVersion() == cachedVersion && today == cachedDay) return;
    const kinds::Registry& r = kinds::Registry::builtIn();
    within30 = kinds::deadlinesWithin(session.data(), r, today, 30);
    attention = kinds::needingAttention(session.data(), r, today);
    timeline = kinds::deadlinesWithin(session.data(), r, today, 90);
    cachedVersion = session.dataVersion();
    cachedDay = today;
}

// One line per item — organisation, kind, and whether it has expired or is expiring, in words —
// at most kBannerItems of them and a count of the rest. A line opens its entry, whose editor
// offers «Как получить или обновить?».
bool DeadlinesPanel::DrawBanner(UiContext& ui) {
    constexpr std::size_t kBannerItems = 3;
    Refresh(ui);
    if (attention.empty()) return false;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.95f, 0.85f, 1.0f));
    BeginRegion("deadline-banner", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    ImGui::AlignTextToFramePadding();
    Text(ui, ui.t(Str::BannerDue));
    ImGui::SameLine();
    const bool open = Button(ui, Str::TabDeadlines, "banner-deadlines");
    const Lang lang = ui.state.settings.language;
    const vault::Data& data = ui.services.session.data();
    for (std::size_t i = 0; i < attention.size() && i < kBannerItems; ++i) {
        const kinds::Deadline& d = attention[i];
        const std::string line =
            kinds::entryName(*d.kind, *d.entry, lang, &data) + " — " + DueText(ui, d.due);
        ImGui::PushStyleColor(ImGuiCol_Text, DueColour(d.due));
        if (ImGui::Selectable((line + "###banner-entry-" + d.entry->id).c_str()))
            ui.state.openEntry = d.entry->id;
        ImGui::PopStyleColor();
    }
    if (attention.size() > kBannerItems)
        TextMuted(ui, fill(ui.t(Str::BannerMore), {{"n", std::to_string(attention.size() - kBannerItems)}}));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return open;
}

void DeadlinesPanel::DownloadCalendar(UiContext& ui) {
    const vault::Session& session = ui.services.session;
    const Lang lang = ui.state.settings.language;
    const std::string ics =
        kinds::buildCalendar(kinds::calendarEvents(session.data(), kinds::Registry::builtIn(), lang),
                             ui.services.clock.nowMillis());
    if (ui.services.download && ui.services.download("tokensafe-deadlines.ics", ics, "text/calendar"))
        ui.tell(Str::MsgCalendarSaved);
    else
        ui.tell(Str::ErrSaveFailed, true);
}

// A timeline of the next 90 days: a mark per entry, coloured by urgency, today at the left edge.
void DeadlinesPanel::DrawTimeline(UiContext& ui) {
    constexpr int kDays = 90;
    const float width = std::min(ImGui::GetContentRegionAvail().x, 900.0f) - 16.0f;
    const float height = 54.0f;
    const ImVec2 origin(ImGui::GetCursorScreenPos().x + 8.0f,
                        ImGui::GetCursorScreenPos().y); // room for marks
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float axisY = origin.y + height - 18.0f;
    dl->AddLine({origin.x, axisY}, {origin.x + width, axisY}, IM_COL32(120, 128, 140, 255), 1.5f);
    for (int day = 0; day <= kDays; day += 30) {
        const float x = origin.x + width * day / kDays;
        dl->AddLine({x, axisY - 4}, {x, axisY + 4}, IM_COL32(120, 128, 140, 255));
        const std::string label =
            day == 0 ? ui.t(Str::Today) : "+" + std::to_string(day) + " " + ui.t(Str::DaysShort);
        dl->AddText({x + 2, axisY + 4}, IM_COL32(90, 96, 108, 255), label.c_str());
    }
    for (const kinds::Deadline& d : timeline) {
        const int left = d.due.daysLeft;
        const float x = origin.x + width * std::clamp(left, 0, kDays) / kDays;
        const ImU32 color = d.due.level == kinds::Due::Level::Expired ? IM_COL32(185, 20, 20, 255)
                            : d.due.level == kinds::Due::Level::Soon  ? IM_COL32(200, 120, 0, 255)
                                                                      : IM_COL32(40, 120, 60, 255);
        dl->AddTriangleFilled({x, axisY - 2}, {x - 6, axisY - 14}, {x + 6, axisY - 14}, color);
    }
    ImGui::Dummy(ImVec2(width + 16.0f, height));
}

void DeadlinesPanel::Draw(UiContext& ui) {
    Refresh(ui);
    DrawTimeline(ui);
    const Lang lang = ui.state.settings.language;
    const vault::Data& data = ui.services.session.data();
    if (Button(ui, Str::ButtonCalendar, "download-ics")) DownloadCalendar(ui);
    ImGui::Spacing();
    if (within30.empty()) {
        TextMuted(ui, ui.t(Str::DashNothing));
        return;
    }
    // Grouped by organisation, soonest first within each group.
    std::map<std::string, std::vector<const kinds::Deadline*>> groups;
    for (const kinds::Deadline& d : within30) groups[d.entry->org].push_back(&d);
    for (const auto& [orgId, list] : groups) {
        const vault::Organisation* o = data.organisation(orgId);
        Text(ui, o ? o->name : ui.t(Str::NoOrganisation), ui.fonts.heading);
        for (const kinds::Deadline* d : list) {
            const std::string name = kinds::entryName(*d->kind, *d->entry, lang);
            const std::string& kindTitle = d->kind->title.in(lang);
            // Opens the entry, whose editor offers «Как получить или обновить?».
            // Named after its kind (no name of its own): the kind's full title, once.
            const std::string& shortTitle = d->kind->shortTitle.in(lang);
            const std::string label =
                name == kindTitle || name == shortTitle ? kindTitle : name + "  ·  " + kindTitle;
            if (ImGui::Selectable((label + "###deadline-entry-" + d->entry->id).c_str()))
                ui.state.openEntry = d->entry->id;
            ImGui::Indent();
            ExpiryBadge(ui, d->due);
            ImGui::Unindent();
        }
        ImGui::Spacing();
    }
}

} // namespace ts::ui
