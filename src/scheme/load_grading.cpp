// The loader's grading part: grades (thresholds, quota grades), gates,
// quotas and ranking — everything under the top-level keys grades:,
// gates:, quotas: and ranking:.
#include <fmt/format.h>

#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {

void Loader::read_grades(const YamlNode& y) {
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

void Loader::read_gates(const YamlNode& y) {
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

void Loader::read_quotas(const YamlNode& y) {
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

void Loader::read_ranking(const YamlNode& y) {
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

}  // namespace kaohe::scheme_loading
