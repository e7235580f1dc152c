#include "core/status_line.h"

#include <doctest/doctest.h>

using ts::StatusLine;
using ts::Str;

TEST_CASE("status line: a place is inside itself and its parents, by whole segments") {
    CHECK(StatusLine::within("vault/deadlines", "vault"));
    CHECK(StatusLine::within("vault/deadlines", "vault/deadlines"));
    CHECK(StatusLine::within("vault", ""));
    CHECK(StatusLine::within("", ""));
    CHECK_FALSE(StatusLine::within("vault", "vault/deadlines"));
    CHECK_FALSE(StatusLine::within("vaults", "vault"));
    CHECK_FALSE(StatusLine::within("procedures/eis-https-login/run", "procedures/eis-export-token/run"));
    CHECK_FALSE(StatusLine::within("", "vault"));
}

TEST_CASE("status line: a message is shown where it was said and inside it, and dropped elsewhere for good") {
    StatusLine s;
    s.enter("vault/deadlines");
    s.say("vault/deadlines", Str::MsgCalendarSaved);
    s.enter("vault/deadlines");
    CHECK(s.message().text == Str::MsgCalendarSaved);
    s.enter("procedures/eis-export-token/steps");
    CHECK(s.message().text == Str::StatusReady);
    CHECK(s.message().place.empty());
    s.enter("vault/deadlines"); // coming back does not bring it back: it was news then
    CHECK(s.message().text == Str::StatusReady);

    s.say("procedures/eis-export-token", Str::MsgPrintSaved);
    s.enter("procedures/eis-export-token/run"); // a tab of the procedure where it was said
    CHECK(s.message().text == Str::MsgPrintSaved);
    s.enter("procedures/oais-system-token/run");
    CHECK(s.message().text == Str::StatusReady);
}

TEST_CASE("status line: what concerns the whole app stays on every screen until replaced") {
    StatusLine s;
    s.enter("vault/entries");
    s.say("", Str::MsgLocked);
    s.enter("settings");
    s.enter("procedures/eis-export-token/run");
    CHECK(s.message().text == Str::MsgLocked);
    s.say("procedures/eis-export-token/run", Str::MsgRunStarted);
    CHECK(s.message().text == Str::MsgRunStarted);
}

TEST_CASE("status line: the vault's errors concern the whole app; its other news is said where the user is") {
    StatusLine s;
    s.enter("vault/entries");
    s.fromVault(Str::ErrSaveFailed, true, "QuotaExceededError");
    s.enter("transfer/export");
    CHECK(s.message().text == Str::ErrSaveFailed);
    CHECK(s.message().error);
    CHECK(s.message().detail == "QuotaExceededError");

    s.fromVault(Str::MsgSaved, false, {});
    CHECK(s.message().text == Str::MsgSaved);
    CHECK(s.message().place == "transfer/export");
    s.enter("vault/entries");
    CHECK(s.message().text == Str::StatusReady);
}

TEST_CASE("status line: an action's own account of its change is not replaced by that change's «Сохранено»") {
    StatusLine s;
    s.enter("transfer/export");
    s.sayWithSave("transfer/export", Str::MsgExportDownloaded);
    s.fromVault(Str::MsgSaved, false, {});
    CHECK(s.message().text == Str::MsgExportDownloaded);
    // The next save is news again.
    s.fromVault(Str::MsgSaved, false, {});
    CHECK(s.message().text == Str::MsgSaved);
}

TEST_CASE(
    "status line: a failed save replaces the action's account; a plain message does not swallow a save") {
    StatusLine s;
    s.enter("transfer/import");
    s.sayWithSave("transfer/import", Str::MsgImportDone);
    s.fromVault(Str::ErrSaveFailed, true, {});
    CHECK(s.message().text == Str::ErrSaveFailed);

    s.say("vault/entries", Str::MsgCopied); // said without a change submitted
    s.fromVault(Str::MsgSaved, false, {});
    CHECK(s.message().text == Str::MsgSaved);

    s.sayWithSave("transfer/import", Str::MsgImportDone);
    s.say("transfer/import", Str::MsgReceivingCodeCopied); // replaced before its save ended
    s.fromVault(Str::MsgSaved, false, {});
    CHECK(s.message().text == Str::MsgSaved);
}
