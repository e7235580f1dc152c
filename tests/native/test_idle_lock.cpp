#include "core/idle_lock.h"

#include <doctest/doctest.h>

TEST_CASE("the vault locks after the configured idle time, and input postpones it") {
    ts::IdleLock lock;
    lock.input(100.0);
    CHECK_FALSE(lock.due(100.0 + 10 * 60 - 0.5, 10));
    CHECK(lock.due(100.0 + 10 * 60, 10));
    CHECK(lock.deadline(1) == doctest::Approx(160.0));
    lock.input(500.0); // the user typed: the clock starts again
    CHECK_FALSE(lock.due(100.0 + 10 * 60, 10));
    CHECK(lock.due(500.0 + 60, 1));
}
