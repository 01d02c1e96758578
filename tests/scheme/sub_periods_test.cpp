// Unit tests of sub-periods in one run (`periods:`, scheme/sub_periods.h):
// the loader's expansion into copies (ids, names, labels, weights, spans),
// the errors of the `periods` key, references to ids inside a node with
// periods, and how the scheme's entries (JSON, diff) record it.
#include "scheme/sub_periods.h"

#include <doctest/doctest.h>

#include <string>

#include "scheme/scheme_entries.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::find_diag;

// Two years; `p4` scored once per year. `periods` and `extra` lines are
// indented by six spaces (keys of p4).
std::string two_years(const std::string& periods = "{per: year, combine: mean}",
                      const std::string& extra = "", const std::string& tail = "") {
  return "kaohe: 1\n"
         "period: {from: 2024-01-01, to: 2025-12-31}\n"
         "root:\n"
         "  id: total\n"
         "  name: 总分\n"
         "  points: 40\n"
         "  children:\n"
         "    - id: p4\n"
         "      name: 集体上访\n"
         "      points: 20\n"
         "      periods: " + periods + "\n" + extra +
         "      base: 20\n"
         "      floor: 0\n"
         "      children:\n"
         "        - {id: p4_major, name: 重大恶性事件, flag_event: {zero: p4}}\n"
         "        - {id: p4_group, name: 集体上访, per_event: {deduct: 1}}\n"
         "    - {id: p6, name: 创新, points: 20, direct: {}}\n" + tail;
}

Error load_fail(const std::string& text) {
  return test::expect_error([&] { (void)parse_scheme("s.yaml", text); });
}

const Diagnostic& diag(const Error& e, const std::string& needle) {
  CHECK(e.exit_code() == 65);
  const Diagnostic* d = find_diag(e.diagnostics(), needle);
  if (d == nullptr) FAIL("no diagnostic mentions '" << needle << "'; got:\n" << e.what());
  return *d;
}

TEST_CASE("periods: a node becomes one copy of its subtree per sub-period") {
  Scheme s = test::scheme_of(two_years());
  const int p4 = s.find("p4");
  REQUIRE(p4 >= 0);
  const Node& node = s.nodes[p4];
  REQUIRE(node.periods);
  CHECK(node.periods->labels == std::vector<std::string>{"2024", "2025"});
  CHECK(node.points == Decimal::from_int(20));
  CHECK(node.weighted_children);
  REQUIRE(node.children.size() == 2);
  const Node& y1 = s.nodes[node.children[0]];
  const Node& y2 = s.nodes[node.children[1]];
  CHECK(y1.id == "p4@2024");
  CHECK(y2.id == "p4@2025");
  CHECK(y1.name == "集体上访 (2024)");
  CHECK(y1.template_id == "p4");
  CHECK(y1.is_copy_root());
  CHECK(y1.weight == Rational::fraction(1, 2));
  CHECK(y1.points == Decimal::from_int(20));
  CHECK(y1.base == Decimal::from_int(20));
  CHECK(y1.floor == Decimal());
  CHECK(y1.sub_period == 0);
  CHECK(y2.sub_period == 1);
  // The leaves under each copy, ids and names suffixed.
  const int leaf = s.find("p4_group@2025");
  REQUIRE(leaf >= 0);
  CHECK(s.nodes[leaf].name == "集体上访 (2025)");
  CHECK(s.nodes[leaf].template_id == "p4_group");
  CHECK(s.nodes[leaf].periodic == p4);
  CHECK(s.nodes[leaf].parent == node.children[1]);
  CHECK(s.find("p4_group") < 0);
  REQUIRE(s.find_copies("p4_group"));
  CHECK(*s.find_copies("p4_group") == std::vector<int>{s.find("p4_group@2024"), leaf});
  // Each copy covers its year; `zero: p4` inside names the year's copy.
  CHECK(s.span_of(leaf)->from == Date{2025, 1, 1});
  CHECK(s.span_of(leaf)->to == Date{2025, 12, 31});
  CHECK(s.nodes[s.find("p4_major@2024")].rule.zero == "p4@2024");
  CHECK(s.nodes[s.find("p4_major@2025")].rule.zero == "p4@2025");
  // Parents still precede their children.
  for (std::size_t i = 1; i < s.nodes.size(); ++i) {
    CHECK(s.nodes[i].parent < static_cast<int>(i));
  }
}

TEST_CASE("periods: labels and spans of half-years, quarters and months at the edges") {
  std::string yaml =
      "kaohe: 1\n"
      "period: {from: 2025-02-10, to: 2025-08-31}\n"
      "root:\n"
      "  id: total\n"
      "  name: 总分\n"
      "  points: 10\n"
      "  children:\n"
      "    - {id: q, name: 季度, points: 10, periods: {per: quarter, combine: mean},"
      " direct: {}}\n";
  Scheme s = test::scheme_of(yaml);
  const SubPeriods& p = *s.nodes[s.find("q")].periods;
  CHECK(p.labels == std::vector<std::string>{"2025-Q1", "2025-Q2", "2025-Q3"});
  CHECK(p.spans.front().from == Date{2025, 2, 10});  // cut by the period
  CHECK(p.spans.back().to == Date{2025, 8, 31});
  CHECK(sub_period_of(p, Date{2025, 2, 9}) == -1);
  CHECK(sub_period_of(p, Date{2025, 4, 1}) == 1);
  CHECK(sub_period_of(p, Date{2025, 9, 1}) == -1);
  CHECK(find_label(p, "2025-Q3") == 2);
  CHECK(find_label(p, "2025-Q4") == -1);
  // A leaf with periods: the node combines leaf copies.
  CHECK(s.nodes[s.find("q@2025-Q2")].is_leaf());
  CHECK(s.nodes[s.find("q@2025-Q2")].rule.kind == RuleKind::kDirect);

  std::string months = yaml;
  months.replace(months.find("per: quarter"), 12, "per: month");
  Scheme m = test::scheme_of(months);
  CHECK(m.nodes[m.find("q")].periods->labels.size() == 7);
  CHECK(m.find("q@2025-02") >= 0);
  std::string halves = yaml;
  halves.replace(halves.find("per: quarter"), 12, "per: half");
  Scheme h = test::scheme_of(halves);
  CHECK(h.nodes[h.find("q")].periods->labels == std::vector<std::string>{"2025-H1", "2025-H2"});
}

TEST_CASE("periods: combine sum, last and weights") {
  Scheme sum = test::scheme_of(two_years("{per: year, combine: sum}"));
  const Node& s4 = sum.nodes[sum.find("p4")];
  CHECK(s4.points == Decimal::from_int(40));  // 20 a year, two years
  CHECK_FALSE(s4.weighted_children);
  CHECK_FALSE(sum.nodes[s4.children[0]].weight);
  CHECK(sum.nodes[s4.children[0]].points == Decimal::from_int(20));

  Scheme last = test::scheme_of(two_years("{per: year, combine: last}"));
  CHECK(last.nodes[last.find("p4")].periods->combine == Combine::kLast);
  CHECK(last.nodes[last.find("p4")].weighted_children);

  Scheme w = test::scheme_of(two_years("{per: year, combine: {weights: [25%, 75%]}}"));
  const Node& w4 = w.nodes[w.find("p4")];
  CHECK(w.nodes[w4.children[0]].weight == Rational::fraction(1, 4));
  CHECK(w.nodes[w4.children[1]].weight == Rational::fraction(3, 4));
}

TEST_CASE("periods: a weights list that does not fit is refused") {
  Error three = load_fail(two_years("{per: year, combine: {weights: [25%, 25%, 50%]}}"));
  const Diagnostic& d = diag(three, "'weights' lists 3 weights");
  CHECK(contains(d.message, "2 sub-periods of one year (2024, 2025)"));
  CHECK(d.line == 11);
  CHECK(contains(d.hint, "one weight per sub-period"));
  Error e = load_fail(two_years("{per: year, combine: {weights: [25%, 70%]}}"));
  CHECK(contains(diag(e, "add up to 95%").message, "sub-periods of 'p4'"));
  // Reported once: not again as the weights of p4's children.
  CHECK(e.diagnostics().size() == 1);
  diag(load_fail(two_years("{per: year, combine: {weights: [25, 75%]}}")),
       "a weight must be a percentage");
}

TEST_CASE("periods: errors of the key") {
  diag(load_fail(two_years("{per: week, combine: mean}")),
       "'per' must be month, quarter, half or year; got 'week'");
  CHECK(diag(load_fail(two_years("{per: yaer, combine: mean}")), "got 'yaer'").hint ==
        "did you mean \"year\"?");
  CHECK(diag(load_fail(two_years("{per: year, combine: avg}")), "'combine' must be").line == 11);
  diag(load_fail(two_years("{per: year}")), "'periods' needs 'combine'");
  diag(load_fail(two_years("{combine: mean}")), "'periods' needs 'per'");
  CHECK(diag(load_fail(two_years("{per: year, combine: mean, every: 2}")),
             "unknown key 'every' in periods")
            .line == 11);
  diag(load_fail(two_years("year")), "'periods' is a mapping");
  // A scheme without a period has nothing to cut.
  std::string no_period = two_years();
  no_period.erase(no_period.find("period: {"), no_period.find("root:") - no_period.find("period: {"));
  diag(load_fail(no_period), "'periods' of 'p4' needs the scheme's 'period'");
  // mean, last and weights take a share of the node's points.
  std::string no_points = two_years();
  no_points.erase(no_points.find("      points: 20\n"), 17);
  Error e = load_fail(no_points);
  CHECK(contains(diag(e, "'combine: mean' of 'p4' needs 'points'").hint, "by sum"));
  CHECK(e.diagnostics().size() == 1);
}

TEST_CASE("periods: not on the root, not nested") {
  diag(load_fail(test::scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n",
                                   "  periods: {per: year, combine: mean}\n",
                                   "period: {from: 2024-01-01, to: 2025-12-31}\n")),
       "the root node takes no 'periods'");
  Error nested = load_fail(two_years(
      "{per: year, combine: mean}", "",
      "    - id: p7\n"
      "      name: 嵌套\n"
      "      points: 10\n"
      "      periods: {per: year, combine: mean}\n"
      "      children:\n"
      "        - {id: p7_half, name: 半年, points: 10, periods: {per: half, combine: mean},"
      " direct: {}}\n"));
  diag(nested, "a node with 'periods' inside another one is not supported");
  CHECK(nested.diagnostics().size() == 1);  // once, not once per copy
}

TEST_CASE("periods: a problem inside the subtree is reported once") {
  std::string yaml = two_years();
  yaml.replace(yaml.find("per_event: {deduct: 1}"), 22, "per_event: {deduct: x}");
  Error e = load_fail(yaml);
  CHECK(e.diagnostics().size() == 1);
  CHECK(e.diagnostics().front().line == 16);
}

TEST_CASE("periods: ids inside are item ids of the copies; '@' is kept for them") {
  // Another node with an id written inside p4.
  Error clash = load_fail(two_years(
      "{per: year, combine: mean}", "", "    - {id: p4_group, name: 重名, direct: {}}\n"));
  diag(clash, "duplicate node id 'p4_group'");
  Error before = load_fail(test::scheme_text(
      "    - {id: p4_group, name: 重名, points: 50, direct: {}}\n"
      "    - id: p4\n"
      "      name: 集体上访\n"
      "      points: 50\n"
      "      periods: {per: year, combine: mean}\n"
      "      children:\n"
      "        - {id: p4_group, name: 集体上访, points: 50, direct: {}}\n",
      "", "period: {from: 2024-01-01, to: 2025-12-31}\n"));
  CHECK(diag(before, "duplicate node id 'p4_group'").line == 14);
  Error at = load_fail(test::scheme_text("    - {id: a@2024, name: 甲, points: 100, direct: {}}\n"));
  CHECK(contains(diag(at, "node id 'a@2024'").hint, "'@' is kept for the copies"));
}

TEST_CASE("periods: a gate, tie-breaker or quota condition naming an id inside") {
  std::string grades =
      "grades: [{name: 优, min: 30}, {name: 先进, quota: true}, {name: 差}]\n";
  Error gate = load_fail(two_years("{per: year, combine: mean}", "",
                                   grades + "gates: [{node: p4_group, below: 5, at_most: 差}]\n"));
  const Diagnostic& d = diag(gate, "node 'p4_group' has one score per sub-period");
  CHECK(d.line == 19);
  CHECK(d.hint ==
        "'p4_group' is scored once per year ('periods' of 'p4'): name one sub-period's "
        "score (p4_group@2024, p4_group@2025), or 'p4' for the combined score");
  diag(load_fail(two_years("{per: year, combine: mean}", "",
                           "ranking: {tie_breakers: [p4_major]}\n")),
       "tie breaker names node 'p4_major' has one score per sub-period");
  diag(load_fail(two_years("{per: year, combine: mean}", "",
                           grades + "quotas: [{grade: 先进, percent: 30%, require: "
                                    "[{node: p4_group, at_least: 5}]}]\n")),
       "node 'p4_group' has one score per sub-period");
  // The copies and the node itself are fine.
  Scheme ok = test::scheme_of(two_years(
      "{per: year, combine: mean}", "",
      grades + "gates: [{node: p4_group@2025, below: 5, at_most: 差}, "
               "{node: p4, below: 5, at_most: 差}]\nranking: {tie_breakers: [p4@2024]}\n"));
  CHECK(ok.gates.size() == 2);
}

TEST_CASE("periods: JSON and diff record the node as written, copies once") {
  Scheme s = test::scheme_of(two_years("{per: year, combine: {weights: [25%, 75.0%]}}"));
  std::vector<std::string> ids;
  const SchemeEntry* p4 = nullptr;
  const SchemeEntry* group = nullptr;
  std::vector<SchemeEntry> entries = scheme_entries(s);
  for (const SchemeEntry& e : entries) {
    if (e.section != "node") continue;
    ids.push_back(e.id);
    if (e.id == "p4") p4 = &e;
    if (e.id == "p4_group") group = &e;
  }
  CHECK(ids == std::vector<std::string>{"total", "p4", "p4_major", "p4_group", "p6"});
  REQUIRE(p4);
  REQUIRE(group);
  CHECK(p4->field("periods")->text() == "year weights 25%, 75%");
  CHECK(p4->field("points")->text() == "20");
  CHECK(p4->field("base")->text() == "20");
  CHECK(p4->field("floor")->text() == "0");
  CHECK(group->field("parent")->text() == "p4");
  CHECK(group->field("name")->text() == "集体上访");
  CHECK(group->field("periods")->text() == "-");
  for (const SchemeEntry& e : entries) {
    if (e.id == "p4_major") CHECK(e.field("rule")->text() == "flag_event, zero p4");
  }
  // Sum: the points written are those of one sub-period.
  Scheme sum = test::scheme_of(two_years("{per: year, combine: sum}"));
  for (const SchemeEntry& e : scheme_entries(sum)) {
    if (e.id == "p4") CHECK(e.field("points")->text() == "20");
  }
}

}  // namespace
}  // namespace kaohe
