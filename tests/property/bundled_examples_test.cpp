// Properties of every bundled scheme scored on its own example, through
// the library (SPEC §3, §4, §9, §10):
//  - every node's printed score lies within its floor and cap;
//  - every printed score has exactly the scheme's precision;
//  - for every file read, rows read = rows counted + rows outside the
//    period + rows reported (the -v summary adds up);
//  - one more deduction event never raises a unit's total, nor the score
//    of the item or of any group above it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/decimal.h"
#include "property/bundled.h"
#include "scheme/model.h"

namespace kaohe::test {
namespace {

TEST_CASE("property: there are bundled examples to check") {
  // Guards the other properties against passing on nothing.
  std::vector<Bundled> all = bundled_examples();
  CHECK(all.size() >= 9);
}

TEST_CASE("property: every node stays within its floor and cap, for every unit of every bundled example") {
  int checked = 0;
  for (const Bundled& b : bundled_examples()) {
    CAPTURE(b.name);
    std::optional<Evaluation> ev = score_bundled(b);
    if (!ev) continue;
    const Scheme& s = ev->scheme;
    for (int u = 0; u < ev->roster.size(); ++u) {
      for (int n = 0; n < static_cast<int>(s.nodes.size()); ++n) {
        const Node& node = s.nodes[n];
        const NodeScore& cell = ev->sheet.at(u, n);
        // A node that does not apply has no score of its own (its policy
        // may print one); an event that zeroes a node wins over its floor
        // (SPEC §10).
        if (!cell.applicable || cell.zeroed) continue;
        CAPTURE(ev->roster.units[u].id);
        CAPTURE(node.id);
        CAPTURE(cell.score.to_string());
        if (node.floor) {
          CHECK(cell.score >= *node.floor);
          ++checked;
        }
        if (node.cap) {
          CHECK(cell.score <= *node.cap);
          ++checked;
        }
        if (node.rule.kind == RuleKind::kDirect) {
          // direct: the value is the score, within [floor or 0, cap or points].
          CHECK(cell.score >= node.floor.value_or(Decimal()));
          if (node.cap || node.points) {
            CHECK(cell.score <= (node.cap ? *node.cap : *node.points));
          }
          ++checked;
        }
      }
    }
  }
  // The bundled schemes use 扣完为止 floors and 不超过 caps throughout.
  CHECK(checked > 100);
}

TEST_CASE("property: every printed score and total has exactly the scheme's precision") {
  for (const Bundled& b : bundled_examples()) {
    CAPTURE(b.name);
    std::optional<Evaluation> ev = score_bundled(b);
    if (!ev) continue;
    const Scheme& s = ev->scheme;
    for (int u = 0; u < ev->roster.size(); ++u) {
      CAPTURE(ev->roster.units[u].id);
      Decimal total = ev->sheet.total(u);
      CHECK(round_to(Rational(total), s.precision, s.rounding) == total);
      for (int n = 0; n < static_cast<int>(s.nodes.size()); ++n) {
        Decimal score = ev->sheet.at(u, n).score;
        CAPTURE(s.nodes[n].id);
        CHECK(round_to(Rational(score), s.precision, s.rounding) == score);
      }
    }
  }
}

TEST_CASE("property: rows read = counted + outside the period + reported, for every file of every bundled example") {
  int files = 0;
  for (const Bundled& b : bundled_examples()) {
    CAPTURE(b.name);
    std::optional<Evaluation> ev = score_bundled(b);
    if (!ev) continue;
    for (const InputStats& st : ev->stats) {
      CAPTURE(st.file);
      CHECK(st.read == st.counted + st.outside + st.reported);
      // A run that scored had no row with an error.
      CHECK(st.reported == 0);
      CHECK(st.read > 0);
      ++files;
    }
  }
  CHECK(files >= 9);
}

// The deduction rules an event row feeds, with the row's columns.
bool is_deduction_event_leaf(const Node& n) {
  if (!n.is_leaf() || n.rule.direction != Direction::kDeduct) return false;
  switch (n.rule.kind) {
    case RuleKind::kPerEvent:
    case RuleKind::kTiered:
    case RuleKind::kRole:
    case RuleKind::kRanged:
      return true;
    default:
      return false;
  }
}

// One events row (header: unit_id,item_id,date,count,tier,role,points)
// that deducts through leaf `n` for `unit`, or several, one per named tier
// or role.
std::vector<std::string> deduction_rows(const Scheme& s, const Node& n,
                                        const std::string& unit) {
  // A leaf scored per sub-period: the item as written, dated in its
  // sub-period.
  const int index = static_cast<int>(&n - s.nodes.data());
  std::string date = s.span_of(index) ? s.span_of(index)->from.to_string() : std::string();
  const std::string id = n.periodic >= 0 ? n.template_id : n.id;
  std::vector<std::string> rows;
  switch (n.rule.kind) {
    case RuleKind::kPerEvent:
      rows.push_back(fmt::format("{},{},{},1,,,", unit, id, date));
      break;
    case RuleKind::kTiered:
      for (const NamedAmount& a : n.rule.named) {
        rows.push_back(fmt::format("{},{},{},1,\"{}\",,", unit, id, date, a.name));
      }
      break;
    case RuleKind::kRole:
      for (const NamedAmount& a : n.rule.named) {
        rows.push_back(fmt::format("{},{},{},1,,\"{}\",", unit, id, date, a.name));
      }
      break;
    case RuleKind::kRanged:
      rows.push_back(fmt::format("{},{},{},1,,,{}", unit, id, date,
                                 n.rule.range_min.to_string()));
      rows.push_back(fmt::format("{},{},{},1,,,{}", unit, id, date,
                                 n.rule.range_max.to_string()));
      break;
    default:
      break;
  }
  return rows;
}

TEST_CASE("property: one more deduction event never raises a unit's total, for every deduction leaf of every bundled scheme") {
  int tried = 0;
  int lowered = 0;
  for (const Bundled& b : bundled_examples()) {
    CAPTURE(b.name);
    std::optional<Evaluation> base = score_bundled(b);
    if (!base) continue;
    const Scheme& s = base->scheme;
    const Roster& roster = base->roster;
    for (int n = 0; n < static_cast<int>(s.nodes.size()); ++n) {
      const Node& node = s.nodes[n];
      if (!is_deduction_event_leaf(node)) continue;
      // The first and the last unit the item applies to.
      std::vector<int> units;
      for (int u = 0; u < roster.size(); ++u) {
        if (s.applies_to_category(n, roster.units[u].category) &&
            !base->measures.subtree_marked_na(s, u, n)) {
          units.push_back(u);
        }
      }
      if (units.size() > 2) units = {units.front(), units.back()};
      for (int u : units) {
        for (const std::string& row : deduction_rows(s, node, roster.units[u].id)) {
          CAPTURE(row);
          ScratchDir dir;
          std::string extra = dir.write(
              "events-extra.csv", "unit_id,item_id,date,count,tier,role,points\n" + row + "\n");
          std::optional<Evaluation> more = score_bundled(b, {extra});
          if (!more) continue;
          ++tried;
          CHECK(more->sheet.total(u) <= base->sheet.total(u));
          if (more->sheet.total(u) < base->sheet.total(u)) ++lowered;
          // Nor does the item, or any group above it, score higher.
          for (int a = n; a >= 0; a = s.nodes[a].parent) {
            CAPTURE(s.nodes[a].id);
            CHECK(more->sheet.at(u, a).score <= base->sheet.at(u, a).score);
          }
        }
      }
    }
  }
  // Not vacuous: many rows were tried, and most of them cost points.
  CHECK(tried > 30);
  CHECK(lowered > tried / 2);
  MESSAGE(tried << " extra deduction rows tried, " << lowered
                << " lowered the total");
}

}  // namespace
}  // namespace kaohe::test
