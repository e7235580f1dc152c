// Importing KeePassXC's CSV and Bitwarden's JSON exports: the mapping to kinds (nothing lost, GUID
// tokens recognised only when plainly one), every refusal, and the way through the import preview
// into a vault. The sample files in tests/fixtures are also used by the browser tests.
#include "core/bundle/importers.h"
#include "core/crypto/crypto.h"
#include "core/vault/change.h"
#include "core/vault/merge.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ts;
using namespace ts::bundle;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1'750'000'000'000;

std::string fixture(const char* name) {
    const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "fixtures" / name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot open ", path.string());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const vault::Entry& titled(const Imported& im, const std::string& title) {
    for (const vault::Entry& e : im.data.entries)
        if (e.field("title") == title) return e;
    FAIL("no entry titled ", title);
    return im.data.entries.front();
}

Imported csv(std::string_view text) {
    REQUIRE(crypto::init());
    ImportError error;
    auto im = importKeePassXcCsv(text, error, kNow);
    REQUIRE_MESSAGE(im, "refused: ", tr(error.text, Lang::En), " ", error.detail(Lang::En));
    return std::move(*im);
}

Imported bitwarden(std::string_view text) {
    REQUIRE(crypto::init());
    ImportError error;
    auto im = importBitwardenJson(text, error, kNow);
    REQUIRE_MESSAGE(im, "refused: ", tr(error.text, Lang::En));
    return std::move(*im);
}

ImportError csvRefusal(std::string_view text) {
    ImportError error;
    CHECK_FALSE(importKeePassXcCsv(text, error, kNow));
    return error;
}

ImportError bitwardenRefusal(std::string_view text) {
    ImportError error;
    CHECK_FALSE(importBitwardenJson(text, error, kNow));
    return error;
}

const char* const kHeader =
    "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\","
    "\"Last Modified\",\"Created\"\r\n";

// A KeePassXC 2.7 export as Windows line endings and a BOM would leave it.
std::string keepassSample() {
    return std::string("\xEF\xBB\xBF") + kHeader +
           "\"Root/ЕИС/РИС\",\"Токен ЕИС сервисы отдачи\",\"\",\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\",\"\","
           "\"Получен 10.01.2025\r\nСрок действия до 31.12.2026\",\"\",\"0\",\"2025-01-10T09:00:00Z\","
           "\"2025-01-10T09:00:00Z\"\r\n"
           "\"Root/Почта\",\"Почта, «Ромашка»\",\"buh@romashka.example\",\"pa\"\"ss,word\","
           "\"https://mail.romashka.example\",\"Строка 1\r\nСтрока, 2 с \"\"кавычками\"\"\",\"\",\"1\","
           "\"2025-02-01T08:30:00Z\",\"2024-11-20T14:05:12Z\"\r\n"
           "\"Root/Recycle "
           "Bin\",\"Удалённое\",\"old\",\"old-secret\",\"\",\"\",\"\",\"0\",\"2024-05-05T10:00:00Z\","
           "\"2024-01-01T10:00:00Z\"\r\n"
           "\"Root\",\"Портал\",\"ivanov\",\"kjsd-34m34-23kj-sdf9-234k\",\"zakupki.gov.ru\",\"\","
           "\"otpauth://totp/"
           "x?secret=JBSWY3DPEHPK3PXP\",\"0\",\"2025-03-03T12:00:00Z\",\"2025-03-03T12:00:00Z\"\r\n";
}

} // namespace

// --- KeePassXC ------------------------------------------------------------------------------------

TEST_CASE("KeePassXC CSV import maps entries to the generic kind and keeps every value") {
    const Imported im = csv(keepassSample());
    REQUIRE(im.data.entries.size() == 3);
    CHECK(im.binned == 1);
    CHECK(im.recognised == 1);
    CHECK(im.skipped == 0);

    const vault::Entry& mail = titled(im, "Почта, «Ромашка»");
    CHECK(mail.kind == "generic");
    CHECK(mail.field("login") == "buh@romashka.example");
    CHECK(mail.field("secret") == "pa\"ss,word");
    CHECK(mail.field("url") == "https://mail.romashka.example");
    CHECK(mail.field("notes") == "Строка 1\nСтрока, 2 с \"кавычками\"\n\nГруппа: Почта");
    CHECK(mail.field("validUntil").empty());
    CHECK(mail.fields.size() == 6); // every field of the kind, as the editor saves them
    CHECK(mail.createdAt == kNow);
    CHECK(mail.updatedAt == kNow);
    CHECK(mail.id.size() == 32);
    CHECK(mail.history.empty());

    // A GUID-like password that is not a GUID stays a secret of a generic entry; an address the
    // kind refuses and the TOTP seed go into the notes.
    const vault::Entry& portal = titled(im, "Портал");
    CHECK(portal.kind == "generic");
    CHECK(portal.field("secret") == "kjsd-34m34-23kj-sdf9-234k");
    CHECK(portal.field("url").empty());
    CHECK(portal.field("notes") == "Адрес: zakupki.gov.ru\nTOTP: otpauth://totp/x?secret=JBSWY3DPEHPK3PXP");
}

TEST_CASE("KeePassXC CSV import recognises the EIS export services token by its GUID and name") {
    const Imported im = csv(keepassSample());
    const auto it = std::find_if(im.data.entries.begin(), im.data.entries.end(),
                                 [](const vault::Entry& e) { return e.kind == "eis-export-token"; });
    REQUIRE(it != im.data.entries.end());
    CHECK(it->field("guid") == "3f2504e0-4f89-11d3-9a0c-0305e82c3301"); // stored in lower case
    CHECK(it->field("validUntil") == "2026-12-31"); // "до", not the date it was received
    // What the kind has no field for is kept under the generic ids: searched, carried, not lost.
    CHECK(it->field("title") == "Токен ЕИС сервисы отдачи");
    CHECK(it->field("notes") == "Получен 10.01.2025\nСрок действия до 31.12.2026\n\nГруппа: ЕИС/РИС");
}

TEST_CASE("KeePassXC CSV import reads older exports without TOTP and date columns, in any column order") {
    const Imported im = csv("\"Title\",\"Group\",\"Password\",\"Username\",\"Notes\",\"URL\"\n"
                            "\"Вход\",\"Root\",\"s3cret\",\"user\",\"\",\"http://intranet\"\n"
                            "\n"
                            "Без кавычек,Root/Разное,p,u,\"многострочная\nзаметка\",\n");
    REQUIRE(im.data.entries.size() == 2);
    const vault::Entry& a = titled(im, "Вход");
    CHECK(a.field("secret") == "s3cret");
    CHECK(a.field("login") == "user");
    CHECK(a.field("url") == "http://intranet");
    CHECK(a.field("notes").empty());
    const vault::Entry& b = titled(im, "Без кавычек");
    CHECK(b.field("notes") == "многострочная\nзаметка\n\nГруппа: Разное");
}

TEST_CASE("KeePassXC CSV import names an untitled entry after its address or login, and skips empty rows") {
    const Imported im = csv(std::string(kHeader) +
                            "\"Root\",\"\",\"\",\"x\",\"https://a.example\",\"\",\"\",\"0\",\"\",\"\"\n"
                            "\"Root\",\"\",\"bob\",\"y\",\"\",\"\",\"\",\"0\",\"\",\"\"\n"
                            "\"Root\",\"\",\"\",\"\",\"\",\"\",\"\",\"0\",\"\",\"\"\n");
    REQUIRE(im.data.entries.size() == 2);
    CHECK(im.data.entries[0].field("title") == "https://a.example");
    CHECK(im.data.entries[1].field("title") == "bob");
}

TEST_CASE("KeePassXC CSV import writes the labels in the notes in the user's language") {
    ImportError error;
    const auto im = importKeePassXcCsv(
        std::string(kHeader) +
            "\"Root/Mail\",\"M\",\"\",\"a\\nb\",\"mail.example\",\"\",\"\",\"0\",\"\",\"\"\n",
        error, kNow, Lang::En);
    REQUIRE(im);
    CHECK(im->data.entries[0].field("notes") == "Address: mail.example\nGroup: Mail");
}

TEST_CASE("KeePassXC CSV import keeps a password the kind refuses in the notes") {
    const Imported im =
        csv(std::string(kHeader) + "\"Root\",\"Многострочный\",\"u\",\"строка1\nстрока2\",\"\","
                                   "\"\",\"\",\"0\",\"\",\"\"\n");
    const vault::Entry& e = titled(im, "Многострочный");
    CHECK(e.field("secret").empty());
    CHECK(e.field("notes") == "Пароль, токен или ключ: строка1\nстрока2");
}

TEST_CASE("KeePassXC CSV import refuses what is not a KeePassXC export") {
    CHECK(csvRefusal("").text == Str::ErrImportNotKeePassCsv);
    CHECK(csvRefusal("just some text\nand more").text == Str::ErrImportNotKeePassCsv);
    CHECK(csvRefusal("\"Account\",\"Login Name\",\"Password\",\"Web Site\",\"Comments\"\n").text ==
          Str::ErrImportNotKeePassCsv); // KeePass 2's own CSV
    CHECK(csvRefusal("{\"encrypted\": false,\"folders\":[],\"items\":[]}").text ==
          Str::ErrImportNotKeePassCsv);
    CHECK(csvRefusal("\"Group\";\"Title\";\"Username\";\"Password\"\n").text == Str::ErrImportNotKeePassCsv);
}

TEST_CASE("KeePassXC CSV import refuses a damaged file and says on which line") {
    ImportError e =
        csvRefusal(std::string(kHeader) + "\"Root\",\"A\",\"u\",\"p\",\"\",\"\",\"\",\"0\",\"\",\"\"\r\n"
                                          "\"Root\",\"B\",\"u\",\"p\",\"\",\"line\r\nline\r\n");
    CHECK(e.text == Str::ErrImportCsvOpenQuote);
    CHECK(e.line == 3);
    CHECK(e.detail(Lang::Ru) == "строка 3");
    CHECK(e.detail(Lang::En) == "line 3");

    e = csvRefusal(std::string(kHeader) + "\"Root\",\"A\"x,\"u\",\"p\",\"\",\"\",\"\",\"0\",\"\",\"\"\n");
    CHECK(e.text == Str::ErrImportCsvAfterQuote);
    CHECK(e.line == 2);

    // Cut short in the middle of a row.
    e = csvRefusal(std::string(kHeader) +
                   "\"Root\",\"A\",\"u\",\"p\",\"\",\"многострочная\nзаметка\",\"\",\"0\"\n"
                   "\"Root\",\"B\",\"u\"");
    CHECK(e.text == Str::ErrImportCsvFieldCount);
    CHECK(e.line == 2);

    CHECK(
        csvRefusal("\"Title\",\"Username\",\"Password\"\n\"\xCF\xEE\xF0\xF2\xE0\xEB\",\"u\",\"p\"\n").text ==
        Str::ErrImportNotUtf8); // «Портал» in Windows-1251
    CHECK(ImportError{}.detail(Lang::Ru).empty());
}

TEST_CASE("KeePassXC CSV import refuses an export with nothing to import, and a huge file") {
    CHECK(csvRefusal(kHeader).text == Str::ErrImportEmpty);
    CHECK(csvRefusal(std::string(kHeader) +
                     "\"Root/Recycle Bin\",\"A\",\"u\",\"p\",\"\",\"\",\"\",\"0\",\"\",\"\"\n")
              .text == Str::ErrImportEmpty);
    std::string huge = std::string(kHeader) + "\"Root\",\"A\",\"u\",\"p\",\"\",\"";
    huge.resize(kMaxImportBytes + 1, 'x');
    CHECK(csvRefusal(huge).text == Str::ErrImportTooLarge);
}

// --- Bitwarden ------------------------------------------------------------------------------------

TEST_CASE("Bitwarden JSON import maps logins and notes, and counts cards and identities as skipped") {
    const Imported im = bitwarden(fixture("bitwarden-export.json"));
    CHECK(im.data.entries.size() == 3);
    CHECK(im.skipped == 2);
    CHECK(im.binned == 0);
    CHECK(im.recognised == 2);

    const vault::Entry& git = titled(im, "GitLab «Ромашки»");
    CHECK(git.kind == "generic");
    CHECK(git.field("login") == "petrov");
    CHECK(git.field("secret") == "Zx9!q\"w,e");
    CHECK(git.field("url") == "https://gitlab.romashka.example");
    CHECK(git.field("notes") == "Вход через SSO, \"резервный\" пароль:\nспросить у Петрова\n\n"
                                "Адрес: https://sso.romashka.example/login\n"
                                "TOTP: otpauth://totp/GitLab:petrov?secret=JBSWY3DPEHPK3PXP&issuer=GitLab\n"
                                "Отдел: ИТ, сопровождение\nPIN: 4821\nАдмин: true");
}

TEST_CASE("Bitwarden JSON import recognises the EIS participant token key and the accounting token") {
    const Imported im = bitwarden(fixture("bitwarden-export.json"));
    const auto byKind = [&](const char* kind) -> const vault::Entry& {
        const auto it = std::find_if(im.data.entries.begin(), im.data.entries.end(),
                                     [&](const vault::Entry& e) { return e.kind == kind; });
        REQUIRE(it != im.data.entries.end());
        return *it;
    };
    const vault::Entry& participant = byKind("eis-participant-token-key");
    CHECK(participant.field("guid") == "9b2e6c41-7d3a-4f0e-b8c5-2a1d9e7f6b30");
    CHECK(participant.field("issuedOn") == "2025-03-15");
    CHECK(participant.field("eisLogin") == "ivanov_eis");
    CHECK(participant.field("pikLogin").empty());
    CHECK(participant.field("notes") == "Создан 15.03.2025 руководителем\n\nПапка: ЕИС");

    const vault::Entry& accounting = byKind("eis-accounting-token");
    CHECK(accounting.field("guid") == "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"); // from a hidden custom field
    CHECK(accounting.field("validUntil") == "2026-06-30");
    CHECK(accounting.field("notes") == "Срок действия: 2026-06-30\nПапка: ЕИС");
}

namespace {

std::string bitwardenLogin(const std::string& name, const std::string& password, const std::string& notes,
                           const std::string& fields = "[]") {
    return R"({"encrypted": false, "folders": [], "items": [{"id": "x", "folderId": null, "type": 1, "name": )" +
           json(name).dump() + R"(, "notes": )" + json(notes).dump() + R"(, "fields": )" + fields +
           R"(, "login": {"uris": [], "username": null, "password": )" + json(password).dump() +
           R"(, "totp": null}, "collectionIds": null, "deletedDate": null}]})";
}

std::string kindOf(const std::string& exportJson) {
    const Imported im = bitwarden(exportJson);
    REQUIRE(im.data.entries.size() == 1);
    return im.data.entries[0].kind;
}

} // namespace

TEST_CASE("Bitwarden import gives a GUID token its own kind only when nothing it needs is missing") {
    const std::string guid = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    CHECK(kindOf(bitwardenLogin("Токен ЕИС сервисы отдачи", guid, "до 01.02.2027")) == "eis-export-token");
    CHECK(kindOf(bitwardenLogin("Сервисы ЕИС", guid, "Срок: 2027-02-01")) == "eis-export-token");
    CHECK(kindOf(bitwardenLogin("Токен бухгалтерия", guid, "действует до 01.02.2027")) ==
          "eis-accounting-token");
    // No date: the kind would refuse the entry, so it stays generic, GUID as its secret.
    CHECK(kindOf(bitwardenLogin("Токен ЕИС сервисы отдачи", guid, "")) == "generic");
    // Two different expiry dates: which one? Generic rather than a wrong reminder.
    CHECK(kindOf(bitwardenLogin("Токен отдачи", guid, "до 01.02.2027\nили до 01.03.2027")) == "generic");
    // Only the date it was issued: not an expiry date.
    CHECK(kindOf(bitwardenLogin("Токен отдачи", guid, "выдан 01.02.2026")) == "generic");
    // An impossible date is not a date.
    CHECK(kindOf(bitwardenLogin("Токен отдачи", guid, "до 31.02.2027")) == "generic");
    // Not named as an EIS token.
    CHECK(kindOf(bitwardenLogin("API key", guid, "до 01.02.2027")) == "generic");
    CHECK(kindOf(bitwardenLogin("Другой сервис", guid, "до 01.02.2027")) == "generic");
    // Not a GUID.
    CHECK(kindOf(bitwardenLogin("Токен отдачи", "kjsd-34m34-23kj-sdf9-234k", "до 01.02.2027")) == "generic");
    // A second secret the kind has no place for keeps it generic.
    CHECK(kindOf(bitwardenLogin("Токен отдачи", guid, "до 01.02.2027",
                                R"([{"name": "PIN", "value": "1234", "type": 1}])")) == "generic");
    // Participant: issued on, not valid until.
    CHECK(kindOf(bitwardenLogin("Токен-ключ участника", guid, "обновлён 05.05.2025")) ==
          "eis-participant-token-key");
    // Only the date it runs out: the date the portal shows, which the kind keeps too.
    CHECK(kindOf(bitwardenLogin("Токен-ключ участника", guid, "действует до 05.05.2026")) ==
          "eis-participant-token-key");
    CHECK(kindOf(bitwardenLogin("Токен-ключ участника", guid, "")) == "generic");
    {
        const Imported im = bitwarden(
            bitwardenLogin("Токен ЕИС сервисы отдачи", guid, "Срок действия от 01.02.2025 до 01.02.2026"));
        CHECK(im.data.entries[0].field("validUntil") == "2026-02-01");
    }
    {
        const Imported im =
            bitwarden(bitwardenLogin("Токен участника", guid, "Создан 01.02.2025, действует до 01.02.2026"));
        CHECK(im.data.entries[0].field("issuedOn") == "2025-02-01");
    }
}

TEST_CASE("Bitwarden JSON import reads an organisation export with collections, and leaves trash out") {
    const Imported im = bitwarden(R"({"encrypted": false,
        "collections": [{"id": "c1", "organizationId": "o", "name": "Бухгалтерия", "externalId": null}],
        "items": [
          {"type": 1, "name": "1С", "notes": null, "organizationId": "o", "collectionIds": ["c1"],
           "login": {"username": "buh", "password": "p", "uris": null, "totp": null}},
          {"type": 1, "name": "Удалённое", "deletedDate": "2025-01-01T00:00:00.000Z",
           "login": {"username": "x", "password": "y"}},
          {"type": 5, "name": "SSH", "sshKey": {"privateKey": "k", "publicKey": "p", "keyFingerprint": "f"}}
        ]})");
    REQUIRE(im.data.entries.size() == 1);
    CHECK(im.binned == 1);
    CHECK(im.skipped == 1);
    CHECK(im.data.entries[0].field("notes") == "Коллекция: Бухгалтерия");
}

TEST_CASE("Bitwarden JSON import refuses an encrypted export with its own message") {
    CHECK(bitwardenRefusal(R"({"encrypted": true, "passwordProtected": true, "salt": "c2FsdA==", "kdfType": 0,
        "kdfIterations": 600000, "encKeyValidation_DO_NOT_EDIT": "2.x|y|z", "data": "2.a|b|c"})")
              .text == Str::ErrImportBitwardenEncrypted);
    CHECK(bitwardenRefusal(R"({"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.x|y|z", "folders": [],
        "items": [{"type": 1, "name": "2.AAAA|BBBB|CCCC"}]})")
              .text == Str::ErrImportBitwardenEncrypted);
}

TEST_CASE("Bitwarden JSON import refuses what is not a Bitwarden export") {
    CHECK(bitwardenRefusal("").text == Str::ErrImportNotJson);
    CHECK(bitwardenRefusal("{\"items\": [").text == Str::ErrImportNotJson);
    CHECK(bitwardenRefusal(fixture("keepassxc-export.csv")).text == Str::ErrImportNotJson);
    CHECK(bitwardenRefusal("[1, 2]").text == Str::ErrImportNotBitwarden);
    CHECK(bitwardenRefusal(R"({"schema": 1, "entries": []})").text == Str::ErrImportNotBitwarden);
    CHECK(bitwardenRefusal(R"({"encrypted": false, "items": {}})").text == Str::ErrImportNotBitwarden);
    CHECK(bitwardenRefusal(R"({"encrypted": false, "items": ["x"]})").text == Str::ErrImportNotBitwarden);
    CHECK(bitwardenRefusal(R"({"encrypted": false, "items": [{"name": "no type"}]})").text ==
          Str::ErrImportNotBitwarden);
    CHECK(bitwardenRefusal("{\"items\": [], \"x\": \"\xCF\xEE\"}").text == Str::ErrImportNotUtf8);
    CHECK(bitwardenRefusal(R"({"encrypted": false, "folders": [], "items": []})").text ==
          Str::ErrImportEmpty);
    CHECK(bitwardenRefusal(R"({"encrypted": false, "items": [{"type": 3, "card": {}}]})").text ==
          Str::ErrImportEmpty);
    std::string huge = R"({"encrypted": false, "items": [], "pad": ")";
    huge.resize(kMaxImportBytes + 1, 'x');
    CHECK(bitwardenRefusal(huge).text == Str::ErrImportTooLarge);
}

// --- Through the import preview -------------------------------------------------------------------

TEST_CASE("imported exports go through the import preview into an empty and a non-empty vault") {
    REQUIRE(crypto::init());
    for (const std::string& file : {fixture("keepassxc-export.csv"), fixture("bitwarden-export.json")}) {
        const bool isCsv = file.front() == '"';
        const auto import = [&] { return isCsv ? csv(file) : bitwarden(file); };
        CAPTURE(isCsv);

        // Into an empty vault: everything is new.
        vault::Data empty;
        const Imported first = import();
        const vault::MergePreview p = vault::previewMerge(empty, first.data);
        CHECK(p.count(vault::MergeStatus::New) == static_cast<int>(first.data.entries.size()));
        REQUIRE(vault::apply(empty, vault::importChange(first.data, p, {}), kNow + 1));
        CHECK(empty.entries.size() == first.data.entries.size());

        // The same file again (new ids): matched by kind and fields, nothing is added.
        const Imported again = import();
        const vault::MergePreview p2 = vault::previewMerge(empty, again.data);
        CHECK(p2.count(vault::MergeStatus::Identical) == static_cast<int>(again.data.entries.size()));
        CHECK_FALSE(vault::apply(empty, vault::importChange(again.data, p2, {}), kNow + 2));
        CHECK(empty.entries.size() == first.data.entries.size());

        // Into a vault with entries of its own, one of them already holding an imported entry.
        vault::Data mine;
        vault::change::UpsertEntry own;
        own.id = vault::newEntryId();
        own.fields = {{"title", "Своя запись"}, {"secret", "1"}};
        REQUIRE(vault::apply(mine, own, kNow));
        vault::change::UpsertEntry same;
        same.id = vault::newEntryId();
        same.kind = first.data.entries[0].kind;
        same.fields = first.data.entries[0].fields;
        REQUIRE(vault::apply(mine, same, kNow));
        const vault::MergePreview p3 = vault::previewMerge(mine, again.data);
        CHECK(p3.count(vault::MergeStatus::Identical) == 1);
        CHECK(p3.count(vault::MergeStatus::New) == static_cast<int>(again.data.entries.size()) - 1);
        REQUIRE(vault::apply(mine, vault::importChange(again.data, p3, {}), kNow + 3));
        CHECK(mine.entries.size() == again.data.entries.size() + 1);
        CHECK(mine.find(own.id) != nullptr);
    }
}
