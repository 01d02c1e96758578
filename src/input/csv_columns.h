// Checks shared by the CSV loaders: the header's columns by name (required
// and optional ones, duplicates, names that differ from one kaohe reads
// only in case or spaces), and rows whose field count does not match the
// header.
#pragma once

#include <functional>
#include <map>
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
  // Built-in header synonyms, '/'-separated ("单位/单位编码"): the Chinese
  // headers a clerk's sheet has, read with no mapping.
  std::string_view synonyms = {};
};

// The built-in synonyms of unit_id and item_id in events and measures.
inline constexpr std::string_view kUnitSynonyms = "单位/单位名称/单位编码/单位代码/考核单位";
inline constexpr std::string_view kItemSynonyms =
    "项目/指标/考核项目/考核指标/项目编号/指标编号";

// A scheme's own header names for one kind of file (`columns:`): header
// text as written → kaohe's column. It wins over the built-in synonyms.
using HeaderMap = std::map<std::string, std::string, std::less<>>;

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
//   - two fields mean one column: a synonym (spec.synonyms, or `own`, the
//     scheme's mapping for this kind of file) and the name itself or
//     another synonym ("单位,单位编码"): which to read would be a guess.
// A field whose name (fold_column_name) is a synonym of a column, or that
// `own` maps to it, is read as that column; `own` wins over the built-in
// synonyms. A missing required column's hint is a did-you-mean of an
// unread field to the column's name or synonyms.
// Other columns are extra: allowed, any number of times, and not read.
std::optional<std::vector<int>> find_columns(const CsvHeader& header,
                                             std::span<const ColumnSpec> spec,
                                             const std::string& file,
                                             const CsvRow& header_row,
                                             Diagnostics& diags,
                                             const HeaderMap* own = nullptr);

// False, after adding an error naming expected and actual field counts,
// when `row` does not have as many fields as the header.
bool check_width(const CsvHeader& header, const CsvRow& row, RowErrors& errors);

}  // namespace kaohe
