// Turns the YAML tree of a scheme into the Scheme model. Every scalar is
// read as text and parsed here (never by yaml-cpp), every key is checked
// against the grammar, and all problems are collected before failing.
#include "scheme/scheme_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "base/diagnostic.h"
#include "input/calendar_reader.h"
#include "io/file_io.h"
#include "scheme/sub_periods.h"
#include "scheme/yaml_tree.h"

namespace kaohe {
namespace {

const std::vector<std::string> kTopKeys = {
    "kaohe", "title", "source", "precision", "rounding", "period", "calendar",
    "categories", "flags", "grades", "gates", "quotas", "ranking", "root",
    "seed_slips", "note"};
const std::vector<std::string> kNodeKeys = {
    "id", "name", "points", "weight", "base", "floor", "cap", "children",
    "applies_to", "not_applicable", "same_ref", "periods", "note"};

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
    {"flag_event", RuleKind::kFlagEvent},
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

class Loader {
 public:
  Loader(const std::string& file, const std::string& text)
      : file_(file), text_(text) {}

  Scheme load() {
    std::unique_ptr<YamlNode> doc = parse_yaml(file_, text_);
    scheme_.file = file_;
    scheme_.text = text_;
    if (!doc->is_map()) {
      error(doc->pos, fmt::format("a scheme is a mapping of keys, got {}",
                                  doc->kind_name()),
            "start the file with 'kaohe: 1'");
      diags_.throw_if_errors(kExitDataErr);
    }
    check_keys(*doc, kTopKeys, "scheme");
    read_version(*doc);
    if (const YamlNode* n = doc->get("title")) scheme_.title = text(*n, "title");
    if (const YamlNode* n = doc->get("source")) scheme_.source = text(*n, "source");
    if (const YamlNode* n = doc->get("precision")) {
      auto p = integer(*n, "precision");
      if (p && (*p < 0 || *p > 6)) {
        error(n->pos, "precision must be between 0 and 6 decimal places", "");
      } else if (p) {
        scheme_.precision = static_cast<int>(*p);
      }
    }
    if (const YamlNode* n = doc->get("rounding")) read_rounding(*n);
    if (const YamlNode* n = doc->get("period")) read_period(*n);
    if (const YamlNode* n = doc->get("calendar")) read_calendar(*n);
    if (const YamlNode* n = doc->get("categories")) read_categories(*n);
    if (const YamlNode* n = doc->get("flags")) read_flags(*n);
    const YamlNode* root = doc->get("root");
    if (root == nullptr) {
      error(doc->pos, "the scheme has no 'root' node",
            "add 'root:' with id, name, points and children");
    } else {
      read_node(*root, -1, 0);
    }
    validate_tree();
    if (const YamlNode* n = doc->get("grades")) read_grades(*n);
    if (const YamlNode* n = doc->get("gates")) read_gates(*n);
    if (const YamlNode* n = doc->get("quotas")) read_quotas(*n);
    if (const YamlNode* n = doc->get("ranking")) read_ranking(*n);
    if (const YamlNode* n = doc->get("seed_slips")) read_seed_slips(*n);
    validate_references();
    diags_.throw_if_errors(kExitDataErr);
    return std::move(scheme_);
  }

 private:
  // --- diagnostics -------------------------------------------------------
  void error(SourcePos pos, std::string message, std::string hint) {
    if (muted_) return;
    diags_.error(file_, pos.line, pos.col, std::move(message),
                 pos.line > 0 ? line_of(text_, pos.line) : std::string(),
                 std::move(hint));
  }

  void check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                  const std::string& where) {
    for (const auto& [k, v] : map.entries) {
      if (std::find(allowed.begin(), allowed.end(), k->scalar) != allowed.end()) {
        continue;
      }
      error(k->pos, fmt::format("unknown key '{}' in {}", k->scalar, where),
            did_you_mean(k->scalar, allowed));
    }
  }

  // --- scalars -----------------------------------------------------------
  const std::string* scalar(const YamlNode& n, const std::string& what) {
    if (!n.is_scalar()) {
      error(n.pos, fmt::format("'{}' must be a single value, got {}", what,
                               n.kind_name()),
            "");
      return nullptr;
    }
    return &n.scalar;
  }

  std::string text(const YamlNode& n, const std::string& what) {
    const std::string* s = scalar(n, what);
    return s ? *s : std::string();
  }

  std::optional<Decimal> decimal(const YamlNode& n, const std::string& what) {
    const std::string* s = scalar(n, what);
    if (!s) return std::nullopt;
    if (auto d = Decimal::parse(*s)) return d;
    std::string hint = "write a plain decimal such as 5, 0.5 or 12.25";
    if (s->find(',') != std::string::npos) {
      hint = "use '.' as the decimal point and no thousands separators";
    } else if (!s->empty() && s->back() == '%') {
      hint = "only weights are written as percentages";
    } else if (s->size() > 1 && (*s)[0] == '0' && (*s)[1] != '.') {
      hint = "write the number without leading zeros";
    }
    error(n.pos, fmt::format("'{}' must be a number, got '{}'", what, *s), hint);
    return std::nullopt;
  }

  std::optional<Decimal> non_negative(const YamlNode& n, const std::string& what) {
    auto d = decimal(n, what);
    if (d && *d < Decimal()) {
      error(n.pos, fmt::format("'{}' must not be negative", what),
            "amounts are written unsigned; 'add' or 'deduct' gives the sign");
      return std::nullopt;
    }
    return d;
  }

  std::optional<std::int64_t> integer(const YamlNode& n, const std::string& what) {
    auto d = decimal(n, what);
    if (!d) return std::nullopt;
    if (!d->is_integer()) {
      error(n.pos, fmt::format("'{}' must be a whole number", what), "");
      return std::nullopt;
    }
    return d->units() / Decimal::kOne;
  }

  std::optional<bool> boolean(const YamlNode& n, const std::string& what) {
    const std::string* s = scalar(n, what);
    if (!s) return std::nullopt;
    if (*s == "true") return true;
    if (*s == "false") return false;
    error(n.pos, fmt::format("'{}' must be true or false, got '{}'", what, *s), "");
    return std::nullopt;
  }

  // "60%" → 3/5.
  std::optional<Rational> percent(const YamlNode& n, const std::string& what) {
    const std::string* s = scalar(n, what);
    if (!s) return std::nullopt;
    if (s->empty() || s->back() != '%') {
      error(n.pos, fmt::format("'{}' must be a percentage such as 60%, got '{}'",
                               what, *s),
            "write the weight with a percent sign: 60%");
      return std::nullopt;
    }
    auto d = Decimal::parse(std::string_view(*s).substr(0, s->size() - 1));
    if (!d || *d < Decimal() || *d > Decimal::from_int(100)) {
      error(n.pos, fmt::format("'{}' must be a percentage between 0% and 100%, "
                               "got '{}'", what, *s),
            "");
      return std::nullopt;
    }
    return Rational(*d) / Rational(100);
  }

  std::optional<MissingPolicy> missing_policy(const YamlNode& n,
                                              const std::string& what) {
    const std::string* s = scalar(n, what);
    if (!s) return std::nullopt;
    if (*s == "error") return MissingPolicy::kError;
    if (*s == "na") return MissingPolicy::kNotApplicable;
    if (*s == "zero") return MissingPolicy::kZero;
    if (*s == "full") return MissingPolicy::kFull;
    error(n.pos, fmt::format("'{}' must be one of error, na, zero, full; got '{}'",
                             what, *s),
          did_you_mean(*s, {"error", "na", "zero", "full"}));
    return std::nullopt;
  }

  // --- top level -----------------------------------------------------------
  void read_version(const YamlNode& doc) {
    const YamlNode* v = doc.get("kaohe");
    if (v == nullptr) {
      error(doc.pos, "the scheme does not say which grammar version it uses",
            fmt::format("add 'kaohe: {}' as the first line", kGrammarVersion));
      return;
    }
    auto n = integer(*v, "kaohe");
    if (!n) return;
    if (v->scalar != std::to_string(*n)) {
      error(v->pos, fmt::format("the grammar version is a whole number, got '{}'",
                                v->scalar),
            fmt::format("write 'kaohe: {}'", kGrammarVersion));
      return;
    }
    if (*n != kGrammarVersion) {
      error(v->pos,
            fmt::format("grammar version {} is not supported (this kaohe reads "
                        "version {})", *n, kGrammarVersion),
            *n > kGrammarVersion ? "upgrade kaohe" : "");
      return;
    }
    scheme_.version = static_cast<int>(*n);
  }

  void read_rounding(const YamlNode& n) {
    std::string s = text(n, "rounding");
    if (s == "half_up") {
      scheme_.rounding = RoundingMode::kHalfUp;
    } else if (s == "half_even") {
      scheme_.rounding = RoundingMode::kHalfEven;
    } else if (n.is_scalar()) {
      error(n.pos, fmt::format("rounding must be half_up or half_even, got '{}'", s),
            did_you_mean(s, {"half_up", "half_even"}));
    }
  }

  void read_period(const YamlNode& n) {
    if (!n.is_map()) {
      error(n.pos, "'period' must be a mapping with 'from' and 'to'",
            "period: {from: 2025-01-01, to: 2025-12-31}");
      return;
    }
    check_keys(n, {"from", "to"}, "period");
    std::optional<Date> from, to;
    for (const char* key : {"from", "to"}) {
      const YamlNode* v = n.get(key);
      if (v == nullptr) {
        error(n.pos, fmt::format("'period' needs '{}'", key), "");
        continue;
      }
      std::string s = text(*v, key);
      auto d = Date::parse(s);
      if (!d && v->is_scalar()) {
        error(v->pos, fmt::format("'{}' must be a date YYYY-MM-DD, got '{}'", key, s), "");
      }
      (std::string(key) == "from" ? from : to) = d;
    }
    if (from && to) {
      if (*to < *from) {
        error(n.pos, "the period ends before it starts", "");
        return;
      }
      scheme_.period = Period{*from, *to};
    }
  }

  // A working-day calendar file, named relative to the scheme's folder.
  // Its own problems are errors of that file; one that does not cover the
  // period is an error here.
  void read_calendar(const YamlNode& n) {
    calendar_given_ = true;
    const std::string name = text(n, "calendar");
    if (name.empty()) {
      if (n.is_scalar()) error(n.pos, "'calendar' names a file", "calendar: calendars/cn-2025.csv");
      return;
    }
    const std::size_t slash = file_.rfind('/');
    const std::string path =
        name.front() == '/' || slash == std::string::npos ? name : file_.substr(0, slash + 1) + name;
    try {
      scheme_.calendar = load_calendar(path);
    } catch (const Error& e) {
      if (e.exit_code() == kExitNoInput) {
        error(n.pos, fmt::format("cannot read the calendar file '{}'", path),
              "calendar files are named relative to the scheme's folder");
        return;
      }
      for (const Diagnostic& d : e.diagnostics()) diags_.add(d);
      return;
    }
    scheme_.calendar_file = name;
    const std::optional<Period>& p = scheme_.period;
    if (p && !(scheme_.calendar.covers(p->from) && scheme_.calendar.covers(p->to))) {
      error(n.pos,
            fmt::format("the calendar covers {}, but the period runs from {} to {}",
                        scheme_.calendar.years(), p->from.to_string(), p->to.to_string()),
            "use a calendar that lists the holidays of every year of the period");
    } else if (!p) {
      error(n.pos, "a calendar needs the scheme's 'period'",
            "add period: {from: 2025-01-01, to: 2025-12-31}");
    }
  }

  // --- nodes ---------------------------------------------------------------
  // Adds an empty node under `parent` (-1: the root) and returns its index.
  int add_node(const YamlNode& y, int parent, int depth) {
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
  void read_identity(const YamlNode& y, int index) {
    std::string id;
    if (const YamlNode* v = y.get("id")) {
      id = text(*v, "id");
      if (v->is_scalar() && !valid_id(id)) {
        error(v->pos, fmt::format("node id '{}' must be non-empty text without "
                                  "spaces, commas, quotes or '@'", id),
              id.find('@') != std::string::npos
                  ? "'@' is kept for the copies of a node scored per sub-period "
                    "(p4@2024); write the id without it"
                  : "ids appear in the CSV item_id column; use e.g. late_report");
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
                fmt::format("duplicate node id '{}' (first used at line {})", id,
                            scheme_.nodes[it->second].pos.line),
                "every node needs its own id");
        }
      }
    } else {
      error(y.pos, "this node has no 'id'", "add 'id: short_name'");
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
      error(y.pos, fmt::format("node '{}' has no 'name'", id),
            "add the item's name as the seed document writes it");
    }
  }

  // An id written inside a node with `periods:` is an item id of its
  // copies: no other node may have it (the copy root's is its periodic
  // node's own id).
  void check_template_clash(const YamlNode& v, const std::string& id, int index) {
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
            fmt::format("duplicate node id '{}' (first used at line {})", id,
                        scheme_.nodes[other].pos.line),
            "every node needs its own id, also inside a node with 'periods'");
    }
  }

  void read_node(const YamlNode& y, int parent, int depth) {
    if (!y.is_map()) {
      error(y.pos, fmt::format("a node is a mapping with id, name and points, "
                               "got {}", y.kind_name()),
            "");
      return;
    }
    // The root of one sub-period's copy: its placement (weight, applies_to,
    // not_applicable, periods) belongs to the periodic node above it.
    const bool copy_root = copy_ && parent == copy_->periodic;
    if (const YamlNode* periods = y.get("periods"); periods != nullptr && !copy_root) {
      if (copy_) {
        error(periods->pos, "a node with 'periods' inside another one is not supported",
              "give 'periods' to one of the two nodes");
      } else if (parent < 0) {
        error(periods->pos, "the root node takes no 'periods'",
              "give 'periods' to the parts scored per sub-period");
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
    check_keys(y, node_keys(), "a node");

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
        error(v->pos, fmt::format("'same_ref' must be 'highest', got '{}'", s),
              "same_ref: highest counts rows sharing a ref once, at the highest");
      }
    }

    const YamlNode* rule_yaml = nullptr;
    const char* rule_key = nullptr;
    for (const auto& r : kRuleKeys) {
      if (const YamlNode* v = y.get(r.key)) {
        if (rule_yaml != nullptr) {
          error(v->pos, fmt::format("node '{}' has two rules, '{}' and '{}'", id,
                                    rule_key, r.key),
                "a leaf has exactly one rule");
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
            fmt::format("node '{}' has children and a '{}' rule", id, rule_key),
            "a node either combines its children or scores by a rule");
    }
    if (children == nullptr && rule_yaml == nullptr) {
      error(y.pos, fmt::format("leaf '{}' has no rule", id),
            "give it one rule such as 'per_event: {deduct: 1}' or "
            "'direct: {}', or children");
    }
    if (rule_yaml != nullptr && children == nullptr) {
      Rule rule;
      rule.kind = scheme_.nodes[index].rule.kind;
      read_rule(*rule_yaml, rule_key, rule, index);
      scheme_.nodes[index].rule = std::move(rule);
    }
    if (children != nullptr) {
      if (!children->is_sequence() || children->items.empty()) {
        error(children->pos, "'children' must be a non-empty list of nodes", "");
      } else {
        for (const auto& c : children->items) read_node(*c, index, depth + 1);
      }
    }
  }

  // A node with `periods:`: the node itself, combining one copy of its
  // subtree per sub-period (the YAML read again for each, with ids and
  // names suffixed and problems reported once, from the first).
  void read_periodic(const YamlNode& y, SubPeriods sp, int parent, int depth) {
    const int index = add_node(y, parent, depth);
    read_identity(y, index);
    if (const YamlNode* v = y.get("points")) {
      sp.points = non_negative(*v, "points");
      if (!sp.points) points_failed_.insert(index);
    }
    const std::size_t n = sp.labels.size();
    if (sp.combine != Combine::kSum && !sp.points && !points_failed_.count(index)) {
      error(y.pos,
            fmt::format("'combine: {}' of '{}' needs 'points', the full marks of each "
                        "sub-period", combine_name(sp.combine), scheme_.nodes[index].id),
            "add points, or combine the sub-periods of a bonus or penalty by sum");
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

  // Reads {deduct: X} or {add: X}; returns the value node.
  const YamlNode* direction(const YamlNode& m, Rule& rule, const std::string& where) {
    const YamlNode* add = m.get("add");
    const YamlNode* deduct = m.get("deduct");
    if ((add != nullptr) == (deduct != nullptr)) {
      error(m.pos, fmt::format("'{}' needs exactly one of 'add' or 'deduct'", where),
            "e.g. {deduct: 2} for 每件扣2分, {add: 5} for 每项加5分");
      return nullptr;
    }
    rule.direction = add ? Direction::kAdd : Direction::kDeduct;
    return add ? add : deduct;
  }

  // `what` is the key ("tiers"), `one` names one entry ("tier").
  void named_amounts(const YamlNode& m, std::vector<NamedAmount>& out,
                     const std::string& what, const std::string& one) {
    if (!m.is_map() || m.entries.empty()) {
      error(m.pos, fmt::format("'{}' must be a mapping of names to amounts", what),
            "e.g. {国家级: 3, 省级: 2, 市级: 1}");
      return;
    }
    for (const auto& [k, v] : m.entries) {
      if (k->scalar.empty()) {
        error(k->pos, fmt::format("empty name in '{}'", what), "");
        continue;
      }
      auto d = decimal(*v, fmt::format("{} {}", one, k->scalar));
      if (d && *d < Decimal()) {
        error(v->pos,
              fmt::format("the amount of {} '{}' must not be negative, got {}", one,
                          k->scalar, d->to_string()),
              "amounts are written unsigned; 'add' or 'deduct' gives the sign");
      } else if (d) {
        out.push_back({k->scalar, *d});
      }
    }
  }

  // quota: {required, per, count, days, partial, tiers, deduct} (DESIGN.md
  // §2 "Quotas of time").
  void read_quota(const YamlNode& y, Rule& rule, const std::string& ctx) {
    check_keys(y, {"required", "per", "count", "days", "partial", "tiers", "add", "deduct"},
               ctx);
    QuotaSpec& q = rule.quota;
    if (const YamlNode* v = direction(y, rule, "quota")) {
      if (auto d = non_negative(*v, "amount")) rule.amount = *d;
    }
    if (rule.direction == Direction::kAdd) {
      error(y.pos, "a quota shortfall deducts: write 'deduct'", "");
    }
    if (const YamlNode* v = y.get("required")) {
      auto n = integer(*v, "required");
      if (n && *n < 1) error(v->pos, "'required' must be at least 1", "");
      if (n) q.required = *n;
    } else {
      error(y.pos, "a quota needs 'required' (rows per bucket: per day, week, month …)",
            "e.g. quota: {required: 2, per: month, deduct: 0.2}");
    }
    // One choice among spellings; nullopt (after an error) for another.
    auto choice = [&](const char* key, std::vector<std::string> allowed) -> std::optional<int> {
      const YamlNode* v = y.get(key);
      if (v == nullptr) return std::nullopt;
      const std::string s = text(*v, key);
      for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (s == allowed[i]) return static_cast<int>(i);
      }
      if (v->is_scalar()) {
        std::string hint = did_you_mean(s, allowed);
        error(v->pos, fmt::format("'{}' is one of {}, got '{}'", key, fmt::join(allowed, ", "), s),
              hint);
      }
      return std::nullopt;
    };
    const std::vector<std::string> everies = {"day",  "week", "month", "quarter",
                                              "half", "year", "period"};
    if (auto i = choice("per", everies)) q.per = *parse_every(everies[*i]);
    if (auto i = choice("count", {"rows", "dates"})) q.distinct_dates = *i == 1;
    if (auto i = choice("days", {"all", "working"})) q.working_days = *i == 1;
    if (auto i = choice("partial", {"prorate", "skip", "full"})) {
      q.partial = static_cast<QuotaSpec::Partial>(*i);
    }
    if (q.distinct_dates && q.per == Every::kDay && q.required > 1) {
      error(y.get("required")->pos,
            fmt::format("a day holds one date: 'required' {} per day of distinct dates can "
                        "never be met", q.required),
            "write required: 1, or count: rows");
    }
    if (q.working_days && q.per != Every::kDay) {
      error(y.get("days")->pos, "'days: working' chooses the day buckets: it needs per: day",
            "for per: week, month … every row counts; pro rata uses calendar days");
    } else if (q.working_days && scheme_.calendar.empty() && !calendar_given_) {
      error(y.get("days")->pos, "'days: working' needs the scheme's working-day calendar",
            "add calendar: calendars/cn-2025.csv (a file beside the scheme)");
    }
    if (const YamlNode* t = y.get("tiers")) {
      named_amounts(*t, rule.named, "tiers", "tier");
      std::int64_t sum = 0;
      for (const NamedAmount& n : rule.named) {
        if (!n.amount.is_integer() || n.amount < Decimal::from_int(1)) {
          error(t->pos, fmt::format("tier '{}' needs a whole number of rows, at least 1, got {}",
                                    n.name, n.amount.to_string()),
                "e.g. tiers: {扩大学习: 4} for 其中扩大学习不少于4次");
        }
        sum += n.amount.is_integer() ? n.amount.units() / Decimal::kOne : 0;
      }
      if (q.required > 0 && sum > q.required) {
        error(t->pos,
              fmt::format("the tiers need {} rows, more than the {} 'required' in all", sum,
                          q.required),
              "'required' counts every row, the tiers' rows included");
      }
    }
  }

  void read_rule(const YamlNode& y, const std::string& key, Rule& rule, int index) {
    if (!y.is_map()) {
      error(y.pos, fmt::format("rule '{}' takes a mapping of parameters, got {}",
                               key, y.kind_name()),
            fmt::format("write '{}: {{}}' when it needs none", key));
      return;
    }
    const std::string ctx = fmt::format("rule '{}'", key);
    auto param = [&](const char* k) { return y.get(k); };
    auto read_missing = [&]() {
      if (const YamlNode* v = param("missing")) {
        if (auto p = missing_policy(*v, "missing")) rule.missing = *p;
      }
    };
    switch (rule.kind) {
      case RuleKind::kPerEvent:
      case RuleKind::kTiered:
      case RuleKind::kRole:
      case RuleKind::kRanged: {
        check_keys(y, {"add", "deduct", "surcharge", "raise", "zero", "raise_tiers"},
                   ctx);
        read_effects(y, rule, index);
        const YamlNode* v = direction(y, rule, key);
        if (v == nullptr) break;
        if (rule.kind == RuleKind::kPerEvent) {
          if (auto d = non_negative(*v, "amount")) rule.amount = *d;
        } else if (rule.kind == RuleKind::kRanged) {
          if (!v->is_sequence() || v->items.size() != 2) {
            error(v->pos, "a ranged amount is a list [min, max]",
                  "e.g. {deduct: [0.1, 0.5]} for 扣0.1—0.5分");
          } else {
            auto lo = non_negative(*v->items[0], "range minimum");
            auto hi = non_negative(*v->items[1], "range maximum");
            if (lo && hi && *hi < *lo) {
              error(v->pos, "the range's maximum is below its minimum",
                    fmt::format("write the smaller amount first: [{}, {}]",
                                hi->to_string(), lo->to_string()));
            } else if (lo && hi) {
              rule.range_min = *lo;
              rule.range_max = *hi;
            }
          }
        } else {
          bool tiers = rule.kind == RuleKind::kTiered;
          named_amounts(*v, rule.named, tiers ? "tiers" : "roles",
                        tiers ? "tier" : "role");
        }
        if (const YamlNode* s = param("surcharge")) read_surcharge(*s, rule);
        break;
      }
      case RuleKind::kQuota: {
        read_quota(y, rule, ctx);
        if (!muted_) quota_nodes_.push_back(index);
        break;
      }
      case RuleKind::kLate:
        read_late(y, rule, index);
        break;
      case RuleKind::kCompletion:
      case RuleKind::kAllOrNothing:
      case RuleKind::kDirect:
        check_keys(y, {"missing"}, ctx);
        read_missing();
        break;
      case RuleKind::kScaled:
      case RuleKind::kRelative:
        check_keys(y, rule.kind == RuleKind::kScaled
                          ? std::vector<std::string>{"scale", "missing"}
                          : std::vector<std::string>{"within", "missing"},
                   ctx);
        if (rule.kind == RuleKind::kScaled) {
          read_scale(y, rule, true);
        } else if (const YamlNode* v = param("within")) {
          std::string s = text(*v, "within");
          if (s == "category") {
            rule.within_category = true;
          } else if (v->is_scalar()) {
            error(v->pos, fmt::format("'within' must be 'category', got '{}'", s), "");
          }
        }
        read_missing();
        break;
      case RuleKind::kVotes: {
        check_keys(y, {"levels", "scale", "min_votes", "too_few", "missing"}, ctx);
        const YamlNode* levels = param("levels");
        if (levels != nullptr) {
          named_amounts(*levels, rule.named, "levels", "level");
        } else {
          error(y.pos, "votes need 'levels'",
                "e.g. levels: {优秀: 100, 良好: 80, 一般: 60, 较差: 40}");
        }
        read_scale(y, rule, false);
        if (!rule.scale) rule.scale = Decimal::from_int(100);
        // A level above the scale would score more than the item's points.
        if (levels != nullptr && levels->is_map()) {
          for (const auto& [k, v] : levels->entries) {
            int i = rule.find_named(k->scalar);
            if (i < 0 || !(*rule.scale < rule.named[i].amount)) continue;
            error(v->pos,
                  fmt::format("level '{}' scores {}, above the scale {}: a unit "
                              "could score more than the item's points",
                              k->scalar, rule.named[i].amount.to_string(),
                              rule.scale->to_string()),
                  "levels are scores out of 'scale' (100 unless given): lower "
                  "the level, or give the scale the document uses");
          }
        }
        if (const YamlNode* v = param("min_votes")) {
          auto n = integer(*v, "min_votes");
          if (n && *n < 0) error(v->pos, "'min_votes' must not be negative", "");
          if (n) rule.min_votes = *n;
        }
        if (const YamlNode* v = param("too_few")) {
          if (auto p = missing_policy(*v, "too_few")) rule.too_few = *p;
        }
        read_missing();
        break;
      }
      case RuleKind::kMean: {
        check_keys(y, {"keys", "scale", "missing"}, ctx);
        const YamlNode* v = param("keys");
        if (v == nullptr || !v->is_sequence() || v->items.empty()) {
          error(v ? v->pos : y.pos, "mean needs 'keys', a list of measure keys",
                "e.g. keys: [self, group]");
        } else {
          for (const auto& k : v->items) {
            std::string s = text(*k, "key");
            if (std::find(rule.keys.begin(), rule.keys.end(), s) != rule.keys.end()) {
              error(k->pos, fmt::format("key '{}' is listed twice", s), "");
            } else if (k->is_scalar()) {
              rule.keys.push_back(s);
            }
          }
        }
        read_scale(y, rule, false);
        read_missing();
        break;
      }
      case RuleKind::kChecklist: {
        check_keys(y, {"criteria", "missing"}, ctx);
        if (const YamlNode* v = param("criteria")) {
          named_amounts(*v, rule.named, "criteria", "criterion");
        } else {
          error(y.pos, "a checklist needs 'criteria'",
                "e.g. criteria: {有方案: 0.5, 有台账: 0.5}");
        }
        read_missing();
        break;
      }
      case RuleKind::kScaledDeduction: {
        check_keys(y, {"max", "scale", "missing"}, ctx);
        if (const YamlNode* v = param("max")) {
          if (auto d = non_negative(*v, "max")) rule.max = *d;
        } else {
          error(y.pos, "a scaled deduction needs 'max', the most it deducts",
                "e.g. {max: 8, scale: 100} for 倒扣分8分");
        }
        read_scale(y, rule, true);
        read_missing();
        break;
      }
      case RuleKind::kFlagEvent:
        check_keys(y, {"raise", "zero"}, ctx);
        read_effects(y, rule, index);
        if (rule.raise.empty() && rule.zero.empty()) {
          error(y.pos, "a flag_event needs 'raise' (a flag) and/or 'zero' (a node)",
                "e.g. flag_event: {raise: no_honor, zero: petitions}");
        }
        break;
      case RuleKind::kNone:
        break;
    }
    for (std::size_t i = 0; i < rule.named.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (rule.named[i].name == rule.named[j].name) {
          error(y.pos, fmt::format("'{}' is named twice", rule.named[i].name), "");
        }
      }
    }
  }

  void read_scale(const YamlNode& y, Rule& rule, bool required) {
    if (const YamlNode* v = y.get("scale")) {
      auto d = decimal(*v, "scale");
      if (d && *d <= Decimal()) {
        error(v->pos, "'scale' must be greater than 0", "");
      } else if (d) {
        rule.scale = *d;
      }
    } else if (required) {
      error(y.pos, "this rule needs 'scale', the full score of the source",
            "e.g. scale: 100");
    }
  }

  void read_surcharge(const YamlNode& s, Rule& rule) {
    if (!s.is_map()) {
      error(s.pos, "'surcharge' is a mapping",
            "e.g. surcharge: {at: 3, deduct: 2} for 累计3次…加扣2分");
      return;
    }
    check_keys(s, {"at", "add", "deduct", "every"}, "surcharge");
    Surcharge out;
    Rule tmp;
    if (const YamlNode* v = direction(s, tmp, "surcharge")) {
      if (auto d = non_negative(*v, "surcharge amount")) out.amount = *d;
      if (tmp.direction != rule.direction) {
        error(s.pos, "a surcharge goes the same way as its rule (add or deduct)", "");
      }
    }
    if (const YamlNode* v = s.get("at")) {
      auto n = integer(*v, "at");
      if (n && *n < 1) error(v->pos, "'at' must be at least 1", "");
      if (n) out.at = *n;
    } else {
      error(s.pos, "'surcharge' needs 'at', the count that triggers it", "");
    }
    if (const YamlNode* v = s.get("every")) {
      if (auto b = boolean(*v, "every")) out.every = *b;
    }
    rule.surcharge = out;
  }

  std::vector<std::string> name_list(const YamlNode& v, const std::string& what) {
    std::vector<std::string> out;
    if (v.is_scalar()) {
      out.push_back(v.scalar);
    } else if (v.is_sequence()) {
      for (const auto& item : v.items) {
        std::string s = text(*item, what);
        if (item->is_scalar()) out.push_back(s);
      }
    } else {
      error(v.pos, fmt::format("'{}' is a list of names", what), "");
    }
    return out;
  }

  void read_na_policy(const YamlNode& v, int index) {
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
        error(v.pos, "not_applicable as a mapping needs 'move_to: SIBLING'", "");
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
      error(v.pos, fmt::format("not_applicable must be exclude, full, zero, mean, "
                               "redistribute or {{move_to: ID}}; got '{}'", s),
            did_you_mean(s, {"exclude", "full", "zero", "mean", "redistribute"}));
    }
  }

  void read_effects(const YamlNode& y, Rule& rule, int index) {
    if (const YamlNode* v = y.get("raise")) {
      rule.raise = text(*v, "raise");
      if (!muted_) effect_nodes_.push_back({index, v->pos});
    }
    if (const YamlNode* v = y.get("zero")) {
      rule.zero = text(*v, "zero");
      // Inside a copy, the node of the same sub-period (本项: that year's).
      if (copy_ && scheme_.find(copy_id(rule.zero, copy_->label)) >= 0) {
        rule.zero = copy_id(rule.zero, copy_->label);
      }
      if (!muted_) effect_nodes_.push_back({index, v->pos});
    }
    if (const YamlNode* v = y.get("raise_tiers")) {
      if (rule.kind != RuleKind::kTiered) {
        error(v->pos, "'raise_tiers' belongs to a tiered rule", "");
      }
      rule.raise_tiers = name_list(*v, "raise_tiers");
    }
  }

  void read_categories(const YamlNode& y) {
    if (!y.is_map() || y.entries.empty()) {
      error(y.pos, "'categories' maps each category to its full marks",
            "e.g. categories: {A: 100, B: 95, C: 80}");
      return;
    }
    for (const auto& [k, v] : y.entries) {
      if (auto d = non_negative(*v, "full marks")) {
        if (*d == Decimal()) {
          error(v->pos, "a category's full marks must be above 0", "");
          continue;
        }
        scheme_.categories.push_back({k->scalar, *d, k->pos});
      }
    }
  }

  void read_flags(const YamlNode& y) {
    if (!y.is_sequence()) {
      error(y.pos, "'flags' is a list of {id, name}",
            "e.g. - {id: veto, name: 一票否决}");
      return;
    }
    for (const auto& item : y.items) {
      if (!item->is_map()) {
        error(item->pos, "a flag is a mapping {id, name}", "");
        continue;
      }
      check_keys(*item, {"id", "name"}, "a flag");
      Flag f;
      f.pos = item->pos;
      if (const YamlNode* v = item->get("id")) f.id = text(*v, "id");
      if (const YamlNode* v = item->get("name")) f.name = text(*v, "name");
      if (f.id.empty() || f.name.empty()) {
        error(item->pos, "a flag needs 'id' and 'name'", "");
        continue;
      }
      if (scheme_.find_flag(f.id) >= 0) {
        error(item->pos, fmt::format("flag '{}' is declared twice", f.id), "");
        continue;
      }
      scheme_.flags.push_back(f);
    }
  }

  // seed_slips: [{node: ID | category: NAME, seed: "the seed's sentence"}]
  void read_seed_slips(const YamlNode& y) {
    if (!y.is_sequence()) {
      error(y.pos, "'seed_slips' is a list of {node or category, seed}",
            "e.g. - {node: p1, seed: \"(一)…(16分)\"}");
      return;
    }
    for (const auto& item : y.items) {
      if (!item->is_map()) {
        error(item->pos, "a seed slip is a mapping {node or category, seed}", "");
        continue;
      }
      check_keys(*item, {"node", "category", "seed", "note"}, "a seed slip");
      SeedSlip slip;
      slip.pos = item->pos;
      if (const YamlNode* v = item->get("node")) slip.node = text(*v, "node");
      if (const YamlNode* v = item->get("category")) slip.category = text(*v, "category");
      if (const YamlNode* v = item->get("seed")) slip.seed = text(*v, "seed");
      if (slip.node.empty() == slip.category.empty()) {
        error(item->pos, "a seed slip names one 'node' or one 'category'",
              "the node whose children's points disagree with its own, or the "
              "category whose declared full marks disagree with its items");
        continue;
      }
      if (slip.seed.empty()) {
        error(item->pos, "a seed slip needs 'seed': the sentence of the seed it keeps",
              "quote the seed, so that check can say where the numbers come from");
        continue;
      }
      if (!slip.node.empty() && scheme_.find(slip.node) < 0) {
        check_node(*item->get("node"), slip.node, "seed slip names ");
        continue;
      }
      if (!slip.category.empty() && scheme_.find_category(slip.category) < 0) {
        std::vector<std::string> names;
        for (const Category& c : scheme_.categories) names.push_back(c.name);
        error(item->get("category")->pos,
              fmt::format("seed slip names unknown category '{}'", slip.category),
              did_you_mean(slip.category, names));
        continue;
      }
      scheme_.seed_slips.push_back(std::move(slip));
    }
  }

  std::vector<std::string> flag_ids() const {
    std::vector<std::string> out;
    for (const auto& f : scheme_.flags) out.push_back(f.id);
    return out;
  }
  std::vector<std::string> grade_names() const {
    std::vector<std::string> out;
    for (const auto& g : scheme_.grades) out.push_back(g.name);
    return out;
  }

  void check_flag(const YamlNode& v, const std::string& id) {
    if (scheme_.find_flag(id) < 0) {
      error(v.pos, fmt::format("unknown flag '{}'", id),
            scheme_.flags.empty() ? "declare it under 'flags:'"
                                  : did_you_mean(id, flag_ids()));
    }
  }

  void check_grade(const YamlNode& v, const std::string& name) {
    if (scheme_.find_grade(name) < 0) {
      error(v.pos, fmt::format("unknown grade '{}'", name),
            did_you_mean(name, grade_names()));
    }
  }

  void check_node(const YamlNode& v, const std::string& id, const char* what = "") {
    if (scheme_.find(id) >= 0) return;
    if (std::string hint = copies_hint(scheme_, id); !hint.empty()) {
      error(v.pos, fmt::format("{}node '{}' has one score per sub-period, not one score",
                               what, id),
            hint);
      return;
    }
    error(v.pos, fmt::format("{}unknown node '{}'", what, id), did_you_mean(id, scheme_.ids()));
  }

  void read_quotas(const YamlNode& y) {
    if (!y.is_sequence()) {
      error(y.pos, "'quotas' is a list",
            "e.g. - {grade: 先进, percent: 30%, from: 合格}");
      return;
    }
    for (const auto& item : y.items) {
      const YamlNode& q = *item;
      if (!q.is_map()) {
        error(q.pos, "a quota is a mapping {grade, percent, …}", "");
        continue;
      }
      check_keys(q, {"grade", "percent", "from", "round", "ties", "require",
                     "without_flags", "note"},
                 "a quota");
      Quota quota;
      quota.pos = q.pos;
      const YamlNode* grade = q.get("grade");
      const YamlNode* percent_node = q.get("percent");
      if (!grade || !percent_node) {
        error(q.pos, "a quota needs 'grade' and 'percent'", "");
        continue;
      }
      quota.grade = text(*grade, "grade");
      int g = scheme_.find_grade(quota.grade);
      if (g < 0) {
        check_grade(*grade, quota.grade);
      } else if (!scheme_.grades[g].quota_only) {
        error(grade->pos, fmt::format("grade '{}' is given by a quota but is not "
                                      "declared 'quota: true'", quota.grade),
              "write it in grades as {name: 先进, quota: true}");
      }
      if (auto p = percent(*percent_node, "percent")) {
        quota.share = *p;
        quota.share_text = percent_node->scalar;
      }
      if (const YamlNode* v = q.get("from")) {
        quota.from = text(*v, "from");
        check_grade(*v, quota.from);
      }
      if (const YamlNode* v = q.get("round")) {
        std::string r = text(*v, "round");
        if (r == "down") quota.round = Quota::Round::kDown;
        else if (r == "up") quota.round = Quota::Round::kUp;
        else if (r == "nearest") quota.round = Quota::Round::kNearest;
        else if (v->is_scalar())
          error(v->pos, fmt::format("round must be down, up or nearest; got '{}'", r),
                did_you_mean(r, {"down", "up", "nearest"}));
      }
      if (const YamlNode* v = q.get("ties")) {
        std::string t = text(*v, "ties");
        if (t == "include") quota.ties_included = true;
        else if (t != "exclude" && v->is_scalar())
          error(v->pos, fmt::format("ties must be include or exclude; got '{}'", t),
                did_you_mean(t, {"include", "exclude"}));
      }
      if (const YamlNode* v = q.get("require")) {
        if (!v->is_sequence()) {
          error(v->pos, "'require' is a list of {node, at_least}", "");
        } else {
          for (const auto& c : v->items) {
            if (!c->is_map()) {
              error(c->pos, "a condition is a mapping {node, at_least}", "");
              continue;
            }
            check_keys(*c, {"node", "at_least"}, "a condition");
            const YamlNode* n = c->get("node");
            const YamlNode* a = c->get("at_least");
            if (!n || !a) {
              error(c->pos, "a condition needs 'node' and 'at_least'", "");
              continue;
            }
            Condition cond;
            cond.node = text(*n, "node");
            check_node(*n, cond.node);
            if (auto d = decimal(*a, "at_least")) cond.at_least = *d;
            quota.require.push_back(cond);
          }
        }
      }
      if (const YamlNode* v = q.get("without_flags")) {
        quota.without_flags = name_list(*v, "without_flags");
        for (const auto& f : quota.without_flags) check_flag(*v, f);
      }
      scheme_.quotas.push_back(quota);
    }
  }

  // References between parts of the scheme, checked once all is read.
  void validate_references() {
    for (const auto& [index, pos] : applies_to_nodes_) {
      for (const std::string& c : scheme_.nodes[index].applies_to) {
        if (scheme_.find_category(c) < 0) {
          std::vector<std::string> names;
          for (const auto& cat : scheme_.categories) names.push_back(cat.name);
          error(pos, fmt::format("unknown category '{}'", c),
                names.empty() ? "declare the categories: categories: {A: 100, B: 95}"
                              : did_you_mean(c, names));
        }
      }
    }
    for (const auto& [index, pos] : move_to_nodes_) {
      const Node& node = scheme_.nodes[index];
      int target = scheme_.find(node.move_to);
      if (target < 0 || node.parent < 0 || scheme_.nodes[target].parent != node.parent ||
          target == index) {
        std::vector<std::string> siblings;
        if (node.parent >= 0) {
          for (int c : scheme_.nodes[node.parent].children) {
            if (c != index) siblings.push_back(scheme_.nodes[c].id);
          }
        }
        error(pos, fmt::format("move_to '{}' is not a sibling of '{}'", node.move_to,
                               node.id),
              did_you_mean(node.move_to, siblings));
      }
    }
    for (const auto& [index, pos] : effect_nodes_) {
      const Rule& r = scheme_.nodes[index].rule;
      if (!r.raise.empty() && scheme_.find_flag(r.raise) < 0) {
        error(pos, fmt::format("unknown flag '{}'", r.raise),
              scheme_.flags.empty() ? "declare it under 'flags:'"
                                    : did_you_mean(r.raise, flag_ids()));
      }
      if (!r.zero.empty()) {
        int target = scheme_.find(r.zero);
        bool ancestor = false;
        for (int a = index; a >= 0; a = scheme_.nodes[a].parent) ancestor |= a == target;
        if (!ancestor) {
          error(pos, fmt::format("'zero: {}' must name this leaf or one of its "
                                 "ancestors", r.zero),
                did_you_mean(r.zero, scheme_.ids()));
        }
      }
      for (const std::string& t : r.raise_tiers) {
        if (r.find_named(t) < 0) {
          error(pos, fmt::format("raise_tiers names unknown tier '{}'", t), "");
        }
      }
    }
  }

  // late: {deduct: 1, per: day | working_day, due: DATE, row_max: N}
  // (每延迟1天扣1分). Only a deduction: lateness earns nothing.
  void read_late(const YamlNode& y, Rule& rule, int index) {
    check_keys(y, {"add", "deduct", "per", "due", "row_max"}, "rule 'late'");
    if (const YamlNode* v = direction(y, rule, "late")) {
      if (auto d = non_negative(*v, "amount")) rule.amount = *d;
    }
    if (rule.direction == Direction::kAdd) {
      error(y.get("add")->pos, "a 'late' rule deducts per day late: write 'deduct'",
            "每延迟1天扣1分 is late: {deduct: 1}; a bonus for finishing early is a "
            "per_event or ranged rule");
    }
    if (const YamlNode* v = y.get("per")) {
      const std::string s = text(*v, "per");
      if (s == "working_day") {
        rule.late_per_working_day = true;
      } else if (s != "day" && v->is_scalar()) {
        error(v->pos, fmt::format("'per' must be day or working_day, got '{}'", s),
              did_you_mean(s, {"day", "working_day"}));
      }
    }
    if (const YamlNode* v = y.get("due")) {
      const std::string s = text(*v, "due");
      rule.late_due = Date::parse(s);
      if (!rule.late_due && v->is_scalar()) {
        error(v->pos, fmt::format("'due' must be a date YYYY-MM-DD, got '{}'", s),
              "write the item's due date as 2025-03-31");
      }
    }
    if (const YamlNode* v = y.get("row_max")) {
      if (auto d = non_negative(*v, "row_max")) rule.late_row_max = *d;
    }
    late_nodes_.push_back(index);
  }

  // --- whole-tree checks ---------------------------------------------------
  void validate_tree() {
    has_period_ = scheme_.period.has_value();
    // A late row not done is late until the period's end, and working days
    // come from the calendar: both must be there.
    for (int i : late_nodes_) {
      const Node& n = scheme_.nodes[i];
      const std::optional<Period>& p = scheme_.period;
      if (!p) {
        error(n.pos, fmt::format("late '{}' needs the scheme's 'period'", n.id),
              "a row not done is late until the period's end: add period: "
              "{from: 2025-01-01, to: 2025-12-31}");
      }
      if (n.rule.late_per_working_day && !calendar_given_) {
        error(n.pos,
              fmt::format("late '{}' counts working days and needs the scheme's "
                          "'calendar'", n.id),
              "add calendar: calendars/cn-2025.csv (a file beside the scheme), or "
              "write per: day");
      }
      const std::optional<Date>& due = n.rule.late_due;
      if (p && due && (*due < p->from || p->to < *due)) {
        error(n.pos,
              fmt::format("late '{}' is due {}, outside the period {} to {}", n.id,
                          due->to_string(), p->from.to_string(), p->to.to_string()),
              "a fixed due date lies within the period it is assessed in");
      }
    }
    for (int i : quota_nodes_) {
      if (!has_period_) {
        error(scheme_.nodes[i].pos,
              fmt::format("quota '{}' needs the scheme's 'period'", scheme_.nodes[i].id),
              "add period: {from: 2025-01-01, to: 2025-12-31}");
      }
    }
    for (std::size_t i = 0; i < scheme_.nodes.size(); ++i) {
      Node& n = scheme_.nodes[i];
      // Later copies of a subtree repeat the first one's problems.
      muted_ = n.sub_period > 0;
      if (n.floor && n.cap && *n.cap < *n.floor) {
        error(n.pos, fmt::format("node '{}' has a cap below its floor", n.id), "");
      }
      if (i == 0 && n.weight) {
        error(n.pos, "the root node takes no weight", "");
      }
      if (n.is_leaf()) {
        validate_leaf(n);
        continue;
      }
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
                  fmt::format("'{}' has a weight but no points", child.id),
                  "a weighted child needs points: its score is taken as a "
                  "share of them");
          }
        }
      }
      if (weighted > 0) {
        n.weighted_children = true;
        if (unweighted_with_points > 0) {
          error(n.pos,
                fmt::format("some children of '{}' have weights and some do not",
                            n.id),
                "give every child with points a weight, or none");
        } else if (!(sum == Rational(1))) {
          error(n.pos,
                fmt::format("the weights of the children of '{}' add up to {}%, "
                            "not 100%",
                            n.id, (sum * Rational(100)).to_string()),
                "check each weight against the formula of the assessment "
                "document");
        }
        if (!n.points) {
          error(n.pos, fmt::format("'{}' combines weights but has no points", n.id),
                "the weighted result is a share of the node's points");
        }
      }
    }
    muted_ = false;
  }

  void validate_leaf(Node& n) {
    validate_leaf_rule(n);
    muted_ = false;
  }

  void validate_leaf_rule(Node& n) {
    const Rule& r = n.rule;
    if (r.kind == RuleKind::kNone) return;
    bool needs_points = rule_reads_measures(r.kind) &&
                        r.kind != RuleKind::kScaledDeduction;
    if (needs_points && !n.points && !points_failed_.count(index_of(n))) {
      error(n.pos, fmt::format("leaf '{}' ({}) needs 'points'", n.id,
                               rule_kind_name(r.kind)),
            "the rule scores a share of the node's points");
    }
    if (r.kind == RuleKind::kScaledDeduction && n.points) {
      error(n.pos, fmt::format("leaf '{}' (scaled_deduction) takes 'max', not "
                               "'points'", n.id),
            "a scaled deduction only deducts; it has no full marks");
    }
    if (n.base) {
      error(n.pos, fmt::format("leaf '{}' takes no 'base'", n.id),
            "a base belongs on a node with children");
    }
    if (r.kind == RuleKind::kChecklist && n.points) {
      Decimal sum;
      for (const auto& c : r.named) sum += c.amount;
      if (sum != *n.points) {
        error(n.pos, fmt::format("the criteria of '{}' add up to {}, not its "
                                 "points {}", n.id, sum.to_string(),
                                 n.points->to_string()),
              "");
      }
    }
    if (r.kind == RuleKind::kMean && !r.scale && n.points) {
      n.rule.scale = n.points;
    }
  }

  // --- grades, gates, ranking ----------------------------------------------
  void read_grades(const YamlNode& y) {
    if (!y.is_sequence() || y.items.empty()) {
      error(y.pos, "'grades' is a list, best grade first",
            "e.g. - {name: 优秀, min: 90}");
      return;
    }
    int last = -1;  // the previous grade with a threshold
    std::size_t catch_all = 0;
    for (std::size_t i = 0; i < y.items.size(); ++i) {
      const YamlNode& g = *y.items[i];
      if (!g.is_map()) {
        error(g.pos, "a grade is a mapping {name, min}", "");
        continue;
      }
      check_keys(g, {"name", "min", "quota"}, "a grade");
      Grade grade;
      if (const YamlNode* v = g.get("name")) grade.name = text(*v, "name");
      if (grade.name.empty()) error(g.pos, "a grade needs a 'name'", "");
      if (scheme_.find_grade(grade.name) >= 0) {
        error(g.pos, fmt::format("grade '{}' is listed twice", grade.name), "");
      }
      if (const YamlNode* v = g.get("quota")) {
        if (auto b = boolean(*v, "quota")) grade.quota_only = *b;
      }
      if (const YamlNode* v = g.get("min")) {
        if (grade.quota_only) {
          error(v->pos, fmt::format("quota grade '{}' takes no 'min'", grade.name),
                "a quota grade is given by a rule under 'quotas:'");
        }
        grade.min = decimal(*v, "min");
      } else if (!grade.quota_only) {
        ++catch_all;
        if (catch_all > 1 || i + 1 != y.items.size()) {
          error(g.pos, fmt::format("grade '{}' has no 'min' but is not the last",
                                   grade.name),
                "only the last grade may catch every remaining total");
        }
      }
      if (grade.min && last >= 0 && *grade.min >= *scheme_.grades[last].min) {
        error(g.pos,
              fmt::format("grade '{}' (min {}) must have a lower threshold than "
                          "'{}' (min {})",
                          grade.name, grade.min->to_string(),
                          scheme_.grades[last].name,
                          scheme_.grades[last].min->to_string()),
              "list grades best first, thresholds descending");
      }
      if (grade.min) last = static_cast<int>(scheme_.grades.size());
      scheme_.grades.push_back(grade);
    }
  }

  void read_gates(const YamlNode& y) {
    if (!y.is_sequence()) {
      error(y.pos, "'gates' is a list",
            "e.g. - {node: review, below: 80, at_most: 良好}");
      return;
    }
    for (const auto& item : y.items) {
      const YamlNode& g = *item;
      if (!g.is_map()) {
        error(g.pos, "a gate is a mapping {node, below, at_most} or {flag, force}", "");
        continue;
      }
      check_keys(g, {"node", "below", "flag", "at_most", "force", "note"}, "a gate");
      Gate gate;
      gate.pos = g.pos;
      const YamlNode* node = g.get("node");
      const YamlNode* below = g.get("below");
      const YamlNode* flag = g.get("flag");
      const YamlNode* at_most = g.get("at_most");
      const YamlNode* force = g.get("force");
      if ((node != nullptr) == (flag != nullptr) || (node != nullptr) != (below != nullptr)) {
        error(g.pos, "a gate tests either a node ('node' and 'below') or a 'flag'",
              "e.g. {node: review, below: 80, at_most: 良好} or "
              "{flag: veto, force: 不合格}");
        continue;
      }
      if ((at_most != nullptr) == (force != nullptr)) {
        error(g.pos, "a gate needs exactly one of 'at_most' or 'force'", "");
        continue;
      }
      if (node) {
        gate.node = text(*node, "node");
        if (node->is_scalar()) check_node(*node, gate.node);
        if (auto d = decimal(*below, "below")) gate.below = *d;
      } else {
        gate.flag = text(*flag, "flag");
        if (flag->is_scalar()) check_flag(*flag, gate.flag);
      }
      const YamlNode* target = at_most ? at_most : force;
      (at_most ? gate.at_most : gate.force) = text(*target, at_most ? "at_most" : "force");
      if (target->is_scalar()) check_grade(*target, at_most ? gate.at_most : gate.force);
      scheme_.gates.push_back(gate);
    }
  }

  void read_ranking(const YamlNode& y) {
    if (!y.is_map()) {
      error(y.pos, "'ranking' is a mapping", "e.g. ranking: {tie_breakers: [target]}");
      return;
    }
    check_keys(y, {"tie_breakers", "within"}, "ranking");
    if (const YamlNode* v = y.get("tie_breakers")) {
      if (!v->is_sequence()) {
        error(v->pos, "'tie_breakers' is a list of node ids", "");
      } else {
        for (const auto& t : v->items) {
          std::string id = text(*t, "tie breaker");
          if (t->is_scalar()) check_node(*t, id, "tie breaker names ");
          scheme_.ranking.tie_breakers.push_back(id);
        }
      }
    }
    if (const YamlNode* v = y.get("within")) {
      std::string s = text(*v, "within");
      if (s == "category") {
        scheme_.ranking.within_category = true;
      } else if (v->is_scalar()) {
        error(v->pos, fmt::format("'within' must be 'category', got '{}'", s), "");
      }
    }
  }

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

}  // namespace

Scheme parse_scheme(const std::string& file, const std::string& text) {
  return Loader(file, text).load();
}

Scheme load_scheme(const std::string& path) {
  std::string text = read_whole_file(path, kMaxSchemeBytes);
  return parse_scheme(path, text);
}

}  // namespace kaohe
