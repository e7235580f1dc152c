#include "core/settings.h"

#include "core/json_text.h"
#include "core/utf8.h"

namespace ts {

Settings parseSettings(std::string_view text) {
    Settings s;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return s;
    for (auto& [key, value] : j.items()) {
        if (key == "language") {
            if (value.is_string())
                if (auto lang = langFromCode(value.get<std::string>())) s.language = *lang;
        } else if (key == "workstation") {
            if (value.is_string() && !validateWorkstation(value.get<std::string>()))
                s.workstation = value.get<std::string>();
        } else if (key == "autoLockMinutes") {
            if (const std::optional<int> m = intOf(value))
                for (int choice : kAutoLockChoices)
                    if (*m == choice) s.autoLockMinutes = *m;
        } else if (key == "backupReminderDays") {
            if (const std::optional<int> d = intOf(value))
                for (int choice : kBackupReminderChoices)
                    if (*d == choice) s.backupReminderDays = *d;
        } else if (key == "textSizePercent") {
            if (const std::optional<int> p = intOf(value))
                for (int choice : kTextSizeChoices)
                    if (*p == choice) s.textSizePercent = *p;
        } else if (key != "version") {
            s.unknown[key] = value;
        }
    }
    return s;
}

std::string serializeSettings(const Settings& s) {
    nlohmann::json j = s.unknown;
    j["version"] = kSettingsVersion;
    j["language"] = langCode(s.language);
    j["workstation"] = s.workstation;
    j["autoLockMinutes"] = s.autoLockMinutes;
    j["backupReminderDays"] = s.backupReminderDays;
    j["textSizePercent"] = s.textSizePercent;
    return j.dump();
}

std::optional<Str> validateWorkstation(std::string_view name) {
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F) return Str::ErrWorkstationControlChars;
    if (utf8Length(name) > kWorkstationMaxChars) return Str::ErrWorkstationTooLong;
    return std::nullopt;
}

Settings SettingsStore::load() {
    auto text = kv_.get(kKey);
    return text ? parseSettings(*text) : Settings{};
}

bool SettingsStore::save(const Settings& s) {
    return kv_.put(kKey, serializeSettings(s));
}

} // namespace ts
