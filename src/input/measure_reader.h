// Reads measure rows (`unit_id,item_id,value[,key][,rater]`, long format;
// or a wide sheet's cells, one column per item: input/wide_sheet.h)
// into a table keyed by unit and item, validating each value against its
// rule: known keys, ranges, duplicates, and `NA` for "does not apply" —
// which may also be given for a group or an event item (SPEC §10). A
// `sheets` item takes any number of rows (one per rater's sheet) per key.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostic.h"
#include "input/event.h"
#include "input/roster.h"
#include "input/text_decoder.h"
#include "scheme/model.h"

namespace kaohe {

struct Measure {
  std::string key;               // empty for unkeyed rules; sheets: the group
  int rater = -1;                // sheets: who filled the sheet in
                                 // (MeasureTable::rater_name), or -1
  std::optional<Decimal> value;  // nullopt: NA (the item does not apply)
  int file = -1;                 // index into the run's measure files
  int line = 0;
};

class MeasureTable {
 public:
  // The rows of `unit` for leaf `node`, or nullptr when there are none.
  const std::vector<Measure>* find(int unit, int node) const {
    if (unit < 0 || static_cast<std::size_t>(unit) >= units_.size()) return nullptr;
    const std::vector<std::vector<Measure>>& nodes = units_[unit];
    if (node < 0 || static_cast<std::size_t>(node) >= nodes.size()) return nullptr;
    const std::vector<Measure>& rows = nodes[node];
    return rows.empty() ? nullptr : &rows;
  }
  // The rows of `unit` for `node`, to add to (unit, node ≥ 0).
  std::vector<Measure>& slot(int unit, int node) {
    if (static_cast<std::size_t>(unit) >= units_.size()) units_.resize(unit + 1);
    std::vector<std::vector<Measure>>& nodes = units_[unit];
    if (static_cast<std::size_t>(node) >= nodes.size()) nodes.resize(node + 1);
    return nodes[node];
  }

  // Whether an NA row marks `node` itself (not a measure leaf: a group or
  // an event item) as not applying to `unit`.
  bool node_marked_na(int unit, int node) const {
    if (!has_node_na_) return false;
    const std::vector<Measure>* rows = find(unit, node);
    return rows != nullptr && !rows->front().value;
  }
  // Whether `node` or one of its ancestors is marked NA for `unit`.
  bool subtree_marked_na(const Scheme& scheme, int unit, int node) const {
    if (!has_node_na_) return false;
    for (int a = node; a >= 0; a = scheme.nodes[a].parent) {
      if (node_marked_na(unit, a)) return true;
    }
    return false;
  }
  void mark_node_na() { has_node_na_ = true; }

  // A row of `unit` for measure leaf `node` was rejected with an error: a
  // unit lacking that leaf's measures is then no news (not reported again).
  void mark_rejected(int unit, int node) { rejected_.insert(slot_key(unit, node)); }
  bool rejected(int unit, int node) const {
    return !rejected_.empty() && rejected_.count(slot_key(unit, node)) > 0;
  }

  // Raters' names are held once each (a Measure holds an index: most
  // items have none, and a rater rates many units).
  int intern_rater(std::string_view name) {
    auto [it, inserted] =
        rater_ids_.try_emplace(std::string(name), static_cast<int>(rater_names_.size()));
    if (inserted) rater_names_.push_back(it->first);
    return it->second;
  }
  // The name of rater `id` (from intern_rater).
  const std::string& rater_name(int id) const {
    return rater_names_[static_cast<std::size_t>(id)];
  }
  // The earlier sheet of rater `id` (≥ 0) among `unit`'s rows for the
  // sheets leaf `node`, or nullptr: a rater fills in one sheet per unit.
  const Measure* sheet_of_rater(int unit, int node, int id) const;
  // Adds a sheet row of `unit` for `node` (sheet_of_rater found none).
  void add_sheet(int unit, int node, Measure m);

 private:
  // Rows by unit, then by node: dense, as nearly every (unit, leaf) of a
  // scheme with measures has rows, and scoring looks each one up.
  static std::int64_t slot_key(int unit, int node) {
    return (static_cast<std::int64_t>(unit) << 32) | static_cast<std::uint32_t>(node);
  }
  std::vector<std::vector<std::vector<Measure>>> units_;
  bool has_node_na_ = false;
  std::set<std::int64_t> rejected_;  // slot keys; few: only bad rows
  std::unordered_map<std::string, int> rater_ids_;
  std::vector<std::string> rater_names_;
  // A slot of this many sheets or more finds a rater's sheet through
  // sheet_index_, a smaller one by a scan (no memory: a village's dozens
  // of sheets); a city's survey of thousands needs no quadratic scan.
  static constexpr std::size_t kScannedSheets = 32;
  // (unit, node), rater → the index of the rater's sheet in its slot.
  struct RaterSheet {
    std::int64_t slot;
    int rater;
    bool operator==(const RaterSheet&) const = default;
  };
  struct RaterSheetHash {
    std::size_t operator()(const RaterSheet& k) const {
      return std::hash<std::int64_t>()(k.slot) * 31 + std::hash<int>()(k.rater);
    }
  };
  std::unordered_map<RaterSheet, int, RaterSheetHash> sheet_index_;
};

// Reads `path` (index `file_index` among the run's measure files) into
// `table`. Row problems are added to `diags`, including a second row for
// the same (unit_id, item_id, key), even across files; throws
// kaohe::Error only when the file cannot be read. `files` names the
// measure files read so far, for "first given at FILE:LINE". `sheet`:
// the encoding, delimiter and title rows, forced or found. The layout is
// the scheme's `columns: {measures: {layout}}`, else found: long when the
// header has item_id and value, else wide when it names measure items
// (the file is then read again from its start); each non-empty wide cell
// is checked as the long row (unit, item[, key], value) at its field.
InputStats read_measures(const std::string& path, int file_index,
                         const std::vector<std::string>& files,
                         const Scheme& scheme, const Roster& roster,
                         MeasureTable& table, Diagnostics& diags,
                         const SheetOptions& sheet = {});

}  // namespace kaohe
