// The sheet "方案" of -O xlsx: everything the scheme says.
#pragma once

#include "report/xlsx_book.h"
#include "scheme/model.h"

namespace kaohe {

// Adds to `book` a sheet "方案" written from scheme_entries()
// (scheme/scheme_entries.h, the keys `-O json` writes and `diff`
// compares), under the title row: a block per list section — nodes
// (parents first), categories, flags, grades, gates, quotas, seed slips —
// each under a bold header "nodes: id", "grades: name", … and its keys, a
// column per key (a key some entries lack is blank in the others), a
// blank row between blocks; then the single settings as `setting`/`value`
// rows. Number keys are numeric cells, percentages as written ("60%")
// numbers in a percent format, keys not set blank. Prints like the
// results, the nodes' header repeated. Nothing when the book has failed.
void write_scheme_sheet(XlsxBook& book, const Scheme& scheme);

}  // namespace kaohe
