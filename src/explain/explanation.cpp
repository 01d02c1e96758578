// Builds the explanation of one unit's score from the evaluation and the
// unit's own event rows. Every number comes from the same rule functions
// and combination coefficients that scored the unit.
#include "explain/explanation.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/diagnostic.h"
#include "input/unit_period.h"
#include "scoring/lateness.h"
#include "scoring/leaf_rules.h"
#include "scoring/quota.h"
#include "scoring/result_leaf.h"
#include "scoring/sheets.h"
#include "scoring/score_tree.h"
#include "scoring/tally.h"

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
          {fmt::format("normalised to {0}: round({1} × {0} ÷ {2}) = {3}",
                       scheme_.normalise_to->to_string(),
                       ev_.sheet.at(unit_, 0).score.format(scheme_.precision),
                       out.full_marks.to_string(),
                       out.total.format(scheme_.precision)),
           "", "", std::nullopt});
    }
    return out;
  }

 private:
  // A value in a line's text: the exact decimal, or one that does not
  // terminate to two places past the scheme's precision, marked ≈ (the
  // exact effect is in -O csv and -O json).
  std::string readable(const Rational& r) const {
    if (std::optional<Decimal> d = r.to_decimal()) return d->to_string();
    return "≈" + round_to(r, scheme_.precision + 2, RoundingMode::kHalfUp).to_string();
  }

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

  // How a late row's amount came about: "due 2025-05-25, done 2025-05-28:
  // 3 days late × 1", with the last day counted when it is not the done
  // day (not done, or done after the unit's period) and row_max when it
  // caps the row.
  std::string late_text(const Rule& r, const Event& e) const {
    std::string out = "due " + e.due->to_string() +
                      (e.done ? ", done " + e.done->to_string() : std::string(", not done"));
    const std::optional<UnitPeriod> period = node_days(scheme_, ev_.roster.units[unit_], e.node);
    if (e.late_days == 0) {
      // Not done, but not due within the unit's period (an interim run).
      if (!e.done && period) return out + ": not yet late on " + period->to.to_string();
      return out + ": on time";
    }
    const char* unit = r.late_per_working_day ? "working day" : "day";
    out += fmt::format(": {} {}{} late", e.late_days, unit, e.late_days == 1 ? "" : "s");
    if (period && (!e.done || period->to < *e.done)) out += " to " + period->to.to_string();
    out += " × " + r.amount.to_string();
    if (late_amount(r, e.late_days) < r.amount.times(e.late_days)) {
      out += ", at most " + r.late_row_max->to_string() + " (row_max)";
    }
    return out;
  }

  std::string where(const ExplainedRow& r) const {
    return format_location(r.file, r.event.line, 0);
  }

  // A quota's buckets, counted from the unit's rows by the same counter
  // and bucket walk that scored it: one line per bucket short of its
  // count (at most max_rows_, the rest summed), and one per kind of bucket
  // that asked for nothing.
  void quota_lines(const Node& node, const std::vector<const ExplainedRow*>& rows,
                   const Rational& m, ExplainNode& out, Rational& exact) {
    const Rule& r = node.rule;
    QuotaCounter counter(scheme_, node, 1);
    for (const ExplainedRow* row : rows) {
      if (row->event.date) counter.add(0, *row->event.date, row->event.tier, row->event.count);
    }
    const std::optional<UnitPeriod> days =
        node_days(scheme_, ev_.roster.units[unit_], scheme_.find(node.id));
    const Buckets& buckets = counter.buckets();
    const char* what = r.quota.distinct_dates ? "dates" : "rows";
    std::int64_t short_buckets = 0, hidden = 0;
    Rational hidden_effect;
    std::map<QuotaBucket::Skip, std::pair<int, std::string>> skipped;  // count, first label
    for_each_quota_bucket(scheme_, node, counter, 0, days, [&](const QuotaBucket& b) {
      if (b.skip != QuotaBucket::Skip::kNone) {
        auto& [n, first] = skipped[b.skip];
        if (n++ == 0) first = buckets.label(b.index);
        return;
      }
      if (b.missing == 0) return;
      ++short_buckets;
      const Rational delta = -Rational(r.amount.times(b.missing));
      exact += delta;
      if (short_buckets > max_rows_) {
        ++hidden;
        hidden_effect += delta * m;
        sum_ += delta * m;
        return;
      }
      std::string text = fmt::format("{}: {} of {} required", buckets.label(b.index), b.have,
                                     b.required);
      if (r.quota.distinct_dates) text += " dates";
      for (std::size_t t = 0; t < b.tier_have.size(); ++t) {
        text += fmt::format(", {} {} of {}", r.named[t].name, b.tier_have[t], b.tier_required[t]);
      }
      if (b.days_inside < b.days_total) {
        text += fmt::format(" (pro rata {} of {} days)", b.days_inside, b.days_total);
      }
      text += fmt::format(", {} missing × {}", b.missing, r.amount.to_string());
      out.lines.push_back(line(text, delta * m));
    });
    if (hidden > 0) {
      out.lines.push_back(ExplainLine{
          fmt::format("… {} more short {}s, total {}", hidden, every_name(r.quota.per),
                      readable(hidden_effect)),
          "", "", hidden_effect});
    }
    if (short_buckets == 0) {
      // "at least 1 row", "at least 2 rows".
      const char* one = r.quota.distinct_dates ? "date" : "row";
      out.lines.push_back(line(fmt::format("every {} has at least {} {}",
                                           every_name(r.quota.per), r.quota.required,
                                           r.quota.required == 1 ? one : what),
                               std::nullopt));
    }
    for (const auto& [skip, seen] : skipped) {
      const auto& [n, first] = seen;
      const char* why = skip == QuotaBucket::Skip::kNotOver   ? "not over at --as-of"
                        : skip == QuotaBucket::Skip::kDayOff  ? "days off in the calendar"
                        : skip == QuotaBucket::Skip::kOutside ? "outside the unit's days"
                                                              : "partly outside (partial: skip)";
      out.lines.push_back(line(fmt::format("{} {}{} from {}: {}, not counted", n,
                                           every_name(r.quota.per), n > 1 ? "s" : "", first, why),
                               std::nullopt));
    }
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
      quota_lines(node, rows, m, out, exact);
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
        // A both-signs rule holds its bonus amounts negative: print each
        // row's amount unsigned under its own sign.
        Decimal shown_amount = Tallies::amount_of(node, e);
        bool row_deducts = deduct;
        if (shown_amount < Decimal()) {
          shown_amount = -shown_amount;
          row_deducts = !deduct;
        }
        what = e.count > 1 ? fmt::format("{}{} × {}", detail, shown_amount.to_string(), e.count)
                           : fmt::format("{}{}", detail, shown_amount.to_string());
        if (r.kind == RuleKind::kLate) {
          // A row on time deducts 0: no sign.
          what = (amount == Decimal() ? "" : "-") + what + ": " + late_text(r, e);
        } else {
          what = (row_deducts ? "-" : "+") + what;
        }
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
                      readable(hidden_effect)),
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

  // FILE:LINE of measure rows in file and line order, a run of consecutive
  // lines as FIRST-LAST: "m.csv:4,9-11, m2.csv:2".
  std::string cite_lines(std::vector<std::pair<int, int>> rows) const {
    std::sort(rows.begin(), rows.end());
    std::string out;
    for (std::size_t i = 0; i < rows.size();) {
      std::size_t j = i;
      while (j + 1 < rows.size() && rows[j + 1].first == rows[i].first &&
             rows[j + 1].second == rows[j].second + 1) {
        ++j;
      }
      if (i == 0 || rows[i].first != rows[i - 1].first) {
        out += fmt::format("{}{}:", out.empty() ? "" : ", ",
                           ev_.sources.measures[static_cast<std::size_t>(rows[i].first)]);
      } else {
        out += ",";
      }
      out += j > i ? fmt::format("{}-{}", rows[i].second, rows[j].second)
                   : std::to_string(rows[i].second);
      i = j + 1;
    }
    return out;
  }

  // A sheets leaf: each sheet (group, rater, value, dropped or kept) at its
  // FILE:LINE — the first max_rows_ one a line, the rest in one line citing
  // all of theirs (cite_lines) — then each group's mean, and
  // the weighted mean that scored (`result` ends the last line: "→ 17.5").
  void sheet_lines(const Node& node, const std::vector<Measure>& rows,
                   const std::string& result, const Rational& effect, ExplainNode& out) {
    const SheetsTally t = tally_sheets(node.rule, rows);
    std::int64_t shown = 0, hidden_dropped = 0;
    std::vector<std::pair<int, int>> hidden;  // file, line
    for (const SheetGroupTally& g : t.groups) {
      for (int i = 0; i < static_cast<int>(g.sheets.size()); ++i) {
        const Measure& s = *g.sheets[static_cast<std::size_t>(i)];
        const bool dropped = i == g.dropped_high || i == g.dropped_low;
        const std::string& file = ev_.sources.measures[s.file];
        if (shown >= max_rows_) {
          hidden.emplace_back(s.file, s.line);
          hidden_dropped += dropped ? 1 : 0;
          continue;
        }
        ++shown;
        std::string who = g.name;
        if (s.rater >= 0) who += (who.empty() ? "" : " ") + ev_.measures.rater_name(s.rater);
        std::string text = fmt::format("sheet{}{}: {}", who.empty() ? "" : " ", who,
                                       s.value->to_string());
        if (i == g.dropped_high) text += ", dropped (the highest)";
        if (i == g.dropped_low) text += ", dropped (the lowest)";
        out.lines.push_back(line(std::move(text), std::nullopt,
                                 format_location(file, s.line, 0)));
      }
    }
    if (!hidden.empty()) {
      const std::size_t count = hidden.size();
      out.lines.push_back(line(fmt::format("… {} more sheets{}", count,
                                           hidden_dropped > 0
                                               ? fmt::format(" ({} dropped)", hidden_dropped)
                                               : std::string()),
                               std::nullopt, cite_lines(std::move(hidden))));
    }
    const std::string scale = node.rule.scale->to_string();
    if (!t.too_few.empty()) {
      out.lines.push_back(line("sheets: " + t.too_few + " → " + result, effect));
      return;
    }
    std::string formula;
    for (const SheetGroupTally& g : t.groups) {
      const std::size_t kept =
          g.sheets.size() - (g.dropped_high >= 0 ? 1 : 0) - (g.dropped_low >= 0 ? 1 : 0);
      std::string what = fmt::format("mean of {} sheet{}{}", kept, kept == 1 ? "" : "s",
                                     kept < g.sheets.size() ? " kept" : "");
      out.lines.push_back(line(
          fmt::format("{}{} = {}", g.name.empty() ? "" : g.name + ": ", what,
                      readable(g.mean)),
          std::nullopt));
      if (g.name.empty()) {
        formula = readable(g.mean);
      } else {
        const std::optional<Decimal> pct = (g.weight * Rational(100)).to_decimal();
        formula += fmt::format("{}{}% × {}", formula.empty() ? "" : " + ",
                               pct ? pct->to_string() : readable(g.weight * Rational(100)),
                               readable(g.mean));
      }
    }
    if (t.groups.size() > 1 || !t.groups.front().name.empty()) {
      formula += " = " + readable(t.mean);
    }
    out.lines.push_back(line(fmt::format("sheets {}, × {} ÷ {} → {}", formula,
                                         node.points->to_string(), scale, result),
                             effect));
  }

  void measure_lines(int n, const Rational& m, ExplainNode& out, Rational& exact) {
    const Node& node = scheme_.nodes[n];
    const std::vector<Measure>* rows = ev_.measures.find(unit_, n);
    if (node.rule.kind == RuleKind::kSheets && rows && rows->front().value) {
      exact = score_measure_leaf(node, rows).value;
      sheet_lines(node, *rows, readable(exact), (exact - points_of(node)) * m, out);
      return;
    }
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
          source += format_location(file, mrow.line, 0);
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
    std::string exact_text = readable(exact);
    if (node.rule.kind == RuleKind::kBands && rows && rows->size() == 1 &&
        rows->front().value && !node.rule.bands.empty()) {
      // Which band the value reached (达到90%), or that it reached none.
      const int band = band_of(node.rule, *rows->front().value);
      values += band >= 0
                    ? " (at least " + node.rule.bands[static_cast<std::size_t>(band)].at_least_text + ")"
                    : " (below " + node.rule.bands.back().at_least_text + ")";
    }
    out.lines.push_back(line(fmt::format("{} {} → {}", rule_kind_name(node.rule.kind),
                                         values.empty() ? "(no rows)" : values,
                                         exact_text),
                             (exact - points_of(node)) * m, source));
  }

  // A result leaf: the source, its unit and node, the score read there
  // and the conversion (按…考核折算).
  void result_lines(int n, const Rational& m, ExplainNode& out, Rational& exact) {
    const Node& node = scheme_.nodes[n];
    const ResultLeafSource* src = ev_.results.find(n);
    exact = score_result_leaf(node, src, unit_).value;
    const std::string exact_text = readable(exact);
    if (src == nullptr) return;
    const Unit& unit = ev_.roster.units[static_cast<std::size_t>(unit_)];
    const std::string what = src->node == "total"
                                 ? std::string("total")
                                 : fmt::format("{} ({})", src->node_name, src->node);
    const SourceScore& s = src->units[static_cast<std::size_t>(unit_)];
    const ResultSource& r = *node.rule.result;
    std::string text;
    if (s.state != SourceScore::State::kScored) {
      text = fmt::format("result: unit {} not in the source → {}", unit.id, exact_text);
    } else if (r.deduct) {
      text = fmt::format("result: {} of unit {} is {} of {} → -{} × ({} − {}) ÷ {} = {}",
                         what, unit.id, s.score.to_string(), src->scale.to_string(),
                         r.deduct->to_string(), src->scale.to_string(), s.score.to_string(),
                         src->scale.to_string(), exact_text);
    } else {
      text = fmt::format("result: {} of unit {} is {} of {} → {} × {} ÷ {} = {}", what,
                         unit.id, s.score.to_string(), src->scale.to_string(),
                         node.points ? node.points->to_string() : "0", s.score.to_string(),
                         src->scale.to_string(), exact_text);
    }
    out.lines.push_back(line(text, (exact - points_of(node)) * m, src->file));
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
      out.lines.push_back(line(fmt::format("rounded {} → {}", readable(v),
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
    if (node.parent >= 0 && scheme_.nodes[node.parent].one_of) {
      // An alternative the unit's rows did not choose.
      for (int c : scheme_.nodes[node.parent].children) {
        if (c != n && ev_.sheet.at(unit_, c).applicable) {
          const Node& parent = scheme_.nodes[node.parent];
          if (!parent.one_of_column.empty()) {
            const Roster& roster = ev_.roster;
            const auto col = std::find(roster.columns.begin(), roster.columns.end(),
                                       parent.one_of_column);
            const std::string value =
                col == roster.columns.end()
                    ? std::string()
                    : roster.units[unit_].extra[static_cast<std::size_t>(
                          col - roster.columns.begin())];
            return fmt::format("does not apply: the unit's {} \"{}\" chooses {} (one_of)",
                               parent.one_of_column, value, scheme_.nodes[c].id);
          }
          return fmt::format("does not apply: the unit's rows are for {} (one_of)",
                             scheme_.nodes[c].id);
        }
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
    for (const DefaultUsed& d : ev_.sheet.defaults_for(unit_, n)) {
      out.lines.push_back(line(d.what, std::nullopt));
    }
    if (!cell.applicable) {
      out.lines.push_back(line(not_applicable_line(n), std::nullopt));
      return out;
    }
    // A node scored by its not-applicable policy (full, zero, mean).
    bool by_policy = false;
    for (const DefaultUsed& d : ev_.sheet.defaults_for(unit_, n)) {
      by_policy |= d.what.rfind("does not apply", 0) == 0;
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
      } else if (node.rule.kind == RuleKind::kResult) {
        result_lines(n, m, out, exact);
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
