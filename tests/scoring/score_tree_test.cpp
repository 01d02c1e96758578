// Unit tests of combining the tree (SPEC §3.2, §4, §10): sums, weights,
// base, floors and caps, the one rounding per node, missing data, and the
// worked example of SPEC §8.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::Ev;
using test::scheme_text;
using test::World;

// The party-building scheme of SPEC §8 (schemes/party-building.yaml).
const char* const kParty = R"(kaohe: 1
title: 乡党建工作责任制考核
precision: 2
rounding: half_up
root:
  id: total
  name: 综合评价
  points: 100
  children:
    - id: target
      name: 目标考核
      points: 100
      weight: 60%
      mean: {keys: [self, group]}
    - id: democratic
      name: 民主测评
      points: 100
      weight: 30%
      votes:
        levels: {优秀: 100, 良好: 80, 一般: 60, 较差: 40}
        min_votes: 50
    - id: review
      name: 述职评议
      points: 100
      weight: 10%
      children:
        - {id: board, name: 领导班子评议, points: 100, weight: 75%, direct: {}}
        - {id: secretary, name: 书记履职, points: 100, weight: 25%, direct: {}}
grades:
  - {name: 优秀, min: 90}
  - {name: 良好, min: 80}
  - {name: 一般, min: 70}
  - {name: 较差}
gates:
  - {node: review, below: 80, at_most: 良好}
)";

void party_unit(World& w, const std::string& u, const char* self, const char* group,
                const char* v1, const char* v2, const char* v3, const char* v4,
                const char* board, const char* secretary) {
  w.measure(u, "target", self, "self");
  w.measure(u, "target", group, "group");
  w.measure(u, "democratic", v1, "优秀");
  w.measure(u, "democratic", v2, "良好");
  w.measure(u, "democratic", v3, "一般");
  w.measure(u, "democratic", v4, "较差");
  w.measure(u, "board", board);
  w.measure(u, "secretary", secretary);
}

World party_world() {
  World w(kParty, {{"V1", "一村"}, {"V2", "二村"}, {"V3", "三村"}});
  party_unit(w, "V1", "92", "88", "30", "15", "5", "0", "85", "80");
  party_unit(w, "V2", "95", "93", "45", "5", "0", "0", "78", "84");
  party_unit(w, "V3", "70", "66", "10", "20", "15", "7", "70", "72");
  return w;
}

TEST_CASE("SPEC §8 worked example: every node of V1, V2, V3") {
  World w = party_world();
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  // V1: mean(92, 88) = 90; votes 4500/50 = 90; review 85×.75 + 80×.25 = 83.75;
  // total 54 + 27 + 8.375 = 89.375 → 89.38.
  CHECK(r.score("V1", "target") == "90.00");
  CHECK(r.score("V1", "democratic") == "90.00");
  CHECK(r.score("V1", "review") == "83.75");
  CHECK(r.total("V1") == "89.38");
  // V2: 94; 4900/50 = 98; 78×.75 + 84×.25 = 58.5 + 21 = 79.5;
  // 56.4 + 29.4 + 7.95 = 93.75.
  CHECK(r.score("V2", "target") == "94.00");
  CHECK(r.score("V2", "democratic") == "98.00");
  CHECK(r.score("V2", "review") == "79.50");
  CHECK(r.total("V2") == "93.75");
  // V3: 68; 3780/52 → 72.69; 70×.75 + 72×.25 = 70.5;
  // 40.8 + 72.69×.3 (21.807) + 7.05 = 69.657 → 69.66.
  CHECK(r.score("V3", "target") == "68.00");
  CHECK(r.score("V3", "democratic") == "72.69");
  CHECK(r.score("V3", "review") == "70.50");
  CHECK(r.total("V3") == "69.66");
  // Grades: V1 良好 (89.38 < 90), V2 优秀 capped at 良好 by the gate, V3 较差.
  CHECK(r.grade("V1") == "良好");
  CHECK(r.grade("V2") == "良好");
  CHECK(r.grade("V3") == "较差");
  CHECK(r.standing("V1").flags.empty());
  REQUIRE(r.standing("V2").flags.size() == 1);
  CHECK(test::contains(r.standing("V2").flags[0], "述职评议"));
  // Ranks: V2 1, V1 2, V3 3 (output in that order).
  CHECK(r.rank("V2") == 1);
  CHECK(r.rank("V1") == 2);
  CHECK(r.rank("V3") == 3);
  CHECK(r.order() == std::vector<std::string>{"V2", "V1", "V3"});
}

TEST_CASE("SPEC §8 with half_even: 89.375 → 89.38 (8 is the even neighbour)") {
  std::string text = kParty;
  text.replace(text.find("rounding: half_up"), 17, "rounding: half_even");
  World w(text, {{"V1"}});
  party_unit(w, "V1", "92", "88", "30", "15", "5", "0", "85", "80");
  auto r = w.run();
  CHECK(r.total("V1") == "89.38");
}

TEST_CASE("a weighted node adds weight × share exactly and rounds only the result") {
  // Two halves of 0.25 each: shares 0.125 + 0.125 = 0.25 exactly. Rounding
  // each share first would give 0.13 + 0.13 = 0.26.
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 50%, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 100, weight: 50%, direct: {}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "0.25");
  w.measure("U1", "b", "0.25");
  // U2: 0.5 × 0.01 + 0.5 × 0.02 = 0.015 → 0.02 (half up) — one rounding.
  w.measure("U2", "a", "0.01");
  w.measure("U2", "b", "0.02");
  auto r = w.run();
  CHECK(r.total("U1") == "0.25");
  CHECK(r.total("U2") == "0.02");
}

TEST_CASE("a weighted parent reads its children's printed (rounded) scores") {
  // Leaf c: 10 × 0.33335 = 3.3335 → printed 3.33. The parent (100% of c,
  // 100 points) computes from 3.33: 33.30. From the exact 3.3335 it would
  // print 33.34.
  World w(scheme_text("    - {id: c, name: 丙, points: 10, weight: 100%, completion: {}}\n"),
          {{"U1"}});
  w.measure("U1", "c", "0.33335");
  auto r = w.run();
  CHECK(r.score("U1", "c") == "3.33");
  CHECK(r.total("U1") == "33.30");
}

TEST_CASE("a sum node adds its children's printed scores") {
  // Three completion leaves of 10 points at 1/3 each: 3.3333 → 3.33 each;
  // the sum of printed scores is 9.99, not round(9.9999) = 10.00.
  World w(scheme_text("    - {id: a, name: 甲, points: 10, completion: {}}\n"
                      "    - {id: b, name: 乙, points: 10, completion: {}}\n"
                      "    - {id: c, name: 丙, points: 10, completion: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "0.33333");
  w.measure("U1", "b", "0.33333");
  w.measure("U1", "c", "0.33333");
  auto r = w.run();
  CHECK(r.score("U1", "a") == "3.33");
  CHECK(r.total("U1") == "9.99");
}

// --- rounding mode ----------------------------------------------------------

TEST_CASE("half_even vs half_up differ on an exact half: 0.125 → 0.12 vs 0.13") {
  auto text = [](const char* mode) {
    return scheme_text("    - {id: bonus, name: 加分, ranged: {add: [0.1, 0.5]}}\n"
                       "    - {id: fine, name: 扣分, points: 10, ranged: {deduct: [0.1, 0.5]}}\n"
                       "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n",
                       "", std::string("rounding: ") + mode + "\n");
  };
  auto fill = [](World& w) {
    w.event({"U1", "bonus", 1, "", "", "0.125"});  // 0.125
    w.event({"U1", "fine", 1, "", "", "0.135"});   // 10 − 0.135 = 9.865
  };
  SUBCASE("half_up") {
    World w(text("half_up"), {{"U1"}});
    fill(w);
    auto r = w.run();
    CHECK(r.score("U1", "bonus") == "0.13");
    CHECK(r.score("U1", "fine") == "9.87");
    CHECK(r.total("U1") == "100.00");  // 0.13 + 9.87 + 90
  }
  SUBCASE("half_even") {
    World w(text("half_even"), {{"U1"}});
    fill(w);
    auto r = w.run();
    CHECK(r.score("U1", "bonus") == "0.12");
    CHECK(r.score("U1", "fine") == "9.86");
    CHECK(r.total("U1") == "99.98");  // 0.12 + 9.86 + 90
  }
}

TEST_CASE("half_even on a weighted total: 0.5 × 0.01 + 0.5 × 0.04 = 0.025 → 0.02") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 50%, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 100, weight: 50%, direct: {}}\n",
                      "", "rounding: half_even\n"),
          {{"U1"}});
  w.measure("U1", "a", "0.01");
  w.measure("U1", "b", "0.04");
  auto r = w.run();
  CHECK(r.total("U1") == "0.02");  // half up would give 0.03
}

TEST_CASE("precision 1 rounds every node to one decimal") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 50%, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 100, weight: 50%, direct: {}}\n",
                      "", "precision: 1\n"),
          {{"U1"}});
  w.measure("U1", "a", "80.25");  // leaf → 80.3
  w.measure("U1", "b", "70");     // parent 0.5 × 80.3 + 35 = 75.15 → 75.2
  auto r = w.run();
  CHECK(r.score("U1", "a") == "80.3");
  CHECK(r.total("U1") == "75.2");
}

TEST_CASE("precision 0: whole points, half_even 88.5 → 88, 89.5 → 90") {
  auto text = [](const char* mode) {
    return scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "",
                       std::string("precision: 0\nrounding: ") + mode + "\n");
  };
  World up(text("half_up"), {{"U1"}, {"U2"}});
  up.measure("U1", "a", "88.5");
  up.measure("U2", "a", "89.5");
  auto r = up.run();
  CHECK(r.total("U1") == "89");
  CHECK(r.total("U2") == "90");
  World even(text("half_even"), {{"U1"}, {"U2"}});
  even.measure("U1", "a", "88.5");
  even.measure("U2", "a", "89.5");
  auto e = even.run();
  CHECK(e.total("U1") == "88");
  CHECK(e.total("U2") == "90");
}

TEST_CASE("half_even on negative halves: −0.125 → −0.12, −0.135 → −0.14") {
  World w(scheme_text("    - {id: fine, name: 扣分, ranged: {deduct: [0.001, 0.5]}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n",
                      "", "rounding: half_even\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "fine", 1, "", "", "0.125"});
  w.event({"U2", "fine", 1, "", "", "0.135"});
  auto r = w.run();
  CHECK(r.score("U1", "fine") == "-0.12");
  CHECK(r.score("U2", "fine") == "-0.14");
}

TEST_CASE("negative halves round away from zero under half_up, never print -0.00") {
  World w(scheme_text("    - {id: fine, name: 扣分, ranged: {deduct: [0.001, 0.5]}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "fine", 1, "", "", "0.125"});  // −0.125 → −0.13
  w.event({"U2", "fine", 1, "", "", "0.004"});  // −0.004 → 0.00, not −0.00
  auto r = w.run();
  CHECK(r.score("U1", "fine") == "-0.13");
  CHECK(r.score("U2", "fine") == "0.00");
}

// --- arithmetic ---------------------------------------------------------------

TEST_CASE("95 − 0.2 − 0.2 − 0.2 − 2.2 − 2.2 is exactly 90.00 and grades 优秀") {
  World w(scheme_text("    - {id: small, name: 小错, per_event: {deduct: 0.2}}\n"
                      "    - {id: big, name: 大错, ranged: {deduct: [0.1, 5]}}\n",
                      "  base: 95\n",
                      "grades:\n  - {name: 优秀, min: 90}\n  - {name: 良好, min: 80}\n"
                      "  - {name: 较差}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "small"});
  w.event({"U1", "small"});
  w.event({"U1", "small"});
  w.event({"U1", "big", 1, "", "", "2.2"});
  w.event({"U1", "big", 1, "", "", "2.2"});
  w.event({"U2", "small"});  // U2: 95 − 0.2 × 3 − 2.2 − 2.21 = 89.99 → 良好
  w.event({"U2", "small", 2});
  w.event({"U2", "big", 1, "", "", "2.2"});
  w.event({"U2", "big", 1, "", "", "2.21"});
  auto r = w.run();
  CHECK(r.total("U1") == "90.00");
  CHECK(r.sheet.total(r.unit("U1")) == Decimal::from_int(90));
  CHECK(r.grade("U1") == "优秀");
  CHECK(r.total("U2") == "89.99");
  CHECK(r.grade("U2") == "良好");
}

// --- base, floors and caps ---------------------------------------------------------

TEST_CASE("floor on a part: deductions of the part and its children share one pool") {
  // Part of 5 points, 扣完为止: leaf a (3 points) loses 6, leaf b (2 points)
  // loses 1. Pooled: 3 + 2 − 7 = −2 → floor 0 → 0. Clamping per leaf would
  // give 0 + 1 = 1; no floor would give −2.
  World w(scheme_text("    - id: part\n"
                      "      name: 分项\n"
                      "      points: 5\n"
                      "      floor: 0\n"
                      "      children:\n"
                      "        - {id: a, name: 甲, points: 3, per_event: {deduct: 1}}\n"
                      "        - {id: b, name: 乙, points: 2, per_event: {deduct: 1}}\n"
                      "    - {id: rest, name: 其他, points: 95, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "a", 6});
  w.event({"U1", "b", 1});
  w.event({"U2", "a", 2});  // U2: 1 + 2 = 3, the floor does not bite
  auto r = w.run();
  CHECK(r.score("U1", "a") == "-3.00");
  CHECK(r.score("U1", "b") == "1.00");
  CHECK(r.score("U1", "part") == "0.00");
  CHECK(r.total("U1") == "95.00");
  CHECK(r.score("U2", "part") == "3.00");
  CHECK(r.total("U2") == "98.00");
}

TEST_CASE("floor on a part with a base and point-less deduction leaves") {
  // 扣完为止 written as base 5, floor 0: deductions total 7 → 0, not −2.
  World w(scheme_text("    - id: part\n"
                      "      name: 分项\n"
                      "      points: 5\n"
                      "      base: 5\n"
                      "      floor: 0\n"
                      "      children:\n"
                      "        - {id: a, name: 甲, per_event: {deduct: 3}}\n"
                      "        - {id: b, name: 乙, per_event: {deduct: 4}}\n"
                      "    - {id: rest, name: 其他, points: 95, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.event({"U1", "a"});
  w.event({"U1", "b"});
  w.event({"U2", "b"});  // 5 − 4 = 1
  auto r = w.run();
  CHECK(r.score("U1", "part") == "0.00");
  CHECK(r.score("U2", "part") == "1.00");
  CHECK(r.score("U3", "part") == "5.00");  // no events: full marks
  CHECK(r.total("U3") == "100.00");
}

TEST_CASE("cap on a bonus node: 总加分不超过20分") {
  World w(scheme_text("    - id: bonus\n"
                      "      name: 加分\n"
                      "      cap: 20\n"
                      "      children:\n"
                      "        - {id: prize, name: 表彰, per_event: {add: 5}}\n"
                      "        - {id: model, name: 典型, per_event: {add: 3}}\n",
                      "  base: 70\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.event({"U1", "prize", 3});  // 15
  w.event({"U1", "model", 3});  // 9 → 24 → cap 20
  w.event({"U2", "prize", 4});  // exactly 20
  w.event({"U3", "model", 2});  // 6
  auto r = w.run();
  CHECK(r.score("U1", "bonus") == "20.00");
  CHECK(r.total("U1") == "90.00");
  CHECK(r.score("U2", "bonus") == "20.00");
  CHECK(r.score("U3", "bonus") == "6.00");
  CHECK(r.total("U3") == "76.00");
}

TEST_CASE("base on an inner node: start at 80, add and deduct, overall cap 100") {
  // Seed 000 第四篇 style: 基础分80分, bonuses and deductions, 最高得分为100分.
  World w(scheme_text("    - {id: lead, name: 承办, role: {add: {承办: 2, 协办: 1}}}\n"
                      "    - {id: praise, name: 表彰, per_event: {add: 5}}\n"
                      "    - {id: late, name: 延误, per_event: {deduct: 1}}\n",
                      "  base: 80\n  cap: 100\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.event({"U1", "lead", 2, "", "承办"});  // +4
  w.event({"U1", "lead", 1, "", "协办"});  // +1
  w.event({"U1", "praise", 2});           // +10
  w.event({"U1", "late", 3});             // −3 → 80 + 15 − 3 = 92
  w.event({"U2", "praise", 5});           // +25
  w.event({"U2", "late", 2});             // −2 → 103 → cap 100
  auto r = w.run();
  CHECK(r.total("U1") == "92.00");
  CHECK(r.total("U2") == "100.00");
  CHECK(r.total("U3") == "80.00");  // nothing happened: the base
}

TEST_CASE("cap clamps the accumulated total before the deductions, not each event") {
  // Bonuses 25 and deductions 10 on a base-80 root capped at 100:
  // 80 + 25 − 10 = 95 (the cap applies to the total, never to the bonus alone
  // while deductions are pending).
  World w(scheme_text("    - {id: praise, name: 表彰, per_event: {add: 5}}\n"
                      "    - {id: late, name: 延误, per_event: {deduct: 1}}\n",
                      "  base: 80\n  cap: 100\n"),
          {{"U1"}});
  w.event({"U1", "praise", 5});
  w.event({"U1", "late", 10});
  auto r = w.run();
  CHECK(r.total("U1") == "95.00");
}

TEST_CASE("floor and cap on a leaf") {
  World w(scheme_text("    - {id: late, name: 迟报, points: 5, floor: 0, per_event: {deduct: 2}}\n"
                      "    - {id: prize, name: 表彰, cap: 10, per_event: {add: 4}}\n"
                      "    - {id: rest, name: 其他, points: 95, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "late", 4});   // 5 − 8 = −3 → 0
  w.event({"U1", "prize", 3});  // 12 → 10
  w.event({"U2", "late", 2});   // 1
  w.event({"U2", "prize", 2});  // 8
  auto r = w.run();
  CHECK(r.score("U1", "late") == "0.00");
  CHECK(r.score("U1", "prize") == "10.00");
  CHECK(r.score("U2", "late") == "1.00");
  CHECK(r.score("U2", "prize") == "8.00");
  CHECK(r.total("U1") == "105.00");
}

TEST_CASE("a floor below zero: 累计扣分不超过50分") {
  World w(scheme_text("    - {id: fines, name: 扣分, floor: -50, per_event: {deduct: 7}}\n",
                      "  base: 100\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "fines", 8});  // −56 → −50
  w.event({"U2", "fines", 7});  // −49
  auto r = w.run();
  CHECK(r.score("U1", "fines") == "-50.00");
  CHECK(r.total("U1") == "50.00");
  CHECK(r.total("U2") == "51.00");
}

TEST_CASE("nested weights: a weighted child inside a weighted parent") {
  // total = 40% × A + 60% × B; B (points 50) = 75% × b1 + 25% × b2.
  World w(scheme_text("    - {id: A, name: 甲, points: 100, weight: 40%, direct: {}}\n"
                      "    - id: B\n"
                      "      name: 乙\n"
                      "      points: 50\n"
                      "      weight: 60%\n"
                      "      children:\n"
                      "        - {id: b1, name: 乙一, points: 10, weight: 75%, direct: {}}\n"
                      "        - {id: b2, name: 乙二, points: 20, weight: 25%, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "A", "90");   // share 0.9
  w.measure("U1", "b1", "8");   // 0.8
  w.measure("U1", "b2", "15");  // 0.75
  // B = 50 × (0.75 × 0.8 + 0.25 × 0.75) = 50 × 0.7875 = 39.375 → 39.38
  // total = 100 × (0.4 × 0.9 + 0.6 × 39.38 / 50) = 36 + 47.256 = 83.256 → 83.26
  auto r = w.run();
  CHECK(r.score("U1", "B") == "39.38");
  CHECK(r.total("U1") == "83.26");
}

// --- missing data ---------------------------------------------------------------------

TEST_CASE("empty roster: scoring, grading and ranking work and rank nothing") {
  World w(kParty, {});
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.sheet.units() == 0);
  CHECK(r.graded.empty());
  CHECK(r.ranked.empty());
}

TEST_CASE("a unit with no event rows gets full marks on deduction items") {
  World w(scheme_text("    - {id: late, name: 迟报, points: 10, per_event: {deduct: 2}}\n"
                      "    - {id: fine, name: 扣分, points: 20, tiered: {deduct: {a: 1, b: 2}}}\n"
                      "    - {id: info, name: 信息, points: 5, ranged: {deduct: [0.1, 0.5]}}\n"
                      "    - {id: prize, name: 加分, per_event: {add: 3}}\n"
                      "    - {id: rest, name: 其他, points: 65, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U2", "late"});
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "late") == "10.00");
  CHECK(r.score("U1", "fine") == "20.00");
  CHECK(r.score("U1", "info") == "5.00");
  CHECK(r.score("U1", "prize") == "0.00");
  CHECK(r.total("U1") == "100.00");
  CHECK(r.total("U2") == "98.00");
}

TEST_CASE("a unit with no measure rows is an error naming the unit") {
  World w(kParty, {{"V1", "一村"}, {"V9", "九村"}});
  party_unit(w, "V1", "92", "88", "30", "15", "5", "0", "85", "80");
  auto r = w.run();
  CHECK(r.diags.error_count() >= 1);
  const std::string all = r.messages();
  CHECK(test::contains(all, "\"V9\""));
  CHECK(test::contains(all, "九村"));
  CHECK_FALSE(test::contains(all, "\"V1\""));
  // The other unit is still scored.
  CHECK(r.total("V1") == "89.38");
}

TEST_CASE("a missing measure without a default: one error per unit, naming unit and item") {
  World w(scheme_text("    - {id: a, name: 甲项, points: 50, direct: {}}\n"
                      "    - {id: b, name: 乙项, points: 50, direct: {}}\n"),
          {{"U1", "一号"}, {"U2", "二号"}});
  w.measure("U1", "a", "40");
  w.measure("U2", "a", "30");
  w.measure("U2", "b", "20");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  const Diagnostic& d = r.diags.list()[0];
  CHECK(test::contains(d.message, "\"U1\""));
  CHECK(test::contains(d.message, "一号"));
  CHECK(test::contains(d.message, "\"b\""));
  CHECK(test::contains(d.hint, "missing"));
  CHECK(r.total("U2") == "50.00");
}

TEST_CASE("missing: zero / full / na on a measure leaf") {
  const char* tmpl =
      "    - {id: a, name: 甲, points: 100, weight: 60%, direct: {}}\n"
      "    - {id: b, name: 乙, points: 100, weight: 40%, direct: {missing: POLICY}}\n";
  auto text = [&](const std::string& policy) {
    std::string s = tmpl;
    s.replace(s.find("POLICY"), 6, policy);
    return scheme_text(s);
  };
  SUBCASE("zero") {
    World w(text("zero"), {{"U1"}});
    w.measure("U1", "a", "80");
    auto r = w.run();
    CHECK(r.diags.error_count() == 0);
    CHECK(r.score("U1", "b") == "0.00");
    CHECK(r.total("U1") == "48.00");  // 0.6 × 80
    REQUIRE(r.sheet.defaults.size() == 1);
    CHECK(r.sheet.defaults[0].node == w.scheme.find("b"));
  }
  SUBCASE("full") {
    World w(text("full"), {{"U1"}});
    w.measure("U1", "a", "80");
    auto r = w.run();
    CHECK(r.score("U1", "b") == "100.00");
    CHECK(r.total("U1") == "88.00");  // 48 + 40
  }
  SUBCASE("na: excluded, the weighted parent renormalises") {
    World w(text("na"), {{"U1"}, {"U2"}});
    w.measure("U1", "a", "80");
    w.measure("U2", "a", "80");
    w.measure("U2", "b", "50");
    auto r = w.run();
    CHECK(r.score("U1", "b") == "NA");
    CHECK(r.total("U1") == "80.00");  // 0.6 × 0.8 / 0.6 × 100
    CHECK(r.total("U2") == "68.00");  // 48 + 20: the declared default is unused
    CHECK(r.sheet.defaults.size() == 1);
  }
}

TEST_CASE("NA in the data excludes the item, a weighted parent renormalises") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 50%, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 100, weight: 30%, direct: {}}\n"
                      "    - {id: c, name: 丙, points: 100, weight: 20%, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "90");
  w.measure("U1", "b", "NA");
  w.measure("U1", "c", "60");
  // (0.5 × 0.9 + 0.2 × 0.6) / 0.7 × 100 = 0.57 / 0.7 × 100 = 81.428… → 81.43
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "b") == "NA");
  CHECK(r.total("U1") == "81.43");
}

TEST_CASE("NA in a sum node drops the item from the sum") {
  World w(scheme_text("    - {id: a, name: 甲, points: 60, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 40, direct: {}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "55");
  w.measure("U1", "b", "NA");
  auto r = w.run();
  CHECK(r.score("U1", "b") == "NA");
  CHECK(r.total("U1") == "55.00");
}

TEST_CASE("a node all of whose children are NA is itself not applicable") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, weight: 50%, direct: {}}\n"
                      "    - id: g\n"
                      "      name: 组\n"
                      "      points: 100\n"
                      "      weight: 50%\n"
                      "      children:\n"
                      "        - {id: g1, name: 组一, points: 50, direct: {missing: na}}\n"
                      "        - {id: g2, name: 组二, points: 50, direct: {missing: na}}\n"),
          {{"U1"}});
  w.measure("U1", "a", "70");
  auto r = w.run();
  CHECK(r.score("U1", "g") == "NA");
  CHECK(r.total("U1") == "70.00");
}

// --- order independence -----------------------------------------------------------

TEST_CASE("the result does not depend on the order of event rows") {
  World w(scheme_text(
              "    - id: part\n"
              "      name: 分项\n"
              "      points: 20\n"
              "      floor: 0\n"
              "      same_ref: highest\n"
              "      children:\n"
              "        - {id: a, name: 甲, points: 10,"
              " per_event: {deduct: 1, surcharge: {at: 3, deduct: 2}}}\n"
              "        - {id: b, name: 乙, points: 10, tiered: {deduct: {x: 3, y: 1}}}\n"
              "        - {id: c, name: 丙, ranged: {deduct: [0.1, 2]}}\n"
              "        - {id: d, name: 丁, ranged: {add: [0.1, 2]}}\n"
              "    - {id: q, name: 报送, points: 10, quota: {required: 2, deduct: 0.5}}\n"
              "    - {id: rest, name: 其他, points: 70, direct: {missing: full}}\n",
              "", "period: {from: 2025-01-01, to: 2025-02-28}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "a", 1, "", "", "", "", "R1"});
  w.event({"U1", "b", 1, "x", "", "", "", "R1"});
  w.event({"U1", "c", 1, "", "", "1.5", "", "R2"});
  w.event({"U1", "a", 1, "", "", "", "", "R2"});  // 1 < 1.5: c counts under R2
  w.event({"U1", "c", 2, "", "", "0.5", "", "R3"});  // 1.0 under R3
  w.event({"U1", "a", 1, "", "", "", "", "R3"});     // 1.0 under R3: a tie
  w.event({"U1", "d", 1, "", "", "2", "", "R1"});
  w.event({"U1", "d", 1, "", "", "1", "", "R1"});
  w.event({"U1", "a", 2});
  w.event({"U2", "b", 1, "y"});
  w.event({"U2", "q", 1, "", "", "", "2025-01-03"});
  w.event({"U2", "q", 3, "", "", "", "2025-02-03"});
  w.event({"U1", "q", 1, "", "", "", "2025-02-27"});
  std::vector<std::size_t> forward(w.events.size());
  std::iota(forward.begin(), forward.end(), std::size_t{0});
  std::vector<std::size_t> backward(forward.rbegin(), forward.rend());
  std::vector<std::size_t> shuffled = {6, 2, 11, 0, 9, 4, 12, 1, 7, 3, 10, 5, 8};
  REQUIRE(shuffled.size() == forward.size());
  auto a = w.run(forward);
  auto b = w.run(backward);
  auto c = w.run(shuffled);
  for (int u = 0; u < w.roster.size(); ++u) {
    for (int n = 0; n < static_cast<int>(w.scheme.nodes.size()); ++n) {
      CAPTURE(w.scheme.nodes[static_cast<std::size_t>(n)].id);
      CHECK(a.sheet.at(u, n).score == b.sheet.at(u, n).score);
      CHECK(a.sheet.at(u, n).score == c.sheet.at(u, n).score);
      CHECK(a.sheet.at(u, n).applicable == b.sheet.at(u, n).applicable);
    }
  }
  // And the values themselves, by hand. U1 under R1: deductions a 1 vs b 3
  // → b counts; bonuses d 2 vs 1 → 2. (Under R3, a and c tie at 1.0; which
  // one counts is not checked, only that it is the same in every order.)
  CHECK(a.score("U1", "b") == "7.00");
  CHECK(a.score("U1", "d") == "2.00");
  // U2: b: 10 − 1 = 9; q: Jan 1 (short 1), Feb 3 → 9.5.
  CHECK(a.score("U2", "b") == "9.00");
  CHECK(a.score("U2", "q") == "9.50");
  // U1: q: Jan 0 (short 2), Feb 1 (short 1) → 10 − 1.5 = 8.5.
  CHECK(a.score("U1", "q") == "8.50");
}

TEST_CASE("same_ref ties between items resolve the same way in any order") {
  // Under R3 the rows of a (1 × 1) and c (0.5 × 2) both deduct 1.0: one of
  // them counts. Which one must not depend on row order.
  World w(scheme_text("    - id: part\n"
                      "      name: 分项\n"
                      "      same_ref: highest\n"
                      "      children:\n"
                      "        - {id: a, name: 甲, per_event: {deduct: 1}}\n"
                      "        - {id: c, name: 丙, ranged: {deduct: [0.1, 2]}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "c", 2, "", "", "0.5", "", "R3"});
  w.event({"U1", "a", 1, "", "", "", "", "R3"});
  auto x = w.run({0, 1});
  auto y = w.run({1, 0});
  CHECK(x.score("U1", "part") == "-1.00");
  CHECK(x.score("U1", "a") == y.score("U1", "a"));
  CHECK(x.score("U1", "c") == y.score("U1", "c"));
}

// Two runs of one roster agree: messages, defaults in order, and every
// cell, total and full marks.
template <typename Result>
void check_same_scores(const Result& r, const Result& base) {
  CHECK(r.messages() == base.messages());
  REQUIRE(r.sheet.defaults.size() == base.sheet.defaults.size());
  for (std::size_t i = 0; i < r.sheet.defaults.size(); ++i) {
    CHECK(r.sheet.defaults[i].unit == base.sheet.defaults[i].unit);
    CHECK(r.sheet.defaults[i].node == base.sheet.defaults[i].node);
    CHECK(r.sheet.defaults[i].what == base.sheet.defaults[i].what);
  }
  for (int u = 0; u < r.sheet.units(); ++u) {
    CHECK(r.sheet.total(u) == base.sheet.total(u));
    CHECK(r.sheet.full_marks(u) == base.sheet.full_marks(u));
    for (int n = 0; n < r.sheet.nodes(); ++n) {
      CHECK(r.sheet.at(u, n).applicable == base.sheet.at(u, n).applicable);
      CHECK(r.sheet.at(u, n).kept == base.sheet.at(u, n).kept);
      CHECK(r.sheet.at(u, n).score == base.sheet.at(u, n).score);
      CHECK(r.sheet.at(u, n).full_marks == base.sheet.at(u, n).full_marks);
    }
  }
}

TEST_CASE("scoring on several threads gives what one thread gives") {
  // Every kind of finding, so that the order in which the threads' findings
  // are kept shows: defaults (missing: zero, not_applicable: full and mean),
  // errors (a measure missing without a default, NA rows under an
  // excluded group), a relative leaf across units, categories, events.
  const std::string yaml = scheme_text(
      "    - id: g\n"
      "      name: 组\n"
      "      points: 30\n"
      "      applies_to: [A]\n"
      "      not_applicable: full\n"
      "      children:\n"
      "        - {id: g1, name: 组一, points: 20, per_event: {deduct: 1}}\n"
      "        - {id: g2, name: 组二, points: 10, direct: {missing: zero}}\n"
      "    - {id: m, name: 均, points: 20, not_applicable: mean, direct: {}}\n"
      "    - {id: peer, name: 互评, points: 10, relative: {within: category}}\n"
      "    - {id: rest, name: 其他, points: 40, direct: {}}\n",
      "", "categories: {A: 100, B: 70}\n");
  std::vector<test::UnitSpec> units;
  for (int i = 0; i < 61; ++i) {
    units.push_back({"U" + std::to_string(i), "", i % 3 == 0 ? "B" : "A"});
  }
  auto fill = [&](World& w) {
    for (int i = 0; i < 61; ++i) {
      const std::string u = "U" + std::to_string(i);
      if (i % 7 != 0) w.measure(u, "rest", std::to_string(20 + i % 20));
      w.measure(u, "m", i % 5 == 0 ? "NA" : std::to_string(i % 20));
      w.measure(u, "peer", std::to_string(i % 11));
      if (i % 3 != 0 && i % 4 == 0) w.measure(u, "g2", std::to_string(i % 10));
      if (i % 3 == 0 && i % 9 == 0) w.measure(u, "g2", "5");  // g does not apply to B
      if (i % 3 != 0) w.event({u, "g1", i % 4});
    }
  };
  World one(yaml, units, true);
  fill(one);
  const auto base = one.run();
  REQUIRE(base.diags.error_count() > 0);
  REQUIRE(base.sheet.defaults.size() > 10);
  for (int threads : {2, 3, 7, 61, 100}) {
    CAPTURE(threads);
    World many(yaml, units, true);
    fill(many);
    many.scoring_threads = threads;
    check_same_scores(many.run(), base);
  }
}

TEST_CASE("the walk a block of units at a time gives what the walk a node at a time gives") {
  // A scheme without relative leaves or not_applicable: mean is walked a
  // block of 64 units at a time; the same scheme with `rest` declared
  // not_applicable: mean — which changes nothing, as every unit has rest —
  // is walked a node at a time. 200 units: several blocks, parts of blocks
  // on threads. Weighted and summed groups, a group that does not apply,
  // missing defaults, errors, events, a node whose children differ from the
  // unit before (so that its combination is worked out again).
  auto yaml = [](const char* rest_policy) {
    return scheme_text(
        std::string("    - id: g\n"
                    "      name: 组\n"
                    "      points: 30\n"
                    "      applies_to: [A]\n"
                    "      not_applicable: full\n"
                    "      children:\n"
                    "        - {id: g1, name: 组一, points: 20, per_event: {deduct: 0.5}}\n"
                    "        - {id: g2, name: 组二, points: 10, direct: {missing: zero}}\n"
                    "    - id: w\n"
                    "      name: 权\n"
                    "      points: 30\n"
                    "      children:\n"
                    "        - {id: w1, name: 权一, points: 100, weight: 70%, direct: {}}\n"
                    "        - {id: w2, name: 权二, points: 100, weight: 30%, "
                    "not_applicable: redistribute, direct: {}}\n"
                    "    - {id: rest, name: 其他, points: 40, ") +
            rest_policy + "direct: {}}\n",
        "", "categories: {A: 100, B: 70}\n");
  };
  constexpr int kUnits = 200;
  std::vector<test::UnitSpec> units;
  for (int i = 0; i < kUnits; ++i) {
    units.push_back({"U" + std::to_string(i), "", i % 3 == 0 ? "B" : "A"});
  }
  auto fill = [&](World& w) {
    for (int i = 0; i < kUnits; ++i) {
      const std::string u = "U" + std::to_string(i);
      w.measure(u, "rest", std::to_string(10 + i % 30));
      if (i % 3 != 0 && i % 4 == 0) w.measure(u, "g2", std::to_string(i % 10));
      if (i % 3 != 0) w.event({u, "g1", i % 5});
      if (i % 29 != 0) w.measure(u, "w1", std::to_string(50 + i % 50));  // else an error
      w.measure(u, "w2", i % 6 == 0 ? "NA" : std::to_string(i % 100));
    }
  };
  World by_node(yaml("not_applicable: mean, "), units, true);
  fill(by_node);
  const auto base = by_node.run();
  REQUIRE(base.diags.error_count() > 0);
  REQUIRE(base.sheet.defaults.size() > 50);
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    World by_block(yaml(""), units, true);
    fill(by_block);
    by_block.scoring_threads = threads;
    check_same_scores(by_block.run(), base);
  }
}

TEST_CASE("an overflow while scoring is the same one on any number of threads") {
  // Only unit 40 has both children of g, whose full marks then overflow;
  // only unit 60 both of h (the others' second child is NA). h is walked
  // first, coming after g. On one thread both units are in the block of
  // units 0–63, whose walk meets h first; cut at unit 50, the first half
  // would meet g.
  const std::string yaml = scheme_text(
      "    - id: g\n"
      "      name: 组\n"
      "      points: 9000000000000\n"
      "      children:\n"
      "        - {id: g1, name: 组一, points: 5000000000000, direct: {}}\n"
      "        - {id: g2, name: 组二, points: 5000000000000, direct: {}}\n"
      "    - id: h\n"
      "      name: 合\n"
      "      points: 9000000000000\n"
      "      children:\n"
      "        - {id: h1, name: 合一, points: 5000000000000, direct: {}}\n"
      "        - {id: h2, name: 合二, points: 5000000000000, direct: {}}\n");
  std::vector<test::UnitSpec> units;
  for (int i = 0; i < 100; ++i) units.push_back({"U" + std::to_string(i)});
  auto message = [&](int threads) {
    World w(yaml, units);
    for (int i = 0; i < 100; ++i) {
      const std::string u = "U" + std::to_string(i);
      w.measure(u, "g1", "1");
      w.measure(u, "h1", "1");
      w.measure(u, "g2", i == 40 ? "1" : "NA");
      w.measure(u, "h2", i == 60 ? "1" : "NA");
    }
    w.scoring_threads = threads;
    const Error e = test::expect_error([&] { (void)w.run(); });
    REQUIRE(!e.diagnostics().empty());
    return e.diagnostics().front().message;
  };
  const std::string one = message(1);
  CHECK(test::contains(one, "'h'"));
  CHECK(message(2) == one);
  CHECK(message(3) == one);
}

TEST_CASE("settle: floor, cap and the one rounding, for values short and long") {
  // settle keeps a value with no more digits than the precision, inside
  // the floor and the cap, as it is; every other value is clamped as a
  // fraction and rounded. Both must give what clamping and round_to give.
  Scheme scheme = test::scheme_of(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"));
  Node node = scheme.nodes[scheme.find("a")];
  const std::optional<Decimal> bounds[] = {std::nullopt, Decimal::from_units(-2500000),
                                           Decimal::from_units(0), Decimal::from_units(1234567),
                                           Decimal::from_units(7000000)};
  int checked = 0;
  for (int precision = 0; precision <= Decimal::kMaxScale; ++precision) {
    for (RoundingMode mode : {RoundingMode::kHalfUp, RoundingMode::kHalfEven}) {
      scheme.precision = precision;
      scheme.rounding = mode;
      for (const auto& floor : bounds) {
        for (const auto& cap : bounds) {
          node.floor = floor;
          node.cap = cap;
          for (std::int64_t den : {1, 2, 3, 4, 5, 8, 10, 40, 1000, 1000000, 7}) {
            for (std::int64_t num = -25; num <= 85; num += 3) {
              const Rational value = Rational::fraction(num * 1234567 % 9000001, den);
              Rational v = value;
              if (floor && v < Rational(*floor)) v = Rational(*floor);
              if (cap && Rational(*cap) < v) v = Rational(*cap);
              CHECK(settle(scheme, node, value) == round_to(v, precision, mode));
              ++checked;
            }
          }
        }
      }
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("defaults come in roster, then scheme, order, and defaults_for finds them") {
  World w(scheme_text("    - {id: a, name: 甲, points: 50, completion: {missing: zero}}\n"
                      "    - {id: b, name: 乙, points: 50, completion: {missing: full}}\n"),
          {{"U1", "一"}, {"U2", "二"}, {"U3", "三"}});
  w.measure("U2", "a", "1");
  const auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  REQUIRE(r.sheet.defaults.size() == 5);
  for (std::size_t i = 1; i < r.sheet.defaults.size(); ++i) {
    const DefaultUsed& a = r.sheet.defaults[i - 1];
    const DefaultUsed& b = r.sheet.defaults[i];
    CHECK((a.unit < b.unit || (a.unit == b.unit && a.node < b.node)));
  }
  const int a = w.scheme.find("a"), b = w.scheme.find("b");
  CHECK(r.sheet.defaults_for(0, a).size() == 1);
  CHECK(r.sheet.defaults_for(0, b).size() == 1);
  CHECK(r.sheet.defaults_for(1, a).empty());
  REQUIRE(r.sheet.defaults_for(1, b).size() == 1);
  CHECK(r.sheet.defaults_for(1, b)[0].unit == 1);
  CHECK(r.sheet.defaults_for(2, 0).empty());
}

}  // namespace
}  // namespace kaohe
