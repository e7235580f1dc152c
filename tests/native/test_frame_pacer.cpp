#include "core/frame_pacer.h"

#include <doctest/doctest.h>

using ts::FramePacer;

namespace {
int framesDrawn(FramePacer& p, double from, double to, double step = 1.0 / 60) {
    int n = 0;
    for (double t = from; t < to; t += step) n += p.shouldRender(t);
    return n;
}
} // namespace

TEST_CASE("after start-up settles, an idle second draws no frames") {
    FramePacer p;
    CHECK(framesDrawn(p, 0, 1) == FramePacer::kSettleFrames);
    CHECK(framesDrawn(p, 1, 2) == 0);
}

TEST_CASE("input wakes a few frames, then it is idle again") {
    FramePacer p;
    framesDrawn(p, 0, 1);
    p.wake();
    CHECK(framesDrawn(p, 1, 2) == FramePacer::kSettleFrames);
    p.wake(1);
    p.wake(3); // the larger request wins
    CHECK(framesDrawn(p, 2, 3) == 3);
}

TEST_CASE("a timer draws once when due, not before") {
    FramePacer p;
    framesDrawn(p, 0, 1);
    p.wakeAt(1.5);
    CHECK(framesDrawn(p, 1.0, 1.49) == 0);
    CHECK(framesDrawn(p, 1.49, 3.0) == 1);
}

TEST_CASE("the earliest timer wins, and timers are re-declared by each frame") {
    FramePacer p;
    framesDrawn(p, 0, 1);
    p.wakeAt(5);
    p.wakeAt(2);
    CHECK(p.nextWake() == 2);
    CHECK(framesDrawn(p, 1, 4) == 1); // the 5 s timer was consumed with the 2 s one
    CHECK(framesDrawn(p, 4, 6) == 0);
}

TEST_CASE("a focused text field blinks its cursor at a slow rate, a held key keeps frames coming") {
    FramePacer p;
    framesDrawn(p, 0, 1);
    double t = 1;
    int drawn = 0;
    for (; t < 3; t += 1.0 / 60)
        if (p.shouldRender(t)) {
            ++drawn;
            p.afterFrame(t, false, true);
        }
    CHECK(drawn == 0); // nothing due yet: the blink is declared by a drawn frame
    p.wake(1);
    drawn = 0;
    for (t = 3; t < 5; t += 1.0 / 60)
        if (p.shouldRender(t)) {
            ++drawn;
            p.afterFrame(t, false, true);
        }
    CHECK(drawn >= 5); // about every 0.4 s
    CHECK(drawn <= 7);

    p.wake(1);
    drawn = 0;
    for (t = 5; t < 6; t += 1.0 / 60)
        if (p.shouldRender(t)) {
            ++drawn;
            p.afterFrame(t, true, false);
        }
    CHECK(drawn >= 59); // every pass while held
}
