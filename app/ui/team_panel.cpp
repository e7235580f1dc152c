#include "ui/team_panel.h"

#include "core/bundle/bundle_file.h"
#include "core/bundle/transfer.h"
#include "core/team/team_service.h"
#include "core/vault/session.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

#include <sstream>

namespace ts::ui {
namespace {

std::string secretText(const SecretField& f) {
    return std::string(f.buf.data());
}

// "CODE Name" per line: receiving codes have no spaces.
std::optional<std::vector<team::TeamService::NewMember>> parseMembers(const std::string& text, Str& error) {
    std::vector<team::TeamService::NewMember> out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos) continue;
        const std::size_t space = line.find_first_of(" \t", start);
        const std::string code =
            line.substr(start, space == std::string::npos ? std::string::npos : space - start);
        std::string who =
            space == std::string::npos ? std::string() : line.substr(line.find_first_not_of(" \t", space));
        while (!who.empty() && (who.back() == '\r' || who.back() == ' ')) who.pop_back();
        bundle::BundleError e = bundle::BundleError::None;
        const auto key = bundle::parseReceivingCode(code, e);
        if (!key) {
            error = bundle::messageFor(e);
            return std::nullopt;
        }
        out.push_back({*key, who});
    }
    return out;
}

} // namespace

void TeamPanel::Wipe() {
    password.wipe();
    joinPassword.wipe();
    crypto::wipeString(login);
    crypto::wipeString(joinLogin);
    name.clear(), folder.clear(), codes.clear(), myName.clear(), joinFolder.clear();
    memberCode.clear(), memberName.clear();
    organisations.clear();
    error.reset();
}

void TeamPanel::DrawAction(UiContext& ui) {
    team::TeamService& teams = *ui.services.teams;
    if (error) ErrorText(ui, *error);
    const team::TeamService::Action& a = teams.action();
    if (a.busy) TextMuted(ui, ui.t(Str::TeamStatusRunning));
    if (a.error) ErrorText(ui, *a.error);
    if (a.done) Text(ui, ui.t(*a.done));
}

void TeamPanel::DrawTeam(UiContext& ui, std::size_t index) {
    team::TeamService& teams = *ui.services.teams;
    const team::TeamService::Team& t = *teams.teams()[index];
    const Lang lang = ui.state.settings.language;
    const team::Manifest& m = t.sync->manifest();
    const std::string key = "team-" + std::to_string(index);
    ImGui::PushID(key.c_str());
    Text(ui, m.name, ui.fonts.heading);
    TextMuted(ui, t.link.folder);
    if (t.running) {
        Text(ui, ui.t(Str::TeamStatusRunning));
    } else if (t.lastSyncAt != 0) {
        const std::int64_t minutes = (ui.services.clock.nowMillis() - t.lastSyncAt) / 60000;
        Text(ui, minutes < 1 ? std::string(ui.t(Str::TeamStatusJustNow))
                             : fill(tr(Str::TeamStatusMinutes, lang), {{"n", std::to_string(minutes)}}));
    } else {
        Text(ui, ui.t(Str::TeamStatusNever));
    }
    if (t.error) ErrorText(ui, *t.error);
    const int waiting = teams.waiting(index);
    if (waiting > 0) WarningText(ui, fill(tr(Str::TeamWaiting, lang), {{"n", std::to_string(waiting)}}));
    if (t.replaced > 0)
        WarningText(ui, fill(tr(Str::TeamReplaced, lang), {{"n", std::to_string(t.replaced)}}));
    if (Button(ui, Str::ButtonTeamSyncNow, (key + "-sync").c_str(), !t.running)) teams.syncNow();

    Text(ui, ui.t(Str::TeamOrganisations));
    for (const team::Organisation& o : m.organisations) Bullet(ui, o.name);
    Text(ui, ui.t(Str::TeamMembers));
    const auto mine = bundle::installationKeys(ui.services.session.data());
    for (std::size_t i = 0; i < m.members.size(); ++i) {
        const team::Member& member = m.members[i];
        const bool me = mine && member.box == mine->publicKey;
        std::string label = member.name;
        if (me || !member.joined())
            label = fill(tr(me ? Str::TeamMemberYou : Str::TeamMemberPending, lang), {{"name", member.name}});
        ImGui::AlignTextToFramePadding();
        Bullet(ui, label);
        if (!me) {
            ImGui::SameLine();
            const std::string removeKey = key + "-remove-" + std::to_string(i);
            if (Button(ui, Str::ButtonTeamRemoveMember, removeKey.c_str(), !t.running)) {
                error.reset();
                teams.removeMember(index, member.box);
            }
        }
    }
    TextField(ui, Str::FieldTeamMemberCode, (key + "-member-code").c_str(), memberCode, 600.0f);
    TextField(ui, Str::FieldTeamMemberName, (key + "-member-name").c_str(), memberName, 300.0f);
    if (Button(ui, Str::ButtonTeamAddMember, (key + "-add").c_str(), !memberCode.empty() && !t.running)) {
        error.reset();
        bundle::BundleError e = bundle::BundleError::None;
        if (const auto box = bundle::parseReceivingCode(memberCode, e)) {
            teams.addMember(index, {*box, memberName});
            memberCode.clear(), memberName.clear();
        } else {
            error = bundle::messageFor(e);
        }
    }
    ImGui::PopID();
    ImGui::Separator();
}

void TeamPanel::DrawCreate(UiContext& ui) {
    team::TeamService& teams = *ui.services.teams;
    const vault::Data& data = ui.services.session.data();
    Text(ui, ui.t(Str::TeamCreateTitle), ui.fonts.heading);
    TextField(ui, Str::FieldTeamName, "team-name", name, 420.0f);
    Text(ui, ui.t(Str::TeamOrganisations));
    for (const vault::Organisation& o : data.organisations) {
        bool on = organisations.count(o.id) > 0;
        if (ImGui::Checkbox((o.name + "###team-org-" + o.id).c_str(), &on)) {
            if (on)
                organisations.insert(o.id);
            else
                organisations.erase(o.id);
        }
        ui.seam.markLast("checkbox", on);
    }
    TextField(ui, Str::FieldTeamFolder, "team-folder", folder, 600.0f);
    TextField(ui, Str::FieldTeamLogin, "team-login", login, 300.0f);
    PassphraseInput(ui, Str::FieldTeamPassword, "team-password", password, 300.0f);
    TextMuted(ui, ui.t(Str::TeamCredentialsNote));
    TextField(ui, Str::FieldTeamMyName, "team-my-name", myName, 300.0f);
    Text(ui, ui.t(Str::FieldTeamCodes));
    TextMuted(ui, ui.t(Str::TeamMemberCodesHint));
    ImGui::InputTextMultiline("###team-codes", &codes, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    ui.seam.describeLast(ui.t(Str::FieldTeamCodes), codes);
    if (!Button(ui, Str::ButtonTeamCreate, "team-create", !teams.action().busy)) return;
    error.reset();
    teams.clearAction();
    const auto address = team::folderAddress(folder);
    Str problem = Str::ErrTeamFolderAddress;
    const auto members = parseMembers(codes, problem);
    if (name.empty())
        error = Str::ErrTeamNoName;
    else if (!address)
        error = Str::ErrTeamFolderAddress;
    else if (!members)
        error = problem;
    if (error) return;
    teams.create(name, {organisations.begin(), organisations.end()},
                 team::Link{*address, login, secretText(password), {}}, *members, myName);
    password.wipe();
}

void TeamPanel::DrawJoin(UiContext& ui) {
    team::TeamService& teams = *ui.services.teams;
    Text(ui, ui.t(Str::TeamJoinTitle), ui.fonts.heading);
    TextMuted(ui, ui.t(Str::TeamJoinHint));
    TextField(ui, Str::FieldTeamFolder, "join-folder", joinFolder, 600.0f);
    TextField(ui, Str::FieldTeamLogin, "join-login", joinLogin, 300.0f);
    PassphraseInput(ui, Str::FieldTeamPassword, "join-password", joinPassword, 300.0f);
    if (!Button(ui, Str::ButtonTeamJoin, "team-join", !joinFolder.empty() && !teams.action().busy)) return;
    error.reset();
    teams.clearAction();
    const auto address = team::folderAddress(joinFolder);
    if (!address) {
        error = Str::ErrTeamFolderAddress;
        return;
    }
    teams.join(team::Link{*address, joinLogin, secretText(joinPassword), {}});
    joinPassword.wipe();
}

void TeamPanel::Draw(UiContext& ui) {
    TextMuted(ui, ui.t(Str::TeamIntro));
    if (ui.services.filePage || !ui.services.teams) {
        WarningText(ui, ui.t(Str::TeamFilePage));
        return;
    }
    if (!ui.services.teams->prepareKeys()) {
        TextMuted(ui, ui.t(Str::TeamKeysMaking));
        return;
    }
    DrawAction(ui);
    // A form that did its job is emptied (its password was wiped when it was sent).
    const std::optional<Str> done = ui.services.teams->action().done;
    if (done == Str::MsgTeamCreated && !name.empty()) {
        name.clear(), folder.clear(), codes.clear(), myName.clear();
        crypto::wipeString(login);
        organisations.clear();
    }
    if (done == Str::MsgTeamJoined && !joinFolder.empty()) {
        joinFolder.clear();
        crypto::wipeString(joinLogin);
    }
    for (std::size_t i = 0; i < ui.services.teams->teams().size(); ++i) DrawTeam(ui, i);
    ImGui::Spacing();
    DrawJoin(ui);
    ImGui::Spacing();
    ImGui::Separator();
    DrawCreate(ui);
}

} // namespace ts::ui
