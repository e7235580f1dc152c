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

    {Str::ErrVaultNotAVault, "Это не хранилище Сейфа токенов: файл другого формата.",
     "This is not a TokenSafe vault: the file has another format."},
    {Str::ErrVaultUnsupportedVersion, "Хранилище записано в неизвестной версии формата.",
     "The vault is in an unknown format version."},
    {Str::ErrVaultNewerVersion,
     "Хранилище записано более новой версией Сейфа токенов. Обновите приложение, чтобы открыть его.",
     "The vault was written by a newer TokenSafe. Update the app to open it."},
    {Str::ErrVaultTruncated, "Хранилище обрезано: данные записаны не полностью.",
     "The vault is truncated: its data was not written completely."},
    {Str::ErrVaultTrailingData, "После данных хранилища есть лишние байты: файл повреждён или склеен.",
     "There are extra bytes after the vault data: the file is damaged or joined with another."},
    {Str::ErrVaultHeaderDamaged, "Заголовок хранилища повреждён (контрольная сумма не сходится).",
     "The vault header is damaged (its checksum does not match)."},
    {Str::ErrVaultUnsupportedKdf,
     "Параметры защиты парольной фразы в хранилище недопустимы: файл повреждён или подделан.",
     "The vault's passphrase protection parameters are not acceptable: the file is damaged or forged."},
    {Str::ErrVaultKdfFailed,
     "Браузеру не хватило памяти для проверки парольной фразы. Закройте другие вкладки и повторите.",
     "The browser ran out of memory checking the passphrase. Close other tabs and try again."},
    {Str::ErrVaultWrongPassphrase, "Неверная парольная фраза.", "Wrong passphrase."},
    {Str::ErrVaultForeignBody, "Данные принадлежат другому хранилищу: заголовок и содержимое не совпадают.",
     "The data belongs to another vault: the header and the contents do not match."},
    {Str::ErrVaultMixedRevision, "Заголовок и данные хранилища из разных сохранений.",
     "The vault header and data come from different saves."},
    {Str::ErrVaultBodyDamaged, "Данные хранилища повреждены или изменены: проверка подлинности не прошла.",
     "The vault data is damaged or altered: it failed authentication."},
    {Str::ErrVaultNewerSchema,
     "Данные хранилища записаны более новой версией Сейфа токенов. Обновите приложение, чтобы открыть их.",
     "The vault data was written by a newer TokenSafe. Update the app to open it."},
    {Str::ErrVaultBodyUnreadable, "Хранилище расшифровано, но его данные не читаются: они повреждены.",
     "The vault was decrypted but its data cannot be read: it is damaged."},

    {Str::MsgVaultCreated, "Хранилище создано и сохранено в этом браузере",
     "The vault was created and saved in this browser"},
    {Str::MsgSaved, "Сохранено", "Saved"},
    {Str::ErrSaveFailed, "Не сохранено: браузер отказал в записи", "Not saved: the browser refused to write"},
    {Str::ErrStorageLoad, "Не удалось прочитать хранилище из браузера",
     "Could not read the vault from the browser"},
    {Str::MsgConflictReapplied,
     "Другая вкладка сохранила изменения раньше. Хранилище обновлено, ваше изменение применено к новой "
     "версии "
     "и сохранено.",
     "Another tab saved first. The vault was reloaded and your change applied to the newer version and "
     "saved."},
    {Str::ErrConflictGaveUp,
     "Не сохранено: другие вкладки постоянно меняют хранилище. Закройте лишние вкладки и повторите.",
     "Not saved: other tabs keep changing the vault. Close the extra tabs and try again."},
    {Str::MsgUpdatedElsewhere, "Хранилище обновлено: изменения сделаны в другой вкладке",
     "The vault was updated with changes made in another tab"},
    {Str::MsgLockedPassphraseChangedElsewhere,
     "Парольная фраза изменена в другой вкладке. Откройте хранилище новой парольной фразой.",
     "The passphrase was changed in another tab. Open the vault with the new passphrase."},
    {Str::MsgOpenedPrevious,
     "Последнее сохранение повреждено; открыта предыдущая версия хранилища. Следующее сохранение заменит "
     "повреждённую.",
     "The latest save is damaged; the previous version of the vault was opened. The next save replaces the "
     "damaged one."},
    {Str::MsgVaultExistsElsewhere,
     "Хранилище уже создано в другой вкладке — откройте его парольной фразой, заданной там",
     "A vault was already created in another tab — open it with its passphrase"},
    {Str::MsgPassphraseChanged, "Парольная фраза изменена", "The passphrase was changed"},
    {Str::MsgLocked, "Хранилище заблокировано", "The vault is locked"},
    {Str::MsgUnlocked, "Хранилище открыто", "The vault is open"},
    {Str::ErrPassphraseMismatch, "Парольные фразы не совпадают", "The passphrases do not match"},
    {Str::ErrPassphraseTooShort, "Парольная фраза слишком короткая: нужно не меньше 10 символов",
     "The passphrase is too short: at least 10 characters"},
    {Str::ErrCurrentPassphraseWrong, "Текущая парольная фраза введена неверно",
     "The current passphrase is wrong"},
    {Str::ErrUnlockWait, "Подождите немного перед следующей попыткой",
     "Wait a moment before the next attempt"},
    {Str::StrengthVeryWeak, "очень слабая", "very weak"},
    {Str::StrengthWeak, "слабая", "weak"},
    {Str::StrengthFair, "средняя", "fair"},
    {Str::StrengthGood, "хорошая", "good"},
    {Str::StrengthStrong, "сильная", "strong"},

    {Str::NavVault, "Хранилище", "Vault"},
    {Str::VaultLoading, "Читаем хранилище из браузера…", "Reading the vault from the browser…"},
    {Str::CreateTitle, "Новое хранилище", "New vault"},
    {Str::CreateIntro,
     "Придумайте парольную фразу: ею шифруются все токены и пароли. Сама фраза нигде не сохраняется.",
     "Choose a passphrase: it encrypts all the tokens and passwords. The passphrase itself is stored "
     "nowhere."},
    {Str::CreateWarning,
     "Забытую парольную фразу восстановить невозможно: без неё данные не расшифрует никто, включая "
     "разработчиков. Запишите её и храните отдельно от компьютера.",
     "A forgotten passphrase cannot be recovered: without it nobody can decrypt the data, the developers "
     "included. Write it down and keep it away from the computer."},
    {Str::FieldPassphrase, "Парольная фраза", "Passphrase"},
    {Str::FieldPassphraseRepeat, "Повторите парольную фразу", "Repeat the passphrase"},
    {Str::StrengthPrefix, "Надёжность:", "Strength:"},
    {Str::ButtonCreateVault, "Создать хранилище", "Create the vault"},
    {Str::WorkingKdf, "Проверяем парольную фразу… Это занимает около секунды.",
     "Checking the passphrase… This takes about a second."},
    {Str::UnlockTitle, "Хранилище заблокировано", "The vault is locked"},
    {Str::UnlockIntro, "Введите парольную фразу, чтобы открыть токены и пароли.",
     "Enter the passphrase to open the tokens and passwords."},
    {Str::ButtonUnlock, "Открыть", "Unlock"},
    {Str::ButtonLock, "Заблокировать", "Lock"},
    {Str::LockHint, "Ctrl+L — заблокировать", "Ctrl+L locks"},
    {Str::EntriesNew, "Новая запись", "New entry"},
    {Str::EntriesSearch, "Поиск", "Search"},
    {Str::EntriesEmpty, "Записей пока нет. Нажмите «Новая запись».", "No entries yet. Press «New entry»."},
    {Str::ButtonReveal, "Показать", "Show"},
    {Str::ButtonHide, "Скрыть", "Hide"},
    {Str::ButtonSaveEntry, "Сохранить запись", "Save the entry"},
    {Str::ButtonDeleteEntry, "Удалить запись", "Delete the entry"},
    {Str::ButtonConfirmDelete, "Да, удалить", "Yes, delete"},
    {Str::ButtonCancel, "Отмена", "Cancel"},
    {Str::HistoryTitle, "История изменений", "History"},
    {Str::HistoryEmpty, "Прежних версий нет", "No earlier versions"},
    {Str::HistorySavedAt, "Версия от", "Version of"},
    {Str::ButtonView, "Просмотреть", "View"},
    {Str::ButtonRestore, "Восстановить", "Restore"},
    {Str::Saving, "Сохраняем…", "Saving…"},

    {Str::SettingsSecurity, "Безопасность", "Security"},
    {Str::SettingsAutoLock, "Блокировать после бездействия, минут", "Lock after inactivity, minutes"},
    {Str::SettingsHiddenLock, "Вкладка, скрытая дольше 5 минут, блокируется сама.",
     "A tab hidden for more than 5 minutes locks by itself."},
    {Str::ChangePassTitle, "Сменить парольную фразу", "Change the passphrase"},
    {Str::FieldCurrentPass, "Текущая парольная фраза", "Current passphrase"},
    {Str::FieldNewPass, "Новая парольная фраза", "New passphrase"},
    {Str::FieldNewPassRepeat, "Повторите новую парольную фразу", "Repeat the new passphrase"},
    {Str::ButtonChangePass, "Сменить парольную фразу", "Change the passphrase"},
    {Str::ChangePassNeedsUnlock, "Откройте хранилище, чтобы сменить парольную фразу.",
     "Unlock the vault to change its passphrase."},
    {Str::StorageTitle, "Хранение в браузере", "Storage in the browser"},
    {Str::PersistPersistent,
     "Браузер отметил хранилище как постоянное: он не удалит его сам при нехватке места.",
     "The browser marked the storage as persistent: it will not delete it by itself when space runs low."},
    {Str::PersistNot,
     "Хранилище не постоянное: при нехватке места или очистке данных сайта браузер может удалить его. "
     "Регулярно сохраняйте резервную копию экспортом на диск.",
     "The storage is not persistent: when space runs low or site data is cleared the browser may delete it. "
     "Export a backup to disk regularly."},
    {Str::PersistUnsupported,
     "Браузер не сообщает, постоянное ли хранилище. Делайте резервные копии экспортом.",
     "The browser does not say whether the storage is persistent. Export backups."},
    {Str::PersistUnknown, "Постоянство хранилища ещё не известно.",
     "Whether the storage is persistent is not known yet."},

    {Str::ErrFieldRequired, "Обязательное поле", "Required"},
    {Str::ErrOneLine, "Только одна строка, без переводов строки и управляющих символов",
     "One line only, no line breaks or control characters"},
    {Str::ErrGuidFormat,
     "Нужен GUID: 32 шестнадцатеричные цифры в группах 8-4-4-4-12, например "
     "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
     "A GUID is needed: 32 hexadecimal digits in groups 8-4-4-4-12, e.g. "
     "3f2504e0-4f89-11d3-9a0c-0305e82c3301"},
    {Str::ErrDateFormat, "Нужна существующая дата в виде ДД.ММ.ГГГГ, например 31.12.2026",
     "A real date is needed, as DD.MM.YYYY, e.g. 31.12.2026"},
    {Str::ErrEmailFormat, "Нужен один адрес электронной почты вида имя@домен.by",
     "One e-mail address is needed, like name@domain.by"},
    {Str::ErrLoginSpaces, "Логин не должен начинаться или заканчиваться пробелом",
     "A login must not start or end with a space"},
    {Str::ErrChoice, "Выберите один из предложенных вариантов", "Choose one of the options"},
    {Str::ErrSystemName, "Только латинские буквы, цифры и символы - и _",
     "Latin letters, digits, - and _ only"},
    {Str::ErrUrl, "Нужен адрес, начинающийся с https:// или http://",
     "An address starting with https:// or http:// is needed"},
    {Str::ErrInnFormat, "ИНН: 10 цифр у организации или 12 цифр у ИП и физического лица",
     "ИНН (INN): 10 digits for an organisation, 12 for an individual"},
    {Str::ErrInnChecksum, "ИНН: контрольные цифры не сходятся — проверьте, нет ли опечатки",
     "ИНН (INN): the check digits do not match — look for a typo"},
    {Str::ErrUnpFormat, "УНП: 9 знаков — цифры (у ИП первые два знака могут быть буквами)",
     "УНП (UNP): 9 characters — digits (for an individual entrepreneur the first two may be letters)"},
    {Str::ErrUnpChecksum, "УНП: контрольная цифра не сходится — проверьте, нет ли опечатки",
     "УНП (UNP): the check digit does not match — look for a typo"},

    {Str::FieldOrganisation, "Организация", "Organisation"},
    {Str::NoOrganisation, "(без организации)", "(no organisation)"},
    {Str::ErrFixFields, "Запись не сохранена: исправьте отмеченные поля",
     "Not saved: correct the marked fields"},
    {Str::WhereItGoes, "Куда вводить", "Where it goes"},
    {Str::DueExpired, "Истёк", "Expired"},
    {Str::DueToday, "Истекает сегодня", "Expires today"},
    {Str::DueIn, "Истекает через", "Expires in"},
    {Str::DaysShort, "дн.", "d"},
    {Str::DaysAgo, "назад", "ago"},
    {Str::PickKindTitle, "Что сохраняем?", "What are you saving?"},
    {Str::AllOrganisations, "Все организации", "All organisations"},
    {Str::OnlyDue, "Только истекающие и истёкшие", "Only expiring and expired"},
    {Str::TabEntries, "Записи", "Entries"},
    {Str::TabOrganisations, "Организации", "Organisations"},
    {Str::TabDeadlines, "Сроки действия", "Deadlines"},
    {Str::OrgNew, "Новая организация", "New organisation"},
    {Str::OrgName, "Название организации", "Organisation name"},
    {Str::OrgCountry, "Страна", "Country"},
    {Str::CountryRu, "Россия", "Russia"},
    {Str::CountryBy, "Беларусь", "Belarus"},
    {Str::OrgTaxIdRu, "ИНН", "ИНН (taxpayer number)"},
    {Str::OrgTaxIdBy, "УНП", "УНП (payer number)"},
    {Str::ErrOrgName, "Укажите название организации", "Give the organisation's name"},
    {Str::ButtonSaveOrg, "Сохранить организацию", "Save the organisation"},
    {Str::ButtonDeleteOrg, "Удалить организацию", "Delete the organisation"},
    {Str::OrgsEmpty, "Организаций пока нет. Добавьте ту, чьи токены храните.",
     "No organisations yet. Add the one whose tokens you keep."},
    {Str::DashExpired, "Истекли", "Expired"},
    {Str::DashSoon, "Истекают в ближайшие 30 дней", "Expiring in the next 30 days"},
    {Str::DashNothing, "В ближайшие 30 дней ничего не истекает.", "Nothing expires in the next 30 days."},
    {Str::BannerDue, "Требуют внимания (истекают или истекли):", "Need attention (expiring or expired):"},
    {Str::ButtonCalendar, "Скачать календарь сроков (.ics)", "Download the deadline calendar (.ics)"},
    {Str::CalendarSummary, "Истекает:", "Expires:"},
    {Str::MsgCalendarSaved, "Календарь сроков скачан: в нём только названия и даты, без секретов",
     "The deadline calendar was downloaded: it holds names and dates only, no secrets"},
    {Str::Today, "сегодня", "today"},
    {Str::TabData, "Данные", "Data"},
    {Str::ButtonCopy, "Копировать", "Copy"},
    {Str::FieldLeadDays, "Напоминать за, дней (пусто — как принято для этого вида)",
     "Remind, days before (empty: this kind's usual)"},
    {Str::KindLeadDays, "Обычно для этого вида, дней:", "This kind's usual, days:"},
    {Str::ErrLeadDays, "Перечислите через запятую до шести чисел дней от 0 до 366, например 30, 7, 1",
     "List up to six numbers of days from 0 to 366, separated by commas, e.g. 30, 7, 1"},
    {Str::AllKinds, "Все виды", "All kinds"},
    {Str::SortByName, "По названию", "By name"},
    {Str::SortByExpiry, "По сроку", "By expiry"},
    {Str::SortByAdded, "По добавлению", "By date added"},
    {Str::MsgCopied,
     "Скопировано. Через 30 секунд буфер обмена будет очищен, если в нём останется это значение",
     "Copied. In 30 seconds the clipboard is cleared if it still holds this value"},
    {Str::MsgClipboardCleared, "Буфер обмена очищен", "The clipboard was cleared"},
    {Str::MsgClipboardNotOurs, "В буфере обмена уже другой текст — он оставлен как есть",
     "The clipboard holds other text now — it was left alone"},
    {Str::ErrClipboardCannotRead,
     "Браузер не разрешил проверить буфер обмена, поэтому он не очищен. Очистите его сами (скопируйте "
     "что-нибудь "
     "другое)",
     "The browser did not allow checking the clipboard, so it was not cleared. Clear it yourself (copy "
     "something "
     "else)"},
    {Str::ErrClipboardCannotWrite,
     "Браузер не разрешил очистить буфер обмена. Очистите его сами (скопируйте что-нибудь другое)",
     "The browser did not allow clearing the clipboard. Clear it yourself (copy something else)"},
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
