// The loader's grading part: grades (threshold, quota and gate grades),
// gates and their conditions, quotas and ranking — everything under the
// top-level keys grades:, gates:, quotas: and ranking: (DESIGN.md §2
// "Grades, gates, quotas").
#include <fmt/format.h>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {
namespace {

// A grade is a threshold grade unless written 'quota: true' or 'gate: true'
// (read from the YAML as written, before the grade itself is read).
bool written_threshold(const YamlNode& g) {
  for (const char* key : {"quota", "gate"}) {
    const YamlNode* v = g.is_map() ? g.get(key) : nullptr;
    if (v != nullptr && v->is_scalar() && v->scalar == "true") return false;
  }
  return true;
}

}  // namespace

void Loader::read_grades(const YamlNode& y) {
  if (!y.is_sequence() || y.items.empty()) {
    error(y.pos, tr("'grades' is a list, best grade first"),
          trf("e.g. - {{name: 优秀, min: 90}}"));
    return;
  }
  // The last threshold grade: only it may catch every remaining total.
  std::size_t last_threshold = 0;
  for (std::size_t i = 0; i < y.items.size(); ++i) {
    if (written_threshold(*y.items[i])) last_threshold = i;
  }
  int last = -1;  // the previous threshold grade with a min
  std::size_t catch_all = 0;
  for (std::size_t i = 0; i < y.items.size(); ++i) {
    const YamlNode& g = *y.items[i];
    if (!g.is_map()) {
      error(g.pos, trf("a grade is a mapping {{name, min}}"), "");
      continue;
    }
    check_keys(g, {"name", "min", "quota", "gate"}, tr("a grade"));
    Grade grade;
    grade.pos = g.pos;
    // The name may be empty (name: ""): the grade prints as an empty cell.
    if (const YamlNode* v = g.get("name")) {
      grade.name = text(*v, "name");
    } else {
      error(g.pos, tr("a grade needs a 'name'"),
            tr("write name: \"\" for a grade that prints as an empty cell"));
    }
    if (scheme_.find_grade(grade.name) >= 0) {
      error(g.pos, trf("grade '{}' is listed twice", grade.name), "");
    }
    if (const YamlNode* v = g.get("quota")) {
      if (auto b = boolean(*v, "quota")) grade.quota_only = *b;
    }
    if (const YamlNode* v = g.get("gate")) {
      if (auto b = boolean(*v, "gate")) grade.gate_only = *b;
      if (grade.gate_only && grade.quota_only) {
        error(v->pos,
              trf("grade '{}' cannot be both a quota grade and a gate grade",
                          grade.name),
              tr("a quota grade is given by 'quotas:', a gate grade by a gate's force or "
              "at_most: keep one of 'quota: true' and 'gate: true'"));
      }
    }
    if (const YamlNode* v = g.get("min")) {
      if (grade.gate_only) {
        error(v->pos, trf("gate grade '{}' takes no 'min'", grade.name),
              tr("a gate grade is given only by a gate; for a grade by total, remove "
              "'gate: true'"));
      }
      grade.min = decimal(*v, "min");
    } else if (grade.is_threshold()) {
      ++catch_all;
      if (catch_all > 1 || i != last_threshold) {
        error(g.pos, trf("grade '{}' has no 'min' but is not the last",
                                 grade.name),
              tr("only the last grade may catch every remaining total"));
      }
    }
    // A quota grade's own min is no step of the thresholds.
    if (grade.is_threshold() && grade.min && last >= 0 &&
        *grade.min >= *scheme_.grades[last].min) {
      error(g.pos,
            trf("grade '{}' (min {}) must have a lower threshold than "
                        "'{}' (min {})",
                        grade.name, grade.min->to_string(),
                        scheme_.grades[last].name,
                        scheme_.grades[last].min->to_string()),
            tr("list grades best first, thresholds descending"));
    }
    if (grade.is_threshold() && grade.min) last = static_cast<int>(scheme_.grades.size());
    scheme_.grades.push_back(grade);
  }
}

std::optional<Condition> Loader::read_condition(const YamlNode& v) {
  const char* const kForms =
      tr("write NODE OP NUMBER with spaces around OP (review < 80, total >= 85; OP is one "
      "of < <= > >= == !=), a flag (veto), or not and a flag (not no_honor)");
  if (!v.is_scalar()) {
    error(v.pos, trf("a condition is a text such as 'review < 80', got {}",
                             v.kind_name()),
          kForms);
    return std::nullopt;
  }
  std::vector<std::string> words;
  for (std::size_t i = 0; i < v.scalar.size();) {
    std::size_t j = v.scalar.find(' ', i);
    if (j == std::string::npos) j = v.scalar.size();
    if (j > i) words.push_back(v.scalar.substr(i, j - i));
    i = j + 1;
  }
  Condition c;
  c.pos = v.pos;
  auto known_node = [&](const std::string& id) {
    return id == "total" || scheme_.find(id) >= 0;
  };
  // A flag, or 'not' and a flag.
  if (words.size() == 1 || (words.size() == 2 && words[0] == "not")) {
    const std::string& id = words.back();
    bool comparison = id.find_first_of("<>=!") != std::string::npos;
    for (const char* sign : {"≥", "≤", "≠", "＜", "＞"}) {
      comparison |= id.find(sign) != std::string::npos;
    }
    if (comparison) {
      error(v.pos, trf("condition '{}' needs spaces around its comparison",
                               v.scalar),
            kForms);
      return std::nullopt;
    }
    if (scheme_.find_flag(id) < 0 && known_node(id)) {
      error(v.pos,
            id == "total"
                ? trf("condition '{}' names the total without comparing it", v.scalar)
                : trf("condition '{}' names node '{}' without comparing it", v.scalar, id),
            trf("compare its score with a number, e.g. '{} < 80'", id));
      return std::nullopt;
    }
    check_flag(v, id);
    c.flag = id;
    c.negated = words.size() == 2;
    return c;
  }
  if (words.size() != 3) {
    error(v.pos, trf("'{}' is not a condition", v.scalar), kForms);
    return std::nullopt;
  }
  static const std::vector<std::pair<std::string, Compare>> kOps = {
      {"<", Compare::kLess},     {"<=", Compare::kLessEqual},
      {">", Compare::kGreater},  {">=", Compare::kGreaterEqual},
      {"==", Compare::kEqual},   {"!=", Compare::kNotEqual}};
  bool op_known = false;
  for (const auto& [spelling, op] : kOps) {
    if (words[1] == spelling) {
      c.op = op;
      op_known = true;
    }
  }
  if (!op_known) {
    // The ways people write a comparison otherwise: =>, ≥, =, <>.
    static const std::vector<std::pair<std::string, std::string>> kSpellings = {
        {"=>", ">="}, {"=<", "<="}, {"≥", ">="}, {"≤", "<="}, {"=", "=="},
        {"≠", "!="},  {"<>", "!="}, {"＜", "<"},  {"＞", ">"}};
    std::string hint;
    for (const auto& [written, meant] : kSpellings) {
      if (words[1] == written) hint = trf("did you mean \"{}\"?", meant);
    }
    error(v.pos, trf("condition '{}' compares with '{}', which is no comparison",
                             v.scalar, words[1]),
          hint.empty() ? tr("a comparison is one of < <= > >= == !=") : hint);
    return std::nullopt;
  }
  if (auto d = Decimal::parse(words[2])) {
    c.value = *d;
  } else {
    error(v.pos, trf("condition '{}' compares with '{}', which is not a number",
                             v.scalar, words[2]),
          tr("write a plain decimal such as 80 or 59.5"));
    return std::nullopt;
  }
  if (words[0] == "total") {
    c.total = true;
  } else if (scheme_.find(words[0]) >= 0) {
    c.node = words[0];
  } else {
    check_node(v, words[0], tr("condition names "));
    return std::nullopt;
  }
  return c;
}

void Loader::read_gates(const YamlNode& y) {
  if (!y.is_sequence()) {
    error(y.pos, tr("'gates' is a list"),
          trf("e.g. - {{node: review, below: 80, at_most: 良好}}"));
    return;
  }
  for (const auto& item : y.items) {
    const YamlNode& g = *item;
    if (!g.is_map()) {
      error(g.pos, trf("a gate is a mapping {{node, below, at_most}} or {{flag, force}}"), "");
      continue;
    }
    check_keys(g, {"node", "below", "flag", "when", "all", "any", "at_most", "force",
                   "note"},
               tr("a gate"));
    Gate gate;
    gate.pos = g.pos;
    const YamlNode* node = g.get("node");
    const YamlNode* below = g.get("below");
    const YamlNode* flag = g.get("flag");
    const YamlNode* when = g.get("when");
    const YamlNode* all = g.get("all");
    const YamlNode* any = g.get("any");
    const YamlNode* at_most = g.get("at_most");
    const YamlNode* force = g.get("force");
    const int tests = (node != nullptr || below != nullptr) + (flag != nullptr) +
                      (when != nullptr) + (all != nullptr) + (any != nullptr);
    if (tests != 1 || (node != nullptr) != (below != nullptr)) {
      error(g.pos,
            tr("a gate tests either a node ('node' and 'below'), a 'flag', or conditions "
            "('when', 'all' or 'any')"),
            trf("e.g. {{node: review, below: 80, at_most: 良好}}, "
            "{{flag: veto, force: 不合格}} or {{any: [total < 600, veto], force: 不合格}}"));
      continue;
    }
    if ((at_most != nullptr) == (force != nullptr)) {
      error(g.pos, tr("a gate needs exactly one of 'at_most' or 'force'"), "");
      continue;
    }
    bool ok = true;
    if (node) {
      Condition c;
      c.pos = node->pos;
      c.node = text(*node, "node");
      c.op = Compare::kLess;
      if (node->is_scalar()) check_node(*node, c.node);
      if (auto d = decimal(*below, "below")) c.value = *d;
      gate.conditions.push_back(c);
      gate.below_form = true;
    } else if (flag) {
      Condition c;
      c.pos = flag->pos;
      c.flag = text(*flag, "flag");
      if (flag->is_scalar()) check_flag(*flag, c.flag);
      gate.conditions.push_back(c);
    } else if (when) {
      if (auto c = read_condition(*when)) {
        gate.conditions.push_back(*c);
      } else {
        ok = false;
      }
    } else {
      const YamlNode& list = all ? *all : *any;
      const char* key = all ? "all" : "any";
      gate.any = any != nullptr;
      if (!list.is_sequence() || list.items.empty()) {
        error(list.pos, trf("'{}' is a non-empty list of conditions", key),
              trf("e.g. {}: [total < 600, veto]", key));
        ok = false;
      } else {
        for (const auto& c : list.items) {
          if (auto cond = read_condition(*c)) {
            gate.conditions.push_back(*cond);
          } else {
            ok = false;
          }
        }
      }
    }
    const YamlNode* target = at_most ? at_most : force;
    const std::string grade = text(*target, at_most ? "at_most" : "force");
    (at_most ? gate.at_most : gate.force) = grade;
    if (target->is_scalar()) check_grade(*target, grade);
    if (ok) scheme_.gates.push_back(gate);
  }
}

void Loader::read_quotas(const YamlNode& y) {
  if (!y.is_sequence()) {
    error(y.pos, tr("'quotas' is a list"),
          trf("e.g. - {{grade: 先进, percent: 30%, from: 合格}}"));
    return;
  }
  for (const auto& item : y.items) {
    const YamlNode& q = *item;
    if (!q.is_map()) {
      error(q.pos, trf("a quota is a mapping {{grade, percent, …}}"), "");
      continue;
    }
    check_keys(q, {"grade", "flag", "bottom", "percent", "count", "from", "base", "round",
                   "ties", "require", "without_flags", "note"},
               tr("a quota"));
    Quota quota;
    quota.pos = q.pos;
    const YamlNode* grade = q.get("grade");
    const YamlNode* flag = q.get("flag");
    const YamlNode* percent_node = q.get("percent");
    const YamlNode* count = q.get("count");
    if ((!grade && !flag) || (!percent_node && !count)) {
      error(q.pos, tr("a quota needs 'grade' and 'percent'"),
            tr("or 'count' for a number of places (the best 3), and a bottom quota may "
            "raise a 'flag' instead of giving a grade"));
      continue;
    }
    if (const YamlNode* v = q.get("bottom")) {
      if (auto b = boolean(*v, "bottom")) quota.bottom = *b;
    }
    if (grade && flag) {
      error(flag->pos, tr("a quota gives a 'grade' or raises a 'flag', not both"), "");
      continue;
    }
    if (percent_node && count) {
      error(count->pos, tr("a quota takes 'percent' or 'count', not both"),
            // xgettext:no-c-format
            tr("percent: 30% for a share of the units, count: 3 for the best 3"));
      continue;
    }
    if (flag) {
      quota.flag = text(*flag, "flag");
      if (!quota.bottom) {
        error(flag->pos, tr("only a bottom quota raises a 'flag'"),
              trf("e.g. {{bottom: true, count: 5, flag: admonish}} for 对排名末位的五个支部…诫勉谈话"));
      } else if (flag->is_scalar()) {
        check_flag(*flag, quota.flag);
      }
    } else {
      quota.grade = text(*grade, "grade");
      int g = scheme_.find_grade(quota.grade);
      if (g < 0) {
        check_grade(*grade, quota.grade);
      } else if (!scheme_.grades[g].quota_only) {
        error(grade->pos, trf("grade '{}' is given by a quota but is not "
                                      "declared 'quota: true'", quota.grade),
              trf("write it in grades as {{name: 先进, quota: true}}"));
      }
    }
    if (percent_node) {
      if (auto p = percent(*percent_node, "percent")) {
        quota.share = *p;
        quota.share_text = percent_node->scalar;
      }
    } else if (auto n = integer(*count, "count")) {
      if (*n < 1) {
        error(count->pos, tr("'count' must be at least 1"), "");
      } else {
        quota.count = *n;
        quota.share_text = count->scalar;
      }
    }
    if (const YamlNode* v = q.get("from")) {
      quota.from = name_list(*v, "from");
      for (const std::string& f : quota.from) check_grade(*v, f);
    }
    if (const YamlNode* v = q.get("base")) {
      const std::string b = text(*v, "base");
      if (b == "eligible") {
        quota.base_eligible = true;
      } else if (b != "all" && v->is_scalar()) {
        error(v->pos, trf("base must be all or eligible; got '{}'", b),
              did_you_mean(b, {"all", "eligible"}));
      }
      if (count) {
        error(v->pos, tr("'base' is what a percentage is taken of: a 'count' needs none"), "");
      }
    }
    if (const YamlNode* v = q.get("round")) {
      static const std::vector<std::pair<std::string, Quota::Round>> kRounds = {
          {"down", Quota::Round::kDown},         {"up", Quota::Round::kUp},
          {"nearest", Quota::Round::kNearest},   {"floor", Quota::Round::kDown},
          {"ceil", Quota::Round::kUp},           {"half_up", Quota::Round::kNearest},
          {"half_even", Quota::Round::kHalfEven}};
      const std::string r = text(*v, "round");
      bool known = false;
      for (const auto& [spelling, round] : kRounds) {
        if (r == spelling) {
          quota.round = round;
          known = true;
        }
      }
      std::vector<std::string> names;
      for (const auto& k : kRounds) names.push_back(k.first);
      if (!known && v->is_scalar()) {
        error(v->pos,
              trf("round must be floor, ceil, half_up or half_even (or down, up, "
                          "nearest); got '{}'", r),
              did_you_mean(r, names));
      }
      if (count) error(v->pos, tr("a 'count' is whole: it needs no 'round'"), "");
    }
    if (const YamlNode* v = q.get("ties")) {
      std::string t = text(*v, "ties");
      if (t == "include") quota.ties_included = true;
      else if (t != "exclude" && v->is_scalar())
        error(v->pos, trf("ties must be include or exclude; got '{}'", t),
              did_you_mean(t, {"include", "exclude"}));
    }
    if (const YamlNode* v = q.get("require")) {
      if (!v->is_sequence()) {
        error(v->pos, trf("'require' is a list of {{node, at_least}}"), "");
      } else {
        for (const auto& c : v->items) {
          // A condition as gates write it: 'public >= 60', 'not no_honor'.
          if (c->is_scalar()) {
            if (auto cond = read_condition(*c)) quota.require.push_back(*cond);
            continue;
          }
          if (!c->is_map()) {
            error(c->pos, trf("a condition is a mapping {{node, at_least}}"), "");
            continue;
          }
          check_keys(*c, {"node", "at_least"}, tr("a condition"));
          const YamlNode* n = c->get("node");
          const YamlNode* a = c->get("at_least");
          if (!n || !a) {
            error(c->pos, tr("a condition needs 'node' and 'at_least'"), "");
            continue;
          }
          Condition cond;
          cond.pos = c->pos;
          cond.node = text(*n, "node");
          check_node(*n, cond.node);
          cond.op = Compare::kGreaterEqual;
          if (auto d = decimal(*a, "at_least")) cond.value = *d;
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

void Loader::read_ranking(const YamlNode& y) {
  if (!y.is_map()) {
    error(y.pos, tr("'ranking' is a mapping"), trf("e.g. ranking: {{tie_breakers: [target]}}"));
    return;
  }
  check_keys(y, {"tie_breakers", "within"}, "ranking");
  scheme_.ranking.pos = y.pos;
  if (const YamlNode* v = y.get("tie_breakers")) {
    if (!v->is_sequence()) {
      error(v->pos, tr("'tie_breakers' is a list of node ids"), "");
    } else {
      for (const auto& t : v->items) {
        // A node id (the higher score first), or {node, order: ascending}.
        const YamlNode* id_node = t.get();
        bool ascending = false;
        if (t->is_map()) {
          check_keys(*t, {"node", "order"}, tr("a tie breaker"));
          id_node = t->get("node");
          if (id_node == nullptr) {
            error(t->pos, tr("a tie breaker needs 'node'"), trf("e.g. {{node: late, order: ascending}}"));
            continue;
          }
          if (const YamlNode* o = t->get("order")) {
            const std::string s = text(*o, "order");
            if (s == "ascending") {
              ascending = true;
            } else if (s != "descending" && o->is_scalar()) {
              error(o->pos, trf("order must be ascending or descending; got '{}'", s),
                    did_you_mean(s, {"ascending", "descending"}));
            }
          }
        }
        std::string id = text(*id_node, tr("tie breaker"));
        if (id_node->is_scalar()) check_node(*id_node, id, tr("tie breaker names "));
        scheme_.ranking.tie_breakers.push_back(id);
        scheme_.ranking.ascending.push_back(ascending);
      }
    }
  }
  if (const YamlNode* v = y.get("within")) {
    std::string s = text(*v, "within");
    if (s == "category") {
      scheme_.ranking.within_category = true;
    } else if (v->is_scalar()) {
      error(v->pos, trf("'within' must be 'category', got '{}'", s), "");
    }
  }
}

}  // namespace kaohe::scheme_loading
