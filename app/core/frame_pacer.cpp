#include "core/frame_pacer.h"

namespace ts {

bool FramePacer::shouldRender(double now) {
    const bool due = owed_ > 0 || now >= nextAt_;
    if (!due) return false;
    if (owed_ > 0) --owed_;
    // The frame about to be drawn declares its own timers again.
    nextAt_ = std::numeric_limits<double>::infinity();
    return true;
}

} // namespace ts
