// Measurements for scripts/bench.sh, readable from the page: a bare Argon2id run with the vault's
// parameters (the baseline unlock is compared with), an export + import of generated entries, and
// the heap in use. They change no app state.
#include "bench_entries.h" // tests/tools: the benchmark vaults' entries (bench-only, not in app/core)
#include "core/bundle/bundle_file.h"
#include "core/crypto/crypto.h"
#include "core/vault/change.h"
#include "core/vault/merge.h"
#include "core/vault/model.h"
#include "core/vault/vault_file.h"

#include <emscripten.h>
#include <malloc.h>
#include <map>
#include <random>
#include <string>
#include <string_view>

extern "C" {

EMSCRIPTEN_KEEPALIVE double ts_bench_pwhash_ms() {
    const ts::crypto::Salt salt{};
    const std::uint8_t pass[] = {'b', 'e', 'n', 'c', 'h'};
    const double t0 = emscripten_get_now();
    const bool ok = ts::crypto::deriveKey(pass, salt, ts::crypto::KdfParams::standard()).has_value();
    return ok ? emscripten_get_now() - t0 : -1.0;
}

// One vault sends `entries` generated entries to another in a passphrase bundle, which brings them in:
// export (serialize, write the bundle: one Argon2id), import (open the bundle: one Argon2id, parse,
// preview the merge, decide the conflicts, apply the import, serialize and encrypt the vault for its
// save). The receiving vault holds the first half of the entries; every fifth of those was changed on
// both sides since they last agreed (a conflict), the others are identical; the second half is new.
// Returns the elapsed ms, or -1 when anything fails or the result is not what it should be.
EMSCRIPTEN_KEEPALIVE double ts_bench_export_import_ms(int entries) {
    using namespace ts;
    if (entries < 10) return -1.0;
    constexpr std::int64_t kNow = bench::kEntriesCreatedAt + 30 * 86'400'000LL;
    constexpr std::string_view kPass = "bench-passphrase";
    const std::span<const std::uint8_t> pass(reinterpret_cast<const std::uint8_t*>(kPass.data()),
                                             kPass.size());

    // The two vaults, as they are before the export (not timed).
    vault::Data sender = bench::entries(entries);
    const int shared = entries / 2;
    vault::Data mine = sender;
    mine.entries.resize(static_cast<std::size_t>(shared));
    std::mt19937 rng(20261128);
    int conflicts = 0;
    for (int i = 0; i < shared; i += 5, ++conflicts) {
        vault::change::UpsertEntry ours, theirs;
        ours.id = theirs.id = sender.entries[static_cast<std::size_t>(i)].id;
        ours.fields = theirs.fields = sender.entries[static_cast<std::size_t>(i)].fields;
        ours.fields["login"] = ours.fields["login"].get<std::string>() + "-2";
        theirs.fields["secret"] = bench::guid(rng);
        if (!vault::apply(mine, ours, kNow - 2) || !vault::apply(sender, theirs, kNow - 1)) return -1.0;
    }
    vault::Keys keys; // the receiving vault's, unlocked
    keys.vaultKey = crypto::randomKey();
    crypto::randomBytes(keys.header.id);
    constexpr vault::Decision kDecisions[] = {vault::Decision::KeepMine, vault::Decision::TakeTheirs,
                                              vault::Decision::KeepBoth};

    const double t0 = emscripten_get_now();
    // Export.
    const crypto::SecretBytes payload = vault::serialize(sender);
    bundle::BundleError error = bundle::BundleError::None;
    const std::optional<crypto::Bytes> file =
        bundle::writeWithPassphrase(payload, pass, crypto::KdfParams::standard(), kNow, error);
    if (!file) return -1.0;
    // Import.
    const std::optional<bundle::Opened> opened = bundle::openWithPassphrase(*file, pass, error);
    if (!opened) return -1.0;
    vault::Data incoming;
    if (vault::parse(opened->payload, incoming) != vault::ParseError::None) return -1.0;
    const vault::MergePreview preview = vault::previewMerge(mine, incoming);
    std::map<std::string, vault::Decision> decisions;
    int keptBoth = 0;
    for (const vault::MergeItem& item : preview.items)
        if (item.status == vault::MergeStatus::Conflict) {
            const vault::Decision d = kDecisions[decisions.size() % 3];
            keptBoth += d == vault::Decision::KeepBoth;
            decisions[item.id] = d;
        }
    const vault::change::Import change = vault::importChange(incoming, preview, decisions);
    if (!vault::apply(mine, change, kNow)) return -1.0;
    const crypto::Bytes saved = vault::write(keys, 2, vault::serialize(mine));
    const double elapsed = emscripten_get_now() - t0;

    // The result (not timed): the preview saw what the vaults hold, and the saved vault opens with
    // every entry it should have.
    const std::size_t expected = static_cast<std::size_t>(entries + keptBoth);
    if (preview.count(vault::MergeStatus::New) != entries - shared ||
        preview.count(vault::MergeStatus::Identical) != shared - conflicts ||
        preview.count(vault::MergeStatus::Conflict) != conflicts || mine.entries.size() != expected)
        return -1.0;
    vault::Opened reopened;
    vault::Data result;
    if (vault::reopen(saved, keys, reopened) != vault::VaultError::None ||
        vault::parse(reopened.body, result) != vault::ParseError::None || result.entries.size() != expected)
        return -1.0;
    return elapsed;
}

EMSCRIPTEN_KEEPALIVE double ts_bench_heap_in_use() {
    return static_cast<double>(mallinfo().uordblks);
}
}
