// A procedure followed for one organisation: start or resume a run, tick the steps, type the
// values a step produces (checked by the credential kind), pause, and finish — which writes the
// credential into the vault. The run itself lives in the vault (core/vault/model.h, Run); this
// struct holds only the draft of the run on screen.
#pragma once

#include "core/procedures/procedure.h"
#include "core/vault/model.h"
#include "ui/step_pictures.h"
#include "ui/ui_context.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ts::ui {

struct RunPanel {
    std::string runId;       // the run on screen; empty: the list to start or resume one
    std::string org, target; // the choices for starting a run
    int current = 0;         // the step shown
    std::vector<std::string> done;
    std::map<std::string, std::string> values; // field id → as typed
    std::map<std::string, Str> errors;
    std::set<std::string> revealed;
    std::string loadedRun;
    struct Finished {
        std::string procedure, entry; // the last run finished and the entry it wrote, offered to open
    } finished;
    bool confirmAbandon = false;

    // Opened from an entry ("how do I renew this?"): that organisation and entry are preselected.
    void Preset(std::string procedure, std::string organisation, std::string entry);
    void Draw(UiContext& ui, const procedures::Procedure& p, StepPictures& pictures);
    void Wipe();

  private:
    std::string paneShows_; // run id / step id the step pane was last opened at the top for
    std::string startFor_;  // the procedure the start form's choices were made for
    void DrawStart(UiContext& ui, const procedures::Procedure& p);
    void DrawHistory(UiContext& ui, const procedures::Procedure& p);
    void DrawChecklist(UiContext& ui, const procedures::Procedure& p, const vault::Run& run,
                       StepPictures& pictures);
    void DrawStep(UiContext& ui, const procedures::Procedure& p, const kinds::Kind& kind,
                  StepPictures& pictures);
    void DrawFinish(UiContext& ui, const procedures::Procedure& p, const kinds::Kind& kind,
                    const vault::Run& run);
    void Load(const vault::Run& run, const procedures::Procedure& p, const kinds::Kind& kind);
    nlohmann::json StoredValues(const kinds::Kind& kind) const;
    void Toggle(UiContext& ui, const procedures::Procedure& p, const kinds::Kind& kind, int step);
    void Save(UiContext& ui);
};

} // namespace ts::ui
