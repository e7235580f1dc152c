#include "core/strings.h"

#include <array>

namespace ts {
namespace {

struct Entry {
    Str id;
    const char* ru;
    const char* en;
};

// Portal labels are quoted exactly, in «», as the portals show them.
constexpr Entry kTable[] = {
    {Str::AppName, "Сейф токенов", "TokenSafe"},
    {Str::AppTagline,
     "Токены и пароли для ЕИС и ОАИС — зашифрованы, с напоминаниями о сроках и пошаговыми инструкциями.",
     "Tokens and passwords for EIS and OAIS — encrypted, with expiry reminders and step-by-step procedures."},
    {Str::NavHome, "Главная", "Home"},
    {Str::NavSettings, "Настройки", "Settings"},
    {Str::LanguageName, "Русский", "English"},
    {Str::Coming, "скоро", "coming soon"},
    {Str::StatusReady, "Готово", "Ready"},

    {Str::CardVaultTitle, "Хранилище", "Vault"},
    {Str::CardVaultText,
     "Токены, логины и пароли, зашифрованные вашей парольной фразой. Хранятся только в этом браузере.",
     "Tokens, logins and passwords, encrypted with your passphrase. Kept only in this browser."},
    {Str::CardVaultButton, "Открыть хранилище", "Open the vault"},
    {Str::CardProceduresTitle, "Процедуры", "Procedures"},
    {Str::CardProceduresText,
     "Пять инструкций порталов в виде чек-листов: получить, обновить и ввести токен. Режим обучения для "
     "занятий.",
     "Five portal procedures as checklists: obtain, renew and enter a token. A training mode for classes."},
    {Str::CardProceduresButton, "Открыть процедуры", "Open procedures"},
    {Str::CardBundlesTitle, "Перенос", "Transfer"},
    {Str::CardBundlesText,
     "Зашифрованные пакеты: перенести токены на другой компьютер, передать коллеге, сделать резервную копию.",
     "Encrypted bundles: move tokens to another computer, hand them to a colleague, keep a backup."},
    {Str::CardBundlesButton, "Экспорт и импорт", "Export and import"},
    {Str::KnowsTitle, "Какие учётные данные знает Сейф", "Credentials TokenSafe knows"},
    {Str::KnowsEisExport, "ЕИС — токен «сервисы отдачи» для РИС и для систем бухгалтерского учета",
     "EIS — the «сервисы отдачи» token for a regional system and for accounting systems"},
    {Str::KnowsEisHttps, "ЕИС — логин и пароль альтернативной интеграции по HTTPS (БФТ.Закупки)",
     "EIS — login and password for alternative integration over HTTPS (BFT.Zakupki)"},
    {Str::KnowsEisParticipant, "ЕИС — «Уникальный токен-ключ» участника закупок, на 1 год",
     "EIS — the participant's «Уникальный токен-ключ», valid for 1 year"},
    {Str::KnowsOais, "ОАИС (account.gov.by) — токен информационной системы «система-система»",
     "OAIS (account.gov.by) — an information system's system-to-system token"},
    {Str::KnowsTps, "TPSClient, Декларант-2011, Декларант-Стат — токен ОАИС на 3 месяца",
     "TPSClient, Декларант-2011, Декларант-Стат — an OAIS token valid for 3 months"},
    {Str::PrivacyNote, "Работает без сети. Данные не покидают этот браузер.",
     "Works offline. Your data never leaves this browser."},

    {Str::SettingsTitle, "Настройки", "Settings"},
    {Str::SettingsLanguage, "Язык интерфейса", "Interface language"},
    {Str::SettingsWorkstation, "Название рабочего места", "Workstation name"},
    {Str::SettingsWorkstationHint,
     "Подписывает пакеты переноса, чтобы получатель видел, откуда они пришли. Это не секрет.",
     "Labels transfer bundles so the recipient sees where they came from. It is not a secret."},
    {Str::SettingsSave, "Сохранить", "Save"},
    {Str::MsgSettingsSaved, "Настройки сохранены", "Settings saved"},
    {Str::MsgSettingsSaveFailed, "Не удалось сохранить настройки: браузер запретил запись (localStorage)",
     "Settings were not saved: the browser refused to write (localStorage)"},
    {Str::MsgLanguageChanged, "Язык интерфейса: русский", "Interface language: English"},
    {Str::ErrWorkstationTooLong, "Название рабочего места: не длиннее 64 символов",
     "Workstation name: at most 64 characters"},
    {Str::ErrWorkstationControlChars, "Название рабочего места: без переводов строки и управляющих символов",
     "Workstation name: no line breaks or control characters"},
};

constexpr bool tableIsComplete() {
    if (std::size(kTable) != kStringCount) return false;
    for (std::size_t i = 0; i < std::size(kTable); ++i)
        if (static_cast<std::size_t>(kTable[i].id) != i) return false;
    return true;
}
static_assert(tableIsComplete(), "kTable must list every Str id once, in enum order");

} // namespace

std::string_view tr(Str id, Lang lang) {
    const Entry& e = kTable[static_cast<std::size_t>(id)];
    return lang == Lang::En ? e.en : e.ru;
}

std::string_view langCode(Lang lang) {
    return lang == Lang::En ? "en" : "ru";
}

std::optional<Lang> langFromCode(std::string_view code) {
    if (code == "ru") return Lang::Ru;
    if (code == "en") return Lang::En;
    return std::nullopt;
}

} // namespace ts
