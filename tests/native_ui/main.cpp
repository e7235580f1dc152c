#define DOCTEST_CONFIG_IMPLEMENT
#include "core/crypto/crypto.h"

#include <doctest/doctest.h>

int main(int argc, char** argv) {
    if (!ts::crypto::init()) return 1;
    // WARNING: tests only, as in tests/native/main.cpp: vaults here use KdfParams::fastForTests().
    ts::crypto::acceptFastKdfForTests(true);
    doctest::Context context(argc, argv);
    return context.run();
}
