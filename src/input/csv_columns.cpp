// Column and row-width checks shared by the CSV loaders.
#include "input/csv_columns.h"

#include <fmt/format.h>

namespace kaohe {

int require_column(const CsvHeader& header, std::string_view name,
                   const std::string& file, const CsvRow& header_row,
                   Diagnostics& diags) {
  int c = header.find(name);
  if (c >= 0) return c;
  std::string near = closest_match(name, header.names());
  std::string hint = near.empty()
                         ? fmt::format("add a column named {}", name)
                         : fmt::format("is \"{}\" meant to be \"{}\"?", near, name);
  diags.error(file, header_row.line, 0,
              fmt::format("missing required column \"{}\"", name),
              std::string(header_row.raw), hint);
  return -1;
}

bool check_width(const CsvHeader& header, const CsvRow& row,
                 const std::string& file, Diagnostics& diags) {
  int n = static_cast<int>(row.fields.size());
  if (n == header.size()) return true;
  diags.error(file, row.line, 0,
              fmt::format("row has {} fields, the header has {}", n, header.size()),
              std::string(row.raw),
              n > header.size() ? "quote fields that contain commas"
                                : "every row needs a value (maybe empty) per column");
  return false;
}

}  // namespace kaohe
