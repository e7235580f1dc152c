#include "platform/web/idb_vault_storage.h"

#include <emscripten.h>
#include <memory>

extern "C" {
// web/library_vault_store.js
void ts_vault_load(void* user);
void ts_vault_save(void* user, const std::uint8_t* bytes, std::size_t len, double expected, double next,
                   int keepPrevious, const std::uint8_t* previousBytes, std::size_t previousLen);
void ts_vault_persist(void* user);
void ts_vault_listen();
}

namespace ts {
namespace {

// The one storage object of the page; the BroadcastChannel listener reaches it through this.
IdbVaultStorage* g_storage = nullptr;

// Each pending request owns its callback until JavaScript answers.
using LoadCb = std::function<void(vault::LoadResult)>;
using SaveCb = std::function<void(vault::SaveOutcome, std::string)>;
using PersistCb = std::function<void(vault::Persistence)>;

void afterAnswer() {
    if (g_storage) g_storage->activity();
}

} // namespace

IdbVaultStorage::IdbVaultStorage() {
    g_storage = this;
    ts_vault_listen();
}

IdbVaultStorage::~IdbVaultStorage() {
    if (g_storage == this) g_storage = nullptr;
}

void IdbVaultStorage::load(LoadCb done) {
    ts_vault_load(new LoadCb(std::move(done)));
}

void IdbVaultStorage::save(std::vector<std::uint8_t> bytes, std::uint64_t expected, std::uint64_t next,
                           bool keepPrevious, SaveCb done) {
    ts_vault_save(new SaveCb(std::move(done)), bytes.data(), bytes.size(), static_cast<double>(expected),
                  static_cast<double>(next), keepPrevious ? 1 : 0, nullptr, 0);
}

void IdbVaultStorage::saveBoth(std::vector<std::uint8_t> previousBytes, std::vector<std::uint8_t> bytes,
                               std::uint64_t expected, std::uint64_t next, SaveCb done) {
    ts_vault_save(new SaveCb(std::move(done)), bytes.data(), bytes.size(), static_cast<double>(expected),
                  static_cast<double>(next), 0, previousBytes.data(), previousBytes.size());
}

void IdbVaultStorage::requestPersistence(PersistCb done) {
    ts_vault_persist(new PersistCb(std::move(done)));
}

void IdbVaultStorage::changed(std::uint64_t revision) {
    if (listener_) listener_(revision);
}

} // namespace ts

extern "C" {

EMSCRIPTEN_KEEPALIVE void ts_vault_on_loaded(void* user, int ok, double curRev, const std::uint8_t* cur,
                                             std::size_t curLen, double prevRev, const std::uint8_t* prev,
                                             std::size_t prevLen, const char* error) {
    std::unique_ptr<ts::LoadCb> done(static_cast<ts::LoadCb*>(user));
    ts::vault::LoadResult r;
    r.ok = ok != 0;
    r.error = error ? error : "";
    if (cur && curLen)
        r.current = ts::vault::StoredVault{static_cast<std::uint64_t>(curRev), {cur, cur + curLen}};
    if (prev && prevLen)
        r.previous = ts::vault::StoredVault{static_cast<std::uint64_t>(prevRev), {prev, prev + prevLen}};
    (*done)(std::move(r));
    ts::afterAnswer();
}

EMSCRIPTEN_KEEPALIVE void ts_vault_on_saved(void* user, int outcome, const char* error) {
    std::unique_ptr<ts::SaveCb> done(static_cast<ts::SaveCb*>(user));
    const auto o = outcome == 0   ? ts::vault::SaveOutcome::Saved
                   : outcome == 1 ? ts::vault::SaveOutcome::Conflict
                                  : ts::vault::SaveOutcome::Failed;
    (*done)(o, error ? error : "");
    ts::afterAnswer();
}

EMSCRIPTEN_KEEPALIVE void ts_vault_on_persist(void* user, int code) {
    std::unique_ptr<ts::PersistCb> done(static_cast<ts::PersistCb*>(user));
    (*done)(code == 1   ? ts::vault::Persistence::Persistent
            : code == 2 ? ts::vault::Persistence::NotPersistent
                        : ts::vault::Persistence::Unsupported);
    ts::afterAnswer();
}

EMSCRIPTEN_KEEPALIVE void ts_vault_on_changed(double revision) {
    if (ts::g_storage) {
        ts::g_storage->changed(static_cast<std::uint64_t>(revision));
        ts::g_storage->activity();
    }
}
}
