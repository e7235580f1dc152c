// Allocation functions that zero memory when it is freed; also installed as ImGui's allocator.
#pragma once

#include <cstddef>

namespace ts {
void* wipingAlloc(std::size_t size, void* user = nullptr);
void wipingFree(void* p, void* user = nullptr);
} // namespace ts
