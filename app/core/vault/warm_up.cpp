#include "core/vault/warm_up.h"

#include "core/crypto/crypto.h"
#include "core/vault/change.h"
#include "core/vault/model.h"
#include "core/vault/vault_file.h"

#include <algorithm>
#include <optional>
#include <string>

namespace ts::vault {
namespace {

// Small enough to take a few ms, large enough (4,096 blocks) for Argon2's block function to be
// re-compiled optimised.
const crypto::KdfParams kWarmUpKdf{1, 4u << 20};
constexpr int kSaves = 5;

Data madeUp(std::size_t entries) {
    Data d;
    d.organisations.push_back(
        Organisation{"org", "ООО «Пример»", "RU", "7707083893", nlohmann::json::object()});
    for (std::size_t i = 0; i < entries; ++i) {
        Entry e;
        e.id = "warm-up-" + std::to_string(i);
        e.kind = "eis-token";
        e.org = "org";
        e.createdAt = e.updatedAt = 1'767'225'600'000 + static_cast<std::int64_t>(i);
        e.fields = {{"name", "Токен «сервисы отдачи» №" + std::to_string(i)},
                    {"token", "0f8fad5b-d9cb-469f-a165-70867728950e"},
                    {"expires", "2027-01-01"},
                    {"notes", "Строка с \"кавычками\"\tи\\ экранированием"}};
        e.history.push_back(EntryVersion{e.createdAt - 1, e.fields, nlohmann::json::object()});
        d.entries.push_back(std::move(e));
    }
    return d;
}

} // namespace

bool warmUp(std::size_t entries) {
    if (entries == 0) return false;
    const std::string pass = "warm-up passphrase";
    const std::span<const std::uint8_t> passBytes{reinterpret_cast<const std::uint8_t*>(pass.data()),
                                                  pass.size()};
    std::optional<Keys> keys = create(passBytes, kWarmUpKdf);
    if (!keys) return false;
    Data data = madeUp(entries);
    // Saves: a copy of the data with one change, serialized and encrypted — a few times, as a
    // function is re-compiled only once it has run for a while.
    crypto::SecretBytes body;
    crypto::Bytes file;
    for (int i = 0; i < kSaves; ++i) {
        Data changed = data;
        change::UpsertEntry change;
        change.id = "warm-up-" + std::to_string(static_cast<std::size_t>(i) % entries);
        change.fields = data.entries.front().fields;
        change.fields["token"] = "9f8fad5b-d9cb-469f-a165-70867728950e";
        if (!apply(changed, change, 1'767'225'700'000)) return false;
        body = serialize(changed);
        file = write(*keys, 2 + i, body);
    }
    // An unlock: Argon2id and the key unwrap (checkPassphrase), the checks and decryption (reopen),
    // parsing. Not open(): it refuses a KDF this cheap, as it must for any file it is handed.
    Opened opened;
    Data back;
    if (!checkPassphrase(*keys, passBytes) || reopen(file, *keys, opened) != VaultError::None ||
        parse(opened.body, back) != ParseError::None)
        return false;
    const crypto::SecretBytes again = serialize(back);
    return again.size() == body.size() && std::equal(again.begin(), again.end(), body.begin());
}

} // namespace ts::vault
