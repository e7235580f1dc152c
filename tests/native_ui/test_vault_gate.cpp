// The vault's first screens, built natively: what the browser test does with a real page, here in
// a few milliseconds, through the same ImGui input path and the same seam.
#include "core/settings.h"
#include "core/strings.h"
#include "ui_harness.h"

using namespace ts;
using ts::testing::AppHarness;

namespace {
const std::string kPass = "Синий-трактор 42 едет";
}

TEST_CASE("creating a vault: a repeat that differs is refused on screen and nothing is written; the same one "
          "creates it; Ctrl+L locks") {
    AppHarness h;
    h.click("Хранилище");
    CHECK(h.state("screen") == "vault");
    CHECK(h.state("vault") == "absent");

    h.typeInto("create-pass", kPass);
    h.typeInto("create-repeat", kPass.substr(0, kPass.size() - 2)); // the last letter missing
    CHECK(h.item("create-pass")["length"] == kPass.size());
    CHECK_FALSE(h.item("create-pass").contains("value")); // a secret: its length only
    h.click("create-vault");
    CHECK(h.state("message") == tr(Str::ErrPassphraseMismatch, Lang::Ru));
    CHECK(h.seam.state["messageIsError"] == true);
    CHECK(h.state("vault") == "absent");
    CHECK(h.db.saves == 0);

    h.click("create-repeat");
    h.type("т");
    h.click("create-vault");
    h.settle(30);
    CHECK(h.state("vault") == "unlocked");
    CHECK(h.seam.state["revision"] == 1);
    CHECK(h.db.saves == 1);
    REQUIRE(h.db.current.has_value());

    h.pressWithCtrl(ImGuiKey_L);
    CHECK(h.state("vault") == "locked");
    CHECK(h.find("unlock-pass").has_value());
}

TEST_CASE("a hidden tab locks when the hidden limit passes, though it draws no frame; shown again before, it "
          "stays open") {
    AppHarness h;
    h.click("Хранилище");
    h.typeInto("create-pass", kPass);
    h.typeInto("create-repeat", kPass);
    h.click("create-vault");
    h.settle(30);
    REQUIRE(h.state("vault") == "unlocked");
    const std::int64_t limit = std::int64_t{kHiddenLockMinutes} * 60'000;

    h.app->OnVisibility(true);
    CHECK(h.timers.size() == 1);
    h.passWithoutFrames(limit - 1000);
    h.app->OnVisibility(false);
    h.settle();
    CHECK(h.state("vault") == "unlocked");

    h.app->OnVisibility(true);
    h.passWithoutFrames(limit - 1000);
    CHECK(h.session.state() == vault::Session::State::Unlocked);
    h.passWithoutFrames(2000);
    CHECK(h.session.state() != vault::Session::State::Unlocked);
    h.app->OnVisibility(false);
    h.settle();
    CHECK(h.state("vault") == "locked");
}
