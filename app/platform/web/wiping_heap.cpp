// Every block the C++ runtime frees is zeroed first. Decrypted vault data passes through ordinary
// std::string and nlohmann::json values; this keeps their bytes from lingering in the wasm heap
// after the vault locks. ImGui's allocations go through the same two functions (see main.cpp).
// This object file is linked because main.cpp calls wipingAlloc; the replacements come with it.
#include "platform/web/wiping_heap.h"

#include <cstdlib>
#include <malloc.h>
#include <new>
#include <sodium.h>

namespace ts {

void* wipingAlloc(std::size_t size, void*) {
    return std::malloc(size ? size : 1);
}

void wipingFree(void* p, void*) {
    if (!p) return;
    // WARNING: a plain memset before free is a dead store the compiler removes; sodium_memzero is not.
    sodium_memzero(p, malloc_usable_size(p));
    std::free(p);
}

} // namespace ts

void* operator new(std::size_t size) {
    if (void* p = ts::wipingAlloc(size)) return p;
    std::abort(); // built without exceptions: out of memory ends the page, which shows the error
}
void* operator new[](std::size_t size) {
    return ::operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return ts::wipingAlloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return ts::wipingAlloc(size);
}
void operator delete(void* p) noexcept {
    ts::wipingFree(p);
}
void operator delete[](void* p) noexcept {
    ts::wipingFree(p);
}
void operator delete(void* p, std::size_t) noexcept {
    ts::wipingFree(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    ts::wipingFree(p);
}
