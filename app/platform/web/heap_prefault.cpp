#include "platform/web/heap_prefault.h"

#include "platform/web/page_events.h"

#include <cstdlib>
#include <memory>

namespace ts {
namespace {

constexpr std::size_t kPage = 4096;
constexpr std::size_t kSlice = 8u << 20; // ~10–25 ms of page faults: one task's worth
constexpr int kPauseMs = 10;             // between slices, so that input and frames run

struct Prefault {
    volatile unsigned char* block;
    std::size_t size;
    std::size_t done = 0;
};

void touchSlice(std::shared_ptr<Prefault> job) {
    const std::size_t end = job->size - job->done > kSlice ? job->done + kSlice : job->size;
    for (std::size_t at = job->done; at < end; at += kPage) job->block[at] = 0;
    job->done = end;
    if (job->done < job->size) {
        runLater(kPauseMs, [job] { touchSlice(job); });
        return;
    }
    std::free(const_cast<unsigned char*>(job->block));
}

} // namespace

void prefaultHeap(std::size_t bytes) {
    void* block = std::malloc(bytes);
    if (!block) return; // the unlock will grow the memory itself
    touchSlice(std::make_shared<Prefault>(Prefault{static_cast<volatile unsigned char*>(block), bytes}));
}

} // namespace ts
