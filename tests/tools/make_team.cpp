// Writes a team folder with the app's own core — a manifest naming two members and the one shard that
// holds a given entry — so a reader written from docs/team-format.md alone
// (tests/python/decrypt_team.py) can prove the document complete.
//
// usage: ts_make_team OUT_DIR MEMBER_SECRET_KEY_HEX ENTRY_ID TOKEN
// The team is written by a fresh creator; the member with the given X25519 secret key is the second
// member, joined with a fresh signing key. The entry (kind "generic", field "token") has one earlier
// version in its history.
#include "core/crypto/crypto.h"
#include "core/team/team_file.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sodium.h>
#include <string>

using namespace ts;

namespace {

bool save(const std::string& path, const crypto::Bytes& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s OUT_DIR MEMBER_SECRET_KEY_HEX ENTRY_ID TOKEN\n", argv[0]);
        return 2;
    }
    if (!crypto::init()) return 1;
    bundle::SecretKey secret;
    std::size_t length = 0;
    if (sodium_hex2bin(secret.data(), 32, argv[2], std::strlen(argv[2]), nullptr, &length, nullptr) != 0 ||
        length != 32)
        return 2;
    const auto member = bundle::keyPairFromSecretKey(secret);
    if (!member) return 2;
    const bundle::KeyPair creator = bundle::newKeyPair();
    const team::SignKeyPair creatorSign = team::newSignKeyPair(), memberSign = team::newSignKeyPair();
    team::Manifest m = team::newTeam("Бухгалтерия", {{"org-interop", "ООО «Ромашка»", "RU", "7707083893"}},
                                     creator.publicKey, creatorSign.publicKey, "Анна", 1709294400000);
    m.members.push_back(team::Member{member->publicKey, memberSign.publicKey, "Борис", 1709294400000});
    vault::Entry e;
    e.id = argv[3];
    e.kind = "generic";
    e.org = "org-interop";
    e.fields = {{"token", argv[4]}};
    e.createdAt = 1709294400000;
    e.updatedAt = 1709294460000;
    e.history.push_back(vault::EntryVersion{1709294400000, {{"token", "earlier"}}, nlohmann::json::object()});
    team::TeamError error = team::TeamError::None;
    const auto manifest = team::writeManifest(m, creatorSign, error);
    const std::size_t shard = team::shardOf(e.id);
    const auto shardFile = team::writeShard(m, shard, 1, {e}, memberSign, error);
    if (!manifest || !shardFile) return 1;
    const std::string dir = argv[1];
    return save(dir + "/" + team::manifestName(), *manifest) &&
                   save(dir + "/" + team::shardName(shard), *shardFile)
               ? 0
               : 1;
}
