// Recognising our kinds in other tools' records (core/bundle/recognise.h): the EIS token with a
// username and its expiry in the notes, OAIS tokens, EIS HTTPS-integration logins, the record's own
// expiry, and organisations named in group paths — through the KeePassXC CSV import and directly.
#include "core/bundle/importers.h"
#include "core/bundle/recognise.h"
#include "core/crypto/crypto.h"
#include "core/kinds/expiry.h"

#include <doctest/doctest.h>

using namespace ts;
using namespace ts::bundle;

namespace {

constexpr std::int64_t kNow = 1'750'000'000'000;
const char* const kHeader = "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\"\n";

Imported csv(const std::string& rows) {
    REQUIRE(crypto::init());
    ImportError error;
    auto im = importKeePassXcCsv(kHeader + rows, error, kNow);
    REQUIRE_MESSAGE(im, "refused: ", tr(error.text, Lang::En), " ", error.detail(Lang::En));
    return std::move(*im);
}

std::string expiry(const vault::Entry& e) {
    const kinds::Kind* k = kinds::Registry::builtIn().find(e.kind);
    REQUIRE(k);
    const auto d = kinds::expiryDate(*k, e.fields);
    return d ? isoDate(*d) : std::string("none");
}

} // namespace

TEST_CASE("a KeePassXC EIS token with a username keeps it and takes its expiry from the notes") {
    const Imported im = csv("\"Root/ООО Ромашка/ЕИС\",\"Токен сервисов отдачи\",\"romashka-ris\","
                            "\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\",\"\",\"Срок действия: 31.12.2025\"\n");
    REQUIRE(im.data.entries.size() == 1);
    const vault::Entry& e = im.data.entries[0];
    CHECK(e.kind == "eis-export-token");
    CHECK(im.recognised == 1);
    CHECK(e.field("guid") == "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    CHECK(e.field("validUntil") == "2025-12-31");
    CHECK(e.field("login") == "romashka-ris"); // shown beside the token's own fields
    CHECK(e.field("title") == "Токен сервисов отдачи");
    // The date was read from the notes: the preview shows it to be checked.
    REQUIRE(im.datesFromText.count(e.id));
    CHECK(im.datesFromText.at(e.id) == std::vector<std::string>{"validUntil"});
    // The group names the organisation: offered, not applied.
    CHECK(e.org.empty());
    REQUIRE(im.organisations.count("ООО Ромашка"));
    CHECK(im.organisations.at("ООО Ромашка") == std::vector<std::string>{e.id});
}

TEST_CASE("«действует до» in the notes is the expiry; a participant token key takes the portal's date") {
    const Imported im =
        csv("\"Root\",\"Токен отдачи\",\"\",\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\",\"\","
            "\"Выдан 01.02.2025, действует до 01.08.2026\"\n"
            "\"Root\",\"Токен-ключ участника\",\"ivanov\",\"3F2504E0-4F89-11D3-9A0C-0305E82C3302\",\"\","
            "\"действует до 05.05.2026\"\n");
    REQUIRE(im.data.entries.size() == 2);
    CHECK(im.data.entries[0].field("validUntil") == "2026-08-01");
    const vault::Entry& key = im.data.entries[1];
    CHECK(key.kind == "eis-participant-token-key");
    CHECK(key.field("eisLogin") == "ivanov");
    CHECK(key.field("validUntil") == "2026-05-05");
    CHECK(expiry(key) == "2026-05-05"); // the portal's date, not a year after an unknown issue date
}

TEST_CASE("OAIS tokens are recognised by account.gov.by or by name") {
    const Imported im =
        csv("\"Root/ОДО «Вектор»\",\"ОАИС система-система\",\"vector-system\",\"t0k3n-Abc.123\","
            "\"https://account.gov.by/\",\"Получен 01.03.2026\nДействует до 01.03.2027\"\n"
            "\"Root\",\"Токен TPSClient\",\"TPSClient\",\"другой-токен-77\",\"\",\"обновлён 10.02.2026\"\n");
    REQUIRE(im.data.entries.size() == 2);
    const vault::Entry& sys = im.data.entries[0];
    CHECK(sys.kind == "oais-system-token");
    CHECK(sys.field("token") == "t0k3n-Abc.123");
    CHECK(sys.field("systemName") == "vector-system");
    CHECK(sys.field("issuedOn") == "2026-03-01");
    CHECK(sys.field("validUntil") == "2027-03-01");
    CHECK(sys.field("techEmail").empty()); // not in the record: the editor asks for it
    CHECK(im.organisations.at("ОДО «Вектор»") == std::vector<std::string>{sys.id});
    const vault::Entry& tps = im.data.entries[1];
    CHECK(tps.kind == "oais-tpsclient-token");
    CHECK(tps.field("systemName") == "TPSClient");
    CHECK(expiry(tps) == "2026-05-10"); // three months after it was refreshed
    CHECK(im.recognised == 2);
}

TEST_CASE("an EIS HTTPS-integration login needs zakupki.gov.ru and «интеграц»") {
    const Imported im =
        csv("\"Root\",\"Логин для интеграции\",\"user-42\",\"Pa55word!\",\"https://zakupki.gov.ru/\",\"\"\n"
            "\"Root\",\"Портал закупок\",\"user-42\",\"Pa55word!\",\"https://zakupki.gov.ru/\",\"\"\n");
    REQUIRE(im.data.entries.size() == 2);
    CHECK(im.data.entries[0].kind == "eis-https-login");
    CHECK(im.data.entries[0].field("login") == "user-42");
    CHECK(im.data.entries[0].field("password") == "Pa55word!");
    CHECK(im.data.entries[0].field("connectionType") == "5,6"); // the kind's default
    CHECK(im.data.entries[1].kind == "generic"); // a portal login, not said to be for integration
    CHECK(im.datesFromText.empty());
}

TEST_CASE("a record's own expiry wins over its notes and is not offered for checking") {
    REQUIRE(crypto::init());
    Record r;
    r.title = "Токен отдачи";
    r.password = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    r.notes = "действует до 01.01.2026";
    r.expires = Date{2026, 6, 30};
    const Recognised out = recognise(r, kNow, Lang::Ru, "KeePass");
    CHECK(out.known);
    CHECK(out.entry.field("validUntil") == "2026-06-30");
    CHECK(out.datesFromText.empty());
}

TEST_CASE("organisations are found in group paths only when a legal form names them") {
    CHECK(organisationInGroup("ООО Ромашка/ЕИС") == "ООО Ромашка");
    CHECK(organisationInGroup("Клиенты/ООО «Ромашка»/ЕИС") == "ООО «Ромашка»");
    CHECK(organisationInGroup("ао \"Звезда\"") == "ао \"Звезда\"");
    CHECK(organisationInGroup("ЧУП Лето") == "ЧУП Лето");
    CHECK(organisationInGroup("ЕИС/Токены").empty());
    CHECK(organisationInGroup("Аохрана").empty()); // "АО" must stand alone
    CHECK(organisationInGroup("").empty());
}
