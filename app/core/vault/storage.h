// Where the encrypted vault file lives: the browser's IndexedDB in the app, an in-memory fake with
// fault injection in tests. Only ciphertext passes through here.
//
// Contract: save() is one atomic step that succeeds only if the stored revision still equals
// `expected` (another tab may have saved in between: Conflict), and keeps the replaced record as
// `previous` — unless `keepPrevious` (the current record is known to be damaged: the good
// generation in `previous` must survive). saveBoth() is the same step writing both generations:
// `previousBytes` (revision `expected`) replaces the kept one, so that after a passphrase change no
// file under the old passphrase is left behind. Every call's callback runs exactly once, later.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ts::vault {

struct StoredVault {
    std::uint64_t revision = 0;
    std::vector<std::uint8_t> bytes;
};

struct LoadResult {
    bool ok = true;
    std::string error; // the browser's reason when !ok (storage blocked, database damaged)
    std::optional<StoredVault> current, previous;
};

enum class SaveOutcome { Saved, Conflict, Failed };

// The browser's answer to navigator.storage.persist().
enum class Persistence { Unknown, Persistent, NotPersistent, Unsupported };

class Storage {
  public:
    virtual ~Storage() = default;
    virtual void load(std::function<void(LoadResult)> done) = 0;
    virtual void save(std::vector<std::uint8_t> bytes, std::uint64_t expected, std::uint64_t next,
                      bool keepPrevious, std::function<void(SaveOutcome, std::string error)> done) = 0;
    virtual void saveBoth(std::vector<std::uint8_t> previousBytes, std::vector<std::uint8_t> bytes,
                          std::uint64_t expected, std::uint64_t next,
                          std::function<void(SaveOutcome, std::string error)> done) = 0;
    virtual void requestPersistence(std::function<void(Persistence)> done) = 0;
    // Called when another tab committed `revision`.
    virtual void setChangeListener(std::function<void(std::uint64_t revision)> listener) = 0;
};

} // namespace ts::vault
