// Reads the roster (units.csv).
#include "input/roster.h"

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "input/csv_columns.h"
#include "input/text_decoder.h"
#include "io/file_io.h"

namespace kaohe {

Roster load_roster(const std::string& path, Encoding encoding) {
  Roster roster;
  roster.file = path;
  FilePtr f = open_input(path);
  std::unique_ptr<ByteSource> text = open_text(path, f.get(), encoding);
  CsvReader reader(path, *text);
  Diagnostics diags;
  CsvRow row;
  if (!reader.next(row)) {
    throw Error(kExitDataErr,
                Diagnostic{path, 0, 0, Severity::kError,
                           "the roster is empty: it needs a header row",
                           "", "start it with: unit_id,name"});
  }
  CsvHeader header(row);
  int c_id = require_column(header, "unit_id", path, row, diags);
  int c_name = require_column(header, "name", path, row, diags);
  int c_cat = header.find("category");
  diags.throw_if_errors(kExitDataErr);
  roster.has_categories = c_cat >= 0;
  while (reader.next(row)) {
    if (!check_width(header, row, path, diags)) continue;
    Unit u;
    u.id = std::string(row.fields[c_id]);
    u.name = std::string(row.fields[c_name]);
    if (c_cat >= 0) u.category = std::string(row.fields[c_cat]);
    if (u.id.empty()) {
      diags.error(path, row.line, c_id + 1, "empty unit_id", std::string(row.raw));
      continue;
    }
    auto [it, inserted] =
        roster.index.emplace(u.id, static_cast<int>(roster.units.size()));
    if (!inserted) {
      diags.error(path, row.line, c_id + 1,
                  fmt::format("duplicate unit_id \"{}\" (first listed at line {})",
                              u.id, roster.units[it->second].line),
                  std::string(row.raw), "each unit is listed once");
      continue;
    }
    u.line = row.line;
    roster.units.push_back(std::move(u));
  }
  diags.throw_if_errors(kExitDataErr);
  return roster;
}

}  // namespace kaohe
