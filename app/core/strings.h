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

    Count
};

std::string_view tr(Str id, Lang lang);

// For the tests: walk the whole table.
constexpr std::size_t kStringCount = static_cast<std::size_t>(Str::Count);

} // namespace ts
