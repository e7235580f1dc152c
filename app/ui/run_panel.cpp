#include "ui/run_panel.h"

#include "core/crypto/secret.h"
#include "core/kinds/deadlines.h"
#include "core/kinds/validate.h"
#include "core/procedures/run_plan.h"
#include "core/time_format.h"
#include "core/vault/org_choice.h"
#include "core/vault/session.h"
#include "ui/kind_field.h"
#include "ui/mockup_view.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace ts::ui {
namespace {

using procedures::Procedure;

const kinds::Kind* kindOf(const Procedure& p) {
    return kinds::Registry::builtIn().find(p.kind);
}

std::string orgName(const vault::Data& data, const std::string& id) {
    const vault::Organisation* o = data.organisation(id);
    return o ? o->name : std::string("—");
}

std::string entryLabel(UiContext& ui, const kinds::Kind& kind, const vault::Entry& e) {
    return kinds::entryName(kind, e, ui.state.settings.language);
}

} // namespace

void RunPanel::Preset(std::string procedure, std::string organisation, std::string entry) {
    runId.clear();
    org = std::move(organisation);
    target = std::move(entry);
    startFor_ = std::move(procedure);
}

void RunPanel::Wipe() {
    for (auto& [id, v] : values) crypto::wipeString(v);
    values.clear();
    errors.clear();
    revealed.clear();
    done.clear();
    runId.clear();
    loadedRun.clear();
    paneShows_.clear();
    startFor_.clear();
    org.clear();
    target.clear();
    finished = {};
    current = 0;
    confirmAbandon = false;
}

void RunPanel::Draw(UiContext& ui, const Procedure& p, StepPictures& pictures) {
    vault::Session& session = ui.services.session;
    if (session.state() != vault::Session::State::Unlocked) {
        const bool noVault = session.state() == vault::Session::State::NoVault; // a new user: create one
        Text(ui, ui.t(noVault ? Str::RunNeedsNewVault : Str::RunNeedsVault));
        if (Button(ui, noVault ? Str::ButtonCreateVault : Str::CardVaultButton, "run-open-vault"))
            ui.state.screen = Screen::Vault;
        return;
    }
    const vault::Data& data = session.data();
    const vault::Run* run = runId.empty() ? nullptr : data.run(runId);
    if (run && run->open() && run->procedure == p.id) {
        DrawChecklist(ui, p, *run, pictures);
        return;
    }
    if (!runId.empty() && session.saving()) { // just started: the run appears once it is saved
        TextMuted(ui, ui.t(Str::Saving));
        return;
    }
    runId.clear();
    DrawStart(ui, p);
    ImGui::Spacing();
    DrawHistory(ui, p);
}

void RunPanel::DrawStart(UiContext& ui, const Procedure& p) {
    const vault::Data& data = ui.services.session.data();
    const kinds::Kind* kind = kindOf(p);
    // Only on the run tab of the procedure that was finished: on another's it would offer an entry
    // that procedure never wrote.
    if (finished.procedure == p.id && data.find(finished.entry)) {
        Text(ui, ui.t(Str::MsgRunFinished));
        if (Button(ui, Str::ButtonOpenEntry, "run-open-entry")) {
            ui.state.openEntry = finished.entry;
            ui.state.screen = Screen::Vault;
        }
        ImGui::Separator();
    }

    // Runs already under way for this procedure, in any organisation.
    int n = 0;
    for (const vault::Run& r : data.runs) {
        if (!r.open() || r.procedure != p.id) continue;
        const std::string line =
            fill(ui.t(Str::RunOpenLine), {{"org", orgName(data, r.org)},
                                          {"done", std::to_string(procedures::doneCount(p, r))},
                                          {"total", std::to_string(p.steps.size())}});
        ImGui::AlignTextToFramePadding();
        Text(ui, line);
        ImGui::SameLine();
        if (Button(ui, Str::ButtonResume, ("run-resume-" + std::to_string(n++)).c_str())) runId = r.id;
    }

    Text(ui, ui.t(Str::RunStartTitle), ui.fonts.heading);
    if (data.organisations.empty()) {
        Text(ui, ui.t(Str::RunNeedsOrganisation));
        if (Button(ui, Str::CardVaultButton, "run-open-vault")) ui.state.screen = Screen::Vault;
        return;
    }
    if (startFor_ != p.id) { // another procedure: its own portal's country, not the last one's choice
        startFor_ = p.id;
        org.clear();
        target.clear();
    }
    org = vault::suggestOrganisation(data, kind ? std::string_view(kind->country) : std::string_view(), org,
                                     true);
    Text(ui, ui.t(Str::FieldOrganisation));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Px(480.0f)));
    // An explicit «В новую запись» stays so for another organisation; otherwise the target follows
    // the organisation, and an existing entry as the target is said below.
    if (OrganisationCombo(ui, "run-org", "run-org-", org) && target != "-") target.clear();
    const std::string chosen =
        target == "-" ? std::string() : procedures::defaultTarget(data, p, org, target);
    if (kind) {
        Text(ui, ui.t(Str::RunTarget));
        const vault::Entry* current = data.find(chosen);
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, Px(480.0f)));
        if (BeginCombo(ui, ui.t(Str::RunTarget), "run-target",
                       current ? entryLabel(ui, *kind, *current).c_str() : ui.t(Str::RunTargetNew))) {
            // An explicit "new" is remembered as a target that matches no entry.
            if (ImGui::Selectable((std::string(ui.t(Str::RunTargetNew)) + "###run-target-new").c_str(),
                                  !current))
                target = "-";
            for (const vault::Entry& e : data.entries)
                if (e.kind == p.kind && e.org == org &&
                    ImGui::Selectable((entryLabel(ui, *kind, e) + "###run-target-" + e.id).c_str(),
                                      e.id == chosen))
                    target = e.id;
            ImGui::EndCombo();
        }
        if (current) WarningText(ui, ui.t(Str::RunTargetReplaces));
    }
    const vault::Run* busy = data.openRun(org, procedures::systemKey(p));
    if (busy) {
        const procedures::Procedure* other = nullptr;
        for (const Procedure& q : procedures::Library::builtIn().all())
            if (q.id == busy->procedure) other = &q;
        TextMuted(ui, fill(ui.t(Str::RunBusy), {{"title", other ? other->title.in(ui.state.settings.language)
                                                                : busy->procedure}}));
    }
    if (Button(ui, Str::ButtonStartRun, "run-start", !busy && !ui.services.session.saving())) {
        runId = vault::newEntryId();
        ui.services.session.submit(
            vault::change::StartRun{runId, p.id, procedures::systemKey(p), org, chosen});
        finished = {};
        ui.tellWithSave(Str::MsgRunStarted);
    }
}

void RunPanel::DrawHistory(UiContext& ui, const Procedure& p) {
    const vault::Data& data = ui.services.session.data();
    Text(ui, ui.t(Str::RunHistory), ui.fonts.heading);
    bool any = false;
    for (auto it = data.runs.rbegin(); it != data.runs.rend(); ++it) {
        if (it->open() || it->procedure != p.id) continue;
        any = true;
        Bullet(ui, fill(ui.t(Str::RunHistoryLine),
                        {{"date", formatDateTime(it->finishedAt, ui.services.clock.utcOffsetMinutes())},
                         {"org", orgName(data, it->org)},
                         {"started", formatDateTime(it->startedAt, ui.services.clock.utcOffsetMinutes())}}));
    }
    if (!any) TextMuted(ui, ui.t(Str::RunNoHistory));
}

void RunPanel::Load(const vault::Run& run, const Procedure& p, const kinds::Kind& kind) {
    for (auto& [id, v] : values) crypto::wipeString(v);
    values.clear();
    errors.clear();
    for (auto it = run.values.begin(); it != run.values.end(); ++it)
        if (const kinds::Field* f = kind.field(it.key()); f && it->is_string())
            values[it.key()] = kinds::display(*f, it->get<std::string>());
    done = run.done;
    current = std::min(procedures::nextStep(p, run), static_cast<int>(p.steps.size()) - 1);
    loadedRun = run.id;
    confirmAbandon = false;
}

nlohmann::json RunPanel::StoredValues(const kinds::Kind& kind) const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, v] : values)
        if (const kinds::Field* f = kind.field(id); f && !v.empty()) j[id] = kinds::normalise(*f, v);
    return j;
}

void RunPanel::Save(UiContext& ui) {
    const vault::Run* run = ui.services.session.data().run(runId);
    const Procedure* p = run ? procedures::Library::builtIn().find(run->procedure) : nullptr;
    const kinds::Kind* kind = p ? kindOf(*p) : nullptr;
    if (!run || !kind) return;
    ui.services.session.submit(vault::change::UpdateRun{runId, done, StoredValues(*kind), run->target});
}

void RunPanel::Toggle(UiContext& ui, const Procedure& p, const kinds::Kind& kind, int step) {
    const procedures::Step& s = p.steps[static_cast<std::size_t>(step)];
    const auto it = std::find(done.begin(), done.end(), s.id);
    if (it != done.end()) {
        done.erase(it);
    } else {
        auto problems = procedures::stepErrors(p, kind, s, StoredValues(kind));
        if (!problems.empty()) {
            for (auto& [id, e] : problems) errors[id] = e;
            current = step;
            ui.tell(Str::ErrStepValues, true);
            return;
        }
        done.push_back(s.id);
        // On to the next step not done yet.
        for (std::size_t i = 0; i < p.steps.size(); ++i)
            if (std::find(done.begin(), done.end(), p.steps[i].id) == done.end()) {
                current = static_cast<int>(i);
                break;
            }
    }
    Save(ui);
}

void RunPanel::DrawChecklist(UiContext& ui, const Procedure& p, const vault::Run& run,
                             StepPictures& pictures) {
    const kinds::Kind* kind = kindOf(p);
    if (!kind) return;
    if (loadedRun != run.id) Load(run, p, *kind);
    const vault::Data& data = ui.services.session.data();
    const Lang lang = ui.state.settings.language;
    const int total = static_cast<int>(p.steps.size());
    const int ticked =
        static_cast<int>(std::count_if(p.steps.begin(), p.steps.end(), [&](const procedures::Step& s) {
            return std::find(done.begin(), done.end(), s.id) != done.end();
        }));

    Text(ui, orgName(data, run.org), ui.fonts.heading);
    const std::string progress =
        fill(ui.t(Str::RunProgress), {{"done", std::to_string(ticked)}, {"total", std::to_string(total)}});
    const float fraction = total ? static_cast<float>(ticked) / static_cast<float>(total) : 0.0f;
    ImGui::ProgressBar(fraction, ImVec2(std::min(ImGui::GetContentRegionAvail().x, Px(480.0f)), 0),
                       progress.c_str());
    ui.seam.addProgress(progress, fraction);

    // The steps as a checklist at the left, the chosen step at the right.
    const float listW =
        narrow(ImGui::GetContentRegionAvail().x) ? ImGui::GetContentRegionAvail().x : Px(300.0f);
    BeginRegion("run-steps",
                ImVec2(listW, narrow(ImGui::GetContentRegionAvail().x)
                                  ? Px(220.0f)
                                  : -ImGui::GetFrameHeightWithSpacing() * 2.2f),
                ImGuiChildFlags_Border);
    for (int i = 0; i < total; ++i) {
        const procedures::Step& s = p.steps[static_cast<std::size_t>(i)];
        bool checked = std::find(done.begin(), done.end(), s.id) != done.end();
        ImGui::PushID(i);
        if (ImGui::Checkbox(("###run-step-" + s.id).c_str(), &checked)) Toggle(ui, p, *kind, i);
        ImGui::PopID();
        ImGui::SameLine();
        const std::string label = std::to_string(i + 1) + ". " + s.title.in(lang) + "###run-goto-" + s.id;
        if (ImGui::Selectable(label.c_str(), current == i)) current = i;
    }
    ImGui::EndChild();
    if (!narrow(ImGui::GetContentRegionAvail().x + listW)) ImGui::SameLine();
    // Each step opens at its top, its heading in view: the pane would keep the last step's scroll.
    current = std::clamp(current, 0, total - 1);
    const std::string showing = run.id + "/" + p.steps[static_cast<std::size_t>(current)].id;
    if (paneShows_ != showing) {
        ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
        paneShows_ = showing;
    }
    BeginRegion("run-step", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), ImGuiChildFlags_None);
    DrawStep(ui, p, *kind, pictures);
    ImGui::EndChild();
    DrawFinish(ui, p, *kind, run);
}

void RunPanel::DrawStep(UiContext& ui, const Procedure& p, const kinds::Kind& kind, StepPictures& pictures) {
    const Lang lang = ui.state.settings.language;
    current = std::clamp(current, 0, static_cast<int>(p.steps.size()) - 1);
    const procedures::Step& s = p.steps[static_cast<std::size_t>(current)];
    TextMuted(ui, fill(ui.t(Str::PrintStep),
                       {{"n", std::to_string(current + 1)}, {"total", std::to_string(p.steps.size())}}));
    Text(ui, s.title.in(lang), ui.fonts.heading);
    Text(ui, s.text.in(lang));
    if (!s.warning.ru.empty()) WarningText(ui, s.warning.in(lang));
    for (const std::string& id : s.fills)
        if (const kinds::Field* f = kind.field(id)) DrawKindField(ui, *f, values[id], errors, revealed);
    const bool isDone = std::find(done.begin(), done.end(), s.id) != done.end();
    if (Button(ui, isDone ? Str::ButtonStepUndo : Str::ButtonStepDone, "run-tick"))
        Toggle(ui, p, kind, current);
    ImGui::Spacing();
    DrawMockup(ui, s.screen, std::min(ImGui::GetContentRegionAvail().x - Px(20.0f), Px(760.0f)), Px(14.0f),
               ("mockup-run-" + s.id).c_str());
    DrawCallouts(ui, s.screen);
    pictures.Draw(ui, p.id, s.id);
}

void RunPanel::DrawFinish(UiContext& ui, const Procedure& p, const kinds::Kind& kind, const vault::Run& run) {
    vault::Session& session = ui.services.session;
    const bool allDone = std::all_of(p.steps.begin(), p.steps.end(), [&](const procedures::Step& s) {
        return std::find(done.begin(), done.end(), s.id) != done.end();
    });
    vault::Run draft = run;
    draft.values = StoredValues(kind);
    const std::vector<std::string> missing = procedures::missingValues(p, kind, draft);
    if (Button(ui, Str::ButtonPauseRun, "run-pause")) {
        Save(ui);
        runId.clear();
        loadedRun.clear();
        ui.tellWithSave(Str::MsgRunPaused);
        return;
    }
    ImGui::SameLine();
    if (Button(ui, Str::ButtonFinishRun, "run-finish", allDone && missing.empty() && !session.saving())) {
        const bool isNew = run.target.empty() || !session.data().find(run.target);
        const std::string target = isNew ? vault::newEntryId() : run.target;
        session.submit(
            vault::change::FinishRun{run.id, target, p.kind, procedures::finishFields(kind, draft, isNew)});
        finished = Finished{p.id, target};
        runId.clear();
        loadedRun.clear();
        ui.tellWithSave(Str::MsgRunFinished);
        return;
    }
    ImGui::SameLine();
    if (Button(ui, confirmAbandon ? Str::ButtonAbandonConfirm : Str::ButtonAbandonRun, "run-abandon")) {
        if (!confirmAbandon) {
            confirmAbandon = true;
        } else {
            session.submit(vault::change::RemoveRun{run.id});
            runId.clear();
            loadedRun.clear();
            ui.tellWithSave(Str::MsgRunAbandoned);
        }
    }
    if (!allDone) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        TextMuted(ui, ui.t(Str::RunTickAll));
    } else if (!missing.empty()) {
        std::string names;
        for (const std::string& id : missing)
            if (const kinds::Field* f = kind.field(id))
                names += (names.empty() ? "" : ", ") + f->label.in(ui.state.settings.language);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        TextMuted(ui, fill(ui.t(Str::RunMissing), {{"fields", names}}));
    }
}

} // namespace ts::ui
