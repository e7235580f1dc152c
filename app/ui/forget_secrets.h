// On lock: make ImGui drop every copy of text it kept for editing (the active field's buffers,
// its undo history, the queued key presses), so no typed secret stays in memory.
#pragma once

namespace ts::ui {
void ForgetImGuiText();
}
