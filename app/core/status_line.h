// The status bar's message, and whose it is.
//
// A message belongs to the place where the action that caused it was taken: a screen and, within
// it, the tab or procedure the user acted on, written as a path ("vault/deadlines",
// "procedures/eis-export-token/run"). It is shown while the user is at that place or inside it, and
// dropped as soon as they are anywhere else: «Календарь сроков скачан» is news on the deadlines tab,
// not a remark about the screen the user went to next, and a finished run's «Готово» is not about
// another procedure's run. What concerns the whole app — the vault locked, a save that failed, a
// new version, the clipboard cleared — has no place (the empty path) and stays until replaced.
//
// The vault's «Сохранено» is not news after an action that submitted a change and said itself what
// it did («Пакет зашифрован и скачан. Проверьте папку загрузок.», «Импорт записан в хранилище.»):
// such an action says it with sayWithSave(), and the «Сохранено» of that save leaves its message in
// place. A save that failed always replaces it.
#pragma once

#include "core/strings.h"

#include <string>
#include <string_view>

namespace ts {

class StatusLine {
  public:
    struct Message {
        Str text = Str::StatusReady;
        std::string detail; // the browser's own words, when it gave a reason
        bool error = false;
        std::string place; // where it was said; empty: the whole app
    };

    // An action's outcome, said at the place where the user took it.
    void say(std::string place, Str text, bool error = false, std::string detail = {});
    // An action that submitted a change to the vault, saying what it did: the «Сохранено» that
    // follows is part of this message, not a new one.
    void sayWithSave(std::string place, Str text);
    // What the vault session reports (vault::Session::Notice). An error concerns the whole app;
    // other news is said where the user is.
    void fromVault(Str text, bool error, std::string detail);
    // The user is now at `place` (the innermost part of the screen shown): a message said
    // elsewhere is dropped.
    void enter(std::string_view place);

    const Message& message() const { return message_; }
    const std::string& here() const { return here_; }

    // Whether `place` is `owner` or inside it: "vault/deadlines" is inside "vault" and inside "",
    // "vaults" is not inside "vault".
    static bool within(std::string_view place, std::string_view owner);

  private:
    Message message_;
    std::string here_;
    bool coversSave_ = false; // the message stands for the save its action submitted
};

} // namespace ts
