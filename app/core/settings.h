// User preferences that are not secret: interface language, the workstation's name, text size.
// Kept as JSON; keys this version does not know are carried through unchanged, so a newer
// app's settings survive a save by an older one.
#pragma once

#include "core/key_value_store.h"
#include "core/strings.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace ts {

struct Settings {
    Lang language = Lang::Ru;
    std::string workstation;
    int autoLockMinutes = 10;    // lock after this long without input; one of kAutoLockChoices
    int backupReminderDays = 30; // remind when no full export for this long; one of kBackupReminderChoices
    int textSizePercent = 100;   // text and everything around it, relaid out; one of kTextSizeChoices
    nlohmann::json unknown = nlohmann::json::object(); // fields of newer versions, kept verbatim
};

inline constexpr int kSettingsVersion = 1;
inline constexpr std::size_t kWorkstationMaxChars = 64;
inline constexpr int kAutoLockChoices[] = {1, 5, 10, 15, 30, 60};
inline constexpr int kBackupReminderChoices[] = {0, 7, 14, 30, 90}; // days; 0: never remind
// Up to 200 %: WCAG 1.4.4 asks that text can be doubled without losing content or function.
inline constexpr int kTextSizeChoices[] = {100, 125, 150, 175, 200};
// A hidden tab locks after this long, whatever the idle setting: nobody is looking at it.
inline constexpr int kHiddenLockMinutes = 5;

// Never fails: anything unreadable falls back to the defaults field by field.
Settings parseSettings(std::string_view json);
std::string serializeSettings(const Settings& s);

// The message to show for an unacceptable workstation name, or nothing when it is fine.
std::optional<Str> validateWorkstation(std::string_view name);

// Loads and saves Settings under one key of a KeyValueStore.
class SettingsStore {
  public:
    explicit SettingsStore(KeyValueStore& kv) : kv_(kv) {}
    Settings load();
    [[nodiscard]] bool save(const Settings& s);

    static constexpr std::string_view kKey = "tokensafe.settings";

  private:
    KeyValueStore& kv_;
};

} // namespace ts
