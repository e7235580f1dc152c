// The entries of the benchmark vaults: generic entries whose content is deterministic (a fixed-seed
// generator), shared by the native vault generator (gen_vault.cpp) and the wasm bench probe
// (app/platform/web/bench_probe.cpp), so both measure the same data. Bench-only: not part of app/core.
#pragma once

#include "core/vault/change.h"
#include "core/vault/model.h"

#include <cstdint>
#include <random>
#include <string>

namespace ts::bench {

inline constexpr std::int64_t kEntriesCreatedAt = 1'767'225'600'000; // 2026-01-01, + i ms for entry i

inline std::string guid(std::mt19937& rng) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) s += '-';
        s += kHex[rng() % 16];
    }
    return s;
}

// A vault of `n` entries with ids "bench0" .. "bench<n-1>".
inline vault::Data entries(int n) {
    static const char* kOrgs[] = {"ООО «Ромашка»", "ГБУ «Центр закупок»", "ОАО «Минский завод»",
                                  "ИП Сидоров"};
    static const char* kKinds[] = {"Токен «сервисы отдачи»", "Интеграция HTTPS", "Токен-ключ участника",
                                   "Токен ОАИС TPSClient"};
    std::mt19937 rng(20261127);
    vault::Data d;
    for (int i = 0; i < n; ++i) {
        vault::change::UpsertEntry c;
        c.id = "bench" + std::to_string(i);
        c.fields = {
            {"title", std::string(kKinds[i % 4]) + " — " + kOrgs[(i / 4) % 4] + " №" + std::to_string(i)},
            {"login", "user" + std::to_string(rng() % 100000)},
            {"secret", guid(rng)},
            {"url", "https://zakupki.gov.ru/"},
            {"notes", "Действует до 31.12.2026. Обновлять в личном кабинете."}};
        vault::apply(d, c, kEntriesCreatedAt + i);
    }
    return d;
}

} // namespace ts::bench
