// Deadlines: what expires in the next 30 days and what has expired, grouped by organisation; the
// banner shown in the vault while anything needs attention; the calendar file download.
#pragma once

#include "core/dates.h"
#include "core/kinds/deadlines.h"
#include "ui/ui_context.h"

namespace ts::ui {

struct DeadlinesPanel {
    // Derived from the vault: recomputed only when its data or the day changes.
    std::uint64_t cachedVersion = ~0ull;
    Date cachedDay;
    std::vector<kinds::Deadline> within30, attention, timeline;

    void Draw(UiContext& ui);
    // A compact banner; returns true when the user asked to see the deadlines.
    bool DrawBanner(UiContext& ui);
    void Wipe();

  private:
    void Refresh(UiContext& ui);
    void DownloadCalendar(UiContext& ui);
    void DrawTimeline(UiContext& ui);
};

} // namespace ts::ui
