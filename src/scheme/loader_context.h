// The scheme loader's shared state, internal to src/scheme/: one Loader
// reads one scheme file. Its member functions live in the file named after
// the part of the grammar they read:
//   scheme_loader.cpp       the top level: version, period, calendar,
//                           categories, flags, seed slips, and the order of
//                           it all (load), references checked at the end
//   loader_context.cpp      reading scalars, keys and lists, and reporting
//   load_nodes.cpp          node keys, the tree, sub-period copies, whole-tree
//                           checks, and which rule a leaf has
//   load_event_rules.cpp    per_event, tiered, role, ranged, surcharge, quota,
//                           late, flag_event and their raise/zero effects
//   load_measure_rules.cpp  completion, all_or_nothing, scaled, votes, mean,
//                           checklist, relative, scaled_deduction, direct,
//                           bands, sheets
//   load_result_rules.cpp   result: a node of another assessment's result
//   load_grading.cpp        grades, gates, quotas, ranking
//   load_columns.cpp        columns: a data file's own header names
// Every reading function reports what is wrong through error() and goes on,
// so that one run lists every problem; load() throws them together.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostic.h"
#include "scheme/model.h"
#include "scheme/sub_periods.h"
#include "scheme/yaml_tree.h"

namespace kaohe::scheme_loading {

class Loader {
 public:
  Loader(const std::string& file, const std::string& text)
      : file_(file), text_(text) {}

  // Reads the whole scheme; throws kaohe::Error (exit 65) listing every
  // problem found.
  Scheme load();

 private:
  // --- top level (scheme_loader.cpp) ---------------------------------------
  void read_version(const YamlNode& doc);
  void read_rounding(const YamlNode& n);
  void read_period(const YamlNode& n);
  // A working-day calendar file, named relative to the scheme's folder.
  // Its own problems are errors of that file; one that does not cover the
  // period is an error here.
  void read_calendar(const YamlNode& n);
  void read_categories(const YamlNode& y);
  void read_normalise(const YamlNode* y);
  void read_flags(const YamlNode& y);
  // seed_slips: [{node: ID | category: NAME, seed: "the seed's sentence"}]
  void read_seed_slips(const YamlNode& y);
  // columns: {events: {HEADER: COLUMN}, roster: {…}, measures: {…}}
  // (load_columns.cpp).
  void read_columns(const YamlNode& y);
  // References between parts of the scheme, checked once all is read.
  void validate_references();

  // --- diagnostics and values (loader_context.cpp) -------------------------
  // Reports a problem at `pos` (nothing while muted_).
  void error(SourcePos pos, std::string message, std::string hint);
  // Reports every key of `map` not in `allowed`, with a did-you-mean.
  void check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                  const std::string& where);
  // The value's text, or nullptr (reported) when it is not a scalar.
  const std::string* scalar(const YamlNode& n, const std::string& what);
  std::string text(const YamlNode& n, const std::string& what);
  // Each returns nullopt after reporting a value that is not one.
  std::optional<Decimal> decimal(const YamlNode& n, const std::string& what);
  std::optional<Decimal> non_negative(const YamlNode& n, const std::string& what);
  std::optional<std::int64_t> integer(const YamlNode& n, const std::string& what);
  std::optional<bool> boolean(const YamlNode& n, const std::string& what);
  // "60%" → 3/5.
  std::optional<Rational> percent(const YamlNode& n, const std::string& what);
  // `what` is the key ("tiers"), `one` names one entry ("tier").
  void named_amounts(const YamlNode& m, std::vector<NamedAmount>& out,
                     const std::string& what, const std::string& one);
  // A scalar name or a list of them.
  std::vector<std::string> name_list(const YamlNode& v, const std::string& what);
  std::vector<std::string> flag_ids() const;
  std::vector<std::string> grade_names() const;
  // Each reports a name that the scheme does not declare, with a did-you-mean.
  void check_flag(const YamlNode& v, const std::string& id);
  void check_grade(const YamlNode& v, const std::string& name);
  void check_node(const YamlNode& v, const std::string& id, const char* what = "");

  // --- nodes (load_nodes.cpp) ----------------------------------------------
  // Adds an empty node under `parent` (-1: the root) and returns its index.
  int add_node(const YamlNode& y, int parent, int depth);
  // The node's id and name. Inside a copy (reading a node with `periods:`
  // once per sub-period) they are suffixed with the sub-period's label, and
  // the id as written is the clerk's item id of every copy.
  void read_identity(const YamlNode& y, int index);
  // An id written inside a node with `periods:` is an item id of its
  // copies: no other node may have it (the copy root's is its periodic
  // node's own id).
  void check_template_clash(const YamlNode& v, const std::string& id, int index);
  void read_node(const YamlNode& y, int parent, int depth);
  // A node with `periods:`: the node itself, combining one copy of its
  // subtree per sub-period (the YAML read again for each, with ids and
  // names suffixed and problems reported once, from the first).
  void read_periodic(const YamlNode& y, SubPeriods sp, int parent, int depth);
  void read_na_policy(const YamlNode& v, int index);
  void read_one_of(const YamlNode& v, int index);
  // The leaf's one rule `key` (rule.kind already set): its parameters, read
  // by read_event_rule or read_measure_rule.
  void read_rule(const YamlNode& y, const std::string& key, Rule& rule, int index);
  void validate_tree();
  void validate_leaf(Node& n);
  // one_of: two or more children, none weighted or with a not_applicable,
  // each with the node's points (or all adjustments).
  void validate_one_of(const Node& n);
  void validate_leaf_rule(Node& n);

  // --- event rules (load_event_rules.cpp) ----------------------------------
  // The parameters of a rule on event rows (rule_reads_measures is false);
  // `ctx` names it in unknown-key errors.
  void read_event_rule(const YamlNode& y, const std::string& key, Rule& rule, int index,
                       const std::string& ctx);
  // tiered/role with both 'add' and 'deduct' maps: rule.both_signs, the
  // bonus amounts held negative under kDeduct.
  void read_both_signs(const YamlNode& y, Rule& rule, const std::string& key);
  // Reads {deduct: X} or {add: X}; returns the value node.
  const YamlNode* direction(const YamlNode& m, Rule& rule, const std::string& where);
  // quota: {required, per, count, days, partial, tiers, deduct} (DESIGN.md
  // §2 "Quotas of time").
  void read_quota(const YamlNode& y, Rule& rule, const std::string& ctx);
  // late: {deduct: 1, per: day | working_day, due: DATE, row_max: N}
  // (每延迟1天扣1分). Only a deduction: lateness earns nothing.
  void read_late(const YamlNode& y, Rule& rule, int index);
  void read_surcharge(const YamlNode& s, Rule& rule);
  void read_effects(const YamlNode& y, Rule& rule, int index);

  // --- measure rules (load_measure_rules.cpp) ------------------------------
  // The parameters of a rule on measure rows; `ctx` as above.
  void read_measure_rule(const YamlNode& y, Rule& rule, const std::string& ctx);
  std::optional<MissingPolicy> missing_policy(const YamlNode& n, const std::string& what);
  void read_scale(const YamlNode& y, Rule& rule, bool required);
  // bands: {table: [{at_least: 90%, points: 20}, …], below: 0, missing: …}
  // (达到90%(20分)).
  void read_bands(const YamlNode& y, Rule& rule, const std::string& ctx);
  // sheets: {scale, groups: {NAME: 50%, …}, drop: high_low, min_sheets,
  // too_few, missing} (现场发放评议表, DESIGN.md §2 "Score sheets").
  void read_sheets(const YamlNode& y, Rule& rule, const std::string& ctx);

  // --- results of other assessments (load_result_rules.cpp) ----------------
  // result: {from: FILE | scheme: FILE, data: DIR, node, scale, deduct,
  // missing} (按…考核折算); the reference only, no file is opened.
  void read_result_rule(const YamlNode& y, Rule& rule, const std::string& ctx);
  // points or deduct (one of them), not per sub-period, not an alternative.
  void validate_result_leaf(const Node& n);

  // --- grades, gates, quotas, ranking (load_grading.cpp) -------------------
  void read_grades(const YamlNode& y);
  // One condition of a gate or a quota, a text: 'review < 80',
  // 'total >= 85', 'veto', 'not no_honor'; nullopt after reporting what is
  // wrong (names are checked against nodes and flags, with a did-you-mean).
  std::optional<Condition> read_condition(const YamlNode& v);
  void read_gates(const YamlNode& y);
  void read_quotas(const YamlNode& y);
  void read_ranking(const YamlNode& y);

  const std::string& file_;
  const std::string& text_;
  Scheme scheme_;
  Diagnostics diags_;
  // While a node with `periods:` reads its subtree for one sub-period.
  struct CopyContext {
    int periodic = -1;
    int sub_period = -1;
    std::string label;
  };
  std::optional<CopyContext> copy_;
  // Problems are not reported: the second and later copies of a subtree
  // repeat the first one's.
  bool muted_ = false;
  bool has_period_ = false;
  std::vector<int> quota_nodes_;
  std::vector<int> late_nodes_;
  bool calendar_given_ = false;  // the scheme has a 'calendar' key
  std::vector<std::pair<int, SourcePos>> applies_to_nodes_, move_to_nodes_, effect_nodes_;
  std::set<int> points_failed_;  // nodes whose 'points' did not parse

  int index_of(const Node& n) const { return static_cast<int>(&n - scheme_.nodes.data()); }
};

}  // namespace kaohe::scheme_loading
