// The team folders this installation syncs with, as the vault keeps them (installation.teams,
// docs/vault-format.md): each folder's address, the server login if it wants one, and the team's
// manifest as this installation last accepted it — the reference every later manifest is checked
// against (a member list put back to an older copy is refused).
//
// WARNING: the login and password are server credentials. They live in the encrypted vault only:
// never in localStorage, the URL, a log or the console, and never in a bundle (the installation
// part of a vault does not travel).
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/team/team_file.h"
#include "core/vault/change.h"
#include "core/vault/model.h"

#include <optional>
#include <string>
#include <vector>

namespace ts::team {

struct Link {
    std::string folder;          // the folder's address, http(s), ending in '/'
    std::string login, password; // empty login: none (the browser's own, when served from the server)
    std::string manifest;        // base64 of the accepted manifest, re-signed by this installation
};

std::vector<Link> linksOf(const vault::Installation& installation);

// The change that keeps `link` (replacing the one with the same folder), or forgets a folder.
vault::change::SetTeam setLinkChange(const Link& link);
vault::change::SetTeam removeLinkChange(const std::string& folder);

// A folder address as typed, made canonical (trailing '/'); none when it is not http(s), has no
// host, or carries a login in it ("user:password@": that would put the password in the URL).
std::optional<std::string> folderAddress(std::string typed);

// The manifest as the vault keeps it: `accepted` written again and signed by this installation (a
// joined member), so that it can be opened on the next unlock with readManifest(…, nullptr).
std::optional<std::string> keepManifest(const Manifest& accepted, const SignKeyPair& sign);
std::optional<Manifest> openKept(const Link& link, const bundle::KeyPair& box);

} // namespace ts::team
