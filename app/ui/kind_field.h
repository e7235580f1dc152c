// One field of a credential kind as an input: its label, the input its type calls for (masked with
// show/copy for secrets, a list for choices), and the kind's validation message or hint under it.
// Used by the entry editor and by a procedure's steps that produce a value.
#pragma once

#include "core/kinds/kind.h"
#include "ui/ui_context.h"

#include <map>
#include <set>
#include <string>

namespace ts::ui {

// Widget keys: field-<id>, reveal-<id>, copy-<id>, option-<id>-<value>. `errors` and `revealed`
// are keyed by field id and kept by the caller between frames.
void DrawKindField(UiContext& ui, const kinds::Field& f, std::string& value,
                   std::map<std::string, Str>& errors, std::set<std::string>& revealed);

} // namespace ts::ui
