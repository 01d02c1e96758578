// The loader's node tree: a node's own keys (id, name, points, weight,
// base, floor, cap, applies_to, not_applicable, same_ref, one_of, periods,
// children), sub-period copies of a subtree, which one rule a leaf has, and
// the whole-tree checks (weights adding up, a leaf's rule and its points).
#include <fmt/format.h>

#include <algorithm>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {
namespace {

const std::vector<std::string> kNodeKeys = {
    "id", "name", "points", "weight", "base", "floor", "cap", "children",
    "applies_to", "not_applicable", "same_ref", "one_of", "periods", "note"};

struct RuleSpelling {
  const char* key;
  RuleKind kind;
};
const RuleSpelling kRuleKeys[] = {
    {"per_event", RuleKind::kPerEvent},
    {"tiered", RuleKind::kTiered},
    {"role", RuleKind::kRole},
    {"ranged", RuleKind::kRanged},
    {"quota", RuleKind::kQuota},
    {"late", RuleKind::kLate},
    {"completion", RuleKind::kCompletion},
    {"all_or_nothing", RuleKind::kAllOrNothing},
    {"scaled", RuleKind::kScaled},
    {"votes", RuleKind::kVotes},
    {"mean", RuleKind::kMean},
    {"checklist", RuleKind::kChecklist},
    {"relative", RuleKind::kRelative},
    {"scaled_deduction", RuleKind::kScaledDeduction},
    {"direct", RuleKind::kDirect},
    {"bands", RuleKind::kBands},
    {"sheets", RuleKind::kSheets},
    {"flag_event", RuleKind::kFlagEvent},
    {"result", RuleKind::kResult},
};

// Every key a node may have: its own and one rule's.
std::vector<std::string> node_keys() {
  std::vector<std::string> out = kNodeKeys;
  for (const auto& r : kRuleKeys) out.push_back(r.key);
  return out;
}

bool valid_id(const std::string& id) {
  if (id.empty()) return false;
  for (unsigned char c : id) {
    if (c <= ' ' || c == ',' || c == '"' || c == '@' || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

// Adds an empty node under `parent` (-1: the root) and returns its index.
int Loader::add_node(const YamlNode& y, int parent, int depth) {
  int index = static_cast<int>(scheme_.nodes.size());
  scheme_.nodes.emplace_back();
  Node& node = scheme_.nodes.back();
  node.parent = parent;
  node.depth = depth;
  node.pos = y.pos;
  if (copy_) {
    node.periodic = copy_->periodic;
    node.sub_period = copy_->sub_period;
  }
  if (parent >= 0) scheme_.nodes[parent].children.push_back(index);
  return index;
}

// The node's id and name. Inside a copy (reading a node with `periods:`
// once per sub-period) they are suffixed with the sub-period's label, and
// the id as written is the clerk's item id of every copy.
void Loader::read_identity(const YamlNode& y, int index) {
  std::string id;
  if (const YamlNode* v = y.get("id")) {
    id = text(*v, "id");
    if (v->is_scalar() && !valid_id(id)) {
      error(v->pos, trf("node id '{}' must be non-empty text without "
                                "spaces, commas, quotes or '@'", id),
            id.find('@') != std::string::npos
                ? tr("'@' is kept for the copies of a node scored per sub-period "
                  "(p4@2024); write the id without it")
                : tr("ids appear in the CSV item_id column; use e.g. late_report"));
    } else if (v->is_scalar()) {
      check_template_clash(*v, id, index);
      if (copy_) {
        scheme_.nodes[index].template_id = id;
        scheme_.copies[id].push_back(index);
        id = copy_id(id, copy_->label);
      }
      auto [it, inserted] = scheme_.index.emplace(id, index);
      if (!inserted) {
        error(v->pos,
              trf("duplicate node id '{}' (first used at line {})", id,
                          scheme_.nodes[it->second].pos.line),
              tr("every node needs its own id"));
      }
    }
  } else {
    error(y.pos, tr("this node has no 'id'"), tr("add 'id: short_name'"));
  }
  scheme_.nodes[index].id = id;
  if (const YamlNode* v = y.get("name")) {
    std::string name = text(*v, "name");
    if (copy_) {
      scheme_.nodes[index].template_name = name;
      name = copy_name(name, copy_->label);
    }
    scheme_.nodes[index].name = std::move(name);
  } else {
    error(y.pos, trf("node '{}' has no 'name'", id),
          tr("add the item's name as the seed document writes it"));
  }
}

// An id written inside a node with `periods:` is an item id of its
// copies: no other node may have it (the copy root's is its periodic
// node's own id).
void Loader::check_template_clash(const YamlNode& v, const std::string& id, int index) {
  const Node& node = scheme_.nodes[index];
  int other = -1;
  if (copy_ && !node.is_copy_root() && node.sub_period == 0) {
    auto it = scheme_.index.find(id);
    if (it != scheme_.index.end()) other = it->second;
    if (const std::vector<int>* c = scheme_.find_copies(id)) other = c->front();
  } else if (!copy_) {
    if (const std::vector<int>* c = scheme_.find_copies(id)) other = c->front();
  }
  if (other >= 0) {
    error(v.pos,
          trf("duplicate node id '{}' (first used at line {})", id,
                      scheme_.nodes[other].pos.line),
          tr("every node needs its own id, also inside a node with 'periods'"));
  }
}

void Loader::read_node(const YamlNode& y, int parent, int depth) {
  if (!y.is_map()) {
    error(y.pos, trf("a node is a mapping with id, name and points, "
                             "got {}", y.kind_name()),
          "");
    return;
  }
  // The root of one sub-period's copy: its placement (weight, applies_to,
  // not_applicable, periods) belongs to the periodic node above it.
  const bool copy_root = copy_ && parent == copy_->periodic;
  if (const YamlNode* periods = y.get("periods"); periods != nullptr && !copy_root) {
    if (copy_) {
      error(periods->pos, tr("a node with 'periods' inside another one is not supported"),
            tr("give 'periods' to one of the two nodes"));
    } else if (parent < 0) {
      error(periods->pos, tr("the root node takes no 'periods'"),
            tr("give 'periods' to the parts scored per sub-period"));
    } else {
      auto sp = read_periods(
          *periods, scheme_.period, y.get("id") ? y.get("id")->scalar : std::string(),
          [&](SourcePos pos, std::string message, std::string hint) {
            error(pos, std::move(message), std::move(hint));
          });
      if (sp) {
        read_periodic(y, std::move(*sp), parent, depth);
        return;
      }
    }
  }
  check_keys(y, node_keys(), tr("a node"));

  const int index = add_node(y, parent, depth);
  read_identity(y, index);
  const std::string id = scheme_.nodes[index].id;
  auto opt_decimal = [&](const char* key) -> std::optional<Decimal> {
    const YamlNode* v = y.get(key);
    return v ? decimal(*v, key) : std::nullopt;
  };
  if (const YamlNode* v = y.get("points")) {
    scheme_.nodes[index].points = non_negative(*v, "points");
    if (!scheme_.nodes[index].points) points_failed_.insert(index);
  }
  if (const YamlNode* v = y.get("weight"); v != nullptr && !copy_root) {
    scheme_.nodes[index].weight = percent(*v, "weight");
    if (v->is_scalar()) scheme_.nodes[index].weight_text = v->scalar;
  }
  scheme_.nodes[index].base = opt_decimal("base");
  scheme_.nodes[index].floor = opt_decimal("floor");
  scheme_.nodes[index].cap = opt_decimal("cap");
  if (const YamlNode* v = y.get("applies_to"); v != nullptr && !copy_root) {
    scheme_.nodes[index].applies_to = name_list(*v, "applies_to");
    if (!muted_) applies_to_nodes_.push_back({index, v->pos});
  }
  if (const YamlNode* v = y.get("not_applicable"); v != nullptr && !copy_root) {
    read_na_policy(*v, index);
  }
  if (const YamlNode* v = y.get("same_ref")) {
    std::string s = text(*v, "same_ref");
    if (s == "highest") {
      scheme_.nodes[index].same_ref_highest = true;
    } else if (v->is_scalar()) {
      error(v->pos, trf("'same_ref' must be 'highest', got '{}'", s),
            tr("same_ref: highest counts rows sharing a ref once, at the highest"));
    }
  }

  if (const YamlNode* v = y.get("one_of")) read_one_of(*v, index);

  const YamlNode* rule_yaml = nullptr;
  const char* rule_key = nullptr;
  for (const auto& r : kRuleKeys) {
    if (const YamlNode* v = y.get(r.key)) {
      if (rule_yaml != nullptr) {
        error(v->pos, trf("node '{}' has two rules, '{}' and '{}'", id,
                                  rule_key, r.key),
              tr("a leaf has exactly one rule"));
        continue;
      }
      rule_yaml = v;
      rule_key = r.key;
      scheme_.nodes[index].rule.kind = r.kind;
    }
  }
  const YamlNode* children = y.get("children");
  if (children != nullptr && rule_yaml != nullptr) {
    error(rule_yaml->pos,
          trf("node '{}' has children and a '{}' rule", id, rule_key),
          tr("a node either combines its children or scores by a rule"));
  }
  if (children == nullptr && rule_yaml == nullptr) {
    error(y.pos, trf("leaf '{}' has no rule", id),
          trf("give it one rule such as 'per_event: {{deduct: 1}}' or "
          "'direct: {{}}', or children"));
  }
  if (rule_yaml != nullptr && children == nullptr) {
    Rule rule;
    rule.kind = scheme_.nodes[index].rule.kind;
    read_rule(*rule_yaml, rule_key, rule, index);
    scheme_.nodes[index].rule = std::move(rule);
  }
  if (children != nullptr) {
    if (!children->is_sequence() || children->items.empty()) {
      error(children->pos, tr("'children' must be a non-empty list of nodes"), "");
    } else {
      for (const auto& c : children->items) read_node(*c, index, depth + 1);
    }
  }
}

// A node with `periods:`: the node itself, combining one copy of its
// subtree per sub-period (the YAML read again for each, with ids and
// names suffixed and problems reported once, from the first).
void Loader::read_periodic(const YamlNode& y, SubPeriods sp, int parent, int depth) {
  const int index = add_node(y, parent, depth);
  read_identity(y, index);
  if (const YamlNode* v = y.get("points")) {
    sp.points = non_negative(*v, "points");
    if (!sp.points) points_failed_.insert(index);
  }
  const std::size_t n = sp.labels.size();
  if (sp.combine != Combine::kSum && !sp.points && !points_failed_.count(index)) {
    error(y.pos,
          trf("'combine: {}' of '{}' needs 'points', the full marks of each "
                      "sub-period", combine_name(sp.combine), scheme_.nodes[index].id),
          tr("add points, or combine the sub-periods of a bonus or penalty by sum"));
    sp.combine = Combine::kSum;  // reported: no second error about weights
  }
  if (sp.points && sp.combine == Combine::kSum) {
    scheme_.nodes[index].points = sp.points->times(static_cast<std::int64_t>(n));
  } else {
    scheme_.nodes[index].points = sp.points;
  }
  if (const YamlNode* v = y.get("weight")) {
    scheme_.nodes[index].weight = percent(*v, "weight");
    if (v->is_scalar()) scheme_.nodes[index].weight_text = v->scalar;
  }
  if (const YamlNode* v = y.get("applies_to")) {
    scheme_.nodes[index].applies_to = name_list(*v, "applies_to");
    applies_to_nodes_.push_back({index, v->pos});
  }
  if (const YamlNode* v = y.get("not_applicable")) read_na_policy(*v, index);
  const std::vector<Rational> weights = copy_weights(sp);
  scheme_.nodes[index].periods = std::move(sp);
  const bool was_muted = muted_;
  for (std::size_t i = 0; i < n; ++i) {
    copy_ = CopyContext{index, static_cast<int>(i),
                        scheme_.nodes[index].periods->labels[i]};
    muted_ = was_muted || i > 0;
    read_node(y, index, depth + 1);
  }
  copy_.reset();
  muted_ = was_muted;
  // Each copy weighs its share, and takes the node's not_applicable for
  // its own sub-period (an NA row naming it): a move to a sibling of the
  // node means nothing to a copy, which then drops out.
  const Node& node = scheme_.nodes[index];
  for (std::size_t k = 0; k < node.children.size(); ++k) {
    Node& c = scheme_.nodes[node.children[k]];
    if (!weights.empty()) {
      c.weight = weights[k];
      const std::optional<Decimal> pct = (weights[k] * Rational(100)).to_decimal();
      c.weight_text = pct ? pct->to_string() + "%" : weights[k].to_string();
    }
    c.na_policy = node.na_policy == NaPolicy::kMoveTo ? NaPolicy::kExclude : node.na_policy;
  }
}

void Loader::read_na_policy(const YamlNode& v, int index) {
  Node& node = scheme_.nodes[index];
  if (v.is_map()) {
    check_keys(v, {"move_to"}, "not_applicable");
    if (const YamlNode* m = v.get("move_to")) {
      node.na_policy = NaPolicy::kMoveTo;
      node.move_to = text(*m, "move_to");
      // Inside a copy, a sibling is a sibling of the same sub-period.
      if (copy_) node.move_to = copy_id(node.move_to, copy_->label);
      if (!muted_) move_to_nodes_.push_back({index, m->pos});
    } else {
      error(v.pos, tr("not_applicable as a mapping needs 'move_to: SIBLING'"), "");
    }
    return;
  }
  std::string s = text(v, "not_applicable");
  static const std::vector<std::pair<std::string, NaPolicy>> kPolicies = {
      {"exclude", NaPolicy::kExclude}, {"full", NaPolicy::kFull},
      {"zero", NaPolicy::kZero},       {"mean", NaPolicy::kMean},
      {"redistribute", NaPolicy::kRedistribute}};
  for (const auto& [name, policy] : kPolicies) {
    if (s == name) {
      node.na_policy = policy;
      return;
    }
  }
  if (v.is_scalar()) {
    error(v.pos, trf("not_applicable must be exclude, full, zero, mean, "
                             "redistribute or {{move_to: ID}}; got '{}'", s),
          did_you_mean(s, {"exclude", "full", "zero", "mean", "redistribute"}));
  }
}

void Loader::read_rule(const YamlNode& y, const std::string& key, Rule& rule, int index) {
  if (!y.is_map()) {
    error(y.pos, trf("rule '{}' takes a mapping of parameters, got {}",
                             key, y.kind_name()),
          rule.kind == RuleKind::kResult
              ? std::string(trf("e.g. result: {{from: results/party-2024.json, node: total}}"))
              : trf("write '{}: {{}}' when it needs none", key));
    return;
  }
  const std::string ctx = trf("rule '{}'", key);
  if (rule_reads_events(rule.kind)) {
    read_event_rule(y, key, rule, index, ctx);
  } else if (rule_reads_measures(rule.kind)) {
    read_measure_rule(y, rule, ctx);
  } else if (rule.kind == RuleKind::kResult) {
    read_result_rule(y, rule, ctx);
  }
  for (std::size_t i = 0; i < rule.named.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (rule.named[i].name == rule.named[j].name) {
        error(y.pos, trf("'{}' is named twice", rule.named[i].name), "");
      }
    }
  }
}


void Loader::validate_tree() {
  has_period_ = scheme_.period.has_value();
  // A late row not done is late until the period's end, and working days
  // come from the calendar: both must be there.
  for (int i : late_nodes_) {
    const Node& n = scheme_.nodes[i];
    const std::optional<Period>& p = scheme_.period;
    if (!p) {
      error(n.pos, trf("late '{}' needs the scheme's 'period'", n.id),
            trf("a row not done is late until the period's end: add period: "
            "{{from: 2025-01-01, to: 2025-12-31}}"));
    }
    if (n.rule.late_per_working_day && !calendar_given_) {
      error(n.pos,
            trf("late '{}' counts working days and needs the scheme's "
                        "'calendar'", n.id),
            tr("add calendar: calendars/cn-2025.csv (a file beside the scheme), or "
            "write per: day"));
    }
    const std::optional<Date>& due = n.rule.late_due;
    if (p && due && (*due < p->from || p->to < *due)) {
      error(n.pos,
            trf("late '{}' is due {}, outside the period {} to {}", n.id,
                        due->to_string(), p->from.to_string(), p->to.to_string()),
            tr("a fixed due date lies within the period it is assessed in"));
    }
  }
  for (int i : quota_nodes_) {
    if (!has_period_) {
      error(scheme_.nodes[i].pos,
            trf("quota '{}' needs the scheme's 'period'", scheme_.nodes[i].id),
            trf("add period: {{from: 2025-01-01, to: 2025-12-31}}"));
    }
  }
  for (std::size_t i = 0; i < scheme_.nodes.size(); ++i) {
    Node& n = scheme_.nodes[i];
    // Later copies of a subtree repeat the first one's problems.
    muted_ = n.sub_period > 0;
    if (n.floor && n.cap && *n.cap < *n.floor) {
      error(n.pos, trf("node '{}' has a cap below its floor", n.id), "");
    }
    if (i == 0 && n.weight) {
      error(n.pos, tr("the root node takes no weight"), "");
    }
    if (n.is_leaf()) {
      if (n.one_of) {
        error(n.one_of_pos, trf("'one_of' on '{}', which has no children", n.id),
              tr("one_of chooses one of a node's children per unit"));
      }
      validate_leaf(n);
      continue;
    }
    if (n.one_of) validate_one_of(n);
    // Children with points are either all weighted or none.
    // Children with points are either all weighted or none; one whose
    // points failed to parse is reported once, where it was written.
    int weighted = 0, unweighted_with_points = 0;
    Rational sum;
    for (int c : n.children) {
      const Node& child = scheme_.nodes[c];
      if (child.points && !child.weight) ++unweighted_with_points;
      if (child.weight) {
        ++weighted;
        sum += *child.weight;
        if (!child.points && !points_failed_.count(c)) {
          error(child.pos,
                trf("'{}' has a weight but no points", child.id),
                tr("a weighted child needs points: its score is taken as a "
                "share of them"));
        }
      }
    }
    if (weighted > 0) {
      n.weighted_children = true;
      if (unweighted_with_points > 0) {
        error(n.pos,
              trf("some children of '{}' have weights and some do not",
                          n.id),
              tr("give every child with points a weight, or none"));
      } else if (!(sum == Rational(1))) {
        error(n.pos,
              trf("the weights of the children of '{}' add up to {}%, "
                          "not 100%",
                          n.id, (sum * Rational(100)).to_string()),
              tr("check each weight against the formula of the assessment "
              "document"));
      }
      if (!n.points) {
        error(n.pos, trf("'{}' combines weights but has no points", n.id),
              tr("the weighted result is a share of the node's points"));
      }
    }
  }
  muted_ = false;
}

// `one_of: rows`, or `one_of: {column: NAME, choose: {VALUE: CHILD}}`.
// The children are checked once read (validate_one_of).
void Loader::read_one_of(const YamlNode& v, int index) {
  Node& n = scheme_.nodes[index];
  const std::string hint =
      trf("one_of: rows scores each unit on the one child its rows are for; "
      "one_of: {{column: 成员单位, choose: {{是: CHILD, 否: CHILD}}}} on the one its "
      "roster column names");
  if (v.is_scalar() && v.scalar == "rows") {
    n.one_of = true;
    n.one_of_pos = v.pos;
    return;
  }
  if (!v.is_map()) {
    error(v.pos,
          v.is_scalar() ? trf("'one_of' must be 'rows' or {{column: …}}, got '{}'",
                                      v.scalar)
                        : trf("'one_of' must be 'rows' or {{column: …}}, got {}",
                                      v.kind_name()),
          hint);
    return;
  }
  check_keys(v, {"column", "choose", "measure"}, "one_of");
  if (const YamlNode* m = v.get("measure")) {
    error(m->pos, tr("one_of chosen by a measure is not supported yet"),
          trf("name the alternative in a roster column (one_of: {{column: …}}), or give "
          "rows for the chosen alternative only (one_of: rows)"));
    return;
  }
  const YamlNode* column = v.get("column");
  if (column == nullptr) {
    error(v.pos, tr("'one_of' as a map needs 'column': the roster column naming the "
                 "alternative"), hint);
    return;
  }
  const std::string name = text(*column, tr("one_of column"));
  if (name.empty()) {
    if (column->is_scalar()) error(column->pos, tr("'column' of one_of is empty"), hint);
    return;
  }
  static const char* const kOwn[] = {"unit_id", "name", "category", "from", "to"};
  for (const char* own : kOwn) {
    if (name == own) {
      error(column->pos,
            trf("one_of's column '{}' is a roster column kaohe reads itself", name),
            name == std::string("category")
                ? tr("choose by category with applies_to on each alternative")
                : tr("name a column of your own, e.g. column: 成员单位"));
      return;
    }
  }
  n.one_of = true;
  n.one_of_pos = v.pos;
  n.one_of_column = name;
  if (const YamlNode* choose = v.get("choose")) {
    if (!choose->is_map() || choose->entries.empty()) {
      error(choose->pos, tr("'choose' maps each value of the column to a child's id"),
            trf("e.g. choose: {{是: member, 否: other}}"));
      return;
    }
    for (const auto& [k, c] : choose->entries) {
      const std::string child = text(*c, tr("alternative"));
      if (child.empty()) continue;
      n.one_of_choose.push_back({k->scalar, child, c->pos});
    }
  }
}

// one_of: the alternatives replace one another, so each one with points
// has the node's full marks, none is weighted, and one a unit did not
// choose drops out (not_applicable: exclude).
void Loader::validate_one_of(const Node& n) {
  if (!n.one_of_choose.empty()) {
    std::vector<std::string> ids;
    for (int c : n.children) ids.push_back(scheme_.nodes[c].id);
    std::set<std::string> chosen;
    for (const Node::Choice& choice : n.one_of_choose) {
      const std::string& child = choice.child;
      if (std::find(ids.begin(), ids.end(), child) == ids.end()) {
        error(choice.pos, trf("'{}' is not a child of '{}': one_of chooses among its "
                               "children", child, n.id),
              did_you_mean(child, ids));
      }
      chosen.insert(child);
    }
    for (int c : n.children) {
      if (chosen.count(scheme_.nodes[c].id) == 0) {
        error(scheme_.nodes[c].pos,
              trf("alternative '{}' of '{}' is chosen by no value of column '{}'",
                          scheme_.nodes[c].id, n.id, n.one_of_column),
              trf("add it to choose, e.g. choose: {{VALUE: {}}}, or remove it",
                          scheme_.nodes[c].id));
      }
    }
  }
  if (n.children.size() < 2) {
    error(n.one_of_pos,
          trf("'one_of' on '{}', which has only one child", n.id),
          tr("one_of chooses between two or more alternatives"));
  }
  for (int c : n.children) {
    const Node& child = scheme_.nodes[c];
    if (child.weight) {
      error(child.pos, trf("'{}' is an alternative of '{}' (one_of) and takes "
                                   "no weight", child.id, n.id),
            tr("a unit is scored on one alternative alone"));
    }
    if (child.na_policy != NaPolicy::kExclude) {
      error(child.pos,
            trf("'{}' is an alternative of '{}' (one_of): an alternative a unit "
                        "did not choose drops out, so it takes no not_applicable",
                        child.id, n.id),
            tr("put not_applicable on the one_of node itself"));
    }
    const bool same = child.points && n.points ? *child.points == *n.points
                                               : !child.points && !n.points;
    if (!same && !points_failed_.count(c)) {
      error(child.pos,
            !child.points ? trf("alternative '{}' of '{}' has no points, but '{}' has {}",
                                child.id, n.id, n.id, n.points->to_string())
            : !n.points   ? trf("alternative '{}' of '{}' has {} points, but '{}' has none",
                                child.id, n.id, child.points->to_string(), n.id)
                          : trf("alternative '{}' of '{}' has {} points, but '{}' has {}",
                                child.id, n.id, child.points->to_string(), n.id,
                                n.points->to_string()),
            tr("each alternative carries the node's full marks (one of them counts), "
            "or none has points (adjustments)"));
    }
  }
}

void Loader::validate_leaf(Node& n) {
  validate_leaf_rule(n);
  muted_ = false;
}

void Loader::validate_leaf_rule(Node& n) {
  const Rule& r = n.rule;
  if (r.kind == RuleKind::kNone) return;
  // A bands leaf without points is an adjustment (deduction bands).
  bool needs_points = rule_reads_measures(r.kind) &&
                      r.kind != RuleKind::kScaledDeduction && r.kind != RuleKind::kBands;
  if (needs_points && !n.points && !points_failed_.count(index_of(n))) {
    error(n.pos, trf("leaf '{}' ({}) needs 'points'", n.id,
                             rule_kind_name(r.kind)),
          tr("the rule scores a share of the node's points"));
  }
  validate_result_leaf(n);
  if (r.kind == RuleKind::kScaledDeduction && n.points) {
    error(n.pos, trf("leaf '{}' (scaled_deduction) takes 'max', not "
                             "'points'", n.id),
          tr("a scaled deduction only deducts; it has no full marks"));
  }
  if (n.base) {
    error(n.pos, trf("leaf '{}' takes no 'base'", n.id),
          tr("a base belongs on a node with children"));
  }
  if (r.kind == RuleKind::kChecklist && n.points) {
    Decimal sum;
    for (const auto& c : r.named) sum += c.amount;
    if (sum != *n.points) {
      error(n.pos, trf("the criteria of '{}' add up to {}, not its "
                               "points {}", n.id, sum.to_string(),
                               n.points->to_string()),
            "");
    }
  }
  if (r.kind == RuleKind::kBands && n.points) {
    // With full marks, every band scores within them.
    auto outside = [&](Decimal d) { return d < Decimal() || *n.points < d; };
    for (const Band& b : r.bands) {
      if (!outside(b.points)) continue;
      error(b.pos, trf("band '{}' of '{}' scores {}, outside 0..{} (its points)",
                               b.at_least_text, n.id, b.points.to_string(),
                               n.points->to_string()),
            tr("a leaf with points scores a share of them; drop 'points' to make it "
            "an adjustment that may deduct"));
    }
    if (outside(r.below)) {
      error(r.below_pos, trf("'below' of '{}' scores {}, outside 0..{} (its points)",
                               n.id, r.below.to_string(), n.points->to_string()),
            tr("drop 'points' to make it an adjustment that may deduct"));
    }
  }
  if (r.both_signs) {
    if (n.points) {
      error(n.pos,
            trf("leaf '{}' both adds and deducts ({}): it is an adjustment and "
                        "takes no 'points'", n.id, rule_kind_name(r.kind)),
            tr("remove 'points' (the item adds to its parent without full marks), or "
            "split it into a bonus item and a deduction item"));
    }
    for (int a = n.parent; a >= 0; a = scheme_.nodes[a].parent) {
      if (!scheme_.nodes[a].same_ref_highest) continue;
      error(n.pos,
            trf("leaf '{}' both adds and deducts, under '{}' with same_ref: "
                        "highest: not supported yet", n.id, scheme_.nodes[a].id),
            tr("取最高分 keeps the largest bonus and the largest deduction per item: "
            "split it into a bonus item and a deduction item"));
      break;
    }
  }
  if (r.kind == RuleKind::kMean && !r.scale && n.points) {
    n.rule.scale = n.points;
  }
}

}  // namespace kaohe::scheme_loading
