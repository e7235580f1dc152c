// The one string table: every piece of UI text, in Russian (the default) and English.
// UI code asks for text by id; nothing user-visible is written inline in a screen.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ts {

enum class Lang : std::uint8_t { Ru, En };

std::string_view langCode(Lang lang); // "ru" / "en", as stored in settings
std::optional<Lang> langFromCode(std::string_view code);

// Ids are grouped by the screen that shows them. Append anywhere: the table is checked
// for completeness at compile time and by the tests.
enum class Str : std::uint16_t {
    // Shell
    AppName,
    AppTagline,
    NavHome,
    NavSettings,
    LanguageName, // each language's own name, shown on the switch
    Coming,
    StatusReady,
    // Home screen
    CardVaultTitle,
    CardVaultText,
    CardVaultButton,
    CardProceduresTitle,
    CardProceduresText,
    CardProceduresButton,
    CardBundlesTitle,
    CardBundlesText,
    CardBundlesButton,
    KnowsTitle,
    KnowsEisExport,
    KnowsEisHttps,
    KnowsEisParticipant,
    KnowsOais,
    KnowsTps,
    PrivacyNote,
    // Settings screen
    SettingsTitle,
    SettingsLanguage,
    SettingsWorkstation,
    SettingsWorkstationHint,
    SettingsSave,
    MsgSettingsSaved,
    MsgSettingsSaveFailed,
    MsgLanguageChanged,
    ErrWorkstationTooLong,
    ErrWorkstationControlChars,
    // Vault file errors (core/vault/vault_file.h), each its own message
    ErrVaultNotAVault,
    ErrVaultUnsupportedVersion,
    ErrVaultNewerVersion,
    ErrVaultTruncated,
    ErrVaultTrailingData,
    ErrVaultHeaderDamaged,
    ErrVaultUnsupportedKdf,
    ErrVaultKdfFailed,
    ErrVaultWrongPassphrase,
    ErrVaultForeignBody,
    ErrVaultMixedRevision,
    ErrVaultBodyDamaged,
    ErrVaultNewerSchema,
    ErrVaultBodyUnreadable,
    // Vault session
    MsgVaultCreated,
    MsgSaved,
    ErrSaveFailed,
    ErrStorageLoad,
    MsgConflictReapplied,
    ErrConflictGaveUp,
    MsgUpdatedElsewhere,
    MsgLockedPassphraseChangedElsewhere,
    MsgOpenedPrevious,
    MsgVaultExistsElsewhere,
    MsgPassphraseChanged,
    MsgLocked,
    MsgUnlocked,
    ErrPassphraseMismatch,
    ErrPassphraseTooShort,
    ErrCurrentPassphraseWrong,
    ErrUnlockWait,
    StrengthVeryWeak,
    StrengthWeak,
    StrengthFair,
    StrengthGood,
    StrengthStrong,
    // Vault screens
    NavVault,
    VaultLoading,
    CreateTitle,
    CreateIntro,
    CreateWarning,
    FieldPassphrase,
    FieldPassphraseRepeat,
    StrengthPrefix,
    ButtonCreateVault,
    WorkingKdf,
    UnlockTitle,
    UnlockIntro,
    ButtonUnlock,
    ButtonLock,
    LockHint,
    EntriesNew,
    EntriesSearch,
    EntriesEmpty,
    EntryUntitled,
    EntryNewTitle,
    FieldTitle,
    FieldLogin,
    FieldSecret,
    FieldUrl,
    FieldNotes,
    ButtonReveal,
    ButtonHide,
    ButtonSaveEntry,
    ButtonDeleteEntry,
    ButtonConfirmDelete,
    ButtonCancel,
    ErrTitleRequired,
    HistoryTitle,
    HistoryEmpty,
    HistorySavedAt,
    ButtonView,
    ButtonRestore,
    HistoryViewing,
    Saving,
    // Settings: security and storage
    SettingsSecurity,
    SettingsAutoLock,
    SettingsHiddenLock,
    ChangePassTitle,
    FieldCurrentPass,
    FieldNewPass,
    FieldNewPassRepeat,
    ButtonChangePass,
    ChangePassNeedsUnlock,
    StorageTitle,
    PersistPersistent,
    PersistNot,
    PersistUnsupported,
    PersistUnknown,
    // Field validation (credential kinds, organisations)
    ErrFieldRequired,
    ErrOneLine,
    ErrGuidFormat,
    ErrDateFormat,
    ErrEmailFormat,
    ErrLoginSpaces,
    ErrChoice,
    ErrSystemName,
    ErrUrl,
    ErrInnFormat,
    ErrInnChecksum,
    ErrUnpFormat,
    ErrUnpChecksum,

    Count
};

std::string_view tr(Str id, Lang lang);

// For the tests: walk the whole table.
constexpr std::size_t kStringCount = static_cast<std::size_t>(Str::Count);

} // namespace ts
