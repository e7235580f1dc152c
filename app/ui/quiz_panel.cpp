#include "ui/quiz_panel.h"

#include "ui/palette.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>

namespace ts::ui {
namespace {

// A radio button whose label wraps at the panel's edge. ImGui's RadioButton keeps its label on one
// line, and a long answer was cut off there — the right one, as often as not.
bool WrappedRadio(const std::string& label, const std::string& key, bool active) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiStyle& style = g.Style;
    const std::string full = label + "###" + key;
    const ImGuiID id = window->GetID(full.c_str());
    const float square = ImGui::GetFrameHeight();
    const float gap = style.ItemInnerSpacing.x;
    const float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x - square - gap);
    const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + square + gap + text.x,
                                pos.y + std::max(square, text.y + style.FramePadding.y * 2.0f)));
    ImGui::ItemSize(bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
    if (pressed) ImGui::MarkItemEdited(id);
    ImGui::RenderNavHighlight(bb, id);

    // The circle exactly as ImGui draws its own radio buttons, at the first line.
    ImDrawList* dl = window->DrawList;
    const ImVec2 centre(IM_ROUND(pos.x + square * 0.5f), IM_ROUND(pos.y + square * 0.5f));
    const float radius = (square - 1.0f) * 0.5f;
    const int segments = dl->_CalcCircleAutoSegmentCount(radius);
    dl->AddCircleFilled(centre, radius,
                        ImGui::GetColorU32((held && hovered) ? ImGuiCol_FrameBgActive
                                           : hovered         ? ImGuiCol_FrameBgHovered
                                                             : ImGuiCol_FrameBg),
                        segments);
    if (active) {
        const float pad = std::max(1.0f, IM_TRUNC(square / 6.0f));
        dl->AddCircleFilled(centre, radius - pad, ImGui::GetColorU32(ImGuiCol_CheckMark));
    }
    if (style.FrameBorderSize > 0.0f) {
        dl->AddCircle(ImVec2(centre.x + 1, centre.y + 1), radius, ImGui::GetColorU32(ImGuiCol_BorderShadow),
                      segments, style.FrameBorderSize);
        dl->AddCircle(centre, radius, ImGui::GetColorU32(ImGuiCol_Border), segments, style.FrameBorderSize);
    }
    dl->AddText(g.Font, g.FontSize, ImVec2(pos.x + square + gap, pos.y + style.FramePadding.y),
                ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
    IMGUI_TEST_ENGINE_ITEM_INFO(id, full.c_str(),
                                g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Checkable |
                                    (active ? ImGuiItemStatusFlags_Checked : 0));
    return pressed;
}

} // namespace

int QuizPanel::Right(const procedures::Procedure& p) const {
    int right = 0;
    for (std::size_t i = 0; i < p.quiz.size() && i < chosen.size(); ++i)
        if (locked[i] && chosen[i] == p.quiz[i].answer) ++right;
    return right;
}

int QuizPanel::Answered() const {
    return static_cast<int>(std::count(locked.begin(), locked.end(), true));
}

void QuizPanel::Draw(UiContext& ui, const procedures::Procedure& p) {
    const Lang lang = ui.state.settings.language;
    if (procedure != p.id || chosen.size() != p.quiz.size()) {
        procedure = p.id;
        chosen.assign(p.quiz.size(), -1);
        locked.assign(p.quiz.size(), false);
    }
    const std::string score = fill(ui.t(Str::QuizScore), {{"right", std::to_string(Right(p))},
                                                          {"answered", std::to_string(Answered())},
                                                          {"total", std::to_string(p.quiz.size())}});
    Text(ui, score, ui.fonts.heading);
    if (Answered() > 0) {
        ImGui::SameLine();
        if (Button(ui, Str::ButtonQuizAgain, "quiz-reset")) {
            chosen.assign(p.quiz.size(), -1);
            locked.assign(p.quiz.size(), false);
        }
    }
    TextMuted(ui, ui.t(Str::QuizIntro));
    for (std::size_t i = 0; i < p.quiz.size(); ++i) {
        const procedures::Question& q = p.quiz[i];
        const std::string n = std::to_string(i + 1);
        ImGui::Spacing();
        ImGui::Separator();
        Text(ui, n + ". " + q.question.in(lang), ui.fonts.heading);
        ImGui::BeginDisabled(locked[i]);
        for (std::size_t j = 0; j < q.options.size(); ++j) {
            if (WrappedRadio(q.options[j].in(lang), "quiz-" + n + "-" + std::to_string(j + 1),
                             chosen[i] == static_cast<int>(j)))
                chosen[i] = static_cast<int>(j);
            ui.seam.markLast("radio", chosen[i] == static_cast<int>(j));
        }
        ImGui::EndDisabled();
        if (!locked[i]) {
            if (Button(ui, Str::ButtonAnswer, ("quiz-answer-" + n).c_str(), chosen[i] >= 0)) locked[i] = true;
            continue;
        }
        const bool right = chosen[i] == q.answer;
        ImGui::PushStyleColor(ImGuiCol_Text, right ? palette::kRight : palette::kError);
        Text(ui, right ? std::string(ui.t(Str::QuizRight))
                       : fill(ui.t(Str::QuizWrong),
                              {{"answer", q.options[static_cast<std::size_t>(q.answer)].in(lang)}}));
        ImGui::PopStyleColor();
        Text(ui, q.explain.in(lang));
    }
}

} // namespace ts::ui
