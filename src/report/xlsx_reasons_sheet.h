// The sheet "主要失分" of -O xlsx with `score --reasons N`.
#pragma once

#include "pipeline/evaluation.h"
#include "report/xlsx_book.h"

namespace kaohe {

// Adds to `book` a sheet "主要失分": under the title row, a row per loss of
// each unit in rank order — rank, unit, name, the loss's number (1..n),
// the item, the loss on the total as a number of the scheme's precision —
// the `n` largest per unit (explain/reasons.h, rounded as the table's
// reasons column). A unit that lost nothing has no row. Headers in
// `ev.header`'s words. Nothing when `n` ≤ 0 or the book has failed.
void write_reasons_sheet(XlsxBook& book, const Evaluation& ev, int n);

}  // namespace kaohe
