#include "core/lock_policy.h"
#include "platform/native/fake_clock.h"

#include <doctest/doctest.h>

namespace {

constexpr std::int64_t kMinute = 60'000;

// An unlocked vault, idle limit 10 minutes, the last input just now.
struct Open {
    ts::FakeClock clock;
    ts::LockPolicy policy{clock};
    Open() {
        policy.setIdleMinutes(10);
        policy.setUnlocked(true);
        policy.input();
    }
};

} // namespace

TEST_CASE("idle: an unlocked vault locks exactly the configured minutes after the last input") {
    Open o;
    o.clock.advance(10 * kMinute - 1);
    CHECK_FALSE(o.policy.check());
    o.clock.advance(1);
    CHECK(o.policy.check());
}

TEST_CASE("idle: input starts the time again") {
    Open o;
    o.clock.advance(9 * kMinute);
    o.policy.input();
    o.clock.advance(9 * kMinute);
    CHECK_FALSE(o.policy.check());
    CHECK(o.policy.nextCheck() == doctest::Approx(o.clock.elapsedMillis() + kMinute));
    o.clock.advance(kMinute);
    CHECK(o.policy.check());
}

TEST_CASE("idle: the start of the page counts as input, and a changed setting counts from the last input") {
    ts::FakeClock clock;
    ts::LockPolicy policy(clock);
    policy.setUnlocked(true);
    policy.setIdleMinutes(1);
    clock.advance(kMinute - 1);
    CHECK_FALSE(policy.check());
    policy.setIdleMinutes(5); // chosen in the settings a moment before the minute was up
    clock.advance(1);
    CHECK_FALSE(policy.check());
    clock.advance(4 * kMinute);
    CHECK(policy.check());
}

TEST_CASE("idle: a vault that is not open is not locked by idle time, and nothing asks to wake") {
    Open o;
    o.policy.setUnlocked(false);
    o.clock.advance(60 * kMinute);
    CHECK_FALSE(o.policy.check());
    CHECK(o.policy.nextCheck() == ts::LockPolicy::kNever);
}

TEST_CASE("hidden: a tab hidden for 5 minutes locks, even when the idle limit is longer") {
    Open o;
    o.policy.setIdleMinutes(60);
    o.policy.hidden();
    CHECK(o.policy.nextCheck() == doctest::Approx(o.clock.elapsedMillis() + 5 * kMinute));
    o.clock.advance(5 * kMinute - 1);
    CHECK_FALSE(o.policy.check());
    o.clock.advance(1);
    CHECK(o.policy.check());
}

TEST_CASE("hidden: shown again before the limit, nothing happens; hidden again, the 5 minutes start again") {
    Open o;
    o.policy.setIdleMinutes(60);
    o.policy.hidden();
    o.clock.advance(4 * kMinute);
    o.policy.visible();
    o.clock.advance(2 * kMinute);
    CHECK_FALSE(o.policy.check());
    o.policy.hidden();
    o.clock.advance(4 * kMinute);
    o.policy.hidden(); // the same spell reported twice does not restart it
    CHECK_FALSE(o.policy.check());
    o.clock.advance(kMinute);
    CHECK(o.policy.check());
}

TEST_CASE("hidden: also locks a vault that is not unlocked (one being created); once done, asks again only "
          "after being shown") {
    Open o;
    o.policy.setUnlocked(false);
    o.policy.hidden();
    o.clock.advance(5 * kMinute);
    CHECK(o.policy.check());
    o.policy.locked();
    CHECK_FALSE(o.policy.check());
    CHECK(o.policy.nextCheck() == ts::LockPolicy::kNever);
    o.clock.advance(10 * kMinute);
    CHECK_FALSE(o.policy.check());
    o.policy.visible();
    o.policy.hidden();
    o.clock.advance(5 * kMinute);
    CHECK(o.policy.check());
}

TEST_CASE("hidden: the idle limit still applies while hidden, whichever comes first") {
    Open o;
    o.policy.setIdleMinutes(1);
    o.policy.hidden();
    CHECK(o.policy.nextCheck() == doctest::Approx(o.clock.elapsedMillis() + kMinute));
    o.clock.advance(kMinute);
    CHECK(o.policy.check());
}

TEST_CASE("asked: the lock button locks at once, and is done after the lock") {
    Open o;
    o.policy.requestLock();
    CHECK(o.policy.nextCheck() == doctest::Approx(o.clock.elapsedMillis()));
    CHECK(o.policy.check());
    o.policy.locked();
    CHECK_FALSE(o.policy.check());
}

TEST_CASE("a save under way holds an asked lock until it ends") {
    Open o;
    o.policy.setSaving(true);
    o.policy.requestLock();
    CHECK_FALSE(o.policy.check());
    o.clock.advance(2'000);
    CHECK_FALSE(o.policy.check());
    o.policy.setSaving(false);
    CHECK(o.policy.check());
}

TEST_CASE(
    "a save that does not end holds the lock for 5 seconds at most, from the first check that held it") {
    Open o;
    o.policy.setSaving(true);
    o.clock.advance(30 * kMinute); // idle deadline long past (the tab was hidden, no check ran)
    CHECK_FALSE(o.policy.check()); // held now, not treated as held since the deadline
    CHECK(o.policy.nextCheck() == doctest::Approx(o.clock.elapsedMillis() + 5'000));
    o.clock.advance(4'999);
    CHECK_FALSE(o.policy.check());
    o.clock.advance(1);
    CHECK(o.policy.check());
}

TEST_CASE("a lock held for a save stays owed: input or the tab coming back meanwhile does not undo it") {
    Open o;
    o.policy.setSaving(true);
    o.clock.advance(10 * kMinute);
    CHECK_FALSE(o.policy.check()); // idle lock wanted, held for the save
    o.policy.input();
    CHECK_FALSE(o.policy.check());
    o.policy.setSaving(false);
    CHECK(o.policy.check());
    o.policy.locked();

    o.policy.setSaving(true);
    o.policy.input();
    o.policy.hidden();
    o.clock.advance(5 * kMinute);
    CHECK_FALSE(o.policy.check()); // hidden lock held for the save
    o.policy.visible();
    o.clock.advance(5'000);
    CHECK(o.policy.check());
}

TEST_CASE("after a lock the next one waits for its own save again, and a save alone asks for nothing") {
    Open o;
    o.policy.setSaving(true);
    o.policy.requestLock();
    CHECK_FALSE(o.policy.check());
    o.clock.advance(5'000);
    CHECK(o.policy.check());
    o.policy.locked();
    CHECK_FALSE(o.policy.check());
    o.policy.requestLock();
    CHECK_FALSE(o.policy.check()); // a fresh 5 seconds, not the spent ones
    o.policy.locked();
    o.policy.input();
    o.clock.advance(60'000);
    CHECK_FALSE(o.policy.check());
    CHECK(o.policy.nextCheck() == doctest::Approx(o.clock.elapsedMillis() + 9 * kMinute));
}
