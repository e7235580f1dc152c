// Measurements for scripts/bench.sh, readable from the page: a bare Argon2id run with the vault's
// parameters (the baseline unlock is compared with) and the heap in use. They change no app state.
#include "core/crypto/crypto.h"

#include <emscripten.h>
#include <malloc.h>

extern "C" {

EMSCRIPTEN_KEEPALIVE double ts_bench_pwhash_ms() {
    const ts::crypto::Salt salt{};
    const std::uint8_t pass[] = {'b', 'e', 'n', 'c', 'h'};
    const double t0 = emscripten_get_now();
    const bool ok = ts::crypto::deriveKey(pass, salt, ts::crypto::KdfParams::standard()).has_value();
    return ok ? emscripten_get_now() - t0 : -1.0;
}

EMSCRIPTEN_KEEPALIVE double ts_bench_heap_in_use() {
    return static_cast<double>(mallinfo().uordblks);
}
}
