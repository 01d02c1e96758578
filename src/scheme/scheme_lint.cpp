// Consistency checks of a loaded scheme.
#include "scheme/scheme_lint.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "base/messages.h"
#include "scheme/yaml_tree.h"

namespace kaohe {
namespace {

Diagnostic at(const Scheme& scheme, SourcePos pos, std::string message,
              std::string hint) {
  Diagnostic d;
  d.file = scheme.file;
  d.line = pos.line;
  d.col = pos.col;
  d.message = std::move(message);
  d.source_line = pos.line > 0 ? line_of(scheme.text, pos.line) : std::string();
  d.hint = std::move(hint);
  return d;
}

bool has_points(const Node& n) { return n.points.has_value(); }

// Full marks of node `n` for units of `category` (empty: all apply), from
// the items that apply; nullopt when the node does not apply at all.
std::optional<Decimal> full_marks_for(const Scheme& scheme, int n,
                                      const std::string& category) {
  const Node& node = scheme.nodes[n];
  if (!category.empty() && !scheme.admits_category(n, category)) {
    return std::nullopt;
  }
  bool any_child_points = std::any_of(
      node.children.begin(), node.children.end(),
      [&](int c) { return has_points(scheme.nodes[c]); });
  if (node.is_leaf() || node.weighted_children || !any_child_points || node.one_of) {
    return node.points;  // one_of: each alternative has the node's points
  }
  Decimal sum;
  bool any = false;
  for (int c : node.children) {
    if (!has_points(scheme.nodes[c])) continue;
    auto f = full_marks_for(scheme, c, category);
    if (f) {
      sum += *f;
      any = true;
    } else if (scheme.nodes[c].na_policy != NaPolicy::kExclude) {
      // full/zero/mean keep the points; redistribute/move_to hand them on.
      sum += *scheme.nodes[c].points;
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return sum + node.base.value_or(Decimal());
}

// The most node `n` can print for any unit (parents add their children's
// printed scores, so each bound is clamped and rounded like a score);
// nullopt when nothing bounds it (a bonus without a cap). Checked
// arithmetic may throw kaohe::Error on absurd points; the caller then
// gives up on the bound.
std::optional<Decimal> most_of_capped(const Scheme& scheme, const Node& node,
                                      std::optional<Decimal> most);

std::optional<Decimal> most_of(const Scheme& scheme, int n) {
  const Node& node = scheme.nodes[n];
  std::optional<Decimal> most;
  if (node.is_leaf()) {
    const Rule& r = node.rule;
    Decimal points = node.points.value_or(Decimal());
    if (r.kind == RuleKind::kScaledDeduction) {
      most = Decimal();
    } else if (rule_reads_events(r.kind) && r.kind != RuleKind::kQuota &&
               r.kind != RuleKind::kFlagEvent && r.direction == Direction::kAdd) {
      most = std::nullopt;  // bonuses add up without limit
    } else if (r.both_signs) {
      most = std::nullopt;  // its bonus tiers add up without limit
    } else if (r.kind == RuleKind::kBands && !node.points) {
      most = r.below;  // an adjustment: its best band
      for (const Band& b : r.bands) most = std::max(*most, b.points);
    } else if (r.kind == RuleKind::kDirect && node.cap) {
      most = *node.cap;  // a direct value lies within [floor or 0, cap]
    } else {
      most = points;  // deductions start at the points; measures score a share
    }
  } else {
    // base + Σ children, or base + the weighted share of the points.
    bool weighted = node.weighted_children;
    Decimal sum = node.base.value_or(Decimal());
    if (node.one_of) {
      // One alternative counts: base + the most of the best one.
      std::optional<Decimal> best;
      for (int c : node.children) {
        auto m = most_of(scheme, c);
        if (!m) return most_of_capped(scheme, node, std::nullopt);
        best = best ? std::max(*best, *m) : *m;
      }
      return most_of_capped(scheme, node, sum + best.value_or(Decimal()));
    }
    if (weighted) sum += node.points.value_or(Decimal());
    bool bounded = true;
    for (int c : node.children) {
      const Node& child = scheme.nodes[c];
      auto m = most_of(scheme, c);
      if (weighted && child.points) {
        // A weighted child adds at most its share of the parent's points,
        // as long as it cannot score above its own points.
        if (!m || *child.points < *m) bounded = false;
        continue;
      }
      if (!m) {
        bounded = false;
      } else {
        sum += *m;
      }
    }
    if (bounded) most = sum;
  }
  return most_of_capped(scheme, node, most);
}

// `most` clamped by the node's cap and floor and rounded, as a score is.
std::optional<Decimal> most_of_capped(const Scheme& scheme, const Node& node,
                                      std::optional<Decimal> most) {
  if (node.cap) most = most ? std::min(*most, *node.cap) : *node.cap;
  if (most && node.floor && *most < *node.floor) most = *node.floor;
  if (most) most = round_to(Rational(*most), scheme.precision, scheme.rounding);
  return most;
}

// The points the children of sum node `n` bring to units of `category`
// (empty: to every unit, applies_to ignored): a child outside the
// category adds nothing under `exclude`, and its points under a policy
// that keeps them (full, zero, mean) or hands them on (redistribute,
// move_to). Adjustments (no points) add nothing; nullopt when no child
// has points.
std::optional<Decimal> children_points(const Scheme& scheme, int n,
                                       const std::string& category) {
  const Node& node = scheme.nodes[n];
  Decimal sum = node.base.value_or(Decimal());
  bool any = false;
  for (int c : node.children) {
    const Node& child = scheme.nodes[c];
    if (!child.points) continue;
    any = true;
    if (category.empty() || scheme.admits_category(c, category) ||
        child.na_policy != NaPolicy::kExclude) {
      sum += *child.points;
    }
  }
  if (!any) return std::nullopt;
  return sum;
}

// The seed slip that names `node` or `category`, or nullptr.
const SeedSlip* slip_for(const Scheme& scheme, const std::string& node,
                         const std::string& category) {
  for (const SeedSlip& s : scheme.seed_slips) {
    if (!node.empty() && s.node == node) return &s;
    if (!category.empty() && s.category == category) return &s;
  }
  return nullptr;
}

// A finding the scheme keeps on purpose becomes a warning quoting the seed.
void mark_slip(Diagnostic& d, const SeedSlip* slip, std::vector<const SeedSlip*>& used) {
  if (slip == nullptr) return;
  used.push_back(slip);
  d.severity = Severity::kWarning;
  d.message += trf(": the seed's own slip, kept as written (\"{}\")", slip->seed);
  d.hint = tr("seed_slips keeps it so that the scheme scores as the document reads; "
           "'check --strict' makes it an error");
}

// Sum nodes whose children's points disagree with their own. With
// categories, the children are added up per category (an item outside a
// category does not count for it), and the node's points must be what
// the fullest category gets: 网格员 and 督导员 each have 30 points of
// patrol, not 60 between them.
void lint_points(const Scheme& scheme, std::vector<Diagnostic>& out,
                 std::vector<const SeedSlip*>& used) {
  for (int n = 0; n < static_cast<int>(scheme.nodes.size()); ++n) {
    const Node& node = scheme.nodes[n];
    if (node.is_leaf() || node.weighted_children || !node.points) continue;
    if (node.one_of) continue;  // alternatives: the loader checked their points
    if (node.sub_period > 0) continue;  // a later copy repeats the first's finding
    std::optional<Decimal> sum = children_points(scheme, n, "");
    if (!sum) continue;  // adjustments only: nothing to add up
    std::string per_category;
    bool by_category = false;
    for (int c : node.children) by_category |= !scheme.nodes[c].applies_to.empty();
    if (by_category && !scheme.categories.empty()) {
      std::optional<Decimal> most;
      std::vector<std::string> parts;
      for (const Category& category : scheme.categories) {
        if (!scheme.applies_to_category(n, category.name)) continue;
        std::optional<Decimal> s = children_points(scheme, n, category.name);
        if (!s) continue;
        parts.push_back(fmt::format("{} {}", category.name, s->to_string()));
        if (!most || *most < *s) most = s;
      }
      if (!most) continue;
      sum = most;
      per_category = trf(" in its fullest category ({})", fmt::join(parts, ", "));
    }
    if (*sum == *node.points) continue;
    Diagnostic d = at(scheme, node.pos,
                      trf("the children of '{}' ({}) add up to {}{}{}, but "
                                  "it has {} points",
                                  node.id, node.name, sum->to_string(),
                                  node.base ? tr(" with its base") : "", per_category,
                                  node.points->to_string()),
                      tr("make the points agree, or give the node a 'base' for "
                      "the points its children do not carry"));
    mark_slip(d, slip_for(scheme, node.id, ""), used);
    out.push_back(std::move(d));
  }
}

// Bands where a higher value scores less than a lower one (达到90% scores
// 20, 达到80% 25): usually two bands' points swapped.
void lint_bands(const Scheme& scheme, std::vector<Diagnostic>& out) {
  for (const Node& node : scheme.nodes) {
    const Rule& r = node.rule;
    if (r.kind != RuleKind::kBands || node.sub_period > 0) continue;
    for (std::size_t i = 0; i < r.bands.size(); ++i) {
      const Band& b = r.bands[i];
      const bool last = i + 1 == r.bands.size();
      const Decimal lower = last ? r.below : r.bands[i + 1].points;
      if (!(b.points < lower)) continue;
      out.push_back(at(scheme, b.pos,
                       trf("band '{}' of '{}' scores {}, less than {} {}: a "
                                   "higher value scores less",
                                   b.at_least_text, node.id, b.points.to_string(),
                                   last ? std::string("'below'")
                                        : trf("band '{}'", r.bands[i + 1].at_least_text),
                                   lower.to_string()),
                       tr("bands are read highest first; check that the points are in "
                       "the same order")));
    }
  }
}

// Score sheets whose parameters cannot do what they say: a rater group of
// weight 0% (its sheets count for nothing), a single group (one plain
// mean, with a key to write on every row for nothing), min_sheets below
// the 3 that dropping the highest and lowest needs anyway.
void lint_sheets(const Scheme& scheme, std::vector<Diagnostic>& out) {
  for (const Node& node : scheme.nodes) {
    const Rule& r = node.rule;
    if (r.kind != RuleKind::kSheets || node.sub_period > 0) continue;
    const std::string& id = node.periodic >= 0 ? node.template_id : node.id;
    for (const SheetGroup& g : r.sheets.groups) {
      if (!g.weight.is_zero()) continue;
      out.push_back(at(scheme, g.pos,
                       trf("rater group '{}' of '{}' weighs 0%: its sheets count "
                                   "for nothing", g.name, id),
                       tr("give the group the weight the document names, or remove it")));
    }
    if (r.sheets.groups.size() == 1) {
      const SheetGroup& g = r.sheets.groups.front();
      out.push_back(at(scheme, g.pos,
                       trf("'{}' has one rater group ('{}'): its sheets make one "
                                   "plain mean", id, g.name),
                       tr("omit 'groups' (the rows then have no key), or add the other "
                       "groups the document weighs")));
    }
    if (r.sheets.drop_high_low && r.sheets.min_sheets > 0 && r.sheets.min_sheets < 3) {
      out.push_back(at(scheme, r.sheets.min_sheets_pos,
                       trf("min_sheets {} of '{}' is below 3, which drop: high_low "
                                   "needs anyway to keep a sheet", r.sheets.min_sheets, id),
                       tr("write min_sheets: 3 or more, or leave it out")));
    }
  }
}

// The most node `n` prints, or nullopt when nothing bounds it (or the
// bound overflows).
std::optional<Decimal> most_or_none(const Scheme& scheme, int n) {
  try {
    return most_of(scheme, n);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// A gate of one condition `node < bound` (or <=) whose node can never reach
// the bound: it always fires.
void lint_gates(const Scheme& scheme, std::vector<Diagnostic>& out) {
  for (const Gate& gate : scheme.gates) {
    if (gate.conditions.size() != 1) continue;
    const Condition& c = gate.conditions.front();
    if (c.is_flag() || c.total) continue;
    if (c.op != Compare::kLess && c.op != Compare::kLessEqual) continue;
    int n = scheme.find(c.node);
    if (n < 0) continue;
    const Node& node = scheme.nodes[n];
    std::optional<Decimal> most = most_or_none(scheme, n);
    if (!most) continue;
    if (c.op == Compare::kLess ? !(*most < c.value) : !(*most <= c.value)) {
      continue;  // it can miss
    }
    bool full_marks = node.points && *most == *node.points;
    std::string fires = gate.below_form
                            ? trf("fires below {}", c.value.to_string())
                            : trf("fires when {} {} {}", node.id,
                                          compare_text(c.op), c.value.to_string());
    out.push_back(at(
        scheme, gate.pos,
        trf("the gate on '{}' ({}) {}, but the node scores at most {}{}: the "
                    "gate always fires",
                    node.id, node.name, fires, most->to_string(),
                    full_marks ? tr(" (its points)") : ""),
        gate.below_form
            ? trf("write 'below' on the node's own scale, from 0 to {}",
                          most->to_string())
            : trf("write the bound on the node's own scale, from 0 to {}",
                          most->to_string())));
  }
}

// Categories kept on their own scales (normalise: none) with different
// full marks, but ranked together: a unit of the smaller scale is ranked
// below one of the larger for the scale alone.
void lint_scales(const Scheme& scheme, std::vector<Diagnostic>& out) {
  if (scheme.normalised() || scheme.categories.empty() || scheme.ranking.within_category) {
    return;
  }
  std::string scales;
  bool differ = false;
  for (const Category& c : scheme.categories) {
    scales += (scales.empty() ? "" : ", ") + c.name + " " + c.full_marks.to_string();
    differ |= c.full_marks != scheme.categories.front().full_marks;
  }
  if (!differ) return;
  out.push_back(at(scheme, scheme.normalise_pos,
                   trf("categories keep their own full marks ({}) but are ranked "
                               "together: a unit of a smaller scale ranks lower for the "
                               "scale alone", scales),
                   trf("rank each category apart (ranking: {{within: category}}), or normalise "
                   "the totals (normalise: 100)")));
}

// Grades no unit can reach: a gate grade no gate gives, a quota grade no
// quota gives, a 'min' above the most the total can print.
void lint_grades(const Scheme& scheme, std::vector<Diagnostic>& out) {
  // A normalised total depends on the unit's category: not bounded here.
  std::optional<Decimal> most_total;
  if (!scheme.normalised()) most_total = most_or_none(scheme, 0);
  for (const Grade& g : scheme.grades) {
    if (g.gate_only) {
      bool given = false;
      for (const Gate& gate : scheme.gates) {
        given |= gate.force == g.name || gate.at_most == g.name;
      }
      if (!given) {
        out.push_back(at(scheme, g.pos,
                         trf("grade '{}' is given only by a gate, but no gate "
                                     "forces it or caps a grade at it: no unit can "
                                     "reach it", g.name),
                         trf("add a gate such as {{when: veto, force: {}}}, or "
                                     "remove 'gate: true'", g.name)));
      }
      continue;
    }
    if (g.quota_only) {
      bool given = false;
      for (const Quota& q : scheme.quotas) given |= q.grade == g.name;
      if (!given) {
        out.push_back(at(scheme, g.pos,
                         trf("grade '{}' is a quota grade, but no quota gives "
                                     "it: no unit can reach it", g.name),
                         trf("add a quota such as {{grade: {}, percent: 30%}}, or "
                                     "remove 'quota: true'", g.name)));
        continue;
      }
    }
    if (g.min && most_total && *most_total < *g.min) {
      out.push_back(at(scheme, g.pos,
                       trf("grade '{}' needs a total of at least {}, but the total "
                                   "is at most {}: no unit can reach it",
                                   g.name, g.min->to_string(), most_total->to_string()),
                       trf("write 'min' on the total's scale, from 0 to {}",
                                   most_total->to_string())));
    }
  }
}

// Quotas and tie-breakers that cannot do what they say: a quota drawing
// from the very grade it gives (only a unit an earlier quota gave it could
// take a place), a tie-breaker listed twice (the second never decides) or
// on the root when totals are not normalised (equal totals are equal
// roots).
void lint_quotas_and_ranking(const Scheme& scheme, std::vector<Diagnostic>& out) {
  for (const Quota& q : scheme.quotas) {
    if (q.grade.empty()) continue;
    for (const std::string& f : q.from) {
      if (f != q.grade) continue;
      out.push_back(at(scheme, q.pos,
                       trf("the quota for '{}' draws from '{}' itself: no unit "
                                   "holds it before the quota gives it", q.grade, f),
                       tr("name the grades the quota draws from, e.g. from: 合格")));
    }
  }
  const std::vector<std::string>& t = scheme.ranking.tie_breakers;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool twice = std::find(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(i),
                                 t[i]) != t.begin() + static_cast<std::ptrdiff_t>(i);
    const int n = scheme.find(t[i]);
    std::string message;
    if (twice) {
      message = trf("tie breaker '{}' is listed twice: the second never decides",
                            t[i]);
    } else if (n == 0 && !scheme.normalised()) {
      message = trf("tie breaker '{}' is the root: units tied on the total are "
                            "tied on it too", t[i]);
    } else {
      continue;
    }
    out.push_back(at(scheme, scheme.ranking.pos, std::move(message),
                     tr("tie breakers decide between equal totals: name the parts that "
                     "should, each once")));
  }
}

}  // namespace

std::vector<Diagnostic> lint_scheme(const Scheme& scheme) {
  std::vector<Diagnostic> out;
  std::vector<const SeedSlip*> used;
  lint_points(scheme, out, used);
  lint_bands(scheme, out);
  lint_sheets(scheme, out);
  for (const Category& category : scheme.categories) {
    auto full = full_marks_for(scheme, 0, category.name);
    Decimal computed = full.value_or(Decimal());
    if (computed != category.full_marks) {
      Diagnostic d = at(scheme, category.pos,
                        trf("category {} declares full marks {}, but the "
                                    "items that apply to it add up to {}",
                                    category.name, category.full_marks.to_string(),
                                    computed.to_string()),
                        scheme.normalised()
                            ? tr("totals are normalised by the computed full marks; check "
                              "the items' applies_to and points")
                            : tr("check the items' applies_to and points"));
      mark_slip(d, slip_for(scheme, "", category.name), used);
      out.push_back(std::move(d));
    }
  }
  for (const SeedSlip& slip : scheme.seed_slips) {
    if (std::find(used.begin(), used.end(), &slip) != used.end()) continue;
    out.push_back(at(scheme, slip.pos,
                     slip.node.empty()
                         ? trf("seed slip names category {}, but its declared "
                                       "full marks agree with its items",
                                       slip.category)
                         : trf("seed slip names '{}', but its children's points "
                                       "agree with its own",
                                       slip.node),
                     tr("remove the entry from seed_slips: there is no slip left to keep")));
  }
  lint_scales(scheme, out);
  lint_gates(scheme, out);
  lint_grades(scheme, out);
  lint_quotas_and_ranking(scheme, out);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line < b.line;
  });
  return out;
}

}  // namespace kaohe
