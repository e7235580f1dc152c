// A KeePass database with everything the writer must carry: nested groups, Cyrillic, protected and
// custom fields, characters XML escapes, whitespace-only and multi-line values, expiry, history,
// attachments (a picture and text), distinct times. Used by the round-trip and keepassxc-cli tests.
#pragma once

#include "core/kdbx/database.h"

#include <cstdint>

namespace ts::testing {

inline kdbx::Uuid kdbxUuid(std::uint8_t n) {
    kdbx::Uuid u{};
    u[0] = 0x5a;
    u[15] = n;
    return u;
}

inline kdbx::Times kdbxTimes(std::int64_t base, bool expires = false, std::int64_t expiry = 0) {
    kdbx::Times t;
    t.creation = base;
    t.lastModification = base + 3600;
    t.lastAccess = base + 7200;
    t.locationChanged = base + 60;
    t.expires = expires;
    t.expiry = expires ? expiry : base;
    t.usageCount = 0;
    return t;
}

inline kdbx::Database kdbxSample() {
    kdbx::Database db;
    db.name = "Выгрузка Сейфа токенов";
    db.generator = "TokenSafe";
    db.root.uuid = kdbxUuid(1);
    db.root.name = "Сейф токенов";
    db.root.iconId = 48;
    db.root.times = kdbxTimes(1700000000);

    kdbx::Group org;
    org.uuid = kdbxUuid(2);
    org.name = "ООО «Ромашка»";
    org.notes = "ИНН 7707083893";
    org.iconId = 48;
    org.times = kdbxTimes(1700001000);

    kdbx::Entry e;
    e.uuid = kdbxUuid(10);
    e.tags = "ЕИС,токен"; // KeePassXC writes tags back with commas, whatever the separator read
    e.set("Title", "Сервисы отдачи — ООО «Ромашка»");
    e.set("UserName", "romashka");
    e.set("Password", "старый & <пароль>", true);
    e.set("URL", "https://zakupki.gov.ru/epz/");
    e.set("Notes", "Выдан 01.03.2025\nСрок: 2 года\n  с отступом");
    e.set("Токен", "3f7c9a1e-1b2c-4d5e-8f90-a1b2c3d4e5f6", true);
    e.set("ИНН", "7707083893");
    e.times = kdbxTimes(1710000000, true, 1803902400); // expires 2027-03-01T12:00:00Z
    kdbx::Entry h1 = e;
    h1.times = kdbxTimes(1705000000, true, 1772366400);
    h1.set("Password", "первый", true);
    kdbx::Entry h2 = e;
    h2.times = kdbxTimes(1707000000);
    h2.set("Password", "второй", true);
    h2.set("Пустое", "");
    e.history = {h1, h2};
    e.set("Password", "текущий \"пароль\" ' ]]> ", true);
    e.set("Пробел", " ");
    e.attachments.push_back(
        {"scan.png", {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48}});
    e.attachments.push_back({"памятка.txt", {'o', 'k', '\n'}});
    org.entries.push_back(e);

    kdbx::Group oais;
    oais.uuid = kdbxUuid(3);
    oais.name = "ОАИС";
    oais.iconId = 48;
    oais.times = kdbxTimes(1700002000);
    kdbx::Entry t;
    t.uuid = kdbxUuid(20);
    t.set("Title", "TPSClient");
    t.set("UserName", "tps");
    t.set("Password", "", true);
    t.times = kdbxTimes(1704067199);
    oais.entries.push_back(t);
    org.groups.push_back(oais);
    db.root.groups.push_back(org);
    return db;
}

} // namespace ts::testing
