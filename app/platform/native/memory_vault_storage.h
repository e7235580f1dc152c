// An in-memory stand-in for IndexedDB shared by several "tabs", for native tests of the vault
// session. Callbacks are queued and run by runAll(), like the browser's event loop, so tests control
// interleavings. Faults on demand: refuse the next saves (quota), or drop a save as if the tab was
// killed mid-write (nothing committed, no answer).
#pragma once

#include "core/vault/storage.h"

#include <deque>
#include <functional>
#include <vector>

namespace ts {

class MemoryVaultStorage;

class MemoryDatabase {
  public:
    std::optional<vault::StoredVault> current, previous;
    int failNextSaves = 0; // refuse this many saves, starting with the next
    int failSaveAt = 0;    // refuse only the Nth save from now (1 = the next one)
    int dropNextSaves = 0;
    int failNextLoads = 0; // the browser refuses to read (storage blocked, database damaged)
    std::string failReason = "QuotaExceededError: the quota has been exceeded.";
    vault::Persistence persistence = vault::Persistence::NotPersistent;
    int saves = 0;

    void post(std::function<void()> task) { tasks_.push_back(std::move(task)); }
    // Runs queued callbacks (and those they queue) until none is left.
    void runAll();

  private:
    friend class MemoryVaultStorage;
    std::deque<std::function<void()>> tasks_;
    std::vector<MemoryVaultStorage*> tabs_;
};

class MemoryVaultStorage : public vault::Storage {
  public:
    explicit MemoryVaultStorage(MemoryDatabase& db);
    ~MemoryVaultStorage() override;
    void load(std::function<void(vault::LoadResult)> done) override;
    void save(std::vector<std::uint8_t> bytes, std::uint64_t expected, std::uint64_t next, bool keepPrevious,
              std::function<void(vault::SaveOutcome, std::string)> done) override;
    void saveBoth(std::vector<std::uint8_t> previousBytes, std::vector<std::uint8_t> bytes,
                  std::uint64_t expected, std::uint64_t next,
                  std::function<void(vault::SaveOutcome, std::string)> done) override;
    void requestPersistence(std::function<void(vault::Persistence)> done) override;
    void setChangeListener(std::function<void(std::uint64_t)> listener) override {
        listener_ = std::move(listener);
    }

  private:
    // save() and saveBoth(): `previousBytes` empty keeps (or moves) the previous generation as save() does.
    void commit(std::vector<std::uint8_t> bytes, std::optional<std::vector<std::uint8_t>> previousBytes,
                std::uint64_t expected, std::uint64_t next, bool keepPrevious,
                std::function<void(vault::SaveOutcome, std::string)> done);

    MemoryDatabase& db_;
    std::function<void(std::uint64_t)> listener_;
};

} // namespace ts
