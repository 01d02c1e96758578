// Reads a working-day calendar file (input/calendar_reader.h).
#include "input/calendar_reader.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/csv_columns.h"
#include "input/csv_reader.h"
#include "input/sheet_header.h"
#include "input/sheet_text.h"
#include "input/excel_forms.h"
#include "input/row_errors.h"
#include "io/file_io.h"

namespace kaohe {
namespace {

std::optional<bool> parse_day_kind(std::string_view s) {
  for (std::string_view w : {"上班", "工作日", "workday"}) {
    if (s == w) return true;
  }
  for (std::string_view w : {"放假", "休息", "休息日", "holiday"}) {
    if (s == w) return false;
  }
  return std::nullopt;
}

// Reads the listed days of `path` into `days`, adding the problems of bad
// rows to `diags`; a CSV syntax error is thrown by the reader.
void read_days(const std::string& path, const SheetOptions& sheet,
               std::vector<std::pair<Date, bool>>& days, Diagnostics& diags) {
  FilePtr f = open_sheet_file(path);
  SheetText text = open_sheet(path, f.get(), sheet);
  CsvReader& reader = *text.reader;
  CsvRow row;
  static constexpr ColumnSpec kColumns[] = {{"date", true}, {"day", true}};
  CsvHeader header;
  std::vector<int> found;
  int title_rows = 0;
  const HeaderFound got = read_sheet_header(reader, kColumns, nullptr, sheet.skip_for(path),
                                            diags, header, found, title_rows);
  if (got == HeaderFound::kNoRows) {
    diags.add(Diagnostic{path, 0, 0, Severity::kError, tr("the calendar is empty"), "",
                         tr("start it with the header: date,day")});
  }
  if (got != HeaderFound::kFound) return;
  const std::optional<std::vector<int>> cols = std::move(found);
  const int c_date = (*cols)[0];
  const int c_day = (*cols)[1];
  RowErrors errors(path, diags);
  std::map<int, int> line_of;  // day number → line listing it
  while (reader.next(row)) {
    if (!check_width(header, row, errors)) continue;
    const std::optional<Date> d = parse_data_date(row.fields[c_date]);
    if (!d) {
      DateProblem p = date_problem("date", row.fields[c_date]);
      errors.add(row, c_date + 1, std::move(p.message), std::move(p.hint));
      continue;
    }
    const std::optional<bool> working = parse_day_kind(row.fields[c_day]);
    if (!working) {
      errors.add(row, c_day + 1,
                 trf("day \"{}\" is neither a working day nor a day off",
                             row.fields[c_day]),
                 tr("write 上班 (or 工作日, workday) or 放假 (or 休息, holiday)"));
      continue;
    }
    auto [it, inserted] = line_of.emplace(d->day_number(), row.line);
    if (!inserted) {
      errors.add(row, c_date + 1,
                 trf("{} is listed twice (first at line {})", d->to_string(),
                             it->second),
                 tr("list each day once"));
      continue;
    }
    days.emplace_back(*d, *working);
  }
  if (days.empty() && diags.error_count() == 0) {
    diags.add(Diagnostic{path, 0, 0, Severity::kError, tr("the calendar lists no day"), "",
                         tr("list the year's holidays and the weekend days worked (调休)")});
  }
}

}  // namespace

Calendar load_calendar(const std::string& path, const SheetOptions& sheet) {
  std::vector<std::pair<Date, bool>> days;
  Diagnostics diags;
  try {
    read_days(path, sheet, days, diags);
  } catch (const Error& e) {
    if (e.exit_code() != kExitDataErr) throw;
    // A CSV syntax error joins the problems of the rows before it.
    for (const Diagnostic& d : e.diagnostics()) diags.add(d);
  }
  diags.throw_if_errors(kExitDataErr);
  return Calendar(days);
}

}  // namespace kaohe
