#define DOCTEST_CONFIG_IMPLEMENT
#include "core/crypto/crypto.h"

#include <doctest/doctest.h>

int main(int argc, char** argv) {
    // WARNING: tests only. Vaults and bundles here use KdfParams::fastForTests() so Argon2 costs
    // microseconds; the app never lowers the floor. Tests of the app's own floor restore it with
    // ts::testing::AppKdfFloor (kdf_floor.h).
    ts::crypto::acceptFastKdfForTests(true);
    doctest::Context context(argc, argv);
    return context.run();
}
