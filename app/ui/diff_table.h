// The field-by-field table of the bundle preview (vault::fieldDiffs): field, one version, the other.
// Secrets show as their length only. Also the team's "a colleague's version was replaced" notice.
#pragma once

#include "core/kinds/kind.h"
#include "core/vault/merge.h"
#include "ui/ui_context.h"

#include <functional>
#include <string>
#include <vector>

namespace ts::ui {

// `kind`: the entry's kind (null: every field is shown as a secret); `organisation`: the diffs are an
// organisation's (its members are not secrets); `orgName`: an organisation's name by id.
void DrawFieldDiffs(UiContext& ui, const std::string& id, const std::vector<vault::FieldDiff>& diffs,
                    Str mineHeader, Str theirsHeader, const kinds::Kind* kind, bool organisation,
                    const std::function<std::string(const std::string&)>& orgName);

} // namespace ts::ui
