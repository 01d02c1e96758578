// A wide measures sheet (issue 18 point 2): one row per unit and one
// column per measure item, as a clerk lays it out in Excel
// (`单位,目标考核,述职评议`). This file finds the item columns of such a
// header; input/measure_reader.cpp reads each non-empty cell as one long
// row (unit, item, value). DESIGN.md §1 "Wide measure sheets".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "input/sheet_header.h"
#include "scheme/model.h"

namespace kaohe {

// One item column of a wide sheet.
struct WideColumn {
  int field = 0;     // 0-based field index in the header
  std::string item;  // the item as a long row names it (its id; for an
                     // item scored per sub-period, the id as written)
  std::string key;   // `item:key` (民主测评:优秀): the key; else empty
};

enum class WideFound {
  kNotWide,  // no header names a measure item: the sheet is no wide one
  kWide,     // `out` holds the item columns, at least one
  kBad,      // it names items, but some header is wrong: errors in `diags`
};

// Whether a header without item_id and value columns is a wide sheet, and
// its item columns. `read` are the fields already read as kaohe's columns
// (unit_id, period, rater…; -1 entries ignored). Every other named field
// is an item column, a column kaohe ignores (kWideIgnored: the unit's
// name, a row number, remarks), or an error. An item that takes keys
// (votes, checklist, mean, grouped sheets) has one column per key, headed
// `item:key` (`测评:优秀`, also with a full-width `：`). Errors:
//   - a header matching no measure item (an id, or a name unique among
//     the measure items): did-you-mean over ids and names;
//   - a name shared by several items: which one would be a guess (the
//     error lists their ids: write the id);
//   - an item that takes keys headed without one, or with a key it does
//     not take (did-you-mean over its keys); a key on an item without;
//   - two headers for one item (and key).
// Errors only when at least one header names an item (else kNotWide and
// nothing added): they point at the header line and the field.
WideFound find_wide_columns(const CsvHeader& header, std::span<const int> read,
                            const Scheme& scheme, const std::string& path,
                            const HeaderRow& header_row, Diagnostics& diags,
                            std::vector<WideColumn>& out);

// For a header read in the long layout (`long_columns`: the fields of
// item_id, value and key found, -1 for each absent; `read`: every field
// read as kaohe's column), an error at the first other header naming a
// measure item, by id or name — the two layouts in one header, where one
// would be ignored — and false; true when there is none.
bool check_one_layout(const CsvHeader& header, std::span<const int> long_columns,
                      std::span<const int> read, const Scheme& scheme,
                      const std::string& path, const HeaderRow& header_row,
                      Diagnostics& diags);

// Headers a wide sheet may hold beside its items, read by no one: the
// unit's name (a roster column), a row number, remarks; folded as
// fold_column_name folds them.
inline constexpr std::string_view kWideIgnored[] = {
    "name", "名称", "单位全称", "序号", "编号", "备注", "说明", "note", "notes", "remark", "remarks"};

}  // namespace kaohe
