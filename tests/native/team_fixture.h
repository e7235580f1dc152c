// Members and a team for the team tests: installations with both their keys, and a manifest that
// names them all as joined members.
#pragma once

#include "core/bundle/bundle_file.h"
#include "core/team/team_file.h"
#include "core/vault/model.h"

#include <string>
#include <vector>

namespace ts::team::testing {

struct Installation {
    std::string name;
    bundle::KeyPair box = bundle::newKeyPair();
    SignKeyPair sign = newSignKeyPair();
};

inline Manifest teamOf(const std::vector<const Installation*>& members) {
    Manifest m = newTeam("Бухгалтерия", {{"org-a", "ООО «Ромашка»", "RU", "7707083893"}},
                         members[0]->box.publicKey, members[0]->sign.publicKey, members[0]->name, 1000);
    for (std::size_t i = 1; i < members.size(); ++i)
        m.members.push_back(
            Member{members[i]->box.publicKey, members[i]->sign.publicKey, members[i]->name, 1000});
    return m;
}

inline vault::Entry entry(std::string id, std::string token, std::int64_t at, std::string org = "org-a") {
    vault::Entry e;
    e.id = std::move(id);
    e.kind = "generic";
    e.org = std::move(org);
    e.fields = {{"token", std::move(token)}};
    e.createdAt = at;
    e.updatedAt = at;
    return e;
}

} // namespace ts::team::testing
