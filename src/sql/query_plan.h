// What `kaohe sql` asks an engine to group event rows by, derived from the
// scheme model alone (DESIGN.md §4 "SQL push-down (issue 19)"): for each
// item the data may name, which columns its rows keep (tier, role,
// points, ref, due and done), how finely their dates are kept (the
// buckets its quota and sub-periods need, or the day), how the counts of
// a group add up (a sum, or for 取最高分 rows with a ref the count of the
// best row), and which rows kaohe would reject, so that they come back
// one by one with their key. No engine spelling here: sql/dialect.h.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/decimal.h"
#include "scheme/model.h"

namespace kaohe {

// How the count of a group of rows is made.
enum class CountPick {
  kSum,  // Σ count: every row adds up
  kMax,  // the largest count: 取最高分 keeps the best row, amount ≥ 0
  kMin,  // the smallest count: 取最高分 with a negative amount
};

// One item_id as the data writes it (an id inside `periods:` once, not
// per sub-period copy).
struct ItemPlan {
  std::string id;
  RuleKind kind = RuleKind::kNone;
  // Named values its tier or role column takes (empty: the column must be
  // empty); whether the column is required.
  std::vector<std::string> tiers;
  bool tier_required = false;
  std::vector<std::string> roles;
  bool role_required = false;
  // ranged: the points column is required and lies in [min, max].
  bool takes_points = false;
  Decimal points_min, points_max;
  // late: due and done kept; `fixed_due`: the item's own due date, the due
  // column must be empty; else it is required.
  bool late = false;
  bool fixed_due = false;
  // A date is required (quota, or an item scored per sub-period).
  bool needs_date = false;
  // How the date is kept (for units without days of their own): the day
  // itself, or the start of the segment of the period it falls in — the
  // segments cut at `cuts` (each a first day, ascending, the first the
  // period's), further cut at ISO weeks when `weeks`. A date that only the
  // period filter reads has one segment, the whole period.
  bool keep_day = false;
  bool weeks = false;
  std::vector<Date> cuts;
  // Under a 取最高分 node: rows with a ref keep it, and their count is
  // picked (kMax or kMin by the sign of the row's amount); `negative_tiers`
  // are the tiers whose amount is negative (amounts of both signs), and
  // `points_may_be_negative` says a ranged row's sign follows its points.
  bool keeps_ref = false;
  std::vector<std::string> negative_tiers;
  std::vector<std::string> negative_roles;
  bool points_may_be_negative = false;
};

struct QueryPlan {
  std::string scheme_file;
  // Rows dated in [from, to] are grouped (`to` is --as-of when given);
  // without a period every dated row is.
  std::optional<Date> from, to;
  std::vector<ItemPlan> items;  // in scheme node order
  // Units whose rows keep their day (roster from/to): every unit when
  // `all_units_keep_day` (no roster given to `kaohe sql`).
  bool all_units_keep_day = true;
  std::set<std::string> day_units;
  // The roster's ids when one was given: rows of any other unit come back
  // one by one. Empty: units are not checked by the query.
  std::vector<std::string> known_units;
};

// The plan for `scheme` (and, when given, its roster's ids and the ids of
// units with days of their own). `as_of` ends the grouped days early, as
// score --as-of does.
QueryPlan make_query_plan(const Scheme& scheme, const std::vector<std::string>* unit_ids,
                          const std::set<std::string>* day_units, std::optional<Date> as_of);

}  // namespace kaohe
