#include "ui/presentation.h"

#include "ui/mockup_view.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace ts::ui {
namespace {

bool pressed(std::initializer_list<ImGuiKey> keys) {
    return std::any_of(keys.begin(), keys.end(), [](ImGuiKey k) { return ImGui::IsKeyPressed(k); });
}

void DrawTitleSlide(UiContext& ui, const procedures::Procedure& p) {
    const Lang lang = ui.state.settings.language;
    TextMuted(ui, p.system.in(lang));
    Text(ui, p.title.in(lang), ui.fonts.title);
    ImGui::Spacing();
    Text(ui, p.summary.in(lang), ui.fonts.heading);
    ImGui::Spacing();
    if (!p.roles.empty()) {
        Text(ui, ui.t(Str::PrintRoles), ui.fonts.title);
        for (const auto& r : p.roles) Text(ui, "• " + r.in(lang), ui.fonts.heading);
    }
    ImGui::Spacing();
    if (!p.before.empty()) {
        Text(ui, ui.t(Str::PrintBefore), ui.fonts.title);
        for (const auto& b : p.before) Text(ui, "• " + b.in(lang), ui.fonts.heading);
    }
}

void DrawStepSlide(UiContext& ui, const procedures::Step& s) {
    const Lang lang = ui.state.settings.language;
    const float w = ImGui::GetContentRegionAvail().x;
    const bool wide = w > Px(1100.0f);
    const float textW = wide ? w * 0.36f : w;
    BeginRegion("slide-text", ImVec2(textW, wide ? 0.0f : ImGui::GetContentRegionAvail().y * 0.42f),
                ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    Text(ui, s.title.in(lang), ui.fonts.title);
    ImGui::Spacing();
    Text(ui, s.text.in(lang), ui.fonts.heading);
    if (!s.warning.ru.empty()) {
        ImGui::Spacing();
        WarningText(ui, s.warning.in(lang), ui.fonts.heading);
    }
    ImGui::EndChild();
    if (wide) ImGui::SameLine(0, Px(32.0f));
    BeginRegion("slide-picture", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    DrawMockup(ui, s.screen, ImGui::GetContentRegionAvail().x - 30.0f, 20.0f,
               ("mockup-present-" + s.id).c_str());
    DrawCallouts(ui, s.screen, ui.fonts.heading);
    ImGui::EndChild();
}

} // namespace

void Presentation::Start(std::string id, int atSlide) {
    procedure = std::move(id);
    slide = atSlide;
}

void Presentation::Draw(UiContext& ui) {
    const procedures::Procedure* p = procedures::Library::builtIn().find(procedure);
    if (!p) {
        procedure.clear();
        return;
    }
    const int last = static_cast<int>(p->steps.size());
    if (pressed({ImGuiKey_RightArrow, ImGuiKey_DownArrow, ImGuiKey_Space, ImGuiKey_PageDown, ImGuiKey_Enter}))
        slide = std::min(slide + 1, last);
    if (pressed({ImGuiKey_LeftArrow, ImGuiKey_UpArrow, ImGuiKey_PageUp, ImGuiKey_Backspace}))
        slide = std::max(slide - 1, 0);
    if (pressed({ImGuiKey_Home})) slide = 0;
    if (pressed({ImGuiKey_End})) slide = last;

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    // No keyboard navigation inside a slide show: arrows, Space, Enter and Page keys are the slide keys
    // above (a presenter's clicker sends Page Down), and Space must not also press a focused button.
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                                        ImGuiWindowFlags_NoNavInputs;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40, 28));
    ImGui::Begin("Presentation###presentation", nullptr, kFlags);
    ImGui::PopStyleVar();
    ImGui::SetWindowFocus(); // keys go to the slides, not to a field left behind
    ImGui::PushFont(ui.fonts.body);
    ImGui::PushTextWrapPos(0.0f);

    const float footer = ImGui::GetFrameHeightWithSpacing() + 12.0f;
    BeginRegion("slide", ImVec2(0, -footer), ImGuiChildFlags_None, ImGuiWindowFlags_NoBackground);
    if (slide == 0)
        DrawTitleSlide(ui, *p);
    else
        DrawStepSlide(ui, p->steps[static_cast<std::size_t>(slide - 1)]);
    ImGui::EndChild();

    ImGui::Separator();
    if (Button(ui, Str::ButtonPresentPrev, "present-prev", slide > 0)) slide = std::max(slide - 1, 0);
    ImGui::SameLine();
    if (Button(ui, Str::ButtonPresentNext, "present-next", slide < last)) slide = std::min(slide + 1, last);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    const std::string where =
        slide == 0
            ? std::string(p->title.in(ui.state.settings.language))
            : fill(ui.t(Str::PrintStep), {{"n", std::to_string(slide)}, {"total", std::to_string(last)}});
    Text(ui, where);
    ImGui::SameLine();
    TextMuted(ui, ui.t(Str::PresentKeys));
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(ui.t(Str::ButtonPresentExit)).x -
                    20.0f);
    const bool exit = Button(ui, Str::ButtonPresentExit, "present-exit") || pressed({ImGuiKey_Escape});
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::End();
    if (exit) {
        procedure.clear();
        if (ui.services.fullscreen) ui.services.fullscreen(false);
    }
}

} // namespace ts::ui
