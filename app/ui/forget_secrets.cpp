#include "ui/forget_secrets.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <cstring>

// Below, ImGui's internal buffers that hold typed text are wiped one by one, by name, as Dear ImGui
// 1.90.1 has them. Another version may keep typed text in a buffer this list does not name, and a
// secret would then outlive the lock unnoticed: read that version's imgui_internal.h (ImGuiInputTextState,
// ImGuiInputTextDeactivatedState, the input queues), update the list, then this number.
static_assert(IMGUI_VERSION_NUM == 19010, "check ForgetImGuiText against this Dear ImGui's text buffers");

namespace ts::ui {
namespace {

template <class T> void wipeVector(ImVector<T>& v) {
    // Raw bytes on purpose: the elements are dropped right after, never used as objects again.
    if (v.Data) std::memset(static_cast<void*>(v.Data), 0, static_cast<std::size_t>(v.Capacity) * sizeof(T));
    v.clear(); // frees through ImGui's allocator, which wipes too
}

// For queues still in use: wipe only the consumed slack past Size, keep pending items (a key
// release still queued must arrive, or ImGui would think the key is held forever).
template <class T> void wipeSlack(ImVector<T>& v) {
    if (v.Data && v.Capacity > v.Size)
        std::memset(static_cast<void*>(v.Data + v.Size), 0,
                    static_cast<std::size_t>(v.Capacity - v.Size) * sizeof(T));
}

} // namespace

void ForgetImGuiText() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ClearActiveID();
    ImGuiInputTextState& st = g.InputTextState;
    wipeVector(st.TextW);
    wipeVector(st.TextA);
    wipeVector(st.InitialTextA);
    std::memset(&st.Stb, 0, sizeof st.Stb); // stb_textedit's undo buffer holds typed characters
    st.ID = 0;
    st.CurLenA = st.CurLenW = 0;
    wipeVector(g.InputTextDeactivatedState.TextA);
    g.InputTextDeactivatedState.ID = 0;
    wipeSlack(g.IO.InputQueueCharacters);
    wipeSlack(g.InputEventsQueue);
    wipeVector(g.InputEventsTrail);
    wipeVector(g.TempBuffer);
    g.TempBuffer.resize(1024 * 3 + 1); // ImGui expects it sized
    g.TempBuffer[0] = 0;
}

} // namespace ts::ui
