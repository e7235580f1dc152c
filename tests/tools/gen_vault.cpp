// Generates a vault of N generic entries for the benchmarks, with the app's own core and the
// standard KDF parameters. The content is deterministic (a fixed-seed generator); only the salt,
// keys and nonces are random, as in every real vault.
//
// usage: ts_gen_vault N PASSPHRASE OUT_FILE
#include "core/crypto/crypto.h"
#include "core/vault/model.h"
#include "core/vault/vault_file.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

using namespace ts;

namespace {

std::string guid(std::mt19937& rng) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) s += '-';
        s += kHex[rng() % 16];
    }
    return s;
}

vault::Data generate(int n) {
    static const char* kOrgs[] = {"ООО «Ромашка»", "ГБУ «Центр закупок»", "ОАО «Минский завод»",
                                  "ИП Сидоров"};
    static const char* kKinds[] = {"Токен «сервисы отдачи»", "Интеграция HTTPS", "Токен-ключ участника",
                                   "Токен ОАИС TPSClient"};
    std::mt19937 rng(20261127);
    vault::Data d;
    for (int i = 0; i < n; ++i) {
        vault::Change c;
        c.id = "bench" + std::to_string(i);
        c.fields = {
            {"title", std::string(kKinds[i % 4]) + " — " + kOrgs[(i / 4) % 4] + " №" + std::to_string(i)},
            {"login", "user" + std::to_string(rng() % 100000)},
            {"secret", guid(rng)},
            {"url", "https://zakupki.gov.ru/"},
            {"notes", "Действует до 31.12.2026. Обновлять в личном кабинете."}};
        vault::apply(d, c, 1'767'225'600'000 + i);
    }
    return d;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s N PASSPHRASE OUT_FILE\n", argv[0]);
        return 2;
    }
    if (!crypto::init()) return 1;
    const std::string pass = argv[2];
    auto keys = vault::create({reinterpret_cast<const std::uint8_t*>(pass.data()), pass.size()},
                              crypto::KdfParams::standard());
    if (!keys) return 1;
    const crypto::Bytes file = vault::write(*keys, 1, vault::serialize(generate(std::atoi(argv[1]))));
    std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(file.data()), static_cast<std::streamsize>(file.size()));
    return out ? 0 : 1;
}
