// Reads a working-day calendar file (a scheme's `calendar:`): a CSV of the
// days that break the Monday-to-Friday rule, as the State Council's yearly
// notice lists them — holidays on weekdays and weekend days worked (调休).
#pragma once

#include <string>

#include "base/calendar.h"
#include "input/sheet_options.h"

namespace kaohe {

// Reads `path`: a header with `date` and `day`, then one row per listed
// day: `date` as YYYY-MM-DD, `day` one of 上班/工作日/workday (a working
// day) or 放假/休息/休息日/holiday (a day off). Other columns (a holiday's
// name) are allowed and not read. The calendar covers every year from the
// first to the last listed date. Throws kaohe::Error 65 with every problem
// of the file (a bad date or day word, a day listed twice, no row at all),
// 66 when it cannot be opened. `sheet`: encoding, delimiter and title
// rows, found per file unless forced.
Calendar load_calendar(const std::string& path, const SheetOptions& sheet = {});

}  // namespace kaohe
