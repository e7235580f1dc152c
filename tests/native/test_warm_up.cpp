#include "core/vault/warm_up.h"
#include "kdf_floor.h"

#include <doctest/doctest.h>

// The warm-up exists for the browser's compiler, but what it runs must still be right: a vault made
// up, changed, saved, unlocked with its passphrase and parsed comes back byte for byte.
TEST_CASE("the warm-up's vault survives its saves and its unlock unchanged") {
    CHECK(ts::vault::warmUp(1));
    CHECK(ts::vault::warmUp());
}

// The app runs it with the standard KDF floor: its cheap made-up vault must not need the tests' one.
TEST_CASE("the warm-up runs under the app's KDF floor") {
    const ts::testing::AppKdfFloor appFloor;
    CHECK(ts::vault::warmUp(1));
}

TEST_CASE("the warm-up needs an entry for its saves to change") {
    CHECK_FALSE(ts::vault::warmUp(0));
}
