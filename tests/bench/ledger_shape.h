// The benchmark's second and third data shapes (tests/bench/run.sh
// --shape ledger / ledger-by-unit), scored by tests/bench/ledger.yaml: a
// year's deduction ledger of villages, as an export of a real one looks,
// with no row shape dominating.
#pragma once

#include <cstdint>
#include <string>

namespace kaohe_bench {

// Writes OUT_DIR/units.csv (`units` villages U00001…, category 村, ids as
// wide as the largest so that their text order is the roster's) and
// OUT_DIR/events.csv: exactly `rows` rows `unit_id,item_id,date,count,
// tier,note`. Each row: a unit drawn by a per-unit activity level (3% far
// less active), one of 20 items by fixed weights (2%..9% of the rows; the
// 3 tiered items, by 一般/较重/严重, 15% of the rows), a date of 2025 drawn
// at random (so never in order), a count 1..5, and a Chinese note on every
// row: 13% of the notes quoted with a comma inside, 2% quoted with doubled
// quotes (and a comma). Rows are in the order drawn, or with `by_unit`
// the same rows sorted by unit, then date, then draw (as exports sorted by
// unit are). Deterministic: row j depends only on j and `units`.
void write_ledger(const std::string& dir, int units, std::int64_t rows, bool by_unit);

}  // namespace kaohe_bench
