#include "ui/quiz_panel.h"

#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace ts::ui {

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
            const std::string label = q.options[j].in(lang) + "###quiz-" + n + "-" + std::to_string(j + 1);
            if (ImGui::RadioButton(label.c_str(), chosen[i] == static_cast<int>(j)))
                chosen[i] = static_cast<int>(j);
            ui.seam.markLast("radio", chosen[i] == static_cast<int>(j));
        }
        ImGui::EndDisabled();
        if (!locked[i]) {
            if (Button(ui, Str::ButtonAnswer, ("quiz-answer-" + n).c_str(), chosen[i] >= 0)) locked[i] = true;
            continue;
        }
        const bool right = chosen[i] == q.answer;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              right ? ImVec4(0.10f, 0.45f, 0.15f, 1.0f) : ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
        Text(ui, right ? std::string(ui.t(Str::QuizRight))
                       : fill(ui.t(Str::QuizWrong),
                              {{"answer", q.options[static_cast<std::size_t>(q.answer)].in(lang)}}));
        ImGui::PopStyleColor();
        Text(ui, q.explain.in(lang));
    }
}

} // namespace ts::ui
