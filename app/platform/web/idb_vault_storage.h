// vault::Storage over IndexedDB (web/library_vault_store.js). Every answer arrives in a later
// JavaScript task; `onActivity` runs after each one so the app draws the outcome.
#pragma once

#include "core/vault/storage.h"

namespace ts {

class IdbVaultStorage : public vault::Storage {
  public:
    IdbVaultStorage();
    ~IdbVaultStorage() override;
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

    std::function<void()> onActivity;

    // Entry points for the JavaScript side.
    void changed(std::uint64_t revision);
    void activity() {
        if (onActivity) onActivity();
    }

  private:
    std::function<void(std::uint64_t)> listener_;
};

} // namespace ts
