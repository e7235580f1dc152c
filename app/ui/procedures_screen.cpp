#include "ui/procedures_screen.h"

#include "core/procedures/print_html.h"
#include "ui/mockup_view.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace ts::ui {
namespace {

using procedures::Library;
using procedures::Procedure;

void DrawNotes(UiContext& ui, const Procedure& p) {
    const Lang lang = ui.state.settings.language;
    if (!p.roles.empty()) {
        Text(ui, ui.t(Str::PrintRoles), ui.fonts.heading);
        for (const auto& r : p.roles) Bullet(ui, r.in(lang));
    }
    if (!p.before.empty()) {
        Text(ui, ui.t(Str::PrintBefore), ui.fonts.heading);
        for (const auto& b : p.before) Bullet(ui, b.in(lang));
    }
    if (!p.notes.empty()) {
        Text(ui, ui.t(Str::PrintNotes), ui.fonts.heading);
        for (const kinds::Note& n : p.notes) NoteBullet(ui, n.text.in(lang), n.warning);
    }
}

} // namespace

void ProceduresScreen::Draw(UiContext& ui) {
    const Library& lib = Library::builtIn();
    if (ui.state.openProcedure) { // "how do I renew this?" from an entry
        const AppState::ProcedureRequest r = *ui.state.openProcedure;
        ui.state.openProcedure.reset();
        if (lib.find(r.procedure)) {
            selected = r.procedure;
            step = 0;
            run.Preset(r.procedure, r.org, r.entry);
            showRunTab_ = true;
        }
    }
    if (!lib.find(selected) && !lib.all().empty()) selected = lib.all().front().id;

    Text(ui, ui.t(Str::NavProcedures), ui.fonts.title);
    TextMuted(ui, ui.t(Str::ProceduresIntro));
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stacked = narrow(avail);
    DrawList(ui, stacked ? avail : Px(280.0f));
    if (!stacked) ImGui::SameLine();
    BeginRegion("procedure", ImVec2(0, 0), ImGuiChildFlags_None);
    if (const Procedure* p = lib.find(selected)) {
        const Place here(ui, p->id);
        DrawProcedure(ui, *p);
    }
    ImGui::EndChild();
}

void ProceduresScreen::DrawList(UiContext& ui, float width) {
    const Lang lang = ui.state.settings.language;
    const bool stacked = narrow(ImGui::GetContentRegionAvail().x);
    BeginRegion("procedure-list", ImVec2(width, 0.0f),
                ImGuiChildFlags_Border | (stacked ? ImGuiChildFlags_AutoResizeY : 0));
    const float wrap = ImGui::GetContentRegionAvail().x;
    for (const Procedure& p : Library::builtIn().all()) {
        // Titles are long: the selectable spans the wrapped title and the system under it, drawn
        // over it; the seam gets the title as its label.
        const std::string title = p.title.in(lang), system = p.system.in(lang);
        const float h = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap).y +
                        ImGui::CalcTextSize(system.c_str(), nullptr, false, wrap).y +
                        ImGui::GetStyle().ItemSpacing.y;
        const ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable(("###procedure-" + p.id).c_str(), p.id == selected, 0, ImVec2(0, h))) {
            selected = p.id;
            step = 0;
            run.runId.clear();
        }
        ui.seam.describeLast(title, system);
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(at);
        ImGui::PushTextWrapPos(at.x + wrap);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
        TextMuted(ui, system);
        ImGui::SetCursorPos(after);
        ImGui::Spacing();
    }
    ImGui::EndChild();
}

void ProceduresScreen::DrawProcedure(UiContext& ui, const Procedure& p) {
    const Lang lang = ui.state.settings.language;
    TextMuted(ui, p.system.in(lang));
    Text(ui, p.title.in(lang), ui.fonts.heading);
    Text(ui, p.summary.in(lang));
    if (Button(ui, Str::ButtonPresent, "present")) {
        presentation.Start(p.id, step > 0 ? step + 1 : 0);
        if (ui.services.fullscreen) ui.services.fullscreen(true); // within the click: browsers require it
    }
    ImGui::SameLine();
    if (Button(ui, Str::ButtonPrint, "print")) {
        const std::string html = procedures::printableHtml(p, kinds::Registry::builtIn(), lang);
        const bool ok =
            ui.services.download && ui.services.download(p.id + "." + std::string(langCode(lang)) + ".html",
                                                         html, "text/html;charset=utf-8");
        ui.tell(ok ? Str::MsgPrintSaved : Str::ErrDownloadFailed, !ok);
    }
    if (!ImGui::BeginTabBar("procedure-tabs")) return;
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabSteps)) + "###tab-steps").c_str())) {
        const Place tab(ui, "steps");
        DrawSteps(ui, p);
        ImGui::EndTabItem();
    }
    const ImGuiTabItemFlags runFlags = showRunTab_ ? ImGuiTabItemFlags_SetSelected : 0;
    showRunTab_ = false;
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabRun)) + "###tab-run").c_str(), nullptr, runFlags)) {
        const Place tab(ui, "run");
        run.Draw(ui, p, pictures);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(ui.t(Str::TabQuiz)) + "###tab-quiz").c_str())) {
        const Place tab(ui, "quiz");
        BeginRegion("quiz");
        quiz.Draw(ui, p);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void ProceduresScreen::DrawSteps(UiContext& ui, const Procedure& p) {
    const Lang lang = ui.state.settings.language;
    const int total = static_cast<int>(p.steps.size());
    step = std::clamp(step, 0, total - 1);
    if (Button(ui, Str::ButtonPresentPrev, "step-prev", step > 0)) --step;
    ImGui::SameLine();
    if (Button(ui, Str::ButtonPresentNext, "step-next", step + 1 < total)) ++step;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    Text(ui, fill(ui.t(Str::PrintStep), {{"n", std::to_string(step + 1)}, {"total", std::to_string(total)}}));
    const std::string showing = p.id + "/" + p.steps[static_cast<std::size_t>(step)].id;
    if (bodyShows_ != showing) { // each step opens at its top, not where the last one was scrolled to
        ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
        bodyShows_ = showing;
    }
    BeginRegion("steps-body");
    const procedures::Step& s = p.steps[static_cast<std::size_t>(step)];
    Text(ui, s.title.in(lang), ui.fonts.heading);
    Text(ui, s.text.in(lang));
    if (!s.warning.ru.empty()) WarningText(ui, s.warning.in(lang));
    ImGui::Spacing();
    DrawMockup(ui, s.screen, std::min(ImGui::GetContentRegionAvail().x - Px(20.0f), Px(780.0f)), Px(14.0f),
               ("mockup-" + s.id).c_str());
    DrawCallouts(ui, s.screen);
    ImGui::Spacing();
    pictures.Draw(ui, p.id, s.id);
    ImGui::Spacing();
    ImGui::Separator();
    DrawNotes(ui, p);
    ImGui::EndChild();
}

} // namespace ts::ui
