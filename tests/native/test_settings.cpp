#include "core/settings.h"
#include "platform/native/memory_store.h"

#include <doctest/doctest.h>

using namespace ts;

TEST_CASE("settings default to Russian and no workstation name") {
    const Settings s = parseSettings("");
    CHECK(s.language == Lang::Ru);
    CHECK(s.workstation.empty());
}

TEST_CASE("settings round-trip through JSON") {
    Settings s;
    s.language = Lang::En;
    s.workstation = "Бухгалтерия — ПК №3";
    const Settings back = parseSettings(serializeSettings(s));
    CHECK(back.language == Lang::En);
    CHECK(back.workstation == "Бухгалтерия — ПК №3");
}

TEST_CASE("fields a newer version wrote are kept through a save") {
    const Settings s =
        parseSettings(R"({"version":7,"language":"en","autoLockMinutes":15,"theme":{"dark":true}})");
    CHECK(s.language == Lang::En);
    const auto j = nlohmann::json::parse(serializeSettings(s));
    CHECK(j["autoLockMinutes"] == 15);
    CHECK(j["theme"]["dark"] == true);
    CHECK(j["version"] == kSettingsVersion);
}

TEST_CASE("auto-lock accepts only the offered choices") {
    CHECK(parseSettings("").autoLockMinutes == 10);
    CHECK(parseSettings(R"({"autoLockMinutes":30})").autoLockMinutes == 30);
    CHECK(parseSettings(R"({"autoLockMinutes":7})").autoLockMinutes == 10);
    CHECK(parseSettings(R"({"autoLockMinutes":"5"})").autoLockMinutes == 10);
    // 2^32 + 5 is not 5: a number too large for an int is no choice at all.
    CHECK(parseSettings(R"({"autoLockMinutes":4294967301})").autoLockMinutes == 10);
    CHECK(parseSettings(R"({"autoLockMinutes":-4294967291})").autoLockMinutes == 10);
    Settings s;
    s.autoLockMinutes = 1;
    CHECK(parseSettings(serializeSettings(s)).autoLockMinutes == 1);
}

TEST_CASE("the backup reminder accepts only the offered choices, never included") {
    CHECK(parseSettings("").backupReminderDays == 30);
    CHECK(parseSettings(R"({"backupReminderDays":0})").backupReminderDays == 0);
    CHECK(parseSettings(R"({"backupReminderDays":90})").backupReminderDays == 90);
    CHECK(parseSettings(R"({"backupReminderDays":31})").backupReminderDays == 30);
    CHECK(parseSettings(R"({"backupReminderDays":"7"})").backupReminderDays == 30);
    CHECK(parseSettings(R"({"backupReminderDays":4294967303})").backupReminderDays == 30);
    Settings s;
    s.backupReminderDays = 7;
    CHECK(parseSettings(serializeSettings(s)).backupReminderDays == 7);
}

TEST_CASE("text size is one of 100-200 %, anything else is 100 %") {
    CHECK(parseSettings("").textSizePercent == 100);
    CHECK(parseSettings(R"({"textSizePercent":150})").textSizePercent == 150);
    CHECK(parseSettings(R"({"textSizePercent":200})").textSizePercent == 200);
    CHECK(parseSettings(R"({"textSizePercent":250})").textSizePercent == 100);
    CHECK(parseSettings(R"({"textSizePercent":90})").textSizePercent == 100);
    CHECK(parseSettings(R"({"textSizePercent":"150"})").textSizePercent == 100);
    Settings s;
    s.textSizePercent = 175;
    CHECK(parseSettings(serializeSettings(s)).textSizePercent == 175);
    CHECK(nlohmann::json::parse(serializeSettings(s))["textSizePercent"] == 175);
}

TEST_CASE("unreadable settings fall back to defaults field by field") {
    CHECK(parseSettings("not json").language == Lang::Ru);
    CHECK(parseSettings("[1,2]").language == Lang::Ru);
    CHECK(parseSettings(R"({"language":"de"})").language == Lang::Ru);
    CHECK(parseSettings(R"({"language":5})").language == Lang::Ru);
    const Settings s = parseSettings(R"({"language":"en","workstation":"a\nb"})");
    CHECK(s.language == Lang::En); // the good field survives
    CHECK(s.workstation.empty());  // the bad one does not
}

TEST_CASE("workstation names are validated with a specific message") {
    CHECK_FALSE(validateWorkstation("").has_value());
    CHECK_FALSE(validateWorkstation("Отдел закупок, ПК-2").has_value());
    CHECK(validateWorkstation("a\tb") == Str::ErrWorkstationControlChars);
    CHECK(validateWorkstation("line\n") == Str::ErrWorkstationControlChars);
    // The limit counts characters, not bytes: 64 Cyrillic letters are 128 bytes and fine.
    std::string cyr;
    for (int i = 0; i < 64; ++i) cyr += "ж";
    CHECK_FALSE(validateWorkstation(cyr).has_value());
    CHECK(validateWorkstation(cyr + "ж") == Str::ErrWorkstationTooLong);
}

TEST_CASE("the settings store saves under its key and reports a refused write") {
    MemoryStore kv;
    SettingsStore store(kv);
    CHECK(store.load().language == Lang::Ru);

    Settings s;
    s.language = Lang::En;
    REQUIRE(store.save(s));
    CHECK(kv.data.count(std::string(SettingsStore::kKey)) == 1);
    CHECK(store.load().language == Lang::En);

    kv.failNextPuts = 1;
    s.language = Lang::Ru;
    CHECK_FALSE(store.save(s));
    CHECK(store.load().language == Lang::En); // the refused write changed nothing
}
