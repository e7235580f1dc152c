// The procedures: a list of the five, and for the chosen one its steps with their schematics, a
// run for an organisation (run_panel), the self-check quiz, the presentation for a room and the
// printable handout. Reading, presenting and the quiz need no vault.
#pragma once

#include "ui/presentation.h"
#include "ui/quiz_panel.h"
#include "ui/run_panel.h"
#include "ui/step_pictures.h"
#include "ui/ui_context.h"

#include <string>

namespace ts::ui {

struct ProceduresScreen {
    std::string selected; // procedure id
    int step = 0;         // the step shown on the steps tab
    RunPanel run;
    QuizPanel quiz;
    Presentation presentation;
    StepPictures pictures;

    void Draw(UiContext& ui);
    void Wipe() {
        run.Wipe();
        pictures.Wipe();
    }

  private:
    bool showRunTab_ = false;
    std::string bodyShows_; // procedure id / step id the steps tab was last opened at the top for
    void DrawList(UiContext& ui, float width);
    void DrawProcedure(UiContext& ui, const procedures::Procedure& p);
    void DrawSteps(UiContext& ui, const procedures::Procedure& p);
};

} // namespace ts::ui
