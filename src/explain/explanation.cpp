// Builds the explanation of one unit's score from the evaluation and the
// unit's own event rows. Every number comes from the same rule functions
// and combination coefficients that scored the unit.
#include "explain/explanation.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "scoring/leaf_rules.h"
#include "scoring/score_tree.h"
#include "scoring/tally.h"
#include "scoring/unit_period.h"

namespace kaohe {
namespace {

Rational points_of(const Node& n) { return n.points ? Rational(*n.points) : Rational(); }

class Explainer {
 public:
  Explainer(const Evaluation& ev, int unit, const std::vector<ExplainedRow>& rows,
            int max_rows)
      : ev_(ev), scheme_(ev.scheme), unit_(unit), max_rows_(max_rows) {
    for (const ExplainedRow& r : rows) by_node_[r.event.node].push_back(&r);
    for (auto& [node, list] : by_node_) {
      std::sort(list.begin(), list.end(), [](const ExplainedRow* a, const ExplainedRow* b) {
        if (a->file != b->file) return a->file < b->file;
        return a->event.line < b->event.line;
      });
    }
    mark_highest_rows(rows);
  }

  Explanation run() {
    Explanation out;
    out.unit = unit_;
    out.root = build(0, Rational(1));
    out.sum_of_effects = sum_;
    out.total = ev_.sheet.total(unit_);
    out.full_marks = ev_.sheet.full_marks(unit_);
    for (const Standing& s : ev_.standings) {
      if (s.unit != unit_) continue;
      out.rank = s.rank;
      out.grade = s.grade >= 0 ? scheme_.grades[s.grade].name : std::string();
      out.flags = s.flags;
    }
    if (scheme_.normalised()) {
      out.closing.push_back(
          {fmt::format("normalised to 100: round({} × 100 ÷ {}) = {}",
                       ev_.sheet.at(unit_, 0).score.format(scheme_.precision),
                       out.full_marks.to_string(),
                       out.total.format(scheme_.precision)),
           "", "", std::nullopt});
    }
    return out;
  }

 private:
  ExplainLine line(std::string text, std::optional<Rational> effect,
                   std::string source = {}, std::string ref = {}) {
    if (effect) sum_ += *effect;
    return ExplainLine{std::move(text), std::move(source), std::move(ref), effect};
  }

  // 取最高分: which rows of the unit a same_ref group does not count.
  void mark_highest_rows(const std::vector<ExplainedRow>& rows) {
    std::vector<int> group_of(scheme_.nodes.size(), -1);
    for (std::size_t i = 1; i < scheme_.nodes.size(); ++i) {
      int p = scheme_.nodes[i].parent;
      group_of[i] = scheme_.nodes[p].same_ref_highest ? p : group_of[p];
    }
    // (group, ref, direction) → best row so far.
    std::map<std::tuple<int, std::string, int>, const ExplainedRow*> best;
    for (const ExplainedRow& r : rows) {
      const Node& leaf = scheme_.nodes[r.event.node];
      int g = group_of[r.event.node];
      if (g < 0 || r.ref.empty() || leaf.rule.kind == RuleKind::kQuota ||
          leaf.rule.kind == RuleKind::kFlagEvent) {
        continue;
      }
      auto key = std::make_tuple(g, r.ref, static_cast<int>(leaf.rule.direction));
      auto total = [&](const ExplainedRow* x) {
        return Tallies::amount_of(scheme_.nodes[x->event.node], x->event)
            .times(x->event.count);
      };
      auto [it, inserted] = best.emplace(key, &r);
      if (inserted) continue;
      const ExplainedRow* b = it->second;
      bool better = total(&r) > total(b) ||
                    (total(&r) == total(b) &&
                     (r.event.node < b->event.node ||
                      (r.event.node == b->event.node && r.event.count > b->event.count)));
      if (better) {
        dropped_.insert(b);
        it->second = &r;
      } else {
        dropped_.insert(&r);
      }
    }
  }

  std::string where(const ExplainedRow& r) const {
    return fmt::format("{}:{}", r.file, r.event.line);
  }

  void event_lines(int n, const Rational& m, ExplainNode& out, Rational& exact) {
    const Node& node = scheme_.nodes[n];
    const Rule& r = node.rule;
    const bool deduct = r.direction == Direction::kDeduct;
    Rational start = deduct ? points_of(node) : Rational();
    exact = start;
    if (node.points && !(start == points_of(node))) {
      out.lines.push_back(line(fmt::format("starts at 0 of {} (each row adds)",
                                           node.points->to_string()),
                               (start - points_of(node)) * m));
    }
    const auto it = by_node_.find(n);
    const std::vector<const ExplainedRow*> none;
    const auto& rows = it == by_node_.end() ? none : it->second;
    if (r.kind == RuleKind::kQuota) {
      std::map<int, std::int64_t> months;
      for (const ExplainedRow* row : rows) {
        if (row->event.date) months[row->event.date->month_index()] += row->event.count;
      }
      int first = scheme_.period->from.month_index();
      int last = scheme_.period->to.month_index();
      std::int64_t short_total = 0;
      for (int mi = first; mi <= last; ++mi) {
        std::int64_t have = months.count(mi) ? months[mi] : 0;
        if (have >= r.quota_required) continue;
        std::int64_t missing = r.quota_required - have;
        short_total += missing;
        Rational effect = -Rational(r.amount.times(missing)) * m;
        exact += -Rational(r.amount.times(missing));
        out.lines.push_back(line(
            fmt::format("{:04d}-{:02d}: {} of {} required, {} missing × {}", mi / 12,
                        mi % 12 + 1, have, r.quota_required, missing,
                        r.amount.to_string()),
            effect));
      }
      if (short_total == 0) {
        out.lines.push_back(line(fmt::format("every month has at least {} rows",
                                             r.quota_required),
                                 std::nullopt));
      }
      return;
    }
    std::int64_t shown = 0, hidden = 0, count = 0;
    Rational hidden_effect;
    for (const ExplainedRow* row : rows) {
      const Event& e = row->event;
      std::string what;
      std::optional<Rational> effect;
      if (r.kind == RuleKind::kFlagEvent) {
        what = "event";
      } else if (dropped_.count(row)) {
        what = "not counted: another row with the same ref counts (取最高分)";
        effect = Rational();
      } else {
        Decimal amount = Tallies::amount_of(node, e).times(e.count);
        count += e.count;
        Rational signed_amount = deduct ? -Rational(amount) : Rational(amount);
        exact += signed_amount;
        effect = signed_amount * m;
        std::string detail;
        if (e.tier >= 0) detail = r.named[e.tier].name + " ";
        if (e.role >= 0) detail = r.named[e.role].name + " ";
        what = e.count > 1 ? fmt::format("{}{} × {}", detail,
                                         Tallies::amount_of(node, e).to_string(), e.count)
                           : fmt::format("{}{}", detail,
                                         Tallies::amount_of(node, e).to_string());
        what = (deduct ? "-" : "+") + what;
      }
      if (Tallies::triggers(node, e)) {
        if (!r.raise.empty()) {
          what += ", raises " + scheme_.flags[scheme_.find_flag(r.raise)].name;
        }
        if (!r.zero.empty()) what += ", zeroes " + scheme_.nodes[scheme_.find(r.zero)].name;
      }
      if (shown < max_rows_) {
        ++shown;
        std::string date = e.date ? e.date->to_string() + " " : std::string();
        out.lines.push_back(line(date + what, effect, where(*row), row->ref));
      } else {
        ++hidden;
        if (effect) hidden_effect += *effect;
      }
    }
    if (hidden > 0) {
      sum_ += hidden_effect;
      out.lines.push_back(ExplainLine{
          fmt::format("… {} more rows, total {}", hidden,
                      hidden_effect.to_decimal() ? hidden_effect.to_decimal()->to_string()
                                                 : hidden_effect.to_string()),
          "", "", hidden_effect});
    }
    if (r.surcharge && count >= r.surcharge->at) {
      std::int64_t times = r.surcharge->every ? count / r.surcharge->at : 1;
      Rational extra = Rational(r.surcharge->amount.times(times));
      if (deduct) extra = -extra;
      exact += extra;
      out.lines.push_back(line(fmt::format("surcharge: count {} reached {}{}", count,
                                           r.surcharge->at,
                                           times > 1 ? fmt::format(" ({} times)", times)
                                                     : std::string()),
                               extra * m));
    }
  }

  void measure_lines(int n, const Rational& m, ExplainNode& out, Rational& exact) {
    const Node& node = scheme_.nodes[n];
    const std::vector<Measure>* rows = ev_.measures.find(unit_, n);
    std::string values;
    std::string source;
    int last_file = -1;
    if (rows) {
      for (const Measure& mrow : *rows) {
        if (!values.empty()) values += ", ";
        if (!mrow.key.empty()) values += mrow.key + " ";
        values += mrow.value ? mrow.value->to_string() : "NA";
        // Every row that gave a value: FILE:LINE,LINE, … (a new file named
        // when it changes), so a keyed item cites each of its rows.
        const std::string& file = ev_.sources.measures[mrow.file];
        if (source.empty() || mrow.file != last_file) {
          if (!source.empty()) source += ", ";
          source += fmt::format("{}:{}", file, mrow.line);
        } else {
          source += fmt::format(",{}", mrow.line);
        }
        last_file = mrow.file;
      }
    }
    if (node.rule.kind == RuleKind::kRelative) {
      exact = Rational(ev_.sheet.at(unit_, n).score);  // best: a cross-unit value
    } else {
      exact = score_measure_leaf(node, rows).value;
    }
    std::string exact_text = exact.to_decimal() ? exact.to_decimal()->to_string()
                                                : exact.to_string();
    out.lines.push_back(line(fmt::format("{} {} → {}", rule_kind_name(node.rule.kind),
                                         values.empty() ? "(no rows)" : values,
                                         exact_text),
                             (exact - points_of(node)) * m, source));
  }

  // Floor, cap, zeroing and rounding between `exact` and the printed score.
  void settle_lines(int n, const Rational& m, const Rational& exact, ExplainNode& out) {
    const Node& node = scheme_.nodes[n];
    const NodeScore& cell = ev_.sheet.at(unit_, n);
    Rational v = exact;
    if (node.floor && v < Rational(*node.floor)) {
      Rational to = Rational(*node.floor);
      out.lines.push_back(line(fmt::format("floor {}: deductions stop here (扣完为止)",
                                           node.floor->to_string()),
                               (to - v) * m));
      v = to;
    }
    if (node.cap && Rational(*node.cap) < v) {
      Rational to = Rational(*node.cap);
      out.lines.push_back(line(fmt::format("cap {}", node.cap->to_string()), (to - v) * m));
      v = to;
    }
    if (cell.zeroed) {
      out.lines.push_back(line("zeroed by an event (扣除本项全部得分)", -v * m));
      v = Rational();
    }
    Rational printed = Rational(cell.score);
    if (!(printed == v)) {
      out.lines.push_back(line(fmt::format("rounded {} → {}",
                                           v.to_decimal() ? v.to_decimal()->to_string()
                                                          : v.to_string(),
                                           cell.score.format(scheme_.precision)),
                               (printed - v) * m));
    }
  }

  // Where the points of node `n`, which does not apply, went (SPEC §10).
  std::string not_applicable_line(int n) const {
    const Node& node = scheme_.nodes[n];
    if (node.is_copy_root()) {
      // A sub-period outside the unit's days drops out of the combination.
      const Period span = scheme_.nodes[node.periodic].periods->spans[node.sub_period];
      const std::optional<UnitPeriod> days = unit_period(scheme_, ev_.roster.units[unit_]);
      if (!days || span.to < days->from || days->to < span.from) {
        return fmt::format("does not apply: {} lies outside the unit's days{}",
                           scheme_.nodes[node.periodic].periods->labels[node.sub_period],
                           days ? fmt::format(" ({}..{})", days->from.to_string(),
                                              days->to.to_string())
                                : std::string());
      }
    }
    const bool weighted = node.parent >= 0 && scheme_.nodes[node.parent].weighted_children;
    const char* what = weighted ? "weight" : "points";
    const std::string shared =
        fmt::format("its {} {} shared among the items beside it that apply", what,
                    weighted ? "is" : "are");
    if (node.na_policy == NaPolicy::kMoveTo) {
      int target = scheme_.find(node.move_to);
      const NodeScore& t = ev_.sheet.at(unit_, target);
      if (t.applicable && !t.kept) {
        return fmt::format("does not apply: its {} move to {} (move_to)", what, node.move_to);
      }
      return fmt::format("does not apply: {} ({} does not apply either)", shared,
                         node.move_to);
    }
    if (node.na_policy == NaPolicy::kRedistribute || weighted) {
      return fmt::format("does not apply: {} ({})", shared,
                         weighted && node.na_policy != NaPolicy::kRedistribute
                             ? "weights renormalised"
                             : "redistribute");
    }
    return "does not apply: its points leave the full marks";
  }

  ExplainNode build(int n, const Rational& m) {
    const Node& node = scheme_.nodes[n];
    const NodeScore& cell = ev_.sheet.at(unit_, n);
    ExplainNode out;
    out.node = n;
    out.applicable = cell.applicable;
    out.score = cell.score;
    out.full_marks = cell.full_marks;
    out.multiplier = m;
    for (const DefaultUsed& d : ev_.sheet.defaults) {
      if (d.unit == unit_ && d.node == n) out.lines.push_back(line(d.what, std::nullopt));
    }
    if (!cell.applicable) {
      out.lines.push_back(line(not_applicable_line(n), std::nullopt));
      return out;
    }
    // A node scored by its not-applicable policy (full, zero, mean).
    bool by_policy = false;
    for (const DefaultUsed& d : ev_.sheet.defaults) {
      by_policy |= d.unit == unit_ && d.node == n &&
                   d.what.rfind("does not apply", 0) == 0;
    }
    if (by_policy) {
      out.lines.push_back(line(fmt::format("scored {} of {}", cell.score.to_string(),
                                           cell.full_marks.to_string()),
                               (Rational(cell.score) - Rational(cell.full_marks)) * m));
      return out;
    }
    Rational exact;
    if (node.is_leaf()) {
      if (rule_reads_events(node.rule.kind)) {
        event_lines(n, m, out, exact);
      } else {
        measure_lines(n, m, out, exact);
      }
      settle_lines(n, m, exact, out);
      return out;
    }
    Combination comb = combination_of(scheme_, ev_.sheet, unit_, n);
    // What the node would score with every child at full marks, against
    // its own full marks: a base, or points moved in from siblings.
    Rational at_full = comb.constant;
    exact = comb.constant;
    for (const auto& [c, k] : comb.terms) {
      at_full += k * Rational(ev_.sheet.at(unit_, c).full_marks);
      exact += k * Rational(ev_.sheet.at(unit_, c).score);
    }
    Rational gap = at_full - Rational(cell.full_marks);
    if (!gap.is_zero()) {
      out.lines.push_back(line(
          node.base ? fmt::format("starts at base {}", node.base->to_string())
                    : std::string("points moved from items that do not apply"),
          gap * m));
    }
    for (const auto& [c, k] : comb.terms) out.children.push_back(build(c, m * k));
    for (int c : node.children) {
      if (!ev_.sheet.at(unit_, c).applicable) {
        out.children.push_back(build(c, Rational()));
      } else if (std::none_of(comb.terms.begin(), comb.terms.end(),
                              [c](const auto& t) { return t.first == c; })) {
        // `periods: {combine: last}`: a sub-period before the last that
        // applies, shown with its score but counting nothing.
        ExplainNode child = build(c, Rational());
        child.lines.insert(child.lines.begin(),
                           line("not counted: only the last sub-period that applies "
                                "counts (combine: last)",
                                std::nullopt));
        out.children.push_back(std::move(child));
      }
    }
    if (node.periods) {
      // Sub-periods in date order, whether they count or not.
      std::stable_sort(out.children.begin(), out.children.end(),
                       [](const ExplainNode& a, const ExplainNode& b) { return a.node < b.node; });
    }
    settle_lines(n, m, exact, out);
    return out;
  }

  const Evaluation& ev_;
  const Scheme& scheme_;
  int unit_;
  int max_rows_;
  std::map<int, std::vector<const ExplainedRow*>> by_node_;
  std::set<const ExplainedRow*> dropped_;
  Rational sum_;
};

}  // namespace

Explanation explain_unit(const Evaluation& ev, int unit,
                         const std::vector<ExplainedRow>& rows, int max_rows) {
  return Explainer(ev, unit, rows, max_rows).run();
}

}  // namespace kaohe
