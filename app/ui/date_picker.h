// A month grid beside a date field: a button opens it, «‹» and «›» turn the month, a day writes
// the date into the field as it is typed (ДД.ММ.ГГГГ). The field stays: typing works as before.
#pragma once

#include "ui/ui_context.h"

#include <string>

namespace ts::ui {

// Keys: pick-<fieldKey> (the button), pick-prev, pick-next, pick-day-<d>. Returns true when a day
// was chosen (and `value` changed). Opens on the field's month, or today's when it holds no date.
bool DatePicker(UiContext& ui, const std::string& fieldKey, std::string& value);

} // namespace ts::ui
