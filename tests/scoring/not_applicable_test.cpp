// Unit tests of items that do not apply (SPEC §3.3, §10): NA rows on
// leaves and groups, applies_to by category, and the policies exclude,
// full, zero, mean, redistribute and move_to.
#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::scheme_text;
using test::World;

// a 20 + b 30 + c 50, c with the given policy; U1 has c = NA.
std::string abc(const std::string& c_policy) {
  return scheme_text("    - {id: a, name: 甲, points: 20, direct: {}}\n"
                     "    - {id: b, name: 乙, points: 30, direct: {}}\n"
                     "    - {id: c, name: 丙, points: 50, not_applicable: " +
                     c_policy + ", direct: {}}\n");
}

void fill_abc(World& w) {
  w.measure("U1", "a", "10");
  w.measure("U1", "b", "30");
  w.measure("U1", "c", "NA");
  w.measure("U2", "a", "20");
  w.measure("U2", "b", "15");
  w.measure("U2", "c", "40");
  w.measure("U3", "a", "5");
  w.measure("U3", "b", "5");
  w.measure("U3", "c", "31");
}

TEST_CASE("exclude (the default): the item drops out and full marks shrink") {
  World w(abc("exclude"), {{"U1"}, {"U2"}, {"U3"}});
  fill_abc(w);
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "c") == "NA");
  CHECK(r.total("U1") == "40.00");
  CHECK(r.sheet.full_marks(r.unit("U1")) == Decimal::from_int(50));
  CHECK(r.sheet.full_marks(r.unit("U2")) == Decimal::from_int(100));
  CHECK(r.total("U2") == "75.00");
}

TEST_CASE("full: the item scores its points and still counts") {
  World w(abc("full"), {{"U1"}, {"U2"}, {"U3"}});
  fill_abc(w);
  auto r = w.run();
  CHECK(r.score("U1", "c") == "50.00");
  CHECK(r.total("U1") == "90.00");
  CHECK(r.sheet.full_marks(r.unit("U1")) == Decimal::from_int(100));
  CHECK_FALSE(r.sheet.defaults.empty());
}

TEST_CASE("zero: the item scores 0 and still counts") {
  World w(abc("zero"), {{"U1"}, {"U2"}, {"U3"}});
  fill_abc(w);
  auto r = w.run();
  CHECK(r.score("U1", "c") == "0.00");
  CHECK(r.total("U1") == "40.00");
  CHECK(r.sheet.full_marks(r.unit("U1")) == Decimal::from_int(100));
}

TEST_CASE("mean: the mean of the printed scores of the units it applies to") {
  World w(abc("mean"), {{"U1"}, {"U2"}, {"U3"}});
  fill_abc(w);
  auto r = w.run();
  CHECK(r.score("U1", "c") == "35.50");  // (40 + 31) / 2
  CHECK(r.total("U1") == "75.50");
}

TEST_CASE("mean: when it applies to no unit, full marks") {
  World w(abc("mean"), {{"U1"}});
  w.measure("U1", "a", "10");
  w.measure("U1", "b", "30");
  w.measure("U1", "c", "NA");
  auto r = w.run();
  CHECK(r.score("U1", "c") == "50.00");
  CHECK(r.total("U1") == "90.00");
}

TEST_CASE("redistribute: the parent scales the applicable children up") {
  World w(abc("redistribute"), {{"U1"}, {"U2"}, {"U3"}});
  fill_abc(w);
  auto r = w.run();
  // a: 10 × (20 + 50 × 20/50) / 20 = 20; b: 30 × (30 + 50 × 30/50) / 30 = 60.
  CHECK(r.score("U1", "c") == "NA");
  CHECK(r.total("U1") == "80.00");
  CHECK(r.sheet.full_marks(r.unit("U1")) == Decimal::from_int(100));
}

TEST_CASE("redistribute rounds once at the parent") {
  World w(scheme_text("    - {id: a, name: 甲, points: 30, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 60, direct: {}}\n"
                      "    - {id: c, name: 丙, points: 10, not_applicable: redistribute,"
                      " direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "10.01");
  w.measure("U1", "b", "20.01");
  w.measure("U1", "c", "NA");
  // Factor (90 + 10) / 90 for both: (10.01 + 20.01) × 100/90 = 33.3555… → 33.36.
  // Rounding each child first would give 11.12 + 22.23 = 33.35.
  auto r = w.run();
  CHECK(r.total("U1") == "33.36");
}

TEST_CASE("move_to: the points go to a named sibling") {
  World w(abc("{move_to: a}"), {{"U1"}, {"U2"}, {"U3"}});
  fill_abc(w);
  auto r = w.run();
  // a: 10 × (20 + 50) / 20 = 35; b: 30.
  CHECK(r.total("U1") == "65.00");
}

TEST_CASE("move_to a sibling that does not apply either: redistribute") {
  World w(scheme_text("    - {id: a, name: 甲, points: 20, direct: {missing: na}}\n"
                      "    - {id: b, name: 乙, points: 30, direct: {}}\n"
                      "    - {id: c, name: 丙, points: 50, not_applicable: {move_to: a},"
                      " direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "b", "15");
  w.measure("U1", "c", "NA");
  // a excluded (its 20 dropped), c's 50 redistributed over b alone:
  // 15 × (30 + 50) / 30 = 40.
  auto r = w.run();
  CHECK(r.score("U1", "a") == "NA");
  CHECK(r.total("U1") == "40.00");
}

TEST_CASE("move_to under a weighted parent moves the weight") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 20%, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 100, weight: 30%, direct: {}}\n"
                      "    - {id: c, name: 丙, points: 100, weight: 50%,"
                      " not_applicable: {move_to: a}, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "80");
  w.measure("U1", "b", "50");
  w.measure("U1", "c", "NA");
  // a carries 70%: 0.7 × 0.8 + 0.3 × 0.5 = 0.71 → 71 (renormalising would give 62).
  auto r = w.run();
  CHECK(r.total("U1") == "71.00");
}

TEST_CASE("an NA row on a group marks its whole subtree, the group's policy applies") {
  World w(scheme_text("    - id: g\n"
                      "      name: 组\n"
                      "      points: 27\n"
                      "      not_applicable: full\n"
                      "      children:\n"
                      "        - {id: g1, name: 组一, points: 27, per_event: {deduct: 2}}\n"
                      "    - {id: rest, name: 其他, points: 73, direct: {}}\n"),
          {{"U1"}, {"U2"}});
  Measure na;
  na.line = 2;
  w.measures.slot(w.roster.find("U1"), w.scheme.find("g")).push_back(na);
  w.measures.mark_node_na();
  w.measure("U1", "rest", "70");
  w.measure("U2", "rest", "70");
  w.event({"U2", "g1", 2});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "g1") == "NA");
  CHECK(r.score("U1", "g") == "27.00");  // 未有…任务的得27分
  CHECK(r.total("U1") == "97.00");
  CHECK(r.score("U2", "g") == "23.00");
  CHECK(r.total("U2") == "93.00");
}

TEST_CASE("measures for a leaf under a group marked NA are an error naming the unit") {
  World w(scheme_text("    - id: g\n"
                      "      name: 组\n"
                      "      points: 10\n"
                      "      children:\n"
                      "        - {id: g1, name: 组一, points: 10, direct: {}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {}}\n"),
          {{"U1", "一村"}});
  Measure na;
  w.measures.slot(0, w.scheme.find("g")).push_back(na);
  w.measures.mark_node_na();
  w.measure("U1", "g1", "5");
  w.measure("U1", "rest", "80");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  CHECK(contains(r.messages(), "\"U1\""));
  CHECK(contains(r.messages(), "\"g1\""));
}

// A `relative` leaf under a group marked NA does not apply, like its
// sibling leaves (it once asked for a measure instead).
TEST_CASE("a relative leaf under a group marked NA does not apply") {
  World w(scheme_text("    - id: g\n"
                      "      name: 组\n"
                      "      points: 20\n"
                      "      not_applicable: full\n"
                      "      children:\n"
                      "        - {id: g1, name: 组一, points: 10, direct: {}}\n"
                      "        - {id: g2, name: 互评, points: 10, relative: {}}\n"
                      "    - {id: rest, name: 其他, points: 80, direct: {}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  Measure na;
  w.measures.slot(0, w.scheme.find("g")).push_back(na);
  w.measures.mark_node_na();
  w.measure("U1", "rest", "80");
  w.measure("U2", "g1", "5");
  w.measure("U2", "g2", "80");  // best → 10
  w.measure("U2", "rest", "80");
  w.measure("U3", "g1", "5");
  w.measure("U3", "g2", "40");  // 5
  w.measure("U3", "rest", "80");
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "g2") == "NA");
  CHECK(r.score("U1", "g") == "20.00");
  CHECK(r.total("U1") == "100.00");
  CHECK(r.score("U2", "g2") == "10.00");
  CHECK(r.score("U3", "g2") == "5.00");
}

// A value for a `relative` leaf under a group marked NA is rejected, as for
// other leaves, and never sets the best for the other units.
TEST_CASE("a relative value under a group marked NA is rejected, not the best") {
  World w(scheme_text("    - id: g\n"
                      "      name: 组\n"
                      "      points: 20\n"
                      "      not_applicable: full\n"
                      "      children:\n"
                      "        - {id: g1, name: 组一, points: 10, direct: {}}\n"
                      "        - {id: g2, name: 互评, points: 10, relative: {}}\n"
                      "    - {id: rest, name: 其他, points: 80, direct: {}}\n"),
          {{"U1"}, {"U2"}});
  Measure na;
  w.measures.slot(0, w.scheme.find("g")).push_back(na);
  w.measures.mark_node_na();
  w.measure("U1", "g2", "200");  // contradicts the NA row
  w.measure("U1", "rest", "80");
  w.measure("U2", "g1", "5");
  w.measure("U2", "g2", "80");
  w.measure("U2", "rest", "80");
  auto r = w.run();
  CHECK(r.diags.error_count() == 1);
  CHECK(contains(r.messages(), "\"g2\""));
  CHECK(r.score("U2", "g2") == "10.00");  // not 10 × 80 / 200 = 4
}

TEST_CASE("applies_to: a node outside the unit's category does not apply (inherited)") {
  World w(scheme_text("    - id: g\n"
                      "      name: 组\n"
                      "      points: 30\n"
                      "      applies_to: [A]\n"
                      "      children:\n"
                      "        - {id: g1, name: 组一, points: 30, per_event: {deduct: 1}}\n"
                      "    - {id: rest, name: 其他, points: 70, direct: {}}\n",
                      "", "categories: {A: 100, B: 70}\n"),
          {{"a1", "", "A"}, {"b1", "", "B"}}, true);
  w.measure("a1", "rest", "63");
  w.measure("b1", "rest", "63");
  w.event({"a1", "g1", 3});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("b1", "g") == "NA");
  CHECK(r.score("b1", "g1") == "NA");
  CHECK(r.total("b1") == "63.00");
  CHECK(r.sheet.total(r.unit("b1")) == Decimal::from_int(90));  // 63 × 100 / 70
  CHECK(r.total("a1") == "90.00");                               // 27 + 63
  CHECK(r.sheet.total(r.unit("a1")) == Decimal::from_int(90));
}

TEST_CASE("a unit to which nothing applies is an error") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {missing: na}}\n"),
          {{"U1", "一村"}});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  CHECK(contains(r.messages(), "\"U1\""));
}

// SPEC §10, "Not applicable, in every combination": a child kept by its
// policy counts, but takes no points or weight that others hand on.

TEST_CASE("a weighted sibling kept by zero takes none of an excluded sibling's weight") {
  // a 50% + b 20% (zero) + c 30% (exclude); U1: b and c NA, a perfect.
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 50%, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 100, weight: 20%, not_applicable: zero, direct: {}}\n"
                      "    - {id: c, name: 丙, points: 100, weight: 30%, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "100");
  w.measure("U1", "b", "NA");
  w.measure("U1", "c", "NA");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  // a carries 80% (50 + all of c's 30), b 20% at 0: 80, not 50 / 70 × 100.
  CHECK(r.total("U1") == "80.00");
}

TEST_CASE("a weighted node whose only counting children are kept cannot renormalise: it does not apply") {
  // p (weighted) = x 60% (full) + y 40% (exclude); both NA: y's weight has
  // no receiver, so p drops out of the sum and q alone counts.
  World w(scheme_text("    - id: p\n"
                      "      name: 甲\n"
                      "      points: 50\n"
                      "      children:\n"
                      "        - {id: x, name: 子1, points: 100, weight: 60%, not_applicable: full, direct: {}}\n"
                      "        - {id: y, name: 子2, points: 100, weight: 40%, direct: {}}\n"
                      "    - {id: q, name: 乙, points: 50, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "x", "NA");
  w.measure("U1", "y", "NA");
  w.measure("U1", "q", "40");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "p") == "NA");
  CHECK(r.total("U1") == "40.00");
  CHECK(r.sheet.full_marks(r.unit("U1")) == Decimal::from_int(50));
}

TEST_CASE("a group that counts only through kept children receives no redistributed points") {
  // p 40 = x 20 (zero) + y 20 (zero), both NA: p counts 0 of 40 but is
  // kept; r's 20 go to a alone.
  World w(scheme_text("    - {id: a, name: 甲, points: 40, direct: {}}\n"
                      "    - id: p\n"
                      "      name: 乙\n"
                      "      points: 40\n"
                      "      children:\n"
                      "        - {id: x, name: 子1, points: 20, not_applicable: zero, direct: {}}\n"
                      "        - {id: y, name: 子2, points: 20, not_applicable: zero, direct: {}}\n"
                      "    - {id: r, name: 丙, points: 20, not_applicable: redistribute, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "40");
  w.measure("U1", "x", "NA");
  w.measure("U1", "y", "NA");
  w.measure("U1", "r", "NA");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "p") == "0.00");
  CHECK(r.sheet.at(r.unit("U1"), r.node("p")).kept);
  CHECK(r.score("U1", "a") == "40.00");
  CHECK(r.total("U1") == "60.00");  // 40 × 60/40 + 0
  CHECK(r.sheet.full_marks(r.unit("U1")) == Decimal::from_int(100));
}

TEST_CASE("mean takes the units the node applies to, not those kept by their own policy") {
  // p (mean) = x 10 (full); U1 applies (x = 4), U2 has x NA, so p counts
  // only through kept x; U3 has p NA and takes the mean of U1 alone.
  World w(scheme_text("    - id: p\n"
                      "      name: 甲\n"
                      "      points: 10\n"
                      "      not_applicable: mean\n"
                      "      children:\n"
                      "        - {id: x, name: 子, points: 10, not_applicable: full, direct: {}}\n"
                      "    - {id: q, name: 乙, points: 90, direct: {}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "x", "4");
  w.measure("U2", "x", "NA");
  w.measure("U3", "p", "NA");
  for (const char* u : {"U1", "U2", "U3"}) w.measure(u, "q", "90");
  auto r = w.run();
  INFO(r.messages());
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U2", "p") == "10.00");
  CHECK(r.score("U3", "p") == "4.00");  // not (4 + 10) / 2
}

TEST_CASE("a group of adjustments only applies, and a scored group whose scored items all drop out takes its bonus with it") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"
                      "    - id: bonus\n"
                      "      name: 加分\n"
                      "      children:\n"
                      "        - {id: b1, name: 表彰, per_event: {add: 2}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "90");
  w.event({"U1", "b1"});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "bonus") == "2.00");
  CHECK(r.total("U1") == "92.00");
}


// normalise: (issue 17 point 3). The same scheme and data as above: g
// applies to A only, so A's full marks are 100 and B's 70.
std::string categories_scheme(const std::string& normalise) {
  return scheme_text("    - id: g\n"
                     "      name: 组\n"
                     "      points: 30\n"
                     "      applies_to: [A]\n"
                     "      children:\n"
                     "        - {id: g1, name: 组一, points: 30, per_event: {deduct: 1}}\n"
                     "    - {id: rest, name: 其他, points: 70, direct: {}}\n",
                     "", "categories: {A: 100, B: 70}\n" + normalise);
}

TEST_CASE("normalise: none keeps each category's own total (分类排队, no 折算)") {
  World w(categories_scheme("normalise: none\n"), {{"a1", "", "A"}, {"b1", "", "B"}}, true);
  w.measure("a1", "rest", "63");
  w.measure("b1", "rest", "63");
  w.event({"a1", "g1", 3});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK_FALSE(r.scheme->normalised());
  CHECK(r.sheet.total(r.unit("b1")) == Decimal::from_int(63));  // not 90
  CHECK(r.sheet.total(r.unit("a1")) == Decimal::from_int(90));  // 27 + 63
  CHECK(r.sheet.full_marks(r.unit("b1")) == Decimal::from_int(70));
}

TEST_CASE("normalise: N scales every total to N, rounded once") {
  World w(categories_scheme("normalise: 1000\n"), {{"a1", "", "A"}, {"b1", "", "B"}}, true);
  w.measure("a1", "rest", "63");
  w.measure("b1", "rest", "62.5");
  w.event({"a1", "g1", 3});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  // 62.5 × 1000 ÷ 70 = 892.857… → 892.86; 90 × 1000 ÷ 100 = 900.
  CHECK(r.sheet.total(r.unit("b1")) == *Decimal::parse("892.86"));
  CHECK(r.sheet.total(r.unit("a1")) == Decimal::from_int(900));
}

TEST_CASE("normalise: N without categories uses each unit's own full marks") {
  // b does not apply to U2 (NA, exclude): its full marks are 60.
  World w(scheme_text("    - {id: a, name: 甲, points: 60, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 40, direct: {}}\n",
                      "", "normalise: 100\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "45");
  w.measure("U1", "b", "40");
  w.measure("U2", "a", "45");
  w.measure("U2", "b", "NA");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.sheet.total(r.unit("U1")) == Decimal::from_int(85));
  CHECK(r.sheet.total(r.unit("U2")) == Decimal::from_int(75));  // 45 × 100 ÷ 60
}

}  // namespace
}  // namespace kaohe
