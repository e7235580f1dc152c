#include "core/team/team_links.h"

#include "core/images/base64.h"

#include <algorithm>

namespace ts::team {

using nlohmann::json;

namespace {

std::string stringAt(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

json toJson(const Link& l) {
    json j = {{"folder", l.folder}, {"manifest", l.manifest}};
    if (!l.login.empty()) j["login"] = l.login;
    if (!l.password.empty()) j["password"] = l.password;
    return j;
}

} // namespace

std::vector<Link> linksOf(const vault::Installation& installation) {
    std::vector<Link> out;
    if (!installation.teams.is_array()) return out;
    for (const json& j : installation.teams) {
        Link l{stringAt(j, "folder"), stringAt(j, "login"), stringAt(j, "password"), stringAt(j, "manifest")};
        if (!l.folder.empty()) out.push_back(std::move(l));
    }
    return out;
}

vault::change::SetTeam setLinkChange(const Link& link) {
    return {link.folder, toJson(link)};
}

vault::change::SetTeam removeLinkChange(const std::string& folder) {
    return {folder, std::nullopt};
}

std::optional<std::string> folderAddress(std::string typed) {
    while (!typed.empty() && (typed.back() == ' ' || typed.back() == '\n')) typed.pop_back();
    while (!typed.empty() && typed.front() == ' ') typed.erase(typed.begin());
    const bool http = typed.rfind("https://", 0) == 0 || typed.rfind("http://", 0) == 0;
    if (!http) return std::nullopt;
    const std::size_t hostStart = typed.find("//") + 2;
    const std::size_t hostEnd = std::min(typed.find('/', hostStart), typed.size());
    const std::string host = typed.substr(hostStart, hostEnd - hostStart);
    if (host.empty() || host.find('@') != std::string::npos) return std::nullopt;
    if (typed.find_first_of(" ?#") != std::string::npos) return std::nullopt;
    if (typed.back() != '/') typed += '/';
    return typed;
}

std::optional<std::string> keepManifest(const Manifest& accepted, const SignKeyPair& sign) {
    TeamError error = TeamError::None;
    const auto bytes = writeManifest(accepted, sign, error);
    if (!bytes) return std::nullopt;
    return images::toBase64(*bytes);
}

std::optional<Manifest> openKept(const Link& link, const bundle::KeyPair& box) {
    const auto bytes = images::fromBase64(link.manifest);
    if (!bytes) return std::nullopt;
    TeamError error = TeamError::None;
    return readManifest(*bytes, box, nullptr, error);
}

} // namespace ts::team

namespace ts::vault {

bool apply(Data& data, const change::SetTeam& c, std::int64_t) {
    using nlohmann::json;
    json& teams = data.installation.teams;
    if (!teams.is_array()) teams = json::array();
    if (c.folder.empty() ||
        (c.link && (!c.link->is_object() || team::stringAt(*c.link, "folder") != c.folder)))
        return false;
    const auto it = std::find_if(teams.begin(), teams.end(),
                                 [&](const json& t) { return team::stringAt(t, "folder") == c.folder; });
    if (!c.link) {
        if (it == teams.end()) return false;
        teams.erase(it);
        return true;
    }
    if (it == teams.end()) {
        teams.push_back(*c.link);
        return true;
    }
    if (*it == *c.link) return false;
    *it = *c.link;
    return true;
}

} // namespace ts::vault
