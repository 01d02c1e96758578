// Checks shared by the CSV loaders: required columns by name, and rows
// whose field count does not match the header.
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "input/csv_reader.h"

namespace kaohe {

// Index of column `name`, or -1 after adding an error (with a did-you-mean
// over the header's names) to `diags`.
int require_column(const CsvHeader& header, std::string_view name,
                   const std::string& file, const CsvRow& header_row,
                   Diagnostics& diags);

// False, after adding an error naming expected and actual field counts,
// when `row` does not have as many fields as the header.
bool check_width(const CsvHeader& header, const CsvRow& row,
                 const std::string& file, Diagnostics& diags);

}  // namespace kaohe
