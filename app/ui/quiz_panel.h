// The self-check quiz of a procedure: pick an answer, see whether it was right and why, and the
// score so far.
#pragma once

#include "core/procedures/procedure.h"
#include "ui/ui_context.h"

#include <string>
#include <vector>

namespace ts::ui {

struct QuizPanel {
    std::string procedure;    // the quiz the answers below belong to
    std::vector<int> chosen;  // per question: the option picked, -1 none
    std::vector<bool> locked; // per question: answered (the choice is final)

    void Draw(UiContext& ui, const procedures::Procedure& p);
    int Right(const procedures::Procedure& p) const;
    int Answered() const;
};

} // namespace ts::ui
