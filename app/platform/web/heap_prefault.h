// Grows the wasm memory to what Argon2id will take and touches each of its pages, a slice per task
// while the page is idle, then frees it for Argon2id's own allocation to reuse.
//
// Why: a page's first unlock otherwise waits for the system to hand out 64 MiB of fresh pages. In
// Chromium the first unlock of 1,000 entries took 403–518 ms; with the memory touched beforehand,
// 213–272 ms (a bare Argon2id: 165–223 ms). Growing the memory without touching it changed nothing.
// The page keeps the memory, as it would after its first unlock anyway.
#pragma once

#include <cstddef>

namespace ts {

void prefaultHeap(std::size_t bytes);

} // namespace ts
