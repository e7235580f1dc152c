// A browser tab as the session tests see it: its own storage handle on the shared in-memory
// database, a session with the fast test KDF, and every notice it told the user.
#pragma once

#include "core/vault/session.h"
#include "platform/native/fake_clock.h"
#include "platform/native/memory_vault_storage.h"

#include <string>
#include <vector>

namespace ts::testing {

inline crypto::SecretBytes pass(const std::string& s) {
    return crypto::secretFrom(s);
}

// A change that creates or updates entry `id` with `fields`.
inline vault::change::UpsertEntry upsert(const std::string& id, nlohmann::json fields) {
    vault::change::UpsertEntry c;
    c.id = id;
    c.fields = std::move(fields);
    return c;
}

struct Tab {
    MemoryVaultStorage storage;
    vault::Session session;
    std::vector<vault::Session::Notice> notices;
    Tab(MemoryDatabase& db, const Clock& clock)
        : storage(db), session(storage, clock, crypto::KdfParams::fastForTests()) {
        session.setNotify([this](const vault::Session::Notice& n) { notices.push_back(n); });
        session.start();
    }
    Str last() const { return notices.empty() ? Str::StatusReady : notices.back().text; }
};

} // namespace ts::testing
