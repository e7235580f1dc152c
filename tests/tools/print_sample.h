// A procedure with every kind of mock-up element, and a screen of over-long texts: the native
// print tests check their pages, and ts_print_samples writes the same pages for a person to look at.
#pragma once

#include "core/kinds/kind.h"
#include "core/procedures/procedure.h"

#include <string>

namespace ts::procedures::print_sample {

inline Text both(const char* ru, const char* en) {
    return Text{ru, en};
}

inline Element el(Element::Type type, const char* label, int mark = 0) {
    Element e;
    e.type = type;
    e.label = label;
    e.mark = mark;
    return e;
}

inline kinds::Registry registry() {
    kinds::Registry r;
    kinds::Kind k;
    k.id = "sample-token";
    kinds::Field guid;
    guid.id = "guid";
    guid.label = both("Токен (GUID)", "Token (GUID)");
    kinds::Field until;
    until.id = "validUntil";
    until.label = both("Действует до", "Valid until");
    k.fields = {guid, until};
    r.add(k);
    return r;
}

// Two steps; the first screen has every kind of element, marks on an item, an element nested in a
// row, a table cell and a dialog; the second carries a label that must be escaped.
inline Procedure sample() {
    Procedure p;
    p.id = "sample";
    p.kind = "sample-token";
    p.system = both("ЕИС", "EIS");
    p.title = both("Получить токен для выгрузки", "Get an export token");
    p.summary = both("Токен нужен программе учёта.", "The accounting program needs the token.");
    p.roles = {
        both("«Администратор организации»", "«Администратор организации» (organisation administrator)")};
    p.before = {both("Электронная подпись", "An electronic signature")};
    p.notes = {{both("Токен показывают один раз.", "The token is shown once."), true},
               {both("Срок — год.", "It lasts a year."), false}};

    Step a;
    a.id = "open";
    a.title = both("Откройте настройки", "Open the settings");
    a.text = both("Нажмите «Настройки».", "Click «Настройки» (Settings).");
    a.warning = both("Не закрывайте окно.", "Do not close the window.");
    a.fills = {"guid", "validUntil"};
    Screen& s = a.screen;
    s.title = "ЕИС — Личный кабинет";
    s.address = "zakupki.gov.ru/lk";
    s.menu = {{"Главная", false, 0}, {"Настройки", true, 1}};
    s.tabs = {{"Общие", true, 0}, {"Интеграция", false, 0}};
    s.sidebar = {{"Профиль", true, 0}, {"Пользователи", false, 0}};
    Element field = el(Element::Type::Field, "Токен");
    field.value = "8c3f…";
    Element secret = el(Element::Type::Field, "Пароль", 2);
    secret.flag = true;
    secret.value = "hunter2";
    Element select = el(Element::Type::Select, "Срок");
    select.value = "1 год";
    Element check = el(Element::Type::Checkbox, "Согласен");
    check.flag = true;
    Element icon = el(Element::Type::Icon, "Обновить");
    icon.value = "refresh";
    Element row = el(Element::Type::Row, "");
    row.children = {el(Element::Type::Button, "Сгенерировать", 3), el(Element::Type::Link, "Справка")};
    Element table = el(Element::Type::Table, "");
    table.columns = {"Система", "Действия"};
    Element gear = el(Element::Type::Icon, "", 4);
    gear.value = "gear";
    table.rows = {{el(Element::Type::Text, "Бухгалтерия"), gear}};
    Element dialog = el(Element::Type::Dialog, "Новый токен");
    dialog.children = {el(Element::Type::Text, "Скопируйте токен"), el(Element::Type::Button, "Закрыть", 5)};
    dialog.children[1].flag = true;
    s.body = {el(Element::Type::Heading, "Интеграция"),
              el(Element::Type::Text, "Настройте доступ"),
              field,
              secret,
              select,
              check,
              icon,
              row,
              table,
              dialog};
    for (int i = 1; i <= 5; ++i)
        s.callouts.push_back(Text{"Выноска " + std::to_string(i), "Callout " + std::to_string(i)});

    Step b;
    b.id = "copy";
    b.title = both("Скопируйте токен", "Copy the token");
    b.text = both("Скопируйте.", "Copy it.");
    b.screen.title = "Окно";
    b.screen.body = {el(Element::Type::Button, "<script>alert('x')</script> & \"Ко\"", 1)};
    b.screen.callouts = {both("Кнопка", "The button")};
    Element icons = el(Element::Type::Row, "");
    for (const std::string& name : iconNames()) {
        icons.children.push_back(el(Element::Type::Icon, ""));
        icons.children.back().value = name;
    }
    b.screen.body.push_back(icons);
    p.steps = {a, b};

    Question q;
    q.question = both("Сколько раз показывают токен?", "How many times is the token shown?");
    q.options = {both("Всегда", "Always"), both("Один раз", "Once"), both("Дважды", "Twice")};
    q.answer = 1;
    q.explain = both("Сразу скопируйте его.", "Copy it at once.");
    p.quiz = {q};
    return p;
}

// A screen whose side column entry and table texts are too long for one line.
inline Screen longTexts() {
    Screen s;
    s.title = "Окно";
    s.sidebar = {{"Учетные записи пользователя для интеграции с внешними системами", true, 1},
                 {"…", false, 0}};
    Element table = el(Element::Type::Table, "");
    table.columns = {"Наименование информационной системы", "Описание"};
    table.rows = {
        {el(Element::Type::Text, "TPSClient"), el(Element::Type::Text,
                                                  "Передача таможенных документов и сведений о товарах в "
                                                  "таможенные органы в электронном виде через шлюз",
                                                  2)}};
    s.body = {table};
    s.callouts = {Text{"Раздел", "Section"}, Text{"Описание", "Description"}};
    return s;
}

} // namespace ts::procedures::print_sample
