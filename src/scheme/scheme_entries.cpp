// Scheme → entries: the one place that spells every key of the grammar as
// text for JSON output and for diff. Each key is spelled in one canonical
// way, so that writing the same scheme differently is no change: numbers
// and percentages in their shortest form ("60.0%" is "60%"), lists whose
// order means nothing (applies_to, raise_tiers, require, without_flags)
// in byte order.
#include "scheme/scheme_entries.h"

#include <algorithm>

namespace kaohe {
namespace {

using Type = SchemeField::Type;

SchemeField text_field(const char* key, std::optional<std::string> value) {
  return {key, Type::kText, std::move(value), {}};
}

SchemeField number_field(const char* key, const std::optional<Decimal>& value) {
  return {key, Type::kNumber,
          value ? std::optional<std::string>(value->to_string()) : std::nullopt, {}};
}

SchemeField bool_field(const char* key, bool value) {
  return {key, Type::kBool, std::string(value ? "true" : "false"), {}};
}

SchemeField list_field(const char* key, std::vector<std::string> items) {
  return {key, Type::kList, std::nullopt, std::move(items)};
}

// A list whose order means nothing, in byte order.
SchemeField set_field(const char* key, std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return list_field(key, std::move(items));
}

// "60.0%" → "60%"; text that is not a plain percentage stays as written.
std::string percent_text(const std::string& text) {
  if (text.empty() || text.back() != '%') return text;
  auto d = Decimal::parse(std::string_view(text).substr(0, text.size() - 1));
  return d ? d->to_string() + "%" : text;
}

std::optional<std::string> unless_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

const char* missing_name(MissingPolicy p) {
  switch (p) {
    case MissingPolicy::kError: return "error";
    case MissingPolicy::kNotApplicable: return "na";
    case MissingPolicy::kZero: return "zero";
    case MissingPolicy::kFull: return "full";
  }
  return "?";
}

std::string na_policy_text(const Node& n) {
  switch (n.na_policy) {
    case NaPolicy::kExclude: return "exclude";
    case NaPolicy::kFull: return "full";
    case NaPolicy::kZero: return "zero";
    case NaPolicy::kMean: return "mean";
    case NaPolicy::kRedistribute: return "redistribute";
    case NaPolicy::kMoveTo: return "move_to " + n.move_to;
  }
  return "?";
}

const char* round_name(Quota::Round r) {
  switch (r) {
    case Quota::Round::kDown: return "down";
    case Quota::Round::kUp: return "up";
    case Quota::Round::kNearest: return "nearest";
    case Quota::Round::kHalfEven: return "half_even";
  }
  return "?";
}

// The parameters describe_rule leaves out (it is kept as it was, so that
// results saved before these keys were written still compare equal).
void add_rule_options(const Rule& r, std::vector<SchemeField>& f) {
  bool measures = rule_reads_measures(r.kind) || r.kind == RuleKind::kResult;
  f.push_back(text_field("missing", measures ? std::optional<std::string>(
                                                   missing_name(r.missing))
                                             : std::nullopt));
  f.push_back(text_field("too_few", r.kind == RuleKind::kVotes
                                        ? std::optional<std::string>(missing_name(r.too_few))
                                        : std::nullopt));
  f.push_back(text_field("within", r.kind == RuleKind::kRelative && r.within_category
                                       ? std::optional<std::string>("category")
                                       : std::nullopt));
  f.push_back(set_field("raise_tiers", r.raise_tiers));
  f.push_back(number_field("mean_scale",
                           r.kind == RuleKind::kMean ? r.scale : std::nullopt));
}

// Text naming nodes inside the first sub-period's copy, with the ids as
// written: "zero p4@2024" → "zero p4".
std::string as_written(const Scheme& s, const Node& n, std::string text) {
  const std::string suffix = "@" + s.nodes[n.periodic].periods->labels[n.sub_period];
  for (std::size_t at = text.find(suffix); at != std::string::npos; at = text.find(suffix, at)) {
    text.erase(at, suffix.size());
  }
  return text;
}

// `periods` as written: "year mean", "half weights 25%, 75%".
std::optional<std::string> periods_text(const Node& n) {
  if (!n.periods) return std::nullopt;
  std::string out = std::string(every_name(n.periods->per)) + " " +
                    combine_name(n.periods->combine);
  for (std::size_t i = 0; i < n.periods->weight_texts.size(); ++i) {
    out += (i ? ", " : " ") + percent_text(n.periods->weight_texts[i]);
  }
  return out;
}

// `one_of` as written: "rows", "column 成员单位", "column 成员单位: 是 a, 否 b".
std::string one_of_text(const Node& n) {
  if (n.one_of_column.empty()) return "rows";
  std::string out = "column " + n.one_of_column;
  for (std::size_t i = 0; i < n.one_of_choose.size(); ++i) {
    out += (i ? ", " : ": ") + n.one_of_choose[i].value + " " + n.one_of_choose[i].child;
  }
  return out;
}

// A node as the scheme writes it. A node with `periods:` is one entry, its
// scoring keys (base, floor, cap, same_ref, rule) those of its first
// sub-period's copy; the nodes under it appear once, by the ids and names
// written, so that copies make no noise in diff.
SchemeEntry node_entry(const Scheme& s, const Node& n) {
  const Node& scored = n.periods ? s.nodes[n.children.front()] : n;
  const bool copy = n.periodic >= 0;
  SchemeEntry e{"node", copy ? n.template_id : n.id, {}};
  auto& f = e.fields;
  f.push_back(text_field("name", copy ? n.template_name : n.name));
  std::optional<std::string> parent;
  if (n.parent >= 0) {
    const Node& p = s.nodes[n.parent];
    parent = p.periodic >= 0 ? p.template_id : p.id;
  }
  f.push_back(text_field("parent", parent));
  f.push_back(number_field("points", n.periods ? n.periods->points : n.points));
  f.push_back(text_field("weight", n.weight ? std::optional<std::string>(percent_text(n.weight_text))
                                            : std::nullopt));
  f.push_back(number_field("base", scored.base));
  f.push_back(number_field("floor", scored.floor));
  f.push_back(number_field("cap", scored.cap));
  f.push_back(set_field("applies_to", n.applies_to));
  f.push_back(text_field("not_applicable", copy ? as_written(s, n, na_policy_text(n))
                                                : na_policy_text(n)));
  f.push_back(text_field("same_ref", scored.same_ref_highest
                                         ? std::optional<std::string>("highest")
                                         : std::nullopt));
  // Written only when set, so results of older schemes read as before.
  if (n.one_of) f.push_back(text_field("one_of", one_of_text(n)));
  f.push_back(text_field("periods", periods_text(n)));
  f.push_back(text_field("rule", scored.periodic >= 0 ? as_written(s, scored, describe_rule(scored.rule))
                                                      : describe_rule(scored.rule)));
  add_rule_options(scored.rule, f);
  return e;
}

// A condition as diff names it: review<80, total>=85, flag veto, not flag veto.
std::string condition_id(const Condition& c) {
  if (c.is_flag()) return (c.negated ? "not flag " : "flag ") + c.flag;
  return (c.total ? std::string("total") : c.node) + compare_text(c.op) + c.value.to_string();
}

// A gate by its conditions: review<80, flag veto, all(total<600, flag veto).
std::string gate_id(const Gate& g) {
  if (g.conditions.size() == 1) return condition_id(g.conditions.front());
  std::string out = g.any ? "any(" : "all(";
  for (std::size_t i = 0; i < g.conditions.size(); ++i) {
    out += (i ? ", " : "") + condition_id(g.conditions[i]);
  }
  return out + ")";
}

// A quota's condition: part2 at_least 20 (as {node, at_least} reads), or
// as a gate's.
std::string require_id(const Condition& c) {
  if (!c.is_flag() && !c.total && c.op == Compare::kGreaterEqual) {
    return c.node + " at_least " + c.value.to_string();
  }
  return condition_id(c);
}

// Names joined by ", ", as one text.
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Tie-breakers as written: an id, with " ascending" when lower is better.
std::vector<std::string> tie_breaker_texts(const Ranking& r) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < r.tie_breakers.size(); ++i) {
    const bool up = i < r.ascending.size() && r.ascending[i];
    out.push_back(r.tie_breakers[i] + (up ? " ascending" : ""));
  }
  return out;
}

SchemeEntry setting(const char* section, SchemeField field) {
  field.key.clear();
  return {section, "", {std::move(field)}};
}

}  // namespace

std::string SchemeField::text() const {
  if (type == Type::kList) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out.empty() ? "-" : out;
  }
  return value ? *value : "-";
}

const SchemeField* SchemeEntry::field(const std::string& key) const {
  for (const SchemeField& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const std::vector<SchemeSection>& scheme_sections() {
  using Shape = SchemeSection::Shape;
  static const std::vector<SchemeSection> sections = {
      {"node", "nodes", "id", Shape::kList, false},
      {"title", "title", "", Shape::kScalar, false},
      {"source", "source", "", Shape::kScalar, false},
      {"precision", "precision", "", Shape::kScalar, false},
      {"rounding", "rounding", "", Shape::kScalar, false},
      {"period", "period", "", Shape::kScalar, false},
      {"calendar", "calendar", "", Shape::kScalar, false},
      {"normalise", "normalise", "", Shape::kScalar, false},
      {"category", "categories", "name", Shape::kList, true},
      {"flag", "flags", "id", Shape::kList, true},
      {"grade", "grades", "name", Shape::kList, true},
      {"gate", "gates", "id", Shape::kList, false},
      {"quota", "quotas", "grade", Shape::kList, false},
      {"ranking", "ranking", "", Shape::kObject, false},
      {"seed_slip", "seed_slips", "id", Shape::kList, false},
  };
  return sections;
}

const SchemeSection* find_scheme_section(const std::string& name) {
  for (const SchemeSection& s : scheme_sections()) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

std::vector<SchemeEntry> scheme_entries(const Scheme& s) {
  std::vector<SchemeEntry> out;
  for (const Node& n : s.nodes) {
    // A sub-period's copy is its node as written: once, from the first.
    if (n.sub_period > 0 || n.is_copy_root()) continue;
    out.push_back(node_entry(s, n));
  }
  out.push_back(setting("title", text_field("", s.title)));
  out.push_back(setting("source", text_field("", unless_empty(s.source))));
  out.push_back(setting("precision", number_field("", Decimal::from_int(s.precision))));
  out.push_back(setting("rounding", text_field("", s.rounding == RoundingMode::kHalfEven
                                                       ? "half_even"
                                                       : "half_up")));
  out.push_back(setting(
      "period", text_field("", s.period ? std::optional<std::string>(
                                              s.period->from.to_string() + ".." +
                                              s.period->to.to_string())
                                        : std::nullopt)));
  out.push_back(setting("calendar", text_field("", unless_empty(s.calendar_file))));
  out.push_back(setting("normalise", number_field("", s.normalise_to)));
  for (const Category& c : s.categories) {
    out.push_back({"category", c.name, {number_field("full_marks", c.full_marks)}});
  }
  for (const Flag& f : s.flags) {
    out.push_back({"flag", f.id, {text_field("name", f.name)}});
  }
  for (const Grade& g : s.grades) {
    SchemeEntry grade{"grade", g.name, {number_field("min", g.min),
                                        bool_field("quota", g.quota_only)}};
    // Written only when true, so results of schemes without gate grades
    // read as before.
    if (g.gate_only) grade.fields.push_back(bool_field("gate", true));
    out.push_back(std::move(grade));
  }
  for (const Gate& g : s.gates) {
    out.push_back({"gate", gate_id(g), {text_field("at_most", g.at_most),
                                        text_field("force", g.force)}});
  }
  for (const Quota& q : s.quotas) {
    std::vector<std::string> require;
    for (const Condition& c : q.require) {
      require.push_back(require_id(c));
    }
    SchemeEntry quota{"quota", q.grade.empty() ? "flag " + q.flag : q.grade,
                      {text_field("percent", q.count ? std::optional<std::string>()
                                                     : percent_text(q.share_text)),
                       text_field("from", unless_empty(joined(q.from))),
                       text_field("round", round_name(q.round)),
                       text_field("ties", q.ties_included ? "include" : "exclude"),
                       set_field("require", std::move(require)),
                       set_field("without_flags", q.without_flags)}};
    // Written only when used, so results of schemes without them read as
    // before.
    if (q.count) quota.fields.push_back(number_field("count", Decimal::from_int(*q.count)));
    if (q.bottom) quota.fields.push_back(bool_field("bottom", true));
    if (q.base_eligible) quota.fields.push_back(text_field("base", "eligible"));
    out.push_back(std::move(quota));
  }
  out.push_back({"ranking", "",
                 {list_field("tie_breakers", tie_breaker_texts(s.ranking)),
                  text_field("within", s.ranking.within_category
                                           ? std::optional<std::string>("category")
                                           : std::nullopt)}});
  for (const SeedSlip& slip : s.seed_slips) {
    out.push_back({"seed_slip",
                   slip.node.empty() ? "category " + slip.category : "node " + slip.node,
                   {text_field("seed", slip.seed)}});
  }
  return out;
}

}  // namespace kaohe
