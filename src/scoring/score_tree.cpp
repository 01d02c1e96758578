// Bottom-up evaluation of the score tree for all units (SPEC §4, §10):
// leaves by their rules, inner nodes by sum or weights with the
// not-applicable policies, zeroing events, floors, caps, one rounding per
// node; then full marks and, with categories, the normalised total.
#include "scoring/score_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <system_error>
#include <thread>
#include <tuple>

#include "base/messages.h"
#include "scheme/yaml_tree.h"
#include "scoring/leaf_rules.h"
#include "input/unit_period.h"

namespace kaohe {

Decimal settle(const Scheme& scheme, const Node& node, const Rational& value) {
  // Most cells: a value with no more digits than the precision, inside the
  // floor and the cap, is its own rounding — kept without round_to's
  // division. The same result as below, which any other value takes.
  static constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (scheme.precision >= 0 && scheme.precision <= Decimal::kMaxScale &&
      kPow10[scheme.precision] % value.den() == 0) {
    std::int64_t units = 0;
    if (!__builtin_mul_overflow(value.num(), Decimal::kOne / value.den(), &units)) {
      const Decimal d = Decimal::from_units(units);
      if ((!node.floor || !(d < *node.floor)) && (!node.cap || !(*node.cap < d))) return d;
    }
  }
  Rational v = value;
  if (node.floor && v < Rational(*node.floor)) v = Rational(*node.floor);
  if (node.cap && Rational(*node.cap) < v) v = Rational(*node.cap);
  return round_to(v, scheme.precision, scheme.rounding);
}

namespace {

Rational points_of(const Node& n) { return n.points ? Rational(*n.points) : Rational(); }

bool has_points(const Node& n) { return n.points && n.points->units() != 0; }

}  // namespace

int last_counting_child(const Scheme& scheme, const ScoreSheet& sheet, int unit, int n) {
  const Node& node = scheme.nodes[n];
  if (!node.periods || node.periods->combine != Combine::kLast) return -1;
  for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
    if (sheet.at(unit, *it).applicable) return *it;
  }
  return -1;
}

// The children of one node for one unit fall in four groups (SPEC §10):
// receivers (apply, with points: they take moved and pooled points or
// weight), kept (count with their own not_applicable value, receive
// nothing), adjustments (no points: added as they are), and children that
// do not apply, whose points (or weight) are dropped, moved to a receiving
// sibling, or pooled and shared among the receivers. Moves come first, so
// the pool is shared pro rata to the receivers' sizes after the moves.
Combination combination_of(const Scheme& scheme, const ScoreSheet& sheet,
                           int unit, int n) {
  const Node& node = scheme.nodes[n];
  const bool weighted = node.weighted_children;
  Combination comb;
  // A child's size: its weight in a weighted node, else its full marks
  // for this unit after its own n/a handling. What a child that does not
  // apply hands on: its weight, or its declared points.
  auto handed = [&](int c) {
    return weighted ? *scheme.nodes[c].weight : points_of(scheme.nodes[c]);
  };
  auto pointed = [&](int c) {
    const Node& child = scheme.nodes[c];
    return has_points(child) && (!weighted || child.weight.has_value());
  };
  std::map<int, Rational> size;  // receivers → size after moves
  std::vector<int> dropped;      // pointed children that do not apply
  bool any_pointed = false, any_kept = false, any_adjustment = false;
  Rational all_weights;
  // `periods: {combine: last}`: only the last sub-period that applies
  // counts; the others are left out as if they were not there.
  const int only = last_counting_child(scheme, sheet, unit, n);
  for (int c : node.children) {
    const NodeScore& s = sheet.at(unit, c);
    if (only >= 0 && c != only) continue;
    if (!pointed(c)) {
      any_adjustment |= s.applicable;
      continue;
    }
    any_pointed = true;
    if (weighted) all_weights += *scheme.nodes[c].weight;
    if (!s.applicable) {
      dropped.push_back(c);
    } else if (s.kept || !(Rational() < Rational(s.full_marks))) {
      any_kept = true;
    } else {
      size[c] = weighted ? *scheme.nodes[c].weight : Rational(s.full_marks);
    }
  }
  Rational pool;
  for (int c : dropped) {
    const Node& child = scheme.nodes[c];
    if (child.na_policy == NaPolicy::kMoveTo) {
      auto target = size.find(scheme.find(child.move_to));
      if (target != size.end()) {
        target->second += handed(c);
        continue;
      }
      pool += handed(c);  // the sibling receives nothing: redistribute
    } else if (child.na_policy == NaPolicy::kRedistribute || weighted) {
      // A weighted node renormalises an excluded child's weight too.
      pool += handed(c);
    }
    // A sum node's excluded child leaves the full marks.
  }
  // Every scored child dropped out: the node does not apply, and its
  // adjustments go with it. A node of adjustments only applies when one
  // of them does. Pooled points that no child can receive make the node
  // not applicable too: they would otherwise be full marks nobody earns.
  Rational total_size;
  for (const auto& [c, z] : size) total_size += z;
  if (any_pointed ? size.empty() && !any_kept : !any_adjustment) return comb;
  if (!pool.is_zero() && total_size.is_zero()) return comb;
  comb.applicable = true;
  comb.kept = any_pointed && size.empty();
  comb.constant = node.base ? Rational(*node.base) : Rational();
  Rational full = comb.constant;
  for (int c : node.children) {
    const NodeScore& s = sheet.at(unit, c);
    if (!s.applicable || (only >= 0 && c != only)) continue;
    if (!pointed(c)) {
      comb.terms.emplace_back(c, Rational(1));
      continue;
    }
    const Rational own_full(s.full_marks);
    auto it = size.find(c);
    // A kept child counts at its own size; a receiver at its size after
    // moves plus its share of the pool.
    Rational received = it == size.end() ? (weighted ? *scheme.nodes[c].weight : own_full)
                                         : it->second + pool * it->second / total_size;
    if (own_full.is_zero()) {
      comb.terms.emplace_back(c, Rational(1));
    } else if (weighted) {
      comb.terms.emplace_back(c, received / all_weights * points_of(node) / own_full);
    } else {
      comb.terms.emplace_back(c, received / own_full);
      full += received;
    }
  }
  // Full marks: declared for weighted nodes and nodes whose children are
  // all adjustments; otherwise the base plus what the children bring.
  if (any_pointed && !weighted) comb.full_marks = *full.to_decimal();
  return comb;
}

namespace {

class TreeScorer {
  struct Problem {
    int unit;
    int node;
    Diagnostic diagnostic;
  };
  // An inner node's combination worked out for one unit, and what of its
  // children's cells combination_of() read to find it: a unit whose
  // children agree in these gets the same combination. Most units of a
  // roster share one, so it is worked out once a node, not once a unit.
  struct LastCombination {
    struct Child {
      bool applicable = false;
      bool kept = false;
      Decimal full_marks;
      bool operator==(const Child&) const = default;
    };
    bool known = false;
    std::vector<Child> children;  // in the node's order
    Combination combination;
    // Whether the constant and every coefficient are whole numbers: the
    // value is then summed as a Decimal, exactly, without fractions.
    bool whole = false;
  };
  // What scoring some units found, to keep: problems and defaults used.
  // And, by node, the last combination worked out for an inner node, for
  // the next unit of the same range (see combination_for).
  struct Found {
    std::vector<Problem> problems;
    std::vector<DefaultUsed> defaults;
    std::vector<LastCombination> combinations;
  };
 public:
  TreeScorer(const Scheme& scheme, const Roster& roster, const Tallies& tallies,
             const MeasureTable& measures, Diagnostics& diags, int threads,
             const ResultScores* results)
      : scheme_(scheme), roster_(roster), tallies_(tallies), measures_(measures),
        results_(results), diags_(diags),
        threads_(std::clamp(threads, 1, std::max(roster.size(), 1))),
        sheet_(roster.size(), static_cast<int>(scheme.nodes.size()),
               static_cast<int>(scheme.flags.size())),
        failed_(roster.size(), 0), applies_(find_applicable()) {}

  ScoreSheet run() {
    const int nodes = static_cast<int>(scheme_.nodes.size());
    choose_alternatives();
    apply_event_effects();
    // Parents precede children in `nodes`: walking backwards scores every
    // child before its parent.
    if (needs_every_unit_per_node()) {
      for (int n = nodes - 1; n >= 0; --n) {
        try {
          score_node(n);
        } catch (const Error& err) {
          throw at_node(err, n);
        }
      }
    } else {
      // Every node of a unit needs only that unit's cells: the whole tree
      // is walked for a block of units at a time, whose cells and sums
      // stay in cache. Walking a node at a time over every unit streams
      // all the cells once per node, which at a million units is
      // gigabytes of memory traffic.
      // The blocks are the same on any number of threads, so that a fatal
      // problem (an overflow) is the same one: that of the first block
      // with one, at its first node in the walk.
      for_each_range(
          [&](int begin, int end, Found& found) {
            for (int b = begin; b < end; b += kBlockUnits) {
              score_block(b, std::min(end, b + kBlockUnits), found);
            }
          },
          kBlockUnits);
    }
    for_each_unit([&](int u, Found& found) { finish_total(u, found); });
    // In roster order, then scheme order — not the bottom-up order in
    // which they were found.
    const auto by_unit_then_node = [](const auto& a, const auto& b) {
      return std::tie(a.unit, a.node) < std::tie(b.unit, b.node);
    };
    std::stable_sort(problems_.begin(), problems_.end(), by_unit_then_node);
    std::stable_sort(sheet_.defaults.begin(), sheet_.defaults.end(), by_unit_then_node);
    for (Problem& p : problems_) diags_.add(std::move(p.diagnostic));
    return std::move(sheet_);
  }

  // Whether some node needs every unit scored before it: a relative leaf
  // (its best value among units) or a node that does not apply to a unit
  // counting as the mean of the units it applies to.
  bool needs_every_unit_per_node() const {
    for (const Node& node : scheme_.nodes) {
      if (node.na_policy == NaPolicy::kMean) return true;
      if (node.is_leaf() && node.rule.kind == RuleKind::kRelative) return true;
    }
    return false;
  }

  // Units walked together through the whole tree (see run()): 64 units'
  // cells and sums are tens of kilobytes for a scheme of a few dozen nodes.
  static constexpr int kBlockUnits = 64;

  // Scores every node for the units [begin, end), bottom-up. Precondition:
  // !needs_every_unit_per_node().
  void score_block(int begin, int end, Found& found) {
    for (int n = static_cast<int>(scheme_.nodes.size()) - 1; n >= 0; --n) {
      try {
        for (int u = begin; u < end; ++u) score_cell(u, n, found);
        for (int u = begin; u < end; ++u) count_as_policy(u, n, std::nullopt, found);
      } catch (const Error& err) {
        throw at_node(err, n);
      }
    }
  }

  // Scores node `n` for every unit (its children are scored).
  void score_node(int n) {
    if (scheme_.nodes[n].is_leaf() && scheme_.nodes[n].rule.kind == RuleKind::kRelative) {
      score_relative_leaf(n);
    } else {
      for_each_unit([&](int u, Found& found) { score_cell(u, n, found); });
    }
    apply_na_policy(n);
  }

  // Scores node `n` for `u` (its children are scored), by its rule or its
  // children; not a relative leaf, which needs every unit's value.
  void score_cell(int u, int n, Found& found) {
    const Node& node = scheme_.nodes[n];
    if (!node.is_leaf()) {
      score_inner(u, n, found);
      return;
    }
    if (!applies(u, n)) {
      sheet_.at(u, n).applicable = false;
      reject_rows_under_na(u, n, found);
      return;
    }
    LeafOutcome out = node.rule.kind == RuleKind::kResult
                          ? score_result_leaf(node, results_ ? results_->find(n) : nullptr, u)
                      : rule_reads_events(node.rule.kind)
                          ? score_event_leaf(scheme_, n, tallies_, u,
                                             node.rule.kind == RuleKind::kQuota
                                                 ? node_days(scheme_, roster_.units[u], n)
                                                 : std::nullopt)
                          : score_measure_leaf(node, measures_.find(u, n));
    record(u, n, out, found);
  }

  // An overflow (or any fatal problem) while scoring node `n`, at the
  // node's line of the scheme, which is shown.
  Error at_node(const Error& err, int n) const {
    const Node& node = scheme_.nodes[n];
    Diagnostic d;
    d.file = scheme_.file;
    d.line = node.pos.line;
    d.col = node.pos.col;
    d.message = trf("{} while scoring '{}' ({})",
                            err.diagnostics().empty() ? std::string(tr("error"))
                                                      : err.diagnostics().front().message,
                            node.id, node.name);
    d.source_line = node.pos.line > 0 ? line_of(scheme_.text, node.pos.line) : std::string();
    d.hint = tr("the item's points, amounts or values are too large to combine exactly");
    return Error(err.exit_code(), d);
  }

 private:
  // Keeps what `found` holds, after what was kept before.
  void keep(Found& found) {
    for (Problem& p : found.problems) problems_.push_back(std::move(p));
    for (DefaultUsed& d : found.defaults) sheet_.defaults.push_back(std::move(d));
    found = Found{};
  }

  // Runs body(begin, end, found) over ranges of consecutive units that
  // cover the roster in order: one range, or threads_ ranges on as many
  // threads, each with a Found of its own. The ranges' findings are kept
  // in unit order, so the result is what one thread gives. The body of one
  // unit reads and writes that unit's cells only, and reads cells of other
  // nodes the walk finished.
  // With `align`, the ranges start at multiples of it, so that blocks of
  // `align` units fall alike on any number of threads.
  template <typename Body>
  void for_each_range(const Body& body, int align = 1) {
    const int units = roster_.size();
    std::vector<Found> found(threads_);
    auto edge = [&](int t) {
      if (t == threads_) return units;
      const auto at = static_cast<int>(static_cast<std::int64_t>(units) * t / threads_);
      return at / align * align;
    };
    auto range = [&](int t) { body(edge(t), edge(t + 1), found[t]); };
    if (threads_ == 1) {
      range(0);
    } else {
      std::vector<std::thread> others;
      std::vector<std::exception_ptr> failed(threads_);
      int started = 1;
      try {
        for (; started < threads_; ++started) {
          others.emplace_back([&, t = started] {
            try {
              range(t);
            } catch (...) {
              failed[t] = std::current_exception();
            }
          });
        }
      } catch (const std::system_error&) {
        // No more threads to be had: the ranges left run on this one.
      }
      try {
        range(0);
        for (int t = started; t < threads_; ++t) range(t);
      } catch (...) {
        failed[0] = std::current_exception();
      }
      for (std::thread& th : others) th.join();
      for (const std::exception_ptr& e : failed) {
        if (e) std::rethrow_exception(e);
      }
    }
    for (Found& f : found) keep(f);
  }

  // Runs body(unit, found) for every unit, as for_each_range does.
  template <typename Body>
  void for_each_unit(const Body& body) {
    for_each_range([&](int begin, int end, Found& found) {
      for (int u = begin; u < end; ++u) body(u, found);
    });
  }

  // A unit that cannot be scored, reported at its line of the roster,
  // which is shown. A measure leaf without any row for the unit gets a
  // hint naming the rows to add.
  void report(int unit, int node, std::string message, std::string hint, Found& found) const {
    const Unit& u = roster_.units[unit];
    Diagnostic d;
    d.file = roster_.file;
    d.line = u.line;
    d.message = std::move(message);
    d.source_line = u.text;
    const Node& n = scheme_.nodes[node];
    if (n.rule.kind == RuleKind::kSheets && measures_.find(unit, node) == nullptr) {
      // Score sheets: any number of rows, one per sheet (in a sub-period's
      // copy, the item as written and the sub-period in the period column).
      const bool copy = n.periodic >= 0;
      const std::string& id = copy ? n.template_id : n.id;
      const std::string period =
          copy ? "," + scheme_.nodes[n.periodic].periods->labels[n.sub_period] : "";
      const char* period_column = copy ? ",period" : "";
      std::vector<std::string> keys = n.rule.measure_keys();
      hint = keys.empty()
                 ? trf("add one row {},{},<value>{} per rater's sheet to a measures "
                               "file (columns unit_id,item_id,value{}[,rater]), or declare "
                               "'missing: na|zero|full' on the item", u.id, id, period,
                               period_column)
                 : trf("add one row {},{},<value>,<group>{} per rater's sheet to a "
                               "measures file (columns unit_id,item_id,value,key{}[,rater]), "
                               "the key its rater group: {}; or declare 'missing: "
                               "na|zero|full' on the item", u.id, id, period, period_column,
                               fmt::join(keys, ", "));
    } else if (n.is_leaf() && rule_reads_measures(n.rule.kind) &&
        measures_.find(unit, node) == nullptr && n.periodic >= 0) {
      // A sub-period's copy: the row names the item as written and the
      // sub-period in the period column.
      std::vector<std::string> keys = n.rule.measure_keys();
      const std::string& label = scheme_.nodes[n.periodic].periods->labels[n.sub_period];
      hint = keys.empty()
                 ? trf("add a row {},{},<value>,{} to a measures file (columns "
                               "unit_id,item_id,value,period), or declare 'missing: "
                               "na|zero|full' on the item", u.id, n.template_id, label)
                 : trf("add rows {},{},<value>,<key>,{} to a measures file (columns "
                               "unit_id,item_id,value,key,period), one per key: {}; "
                               "or declare 'missing: na|zero|full' on the item",
                               u.id, n.template_id, label, fmt::join(keys, ", "));
    } else if (n.is_leaf() && rule_reads_measures(n.rule.kind) &&
               measures_.find(unit, node) == nullptr) {
      std::vector<std::string> keys = n.rule.measure_keys();
      hint = keys.empty()
                 ? trf("add a row {},{},<value> to a measures file (columns "
                               "unit_id,item_id,value), or declare 'missing: "
                               "na|zero|full' on the item", u.id, n.id)
                 : trf("add rows {},{},<value>,<key> to a measures file "
                               "(columns unit_id,item_id,value,key), one per key: {}; "
                               "or declare 'missing: na|zero|full' on the item",
                               u.id, n.id, fmt::join(keys, ", "));
    }
    d.hint = std::move(hint);
    found.problems.push_back({unit, node, std::move(d)});
  }

  // Flags raised and nodes zeroed by event rows.
  void apply_event_effects() {
    for (int n = 0; n < static_cast<int>(scheme_.nodes.size()); ++n) {
      const Node& node = scheme_.nodes[n];
      if (!node.is_leaf() || !rule_reads_events(node.rule.kind)) continue;
      const Rule& r = node.rule;
      if (r.raise.empty() && r.zero.empty()) continue;
      int flag = r.raise.empty() ? -1 : scheme_.find_flag(r.raise);
      int target = r.zero.empty() ? -1 : scheme_.find(r.zero);
      for (int u = 0; u < roster_.size(); ++u) {
        if (!tallies_.triggered(u, n)) continue;
        if (flag >= 0) sheet_.raise(u, flag);
        if (target >= 0) sheet_.at(u, target).zeroed = true;
      }
    }
  }

  // Whether node `n` applies to `unit`: every applies_to from the root
  // down to it lists the unit's category, and no NA row in the measures
  // marks it or an ancestor (Scheme::applies_to_category,
  // MeasureTable::subtree_marked_na) — worked out for every pair at once,
  // top-down, as the tree walk asks for each pair several times.
  bool applies(int unit, int n) const {
    return applies_[static_cast<std::size_t>(unit) * scheme_.nodes.size() + n] != 0;
  }
  std::vector<char> find_applicable() const {
    const std::size_t nodes = scheme_.nodes.size();
    std::vector<char> out(static_cast<std::size_t>(roster_.size()) * nodes, 0);
    // For each category: whether each node's own applies_to admits it.
    std::map<std::string, std::vector<char>, std::less<>> admits;
    for (int u = 0; u < roster_.size(); ++u) {
      const std::string& category = roster_.units[u].category;
      auto it = admits.find(category);
      if (it == admits.end()) {
        std::vector<char> own(nodes);
        for (std::size_t n = 0; n < nodes; ++n) {
          own[n] = scheme_.admits_category(static_cast<int>(n), category);
        }
        it = admits.emplace(category, std::move(own)).first;
      }
      char* row = &out[static_cast<std::size_t>(u) * nodes];
      // Parents precede children in `nodes`.
      for (std::size_t n = 0; n < nodes; ++n) {
        const int parent = scheme_.nodes[n].parent;
        row[n] = (parent < 0 || row[parent]) && it->second[n] &&
                 within_days(u, static_cast<int>(n)) &&
                 !measures_.node_marked_na(u, static_cast<int>(n));
      }
    }
    return out;
  }

  // `one_of: rows` (exactly one of these children): for each unit, the one
  // alternative its rows are for applies, and the others, with everything
  // under them, do not. Rows for two alternatives are an error, and so are
  // rows for none unless every alternative is marked NA; then nothing is
  // dropped (two) or every alternative is (none), so that the error is
  // not followed by others about the same rows.
  void choose_alternatives() {
    std::vector<int> nodes_with_choice;
    for (int n = 0; n < static_cast<int>(scheme_.nodes.size()); ++n) {
      if (scheme_.nodes[n].one_of && !scheme_.nodes[n].is_leaf()) nodes_with_choice.push_back(n);
    }
    if (nodes_with_choice.empty()) return;
    const std::size_t nodes = scheme_.nodes.size();
    for_each_unit([&](int u, Found& found) {
      char* row = &applies_[static_cast<std::size_t>(u) * nodes];
      for (int p : nodes_with_choice) {  // parents before children
        if (!row[p]) continue;
        const Node& node = scheme_.nodes[p];
        std::vector<int> open, with_rows;
        bool all_na = true;
        for (int c : node.children) {
          if (!row[c]) continue;
          open.push_back(c);
          const RowsUnder r = rows_under(u, c);
          if (r.values) with_rows.push_back(c);
          if (!r.na) all_na = false;
        }
        const Unit& unit = roster_.units[u];
        if (!node.one_of_column.empty()) {
          choose_by_column(u, p, row, open, with_rows, found);
          continue;
        }
        if (open.empty() || (with_rows.empty() && all_na)) continue;
        if (with_rows.size() == 1) {
          for (int c : open) {
            if (c != with_rows.front()) drop_subtree(row, c);
          }
          continue;
        }
        std::vector<std::string> ids;
        for (int c : with_rows.empty() ? open : with_rows) ids.push_back(scheme_.nodes[c].id);
        if (with_rows.empty()) {
          report(u, p,
                 trf("unit \"{}\" ({}): no rows for any alternative of \"{}\" ({}): "
                             "{}", unit.id, unit.name, node.id, node.name,
                             fmt::join(ids, ", ")),
                 tr("one_of scores a unit on the alternative its rows are for: give the "
                    "rows of its own, or NA rows for every alternative"),
                 found);
          for (int c : open) drop_subtree(row, c);
        } else {
          report(u, p,
                 trf("unit \"{}\" ({}): rows for {} alternatives of \"{}\" ({}): "
                             "{}", unit.id, unit.name, with_rows.size(), node.id, node.name,
                             fmt::join(ids, ", ")),
                 tr("one_of scores a unit on one alternative: remove the rows of the "
                    "others, or mark them NA"),
                 found);
        }
        failed_[u] = 1;
      }
    });
  }

  // `one_of: {column: …}`: the alternative the unit's roster column names
  // applies, the others do not. A value that names none, or rows with a
  // value under another alternative, are errors (the unit fails); then the
  // alternatives with rows are scored, so that their rows bring no further
  // errors. `open`: the alternatives that apply otherwise; `with_rows`: those
  // of them with rows.
  void choose_by_column(int u, int p, char* row, const std::vector<int>& open,
                        const std::vector<int>& with_rows, Found& found) {
    const Node& node = scheme_.nodes[p];
    const Unit& unit = roster_.units[u];
    const auto col = std::find(roster_.columns.begin(), roster_.columns.end(),
                               node.one_of_column);
    const std::string& value =
        col == roster_.columns.end()
            ? std::string()
            : unit.extra[static_cast<std::size_t>(col - roster_.columns.begin())];
    std::string child_id;
    std::vector<std::string> values;
    if (node.one_of_choose.empty()) {
      child_id = value;
      for (int c : node.children) values.push_back(scheme_.nodes[c].id);
    } else {
      for (const Node::Choice& choice : node.one_of_choose) {
        values.push_back(choice.value);
        if (choice.value == value) child_id = choice.child;
      }
    }
    int chosen = -1;
    for (int c : node.children) {
      if (scheme_.nodes[c].id == child_id) chosen = c;
    }
    auto keep_rows_only = [&] {
      for (int c : open) {
        if (std::find(with_rows.begin(), with_rows.end(), c) == with_rows.end()) {
          drop_subtree(row, c);
        }
      }
      failed_[u] = 1;
    };
    if (chosen < 0) {
      const std::string hint = did_you_mean(value, values);
      report(u, p,
             trf("unit \"{}\" ({}): its {} \"{}\" names no alternative of \"{}\" "
                         "({}) (one_of)", unit.id, unit.name, node.one_of_column, value,
                         node.id, node.name),
             trf("{}write one of: {}", hint.empty() ? "" : hint + "; ",
                         fmt::join(values, ", ")),
             found);
      keep_rows_only();
      return;
    }
    std::vector<std::string> others;
    for (int c : with_rows) {
      if (c != chosen) others.push_back(scheme_.nodes[c].id);
    }
    if (!others.empty()) {
      report(u, p,
             trf("unit \"{}\" ({}): its {} \"{}\" chooses {} of \"{}\" ({}), but "
                         "it has rows for {}", unit.id, unit.name, node.one_of_column, value,
                         scheme_.nodes[chosen].id, node.id, node.name, fmt::join(others, ", ")),
             trf("remove those rows or mark them NA, or correct the unit's {} in "
                         "the roster", node.one_of_column),
             found);
      keep_rows_only();
      return;
    }
    for (int c : open) {
      if (c != chosen) drop_subtree(row, c);
    }
  }

  // What rows `unit` has under node `n`: any with a value (a measure row
  // with a value, an event row), and whether an NA row marks it or each
  // of its measure leaves.
  struct RowsUnder {
    bool values = false;
    bool na = false;
  };
  RowsUnder rows_under(int unit, int n) const {
    RowsUnder out;
    const Node& node = scheme_.nodes[n];
    const std::vector<Measure>* rows = measures_.find(unit, n);
    const bool marked = rows != nullptr && !rows->empty() && !rows->front().value;
    if (node.is_leaf()) {
      if (rows != nullptr) {
        for (const Measure& m : *rows) out.values |= m.value.has_value();
      }
      if (rule_reads_events(node.rule.kind) && node.rule.kind != RuleKind::kQuota) {
        out.values |= tallies_.has_rows(unit, n);
      }
      out.na = marked;
      return out;
    }
    out.na = true;
    for (int c : node.children) {
      const RowsUnder r = rows_under(unit, c);
      out.values |= r.values;
      out.na = out.na && r.na;
    }
    out.na = out.na || marked;
    return out;
  }

  void drop_subtree(char* row, int n) const {
    row[n] = 0;
    for (int c : scheme_.nodes[n].children) drop_subtree(row, c);
  }

  // Whether a sub-period's copy (`periods:`) meets the days that count for
  // `unit` (input/unit_period.h): a copy wholly before the unit's start,
  // after its end or after --as-of does not apply, whatever its
  // not_applicable says — it drops out of the combination. True for every
  // node not scored per sub-period.
  bool within_days(int unit, int n) const {
    const Node& node = scheme_.nodes[n];
    // A unit with no day in the period: no sub-period applies, and the
    // node drops out whatever its not_applicable says.
    if (node.periods) return unit_period(scheme_, roster_.units[unit]).has_value();
    if (!node.is_copy_root()) return true;
    const Period span = scheme_.nodes[node.periodic].periods->spans[node.sub_period];
    const std::optional<UnitPeriod> days = unit_period(scheme_, roster_.units[unit]);
    return days && !(span.to < days->from) && !(days->to < span.from);
  }

  // Floor, cap, zeroing and rounding of a node's exact value.
  void store(int unit, int n, const Rational& value) {
    NodeScore& cell = sheet_.at(unit, n);
    cell.applicable = true;
    cell.kept = false;
    cell.score = cell.zeroed ? Decimal() : settle(scheme_, scheme_.nodes[n], value);
    cell.full_marks = scheme_.nodes[n].points.value_or(Decimal());
  }

  void record(int unit, int n, const LeafOutcome& out, Found& found) {
    if (!out.error.empty()) {
      // A rejected row of this leaf was reported already: not again here.
      if (!measures_.rejected(unit, n)) {
        report(unit, n, trf("unit \"{}\" ({}): {}", roster_.units[unit].id,
                                    roster_.units[unit].name, out.error),
               out.hint, found);
      }
      failed_[unit] = 1;
      return;
    }
    if (!out.default_used.empty()) {
      found.defaults.push_back({unit, n, out.default_used});
    }
    if (out.applicable) {
      store(unit, n, out.value);
    } else {
      sheet_.at(unit, n).applicable = false;
    }
  }

  // Measure rows of a leaf whose group is marked NA are a contradiction.
  void reject_rows_under_na(int unit, int n, Found& found) {
    const std::vector<Measure>* rows = measures_.find(unit, n);
    if (rows == nullptr || rows->empty() || !rows->front().value ||
        measures_.node_marked_na(unit, n)) {
      return;
    }
    const Node& node = scheme_.nodes[n];
    int copy_root = n;
    while (copy_root >= 0 && !scheme_.nodes[copy_root].is_copy_root()) {
      copy_root = scheme_.nodes[copy_root].parent;
    }
    if (copy_root >= 0 && !within_days(unit, copy_root)) {
      const Node& periodic = scheme_.nodes[node.periodic];
      report(unit, n,
             trf("unit \"{}\" ({}): item \"{}\" has measures for {}, which "
                         "lies outside the unit's days",
                         roster_.units[unit].id, roster_.units[unit].name,
                         node.template_id, periodic.periods->labels[node.sub_period]),
             tr("remove the row: the unit's from/to (or --as-of) leave that sub-period out"),
             found);
      failed_[unit] = 1;
      return;
    }
    report(unit, n,
           trf("unit \"{}\" ({}): item \"{}\" has measures but does "
                       "not apply (a group above it is NA or excludes the "
                       "unit's category)",
                       roster_.units[unit].id, roster_.units[unit].name,
                       node.id),
           tr("remove the NA row or the item's measures"), found);
    failed_[unit] = 1;
  }

  void score_relative_leaf(int n) {
    const Node& node = scheme_.nodes[n];
    const int units = roster_.size();
    // Two passes: the best value among the units it applies to, then each
    // unit's share of it.
    std::vector<std::optional<Decimal>> values(units);
    std::vector<LeafOutcome> outs(units);
    std::optional<Decimal> best;
    std::map<std::string, Decimal> best_in;  // by category
    Found found;
    for (int u = 0; u < units; ++u) {
      if (!applies(u, n)) {
        outs[u].applicable = false;
        reject_rows_under_na(u, n, found);
        continue;
      }
      values[u] = relative_value(node, measures_.find(u, n), outs[u]);
      if (!values[u]) continue;
      if (!best || *best < *values[u]) best = values[u];
      auto [it, inserted] = best_in.emplace(roster_.units[u].category, *values[u]);
      if (!inserted && it->second < *values[u]) it->second = *values[u];
    }
    for (int u = 0; u < units; ++u) {
      if (values[u]) {
        Decimal b = node.rule.within_category ? best_in.at(roster_.units[u].category)
                                              : *best;
        outs[u].value = score_relative(node, *values[u], b);
      }
      record(u, n, outs[u], found);
    }
    keep(found);
  }

  // combination_of(unit, n), or the one worked out for the unit before in
  // `found`'s range when their children agree in what it reads.
  const LastCombination& combination_for(int unit, int n, Found& found) const {
    if (found.combinations.empty()) found.combinations.resize(scheme_.nodes.size());
    LastCombination& last = found.combinations[static_cast<std::size_t>(n)];
    const std::vector<int>& children = scheme_.nodes[n].children;
    bool same = last.known;
    for (std::size_t i = 0; same && i < children.size(); ++i) {
      const NodeScore& s = sheet_.at(unit, children[i]);
      same = last.children[i] == LastCombination::Child{s.applicable, s.kept, s.full_marks};
    }
    if (same) return last;
    last.known = true;
    last.children.clear();
    for (int c : children) {
      const NodeScore& s = sheet_.at(unit, c);
      last.children.push_back({s.applicable, s.kept, s.full_marks});
    }
    last.combination = combination_of(scheme_, sheet_, unit, n);
    last.whole = last.combination.constant.den() == 1;
    for (const auto& [c, k] : last.combination.terms) last.whole = last.whole && k.den() == 1;
    return last;
  }

  // constant + Σ coefficient × child score of a combination whose
  // constant and coefficients are whole numbers, summed in millionths
  // without fractions; nullopt when a step leaves the range of a Decimal
  // (the sum of Rationals, which reaches further, is then the one).
  std::optional<Decimal> whole_sum(int unit, const Combination& comb) const {
    std::int64_t units = 0;
    if (__builtin_mul_overflow(comb.constant.num(), Decimal::kOne, &units)) return std::nullopt;
    for (const auto& [c, k] : comb.terms) {
      std::int64_t term = 0;
      if (__builtin_mul_overflow(sheet_.at(unit, c).score.units(), k.num(), &term) ||
          __builtin_add_overflow(units, term, &units)) {
        return std::nullopt;
      }
    }
    return Decimal::from_units(units);
  }

  void score_inner(int unit, int n, Found& found) {
    NodeScore& cell = sheet_.at(unit, n);
    if (!applies(unit, n)) {
      cell.applicable = false;
      return;
    }
    const LastCombination& last = combination_for(unit, n, found);
    const Combination& comb = last.combination;
    if (!comb.applicable) {
      cell.applicable = false;  // every child dropped out
      return;
    }
    if (std::optional<Decimal> sum = last.whole ? whole_sum(unit, comb) : std::nullopt) {
      store(unit, n, Rational(*sum));
    } else {
      Rational value = comb.constant;
      for (const auto& [c, k] : comb.terms) value += k * Rational(sheet_.at(unit, c).score);
      store(unit, n, value);
    }
    cell.kept = comb.kept;
    if (comb.full_marks) cell.full_marks = *comb.full_marks;
  }

  // A node that does not apply to a unit, under its own policy.
  void apply_na_policy(int n) {
    const Node& node = scheme_.nodes[n];
    if (node.na_policy == NaPolicy::kExclude || node.na_policy == NaPolicy::kRedistribute ||
        node.na_policy == NaPolicy::kMoveTo) {
      return;  // the parent handles it
    }
    std::optional<Rational> mean;
    if (node.na_policy == NaPolicy::kMean) {
      Rational sum;
      std::int64_t count = 0;
      for (int u = 0; u < roster_.size(); ++u) {
        const NodeScore& s = sheet_.at(u, n);
        if (s.applicable && !s.kept && !failed_[u]) {
          sum += Rational(s.score);
          ++count;
        }
      }
      if (count > 0) mean = sum / Rational(count);
    }
    for_each_unit([&](int u, Found& found) { count_as_policy(u, n, mean, found); });
  }

  // Node `n` that does not apply to `u`, counted with the value its own
  // policy gives (full, zero, or `mean`, the mean of the units it applies
  // to, or nullopt when none). Nothing for a node that applies, a unit
  // that failed, or a policy the parent handles (exclude, redistribute,
  // move_to).
  void count_as_policy(int u, int n, const std::optional<Rational>& mean, Found& found) {
    const Node& node = scheme_.nodes[n];
    if (node.na_policy == NaPolicy::kExclude || node.na_policy == NaPolicy::kRedistribute ||
        node.na_policy == NaPolicy::kMoveTo) {
      return;
    }
    NodeScore& s = sheet_.at(u, n);
    if (s.applicable || failed_[u]) return;
    // An ancestor that does not apply takes the whole subtree; a
    // sub-period outside the unit's days drops out.
    if ((node.parent >= 0 && !applies(u, node.parent)) || !within_days(u, n)) return;
    Rational value;
    std::string what;
    switch (node.na_policy) {
      case NaPolicy::kFull:
        value = points_of(node);
        what = "does not apply: full marks (not_applicable: full)";
        break;
      case NaPolicy::kZero:
        what = "does not apply: 0 (not_applicable: zero)";
        break;
      case NaPolicy::kMean:
        value = mean.value_or(points_of(node));
        what = mean ? "does not apply: the mean of the units it applies to "
                      "(not_applicable: mean)"
                    : "does not apply to any unit: full marks (not_applicable: "
                      "mean)";
        break;
      default:
        break;
    }
    found.defaults.push_back({u, n, what});
    store(u, n, value);
    s.kept = true;
  }

  void finish_total(int unit, Found& found) {
    const NodeScore& root = sheet_.at(unit, 0);
    sheet_.set_full_marks(unit, root.full_marks);
    if (failed_[unit]) return;
    if (!root.applicable) {
      report(unit, 0,
             trf("unit \"{}\" ({}): no item of the scheme applies to it",
                         roster_.units[unit].id, roster_.units[unit].name),
             tr("check the unit's category and its NA measures"), found);

      failed_[unit] = 1;
      return;
    }
    if (!scheme_.normalised()) {
      sheet_.set_total(unit, root.score);
      return;
    }
    if (root.full_marks <= Decimal()) {
      report(unit, 0,
             trf("unit \"{}\" ({}): its full marks are 0, so its total "
                         "cannot be normalised",
                         roster_.units[unit].id, roster_.units[unit].name),
             "", found);
      failed_[unit] = 1;
      return;
    }
    sheet_.set_total(unit, round_to(Rational(root.score) * Rational(*scheme_.normalise_to) /
                                        Rational(root.full_marks),
                                    scheme_.precision, scheme_.rounding));
  }

  const Scheme& scheme_;
  const Roster& roster_;
  const Tallies& tallies_;
  const MeasureTable& measures_;
  const ResultScores* results_;
  Diagnostics& diags_;
  const int threads_;
  ScoreSheet sheet_;
  std::vector<char> failed_;
  std::vector<char> applies_;  // by unit, then node; see applies()
  std::vector<Problem> problems_;
};

}  // namespace

ScoreSheet score_units(const Scheme& scheme, const Roster& roster,
                       const Tallies& tallies, const MeasureTable& measures,
                       Diagnostics& diags, int threads, const ResultScores* results) {
  return TreeScorer(scheme, roster, tallies, measures, diags, threads, results).run();
}

}  // namespace kaohe
