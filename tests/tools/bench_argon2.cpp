// Times Argon2id natively (Debian's libsodium) with the vault's parameters, for scripts/bench.sh:
// prints the median of several runs in milliseconds.
//
// usage: ts_bench_argon2 [RUNS]
#include "core/crypto/crypto.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    using namespace ts;
    if (!crypto::init()) return 1;
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    const crypto::Salt salt{};
    const std::uint8_t pass[] = {'b', 'e', 'n', 'c', 'h'};
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!crypto::deriveKey(pass, salt, crypto::KdfParams::standard())) return 1;
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%.1f\n", ms[ms.size() / 2]);
    return 0;
}
