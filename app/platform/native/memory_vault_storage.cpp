#include "platform/native/memory_vault_storage.h"

#include <algorithm>

namespace ts {

void MemoryDatabase::runAll() {
    while (!tasks_.empty()) {
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        task();
    }
}

MemoryVaultStorage::MemoryVaultStorage(MemoryDatabase& db) : db_(db) {
    db_.tabs_.push_back(this);
}

MemoryVaultStorage::~MemoryVaultStorage() {
    std::erase(db_.tabs_, this);
}

void MemoryVaultStorage::load(std::function<void(vault::LoadResult)> done) {
    db_.post([this, done = std::move(done)] {
        vault::LoadResult r;
        if (db_.failNextLoads > 0) {
            --db_.failNextLoads;
            r.ok = false;
            r.error = "UnknownError: the database could not be read";
            done(std::move(r));
            return;
        }
        r.current = db_.current;
        r.previous = db_.previous;
        done(std::move(r));
    });
}

void MemoryVaultStorage::save(std::vector<std::uint8_t> bytes, std::uint64_t expected, std::uint64_t next,
                              bool keepPrevious, std::function<void(vault::SaveOutcome, std::string)> done) {
    commit(std::move(bytes), std::nullopt, expected, next, keepPrevious, std::move(done));
}

void MemoryVaultStorage::saveBoth(std::vector<std::uint8_t> previousBytes, std::vector<std::uint8_t> bytes,
                                  std::uint64_t expected, std::uint64_t next,
                                  std::function<void(vault::SaveOutcome, std::string)> done) {
    commit(std::move(bytes), std::move(previousBytes), expected, next, false, std::move(done));
}

void MemoryVaultStorage::commit(std::vector<std::uint8_t> bytes,
                                std::optional<std::vector<std::uint8_t>> previousBytes,
                                std::uint64_t expected, std::uint64_t next, bool keepPrevious,
                                std::function<void(vault::SaveOutcome, std::string)> done) {
    if (db_.dropNextSaves > 0) { // the tab died mid-save: the transaction never commits
        --db_.dropNextSaves;
        return;
    }
    db_.post([this, bytes = std::move(bytes), previousBytes = std::move(previousBytes), expected, next,
              keepPrevious, done = std::move(done)]() mutable {
        const bool nth = db_.failSaveAt > 0 && --db_.failSaveAt == 0;
        if (db_.failNextSaves > 0 || nth) {
            if (!nth) --db_.failNextSaves;
            done(vault::SaveOutcome::Failed, db_.failReason);
            return;
        }
        const std::uint64_t stored = db_.current ? db_.current->revision : 0;
        if (stored != expected) {
            done(vault::SaveOutcome::Conflict, {});
            return;
        }
        if (previousBytes)
            db_.previous = vault::StoredVault{expected, std::move(*previousBytes)};
        else if (!keepPrevious)
            db_.previous = db_.current;
        db_.current = vault::StoredVault{next, std::move(bytes)};
        ++db_.saves;
        done(vault::SaveOutcome::Saved, {});
        for (MemoryVaultStorage* tab : db_.tabs_)
            if (tab != this && tab->listener_) db_.post([tab, next] { tab->listener_(next); });
    });
}

void MemoryVaultStorage::requestPersistence(std::function<void(vault::Persistence)> done) {
    db_.post([this, done = std::move(done)] { done(db_.persistence); });
}

} // namespace ts
