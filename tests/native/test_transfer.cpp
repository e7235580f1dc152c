#include "core/bundle/transfer.h"
#include "core/crypto/crypto.h"
#include "core/strings.h"
#include "core/vault/session.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ts;
using namespace ts::bundle;
using nlohmann::json;
using vault::Data;

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

vault::change::UpsertEntry upsert(const std::string& id, json fields, const std::string& org = "") {
    vault::change::UpsertEntry c{id, "generic", std::move(fields), {}, {}};
    if (!org.empty()) c.org = org;
    return c;
}

vault::change::UpsertOrganisation organisation(const std::string& id, const std::string& name) {
    return {id, name, "RU", "7707083893"};
}

vault::change::StartRun run(const std::string& id, const std::string& org) {
    return {id, "eis-export-token", "eis", org, ""};
}

vault::change::NoteBackup noteBackup() {
    return {};
}

// Two organisations with two entries each, one entry of none, a run in each organisation, a
// picture, and the installation's own key and backup date.
Data sample() {
    REQUIRE(crypto::init());
    Data d;
    REQUIRE(vault::apply(d, organisation("o1", "ООО «Ромашка»"), 1));
    REQUIRE(vault::apply(d, organisation("o2", "ОАО «Василёк»"), 1));
    REQUIRE(vault::apply(d, upsert("e1", {{"title", "a"}}, "o1"), 10));
    REQUIRE(vault::apply(d, upsert("e1", {{"title", "a2"}}, "o1"), 20)); // one version in history
    REQUIRE(vault::apply(d, upsert("e2", {{"title", "b"}}, "o1"), 10));
    REQUIRE(vault::apply(d, upsert("e3", {{"title", "c"}}, "o2"), 10));
    REQUIRE(vault::apply(d, upsert("e4", {{"title", "d"}}, "o2"), 10));
    REQUIRE(vault::apply(d, upsert("e5", {{"title", "e"}}), 10));
    REQUIRE(vault::apply(d, run("r1", "o1"), 30));
    REQUIRE(vault::apply(d, run("r2", "o2"), 30));
    d.runs[1].finishedAt = 40;
    d.runs[1].savedEntry = "e3";
    d.attachments.push_back(vault::Attachment{"eis-export-token", "s1", "AAAA", 1, 1, 5, json::object()});
    REQUIRE(vault::apply(d, newInstallationKeyChange(), 50));
    REQUIRE(vault::apply(d, noteBackup(), 60));
    return d;
}

std::vector<std::string> ids(const Data& d) {
    std::vector<std::string> out;
    for (const vault::Entry& e : d.entries) out.push_back(e.id);
    return out;
}

std::vector<std::string> orgIds(const Data& d) {
    std::vector<std::string> out;
    for (const vault::Organisation& o : d.organisations) out.push_back(o.id);
    return out;
}

} // namespace

TEST_CASE("exporting everything takes all but the installation's own key and backup date") {
    const Data d = sample();
    const Data out = selectForExport(d, Selection{});
    CHECK(ids(out) == std::vector<std::string>{"e1", "e2", "e3", "e4", "e5"});
    CHECK(out.organisations.size() == 2);
    CHECK(out.runs.size() == 2);
    CHECK(out.attachments.size() == 1);
    CHECK(out.entries[0].history.size() == 1);
    CHECK(out.installation.secretKey.empty());
    CHECK(out.installation.lastBackupAt == 0);
    const crypto::SecretBytes bytes = vault::serialize(out);
    const std::string text(bytes.begin(), bytes.end());
    CHECK(text.find(d.installation.secretKey) == std::string::npos);
    CHECK(text.find("installation") == std::string::npos);
}

TEST_CASE("exporting organisations takes their entries and runs, not the others'") {
    const Data out = selectForExport(sample(), Selection{Selection::Scope::Organisations, {"o2"}, true});
    CHECK(ids(out) == std::vector<std::string>{"e3", "e4"});
    CHECK(orgIds(out) == std::vector<std::string>{"o2"});
    REQUIRE(out.runs.size() == 1);
    CHECK(out.runs[0].id == "r2");
    CHECK(out.attachments.empty());
}

TEST_CASE("exporting entries takes their organisations and the runs that wrote them") {
    const Data out = selectForExport(sample(), Selection{Selection::Scope::Entries, {"e3", "e5"}, true});
    CHECK(ids(out) == std::vector<std::string>{"e3", "e5"});
    CHECK(orgIds(out) == std::vector<std::string>{"o2"});
    REQUIRE(out.runs.size() == 1);
    CHECK(out.runs[0].savedEntry == "e3");
}

TEST_CASE("the export form's counts are what the bundle will hold") {
    const Data d = sample();
    for (const Selection& s : {Selection{}, Selection{Selection::Scope::Organisations, {"o1"}, true},
                               Selection{Selection::Scope::Organisations, {"o1", "o2"}, true},
                               Selection{Selection::Scope::Entries, {"e3", "e5"}, false},
                               Selection{Selection::Scope::Entries, {}, true},
                               Selection{Selection::Scope::Organisations, {"gone"}, true}}) {
        const Data out = selectForExport(d, s);
        const SelectionSize size = sizeOf(d, s);
        CHECK(size.entries == out.entries.size());
        CHECK(size.organisations == out.organisations.size());
    }
}

TEST_CASE("a bundle names the sender's workstation when it has one, and the name survives the trip") {
    Data out = selectForExport(sample(), Selection{});
    CHECK(workstationOf(out).empty());
    setWorkstation(out, "");
    CHECK_FALSE(out.unknown.contains("workstation"));
    setWorkstation(out, "Бухгалтерия-1");
    Opened opened;
    opened.payload = vault::serialize(out);
    BundleError err;
    const auto back = payloadData(opened, err);
    REQUIRE(back);
    CHECK(workstationOf(*back) == "Бухгалтерия-1");
    Data odd;
    odd.unknown["workstation"] = 42; // whatever a foreign writer put there
    CHECK(workstationOf(odd).empty());
}

TEST_CASE("exporting without history keeps only the current version") {
    const Data out = selectForExport(sample(), Selection{Selection::Scope::Entries, {"e1"}, false});
    REQUIRE(out.entries.size() == 1);
    CHECK(out.entries[0].history.empty());
    CHECK(out.entries[0].field("title") == "a2");
    CHECK_FALSE(isBackup(Selection{Selection::Scope::All, {}, false}, true));
    CHECK(isBackup(Selection{}, true));
    CHECK_FALSE(isBackup(Selection{}, false)); // sealed to a receiving code: not restorable here
    CHECK_FALSE(isBackup(Selection{Selection::Scope::Organisations, {"o1", "o2"}, true}, true));
}

TEST_CASE("the installation key pair is made once, kept in the vault and survives a save") {
    Data d = sample();
    const std::string first = d.installation.secretKey;
    CHECK_FALSE(vault::apply(d, newInstallationKeyChange(), 70)); // a second tab's key loses
    CHECK(d.installation.secretKey == first);
    Data back;
    REQUIRE(vault::parse(vault::serialize(d), back) == vault::ParseError::None);
    CHECK(back.installation.secretKey == first);
    CHECK(back.installation.lastBackupAt == 60);
    const auto keys = installationKeys(back);
    REQUIRE(keys);
    // What is sealed to its receiving code opens with the kept key.
    BundleError err;
    const PublicKey pk = *parseReceivingCode(receivingCode(keys->publicKey), err);
    const std::uint8_t payload[] = {'{', '}'};
    const auto file = writeForRecipient(payload, pk, 1, err);
    REQUIRE(file);
    CHECK(openWithKeyPair(*file, *keys, err).has_value());

    Data none;
    CHECK_FALSE(installationKeys(none));
    none.installation.secretKey = "not base64!";
    CHECK_FALSE(installationKeys(none));
    none.installation.secretKey = "AAAA"; // base64, but not 32 bytes
    CHECK_FALSE(installationKeys(none));
}

TEST_CASE("a vault with an installation block of the wrong shape is refused, unknown keys kept") {
    const auto parse = [](const std::string& text, Data& d) {
        return vault::parse(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), d);
    };
    Data d;
    CHECK(parse(R"({"schema":1,"entries":[],"installation":[]})", d) == vault::ParseError::WrongShape);
    CHECK(parse(R"({"schema":1,"entries":[],"installation":{"secretKey":1}})", d) ==
          vault::ParseError::WrongShape);
    CHECK(parse(R"({"schema":1,"entries":[],"installation":{"lastBackupAt":"x"}})", d) ==
          vault::ParseError::WrongShape);
    REQUIRE(parse(R"({"schema":1,"entries":[],"installation":{"lastBackupAt":5,"later":true}})", d) ==
            vault::ParseError::None);
    const crypto::SecretBytes out = vault::serialize(d);
    CHECK(std::string(out.begin(), out.end()).find(R"("later":true)") != std::string::npos);
}

TEST_CASE("what the user picked is told by its content first") {
    const auto id = [](std::string_view text, std::string_view name = "") {
        return identify(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), name);
    };
    CHECK(id("TSBUNDLE\x01\x00") == Source::Bundle);
    CHECK(id("  \n TSB1:AAAA") == Source::BundleText);
    CHECK(id("\xEF\xBB\xBFTSB1:AAAA") == Source::BundleText);
    CHECK(id(R"({"encrypted":false,"items":[]})", "export.txt") == Source::BitwardenJson);
    CHECK(id("\"Group\",\"Title\"\n") == Source::KeePassXcCsv);
    CHECK(id("Title,Username\n", "passwords.CSV") == Source::KeePassXcCsv);
    CHECK(id("garbage", "x.json") == Source::BitwardenJson); // its importer says what is wrong
    CHECK(id("garbage", "x.tsb") == Source::Bundle);
    CHECK(id("garbage", "picture.png") == Source::Unknown);
    CHECK(id("") == Source::Unknown);
    // KeePass: its signature whatever the name; a .kdbx that is not one is for KeePass's reader to refuse.
    CHECK(id(std::string_view("\x03\xD9\xA2\x9A\x67\xFB\x4B\xB5", 8), "база.bin") == Source::KeePass);
    CHECK(id("garbage", "Passwords.kdbx") == Source::KeePass);
}

TEST_CASE("bundle text that identify() takes for bundle text, byte-order mark included, is read") {
    REQUIRE(crypto::init());
    const KeyPair k = newKeyPair();
    BundleError e = BundleError::None;
    const std::string payload = R"({"schema":1,"entries":[],"organisations":[]})";
    const auto file = writeForRecipient(
        std::span(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()), k.publicKey, 1, e);
    REQUIRE(file.has_value());
    for (const std::string prefix : {"", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n\t ", "\n  "}) {
        const std::string text = prefix + toText(*file);
        CAPTURE(text.substr(0, 12));
        REQUIRE(identify(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), "") ==
                Source::BundleText);
        const auto back = fromText(text, e); // was BadText after a byte-order mark
        REQUIRE(back.has_value());
        CHECK(*back == *file);
    }
}

TEST_CASE("a bundle passphrase needs as many characters as a vault's, counted as characters") {
    const auto problem = [](std::string_view pass, std::string_view repeat) {
        const auto bytes = [](std::string_view s) {
            return std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
        };
        return bundlePassphraseProblem(bytes(pass), bytes(repeat));
    };
    REQUIRE(vault::Session::kMinPassphraseChars == 10);
    // Five Cyrillic letters are ten bytes: counted as bytes they passed.
    CHECK(problem("парол", "парол") == Str::ErrBundlePassTooShort);
    CHECK(problem("пароль123", "пароль123") == Str::ErrBundlePassTooShort); // 9 characters, 15 bytes
    CHECK(problem("пароль1234", "пароль1234") == std::nullopt);
    CHECK(problem("abcdefghij", "abcdefghij") == std::nullopt);
    CHECK(problem("abcdefghi", "abcdefghi") == Str::ErrBundlePassTooShort);
    CHECK(problem("пароль1234", "пароль1235") == Str::ErrPassphraseMismatch);
    CHECK(problem("пароль1234", "пароль123") == Str::ErrPassphraseMismatch);
    CHECK(problem("", "") == Str::ErrBundlePassTooShort);
}

TEST_CASE("an opened bundle's payload must be vault data with something in it") {
    const auto opened = [](const std::string& text) {
        Opened o;
        o.payload = crypto::secretFrom(text);
        return o;
    };
    BundleError err;
    CHECK_FALSE(payloadData(opened("not json"), err));
    CHECK(err == BundleError::Damaged);
    CHECK_FALSE(payloadData(opened(R"({"schema":1})"), err));
    CHECK(err == BundleError::Damaged);
    CHECK_FALSE(payloadData(opened(R"({"schema":2,"minReader":2,"entries":[]})"), err));
    CHECK(err == BundleError::NewerVersion);
    CHECK_FALSE(payloadData(opened(R"({"schema":1,"entries":[],"organisations":[]})"), err));
    CHECK(err == BundleError::Empty);
    CHECK(std::string(tr(messageFor(err), Lang::En)).find("empty") != std::string::npos);
    const auto d = payloadData(
        opened(
            R"({"schema":1,"entries":[{"id":"x","kind":"generic","fields":{"title":"t"},"createdAt":1,"updatedAt":1}],)"
            R"("installation":{"secretKey":"c2VjcmV0","lastBackupAt":9}})"),
        err);
    REQUIRE(d);
    CHECK(err == BundleError::None);
    CHECK(d->installation.secretKey.empty()); // never another installation's key
    CHECK(d->installation.lastBackupAt == 0);
}

TEST_CASE("the backup reminder counts from the last full export, or from the oldest entry") {
    Data d;
    CHECK_FALSE(daysWithoutBackup(d, 100 * kDay)); // nothing to back up
    CHECK_FALSE(backupDue(d, 100 * kDay, 7));
    REQUIRE(vault::apply(d, upsert("a", {{"title", "a"}}), 10 * kDay));
    REQUIRE(vault::apply(d, upsert("b", {{"title", "b"}}), 3 * kDay));
    CHECK(daysWithoutBackup(d, 10 * kDay) == 7);
    CHECK(backupDue(d, 10 * kDay, 7));
    CHECK_FALSE(backupDue(d, 10 * kDay - 1, 7));
    CHECK_FALSE(backupDue(d, 10 * kDay, 0)); // "never"
    REQUIRE(vault::apply(d, noteBackup(), 9 * kDay));
    CHECK(daysWithoutBackup(d, 10 * kDay) == 1);
    CHECK_FALSE(backupDue(d, 10 * kDay, 7));
    CHECK(backupDue(d, 16 * kDay, 7));
}

TEST_CASE("the backup reminder does not count from 1970 for entries with no creation time") {
    Data d;
    REQUIRE(vault::apply(d, upsert("a", {{"title", "a"}}), 5 * kDay));
    REQUIRE(vault::apply(d, upsert("b", {{"title", "b"}}), 8 * kDay));
    d.entries[0].createdAt = 0; // as a vault fixture or an old tool leaves it
    CHECK(daysWithoutBackup(d, 10 * kDay) == 2);
    d.entries[1].createdAt = 0;
    CHECK(daysWithoutBackup(d, 10 * kDay) == 0);
    CHECK_FALSE(backupDue(d, 10 * kDay, 7));
}
