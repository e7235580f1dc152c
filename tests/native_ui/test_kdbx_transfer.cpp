// KeePass files on the transfer screen, built natively with the KeePass module called directly
// (platform/native/direct_keepass_module.h, the same request and reply bytes as in the browser):
// each refusal shows its own message and writes nothing; the preview offers the groups as
// organisations; the export writes a .kdbx that the reader opens with the typed password.
#include "core/kdbx/reader.h"
#include "core/kdbx/writer.h"
#include "core/strings.h"
#include "ui_harness.h"

using namespace ts;
using ts::testing::AppHarness;

namespace {

const std::string kPass = "Синий-трактор 42 едет";
const std::string kKdbxPass = "Пароль базы 2026";

std::vector<std::uint8_t> sampleKdbx() {
    kdbx::Database db;
    db.root.name = "Root";
    kdbx::Group org;
    org.name = "ООО «Ромашка»";
    org.uuid[0] = 1;
    kdbx::Entry e;
    e.uuid[0] = 2;
    e.set("Title", "Почта");
    e.set("UserName", "anna");
    e.set("Password", "секрет", true);
    e.times.expires = true;
    e.times.expiry = 1803902400; // 2027-03-01T12:00:00Z
    org.entries.push_back(e);
    db.root.groups.push_back(org);
    kdbx::Credentials c;
    c.password = crypto::SecretBytes(kKdbxPass.begin(), kKdbxPass.end());
    kdbx::WriteOptions o;
    o.iterations = 1;
    o.memoryBytes = 64 * 1024;
    o.parallelism = 1;
    kdbx::Bytes file;
    kdbx::Error error;
    REQUIRE(kdbx::writeKdbx(db, c, o, file, error));
    return file;
}

void createVault(AppHarness& h) {
    h.window.height = 1600; // the export form with the KeePass options, unscrolled
    h.click("Хранилище");
    h.typeInto("create-pass", kPass);
    h.typeInto("create-repeat", kPass);
    h.click("create-vault");
    h.settle(30);
    REQUIRE(h.state("vault") == "unlocked");
}

void pickFile(AppHarness& h, const std::string& name, std::vector<std::uint8_t> bytes) {
    h.click("nav-transfer");
    h.click("tab-import");
    h.settle(30);
    if (h.find("import-cancel")) h.click("import-cancel"); // a half-done import
    h.click("import-file");
    h.files.next = PickedFile{name, std::move(bytes), false};
    REQUIRE(h.files.answer());
    h.pacer.wake(); // as the browser's picker does once it has answered (WebFilePicker::onActivity)
    h.settle();
}

std::string message(AppHarness& h) {
    return h.state("message");
}

} // namespace

TEST_CASE(
    "a .kdbx: wrong password, a module that failed to load and a damaged file each refused with their own "
    "message; the right password previews, offers the group, imports in one save") {
    AppHarness h;
    createVault(h);
    const std::vector<std::uint8_t> file = sampleKdbx();
    pickFile(h, "база.kdbx", file);
    CHECK(h.find(std::string(tr(Str::ImportKdbxNeedsPass, Lang::Ru))).has_value());
    CHECK(h.files.lastAccept().find(".kdbx") != std::string::npos);
    const auto revision = h.seam.state["revision"];

    h.typeInto("import-kdbx-pass", "не тот");
    h.click("import-kdbx-open");
    CHECK(message(h) == tr(Str::ErrKdbxWrongCredentials, Lang::Ru));
    CHECK(h.seam.state["revision"] == revision);
    CHECK(h.find("import-kdbx-pass").has_value()); // they may try again

    h.keepass.failLoad = true;
    h.typeInto("import-kdbx-pass", kKdbxPass);
    h.click("import-kdbx-open");
    CHECK(message(h) == tr(Str::ErrKdbxModuleFailed, Lang::Ru));
    h.keepass.failLoad = false;

    std::vector<std::uint8_t> cut(file.begin(), file.begin() + 200);
    pickFile(h, "обрезанная.kdbx", cut);
    h.typeInto("import-kdbx-pass", kKdbxPass);
    h.click("import-kdbx-open");
    CHECK(message(h).rfind(tr(Str::ErrKdbxTruncated, Lang::Ru), 0) == 0); // then the file's name
    CHECK(h.find("import-file").has_value());                             // back to choosing a file
    CHECK(h.seam.state["revision"] == revision);

    pickFile(h, "база.kdbx", file);
    h.typeInto("import-kdbx-pass", kKdbxPass);
    h.click("import-kdbx-open");
    CHECK(message(h) == tr(Str::MsgImportPreview, Lang::Ru));
    REQUIRE(h.find("import-kdbx-orgs").has_value());
    CHECK(h.item("import-kdbx-orgs").value("checked", false) == false);
    h.click("import-kdbx-orgs");
    CHECK(h.item("import-kdbx-orgs").value("checked", false) == true);
    CHECK(h.seam.state["revision"] == revision);
    h.click("import-confirm");
    h.settle(30);
    CHECK(h.seam.state["revision"] == revision.get<int>() + 1);
    const vault::Data& data = h.session.data();
    REQUIRE(data.entries.size() == 1);
    REQUIRE(data.organisations.size() == 1);
    CHECK(data.organisations[0].name == "ООО «Ромашка»");
    CHECK(data.entries[0].org == data.organisations[0].id);
    CHECK(data.entries[0].field("validUntil") == "2027-03-01");
}

TEST_CASE("export as .kdbx: the chosen cipher and KDF, a file the reader opens with the typed password") {
    AppHarness h;
    createVault(h);
    pickFile(h, "база.kdbx", sampleKdbx());
    h.typeInto("import-kdbx-pass", kKdbxPass);
    h.click("import-kdbx-open");
    h.click("import-confirm");
    h.settle(30);

    h.click("tab-export");
    h.click("export-format-kdbx");
    h.click("export-kdbx-chacha");
    h.click("export-kdbx-argon2d");
    const std::string pass = "Экспорт в KeePass 2026!";
    h.typeInto("export-pass", pass);
    h.typeInto("export-repeat", pass + "x");
    h.click("export-kdbx");
    CHECK(message(h) == tr(Str::ErrPassphraseMismatch, Lang::Ru));
    CHECK(h.downloads.empty());
    h.click("export-repeat");
    h.press(ImGuiKey_Backspace);
    h.click("export-kdbx");
    h.settle(30);
    CHECK(message(h) == tr(Str::MsgExportKdbxDownloaded, Lang::Ru));
    REQUIRE(h.downloads.size() == 1);
    const std::string& bytes = h.downloads.begin()->second;
    kdbx::Credentials c;
    c.password = crypto::SecretBytes(pass.begin(), pass.end());
    kdbx::Database db;
    kdbx::Error error;
    kdbx::FileInfo info;
    REQUIRE(kdbx::readKdbx({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, c, db, error,
                           &info));
    CHECK(info.cipher == "ChaCha20");
    CHECK(info.kdf == "Argon2d");
    REQUIRE(db.root.groups.empty()); // imported without making its group an organisation
    const kdbx::Entry& e = db.root.entries.at(0);
    CHECK(e.value("UserName") == "anna");
    CHECK(e.value("Password") == "секрет");
    CHECK(e.times.expires);
}
