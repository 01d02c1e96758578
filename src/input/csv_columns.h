// Checks shared by the CSV loaders: the header's columns by name (required
// and optional ones, duplicates, names that differ from one kaohe reads
// only in case or spaces), and rows whose field count does not match the
// header.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "input/row_errors.h"

namespace kaohe {

// A column kaohe reads from one kind of file.
struct ColumnSpec {
  std::string_view name;  // exact, lower case, no spaces
  bool required = false;
};

// `name` without ASCII spaces and tabs, no-break spaces (U+00A0),
// ideographic spaces (U+3000) or zero-width no-break spaces (U+FEFF), and
// with ASCII letters in lower case: " Unit_ID" → "unit_id".
std::string fold_column_name(std::string_view name);

// The field index of each column of `spec` in `header` (-1: an optional
// column that is absent), matched exactly. nullopt, after adding one
// error per problem to `diags` (at line header_row.line, column the
// 1-based field number, showing the header line; the first
// RowErrors::kMaxShown shown, the rest counted), when:
//   - a required column is missing (a did-you-mean over the header);
//   - a column of `spec` is there more than once, exactly or as a variant
//     in case or spaces (fold_column_name): the error names both fields;
//   - a field is only a variant of a column of `spec` ("Unit_ID",
//     " date", "Count"): it would be ignored or the column missing, so it
//     is an error with a did-you-mean, required or not.
// Other columns are extra: allowed, any number of times, and not read.
std::optional<std::vector<int>> find_columns(const CsvHeader& header,
                                             std::span<const ColumnSpec> spec,
                                             const std::string& file,
                                             const CsvRow& header_row,
                                             Diagnostics& diags);

// False, after adding an error naming expected and actual field counts,
// when `row` does not have as many fields as the header.
bool check_width(const CsvHeader& header, const CsvRow& row, RowErrors& errors);

}  // namespace kaohe
