// What a checklist run means for the user, worked out from a procedure and the run saved in the
// vault: which step comes next, how far along it is, whether the values typed at a step are
// acceptable to the credential kind, and what finishing writes into the vault.
#pragma once

#include "core/procedures/procedure.h"
#include "core/vault/model.h"

#include <map>
#include <optional>
#include <string>

namespace ts::procedures {

// Runs are unique per organisation and system; the system's Russian name is its key.
std::string systemKey(const Procedure& p);

bool isDone(const vault::Run& run, std::string_view stepId);
int doneCount(const Procedure& p, const vault::Run& run); // steps of p ticked in run
// The first step not ticked yet (steps.size() when all are).
int nextStep(const Procedure& p, const vault::Run& run);

// Values typed at this step that the kind refuses, and required fields left empty: field id →
// message. A step with such values cannot be ticked.
std::map<std::string, Str> stepErrors(const Procedure& p, const kinds::Kind& kind, const Step& step,
                                      const nlohmann::json& values);

// The fields the run's steps produce that still have no value (a run cannot finish without them).
std::vector<std::string> missingValues(const Procedure& p, const kinds::Kind& kind, const vault::Run& run);

// The entry a new run for this organisation should update: the preferred one if it is of the
// procedure's kind and organisation, else the only such entry; empty when none (or several) exist.
std::string defaultTarget(const vault::Data& data, const Procedure& p, const std::string& org,
                          const std::string& preferred = {});

// The fields finishing writes: the run's values, plus the kind's defaults when it creates the entry.
nlohmann::json finishFields(const kinds::Kind& kind, const vault::Run& run, bool newEntry);

} // namespace ts::procedures
