// What changed between two results on the same units: per unit total,
// rank, grade and the top-level parts that moved; and what changed in the
// scheme: every key of the grammar (scheme_entries), node by node, then
// titles, precision, rounding, period, categories, flags, grades, gates,
// quotas and ranking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/snapshot.h"

namespace kaohe {

struct PartChange {
  std::string id;
  std::optional<Decimal> old_score, new_score;
};

struct UnitChange {
  std::string unit_id;
  std::string name;
  std::string category;   // as in the new result (the old one if only there)
  bool only_old = false;  // the unit is missing from the new result
  bool only_new = false;  // the unit is missing from the old result
  std::optional<Decimal> old_total, new_total;
  int old_rank = 0, new_rank = 0;
  std::string old_grade, new_grade;
  std::vector<PartChange> parts;
};

// One scheme change. kChanged: `key` of entry `id` went from old_value to
// new_value (key empty for a single setting such as precision; key
// "order" with section = the JSON list name, "grades", when the entries
// both schemes share come in another order). kAdded/kRemoved: the entry's
// fields as "key value, …" in new_value/old_value (nodes: their points).
struct SchemeChange {
  enum class Kind { kAdded, kRemoved, kChanged };
  Kind kind = Kind::kChanged;
  std::string section;  // SchemeSection::name ("node", "grade", …)
  std::string id;       // entry id; empty for a setting
  std::string name;     // nodes: the node's name (the new one if both)
  std::string key;
  std::string old_value, new_value;
};

struct ResultDiff {
  // Units in the new result's output order (rank; within category when the
  // new result ranks so), then units only in the old result, in its order.
  std::vector<UnitChange> units;
  // Nodes in the new scheme's order, then removed nodes; then the other
  // sections in scheme_sections() order, entries likewise.
  std::vector<SchemeChange> scheme;
  // Keys one side does not record (a result saved by an older kaohe), so
  // not compared: "node cap", "gate", … Informational: not a difference.
  std::vector<std::string> not_compared;
  int precision = 2;      // of the new result: its scores print so
  int old_precision = 2;  // of the old result: its scores print so
  bool empty() const { return units.empty() && scheme.empty(); }
};

// The changes between two schemes' entries (`known_*`: the sections each
// side records). Entries with the same id twice in a section (two gates on
// one condition) are told apart as "id #2", "id #3" in order.
void diff_schemes(const std::vector<SchemeEntry>& before,
                  const std::vector<std::string>& known_before,
                  const std::vector<SchemeEntry>& after,
                  const std::vector<std::string>& known_after, ResultDiff& out);

// Compares `before` and `after`. A unit changes when its total moves by
// more than `tolerance`, or its rank or grade changes; any scheme change
// is a difference, even one that moves no unit.
ResultDiff diff_results(const Snapshot& before, const Snapshot& after,
                        Decimal tolerance);

}  // namespace kaohe
