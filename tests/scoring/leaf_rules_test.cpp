// Unit tests of every leaf rule kind of SPEC §3.1 and §10, through the
// whole scoring of a small scheme (Tallies → score_units). Every expected
// value is computed by hand in the comment beside it.
#include <doctest/doctest.h>

#include "scoring/fixture.h"
#include "scoring/leaf_rules.h"

namespace kaohe {
namespace {

using test::Ev;
using test::scheme_text;
using test::World;

// --- per_event -----------------------------------------------------------

TEST_CASE("per_event deduct starts at the leaf's points and deducts amount × count") {
  World w(scheme_text("    - {id: late, name: 迟报, points: 10, per_event: {deduct: 2}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.event({"U1", "late"});             // −2
  w.event({"U1", "late", 3});          // −6 (count multiplies)
  w.event({"U2", "late", 2});          // −4
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "late") == "2.00");   // 10 − 2 − 6
  CHECK(r.score("U2", "late") == "6.00");   // 10 − 4
  CHECK(r.score("U3", "late") == "10.00");  // no events: full marks
  CHECK(r.total("U1") == "92.00");          // 2 + 90
  CHECK(r.total("U3") == "100.00");
}

TEST_CASE("per_event add starts at 0, even when the leaf declares points") {
  World w(scheme_text("    - {id: award, name: 加分, points: 10, per_event: {add: 5}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "award", 2});  // 2 × 5 = 10
  w.event({"U1", "award"});     // + 5 → 15 (no cap declared)
  auto r = w.run();
  CHECK(r.score("U1", "award") == "15.00");
  CHECK(r.score("U2", "award") == "0.00");
  CHECK(r.total("U1") == "105.00");  // no overall cap declared
  CHECK(r.total("U2") == "90.00");
}

TEST_CASE("per_event deduction without points goes below zero (no floor unless declared)") {
  World w(scheme_text("    - {id: pen, name: 扣分, per_event: {deduct: 1.5}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "pen", 3});
  auto r = w.run();
  CHECK(r.score("U1", "pen") == "-4.50");
  CHECK(r.total("U1") == "95.50");
}

// --- tiered, role, ranged --------------------------------------------------

TEST_CASE("tiered amount is chosen by the row's tier and multiplied by count") {
  World w(scheme_text(
              "    - {id: praise, name: 表彰, tiered: {add: {国家级: 3, 省级: 2, 市级: 1}}}\n"
              "    - {id: secret, name: 泄密, points: 10,"
              " tiered: {deduct: {绝密: 5, 机密: 2, 秘密: 0.5}}}\n"
              "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "praise", 1, "国家级"});  // 3
  w.event({"U1", "praise", 2, "市级"});    // 2 × 1 = 2
  w.event({"U1", "secret", 3, "秘密"});    // 3 × 0.5 = 1.5
  w.event({"U2", "secret", 1, "机密"});    // 2
  w.event({"U2", "secret", 1, "绝密"});    // 5
  auto r = w.run();
  CHECK(r.score("U1", "praise") == "5.00");
  CHECK(r.score("U1", "secret") == "8.50");  // 10 − 1.5
  CHECK(r.score("U2", "praise") == "0.00");
  CHECK(r.score("U2", "secret") == "3.00");  // 10 − 2 − 5
}

TEST_CASE("role amount: 承办单位加2分, 协办单位加1分, 未完成扣5分, 协办扣2.5分") {
  World w(scheme_text(
              "    - {id: task, name: 任务, role: {add: {承办: 2, 协办: 1}}}\n"
              "    - {id: undone, name: 未完成, points: 20, role: {deduct: {主办: 5, 协办: 2.5}}}\n"
              "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "task", 2, "", "承办"});    // 4
  w.event({"U1", "task", 3, "", "协办"});    // 3
  w.event({"U1", "undone", 1, "", "主办"});  // 5
  w.event({"U1", "undone", 1, "", "协办"});  // 2.5
  auto r = w.run();
  CHECK(r.score("U1", "task") == "7.00");
  CHECK(r.score("U1", "undone") == "12.50");  // 20 − 7.5
  CHECK(r.total("U1") == "99.50");            // 7 + 12.5 + 80
}

TEST_CASE("ranged amount comes from the row's points column, × count") {
  World w(scheme_text(
              "    - {id: info, name: 信息, points: 5, ranged: {deduct: [0.1, 0.5]}}\n"
              "    - {id: rest, name: 其他, points: 95, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "info", 2, "", "", "0.3"});  // 0.6
  w.event({"U1", "info", 1, "", "", "0.5"});  // 0.5
  w.event({"U1", "info", 1, "", "", "0.1"});  // 0.1
  auto r = w.run();
  CHECK(r.score("U1", "info") == "3.80");  // 5 − 1.2
}

TEST_CASE("a ranged deduction of 0.125 counts as 0.13 (rounded once at the leaf)") {
  World w(scheme_text(
              "    - {id: info, name: 信息, ranged: {deduct: [0.1, 0.5]}}\n"
              "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "info", 1, "", "", "0.125"});
  auto r = w.run();
  CHECK(r.score("U1", "info") == "-0.13");
  CHECK(r.total("U1") == "99.87");
}

TEST_CASE("15 × 0.333 = 4.995 → 5.00 (SPEC §10)") {
  World w(scheme_text(
              "    - {id: bonus, name: 加分, ranged: {add: [0.1, 0.5]}}\n"
              "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "bonus", 15, "", "", "0.333"});
  auto r = w.run();
  CHECK(r.score("U1", "bonus") == "5.00");
}

// --- surcharge ------------------------------------------------------------

TEST_CASE("surcharge fires once when the count reaches N") {
  World w(scheme_text(
              "    - {id: undone, name: 未完成, points: 20,"
              " per_event: {deduct: 1, surcharge: {at: 3, deduct: 2}}}\n"
              "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"U2"}, {"U3"}, {"U4"}, {"U7"}});
  w.event({"U2", "undone", 2});  // 2 < 3: −2
  w.event({"U3", "undone"});     // three rows of one: count 3 → −3 − 2
  w.event({"U3", "undone"});
  w.event({"U3", "undone"});
  w.event({"U4", "undone", 4});  // −4 − 2
  w.event({"U7", "undone", 7});  // −7 − 2 (once, not at 6 again)
  auto r = w.run();
  CHECK(r.score("U2", "undone") == "18.00");
  CHECK(r.score("U3", "undone") == "15.00");
  CHECK(r.score("U4", "undone") == "14.00");
  CHECK(r.score("U7", "undone") == "11.00");
}

TEST_CASE("surcharge with every: true fires at every multiple of N") {
  World w(scheme_text(
              "    - {id: undone, name: 未完成, points: 30,"
              " per_event: {deduct: 1, surcharge: {at: 3, deduct: 2, every: true}}}\n"
              "    - {id: rest, name: 其他, points: 70, direct: {missing: full}}\n"),
          {{"U2"}, {"U3"}, {"U5"}, {"U6"}, {"U7"}});
  w.event({"U2", "undone", 2});  // −2
  w.event({"U3", "undone", 3});  // −3 − 2
  w.event({"U5", "undone", 5});  // −5 − 2
  w.event({"U6", "undone", 6});  // −6 − 4
  w.event({"U7", "undone", 7});  // −7 − 4
  auto r = w.run();
  CHECK(r.score("U2", "undone") == "28.00");
  CHECK(r.score("U3", "undone") == "25.00");
  CHECK(r.score("U5", "undone") == "23.00");
  CHECK(r.score("U6", "undone") == "20.00");
  CHECK(r.score("U7", "undone") == "19.00");
}

TEST_CASE("surcharge on an add rule adds") {
  World w(scheme_text(
              "    - {id: good, name: 好事, per_event: {add: 1, surcharge: {at: 2, add: 3}}}\n"
              "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "good", 2});  // 2 + 3
  w.event({"U2", "good"});     // 1
  auto r = w.run();
  CHECK(r.score("U1", "good") == "5.00");
  CHECK(r.score("U2", "good") == "1.00");
}

// --- quota ------------------------------------------------------------------

TEST_CASE("quota: each calendar month is a bucket, shortfalls are not netted") {
  // 每月至少报送信息两篇,少一篇扣0.2分 over January–March.
  World w(scheme_text("    - {id: info, name: 信息报送, points: 5,"
                      " quota: {required: 2, per: month, deduct: 0.2}}\n"
                      "    - {id: rest, name: 其他, points: 95, direct: {missing: full}}\n",
                      "", "period: {from: 2025-01-01, to: 2025-03-31}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  // U1: Jan 3, Feb 1, Mar 0 → shortfall 0 + 1 + 2 = 3 → 0.6 (netting would give 2)
  w.event({"U1", "info", 1, "", "", "", "2025-01-05"});
  w.event({"U1", "info", 1, "", "", "", "2025-01-06"});
  w.event({"U1", "info", 1, "", "", "", "2025-01-31"});
  w.event({"U1", "info", 1, "", "", "", "2025-02-28"});
  // U2: two per month, the March pair in one row with count 2 → no shortfall.
  w.event({"U2", "info", 1, "", "", "", "2025-01-01"});
  w.event({"U2", "info", 1, "", "", "", "2025-01-02"});
  w.event({"U2", "info", 2, "", "", "", "2025-02-10"});
  w.event({"U2", "info", 2, "", "", "", "2025-03-31"});
  // U3: nothing at all → 3 months × 2 = 6 missing → 1.2
  // U4: six rows all in March → Jan 2 + Feb 2 missing = 4 → 0.8
  w.event({"U4", "info", 6, "", "", "", "2025-03-15"});
  auto r = w.run();
  CHECK(r.score("U1", "info") == "4.40");
  CHECK(r.score("U2", "info") == "5.00");
  CHECK(r.score("U3", "info") == "3.80");
  CHECK(r.score("U4", "info") == "4.20");
}

// --- completion, all_or_nothing, scaled, direct --------------------------------

TEST_CASE("completion: points × ratio") {
  World w(scheme_text("    - {id: done, name: 完成情况, points: 10, completion: {}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.measure("U1", "done", "0.85");
  w.measure("U2", "done", "1");
  w.measure("U3", "done", "0");
  w.measure("U4", "done", "0.3333");  // 3.333 → 3.33
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "done") == "8.50");
  CHECK(r.score("U2", "done") == "10.00");
  CHECK(r.score("U3", "done") == "0.00");
  CHECK(r.score("U4", "done") == "3.33");
}

TEST_CASE("all_or_nothing: 1 gives full points, 0.99 gives 0") {
  World w(scheme_text("    - {id: done, name: 完成, points: 8, all_or_nothing: {}}\n"
                      "    - {id: rest, name: 其他, points: 92, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "done", "1");
  w.measure("U2", "done", "0.99");
  w.measure("U3", "done", "1.000000");
  auto r = w.run();
  CHECK(r.score("U1", "done") == "8.00");
  CHECK(r.score("U2", "done") == "0.00");
  CHECK(r.score("U3", "done") == "8.00");
}

TEST_CASE("scaled: points × value / scale") {
  World w(scheme_text("    - {id: other, name: 折算, points: 20, scaled: {scale: 100}}\n"
                      "    - {id: part, name: 折算2, points: 15, scaled: {scale: 120}}\n"
                      "    - {id: rest, name: 其他, points: 65, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "other", "87");    // 20 × 87 / 100 = 17.4
  w.measure("U1", "part", "100");    // 15 × 100 / 120 = 12.5
  w.measure("U2", "other", "87.5");  // 20 × 0.875 = 17.5
  w.measure("U2", "part", "7");      // 15 × 7 / 120 = 0.875 → 0.88
  auto r = w.run();
  CHECK(r.score("U1", "other") == "17.40");
  CHECK(r.score("U1", "part") == "12.50");
  CHECK(r.score("U2", "other") == "17.50");
  CHECK(r.score("U2", "part") == "0.88");
}

TEST_CASE("direct: the value is the score") {
  World w(scheme_text("    - {id: judged, name: 评定, points: 30, direct: {}}\n"
                      "    - {id: rest, name: 其他, points: 70, direct: {missing: full}}\n"),
          {{"U1"}});
  w.measure("U1", "judged", "27.125");  // → 27.13 half-up
  auto r = w.run();
  CHECK(r.score("U1", "judged") == "27.13");
  CHECK(r.total("U1") == "97.13");
}

// --- votes -------------------------------------------------------------------

constexpr const char* kVotes =
    "    - {id: vote, name: 民主测评, points: 100,"
    " votes: {levels: {优秀: 100, 良好: 80, 一般: 60, 较差: 40}}}\n";

TEST_CASE("votes: Σ(count × level) / valid votes, SPEC §8 V3 3780/52 → 72.69") {
  World w(scheme_text(kVotes), {{"V1"}, {"V3"}});
  // V3: 10/20/15/7 → (1000 + 1600 + 900 + 280) / 52 = 3780 / 52 = 72.6923…
  w.measure("V3", "vote", "10", "优秀");
  w.measure("V3", "vote", "20", "良好");
  w.measure("V3", "vote", "15", "一般");
  w.measure("V3", "vote", "7", "较差");
  // V1: 30/15/5 and no 较差 row → 4500 / 50 = 90
  w.measure("V1", "vote", "30", "优秀");
  w.measure("V1", "vote", "15", "良好");
  w.measure("V1", "vote", "5", "一般");
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("V3", "vote") == "72.69");
  CHECK(r.score("V1", "vote") == "90.00");
}

TEST_CASE("votes scaled to points other than 100") {
  World w(scheme_text("    - {id: vote, name: 满意度, points: 20,"
                      " votes: {levels: {满意: 100, 基本满意: 60, 不满意: 0}}}\n"
                      "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"U1"}});
  // (7 × 100 + 2 × 60 + 1 × 0) / 10 = 82 → 20 × 82 / 100 = 16.4
  w.measure("U1", "vote", "7", "满意");
  w.measure("U1", "vote", "2", "基本满意");
  w.measure("U1", "vote", "1", "不满意");
  auto r = w.run();
  CHECK(r.score("U1", "vote") == "16.40");
}

TEST_CASE("votes: zero valid votes is an error by default, naming the unit") {
  World w(scheme_text(kVotes), {{"V1", "一村"}});
  w.measure("V1", "vote", "0", "优秀");
  w.measure("V1", "vote", "0", "良好");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  CHECK(test::contains(r.messages(), "V1"));
  CHECK(test::contains(r.messages(), "no valid votes"));
}

TEST_CASE("votes: fewer than min_votes is an error by default") {
  World w(scheme_text("    - {id: vote, name: 民主测评, points: 100,"
                      " votes: {levels: {优秀: 100, 良好: 80}, min_votes: 50}}\n"),
          {{"V1"}, {"V2"}});
  w.measure("V1", "vote", "40", "优秀");
  w.measure("V1", "vote", "9", "良好");   // 49 < 50
  w.measure("V2", "vote", "40", "优秀");
  w.measure("V2", "vote", "10", "良好");  // exactly 50: fine → 4800/50 = 96
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  CHECK(test::contains(r.messages(), "\"V1\""));
  CHECK(test::contains(r.messages(), "49 valid votes"));
  CHECK_FALSE(test::contains(r.messages(), "\"V2\""));
  CHECK(r.score("V2", "vote") == "96.00");
}

TEST_CASE("votes: too_few zero / full / na") {
  auto scheme = [](const std::string& policy) {
    return scheme_text(
        "    - {id: vote, name: 民主测评, points: 30, weight: 30%,"
        " votes: {levels: {优秀: 100, 良好: 80}, min_votes: 10, too_few: " +
        policy +
        "}}\n"
        "    - {id: other, name: 其他, points: 100, weight: 70%, direct: {}}\n");
  };
  auto fill = [](World& w) {
    w.measure("U1", "vote", "3", "优秀");  // 3 < 10
    w.measure("U1", "other", "80");
  };
  SUBCASE("zero") {
    World w(scheme("zero"), {{"U1"}});
    fill(w);
    auto r = w.run();
    CHECK(r.diags.error_count() == 0);
    CHECK(r.score("U1", "vote") == "0.00");
    CHECK(r.total("U1") == "56.00");  // 0 + 70% × 80
    CHECK(r.sheet.defaults.size() == 1);
  }
  SUBCASE("full") {
    World w(scheme("full"), {{"U1"}});
    fill(w);
    auto r = w.run();
    CHECK(r.score("U1", "vote") == "30.00");
    CHECK(r.total("U1") == "86.00");  // 30% + 56
  }
  SUBCASE("na: the weighted parent renormalises over the rest") {
    World w(scheme("na"), {{"U1"}});
    fill(w);
    auto r = w.run();
    CHECK(r.score("U1", "vote") == "NA");
    CHECK(r.total("U1") == "80.00");  // 70% × 0.8 / 70% × 100
  }
}

// --- mean ---------------------------------------------------------------------

TEST_CASE("mean of the named keys, scaled to points (scale defaults to points)") {
  World w(scheme_text("    - {id: target, name: 目标考核, points: 100, mean: {keys: [self, group]}}\n"),
          {{"V1"}, {"V2"}});
  w.measure("V1", "target", "92", "self");
  w.measure("V1", "target", "88", "group");   // 90
  w.measure("V2", "target", "90", "self");
  w.measure("V2", "target", "85.25", "group");  // 87.625 → 87.63
  auto r = w.run();
  CHECK(r.score("V1", "target") == "90.00");
  CHECK(r.score("V2", "target") == "87.63");
}

TEST_CASE("mean with an explicit scale") {
  World w(scheme_text("    - {id: target, name: 目标, points: 60,"
                      " mean: {keys: [a, b, c], scale: 100}}\n"
                      "    - {id: rest, name: 其他, points: 40, direct: {missing: full}}\n"),
          {{"U1"}});
  w.measure("U1", "target", "90", "a");
  w.measure("U1", "target", "80", "b");
  w.measure("U1", "target", "70", "c");  // mean 80 → 60 × 80 / 100 = 48
  auto r = w.run();
  CHECK(r.score("U1", "target") == "48.00");
}

TEST_CASE("mean lacking one key is an error naming the unit and the key") {
  World w(scheme_text("    - {id: target, name: 目标考核, points: 100, mean: {keys: [self, group]}}\n"),
          {{"V1"}});
  w.measure("V1", "target", "92", "self");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  CHECK(test::contains(r.messages(), "V1"));
  CHECK(test::contains(r.messages(), "group"));
}

// --- checklist --------------------------------------------------------------

TEST_CASE("checklist: each criterion met earns its points, no row is not met") {
  World w(scheme_text("    - {id: check, name: 台账, points: 2,"
                      " checklist: {criteria: {方案: 0.5, 台账: 0.5, 总结: 0.5, 简报: 0.5}}}\n"
                      "    - {id: rest, name: 其他, points: 98, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "check", "1", "方案");
  w.measure("U1", "check", "0", "台账");
  w.measure("U1", "check", "1", "总结");  // 简报 has no row: not met
  w.measure("U2", "check", "1", "方案");
  w.measure("U2", "check", "1", "台账");
  w.measure("U2", "check", "1", "总结");
  w.measure("U2", "check", "1", "简报");
  auto r = w.run();
  CHECK(r.score("U1", "check") == "1.00");
  CHECK(r.score("U2", "check") == "2.00");
}

TEST_CASE("checklist with criteria of different weight") {
  World w(scheme_text("    - {id: check, name: 台账, points: 3,"
                      " checklist: {criteria: {a: 0.25, b: 0.75, c: 2}}}\n"
                      "    - {id: rest, name: 其他, points: 97, direct: {missing: full}}\n"),
          {{"U1"}});
  w.measure("U1", "check", "1", "a");
  w.measure("U1", "check", "1", "b");
  w.measure("U1", "check", "0", "c");
  auto r = w.run();
  CHECK(r.score("U1", "check") == "1.00");
}

// --- relative ---------------------------------------------------------------

TEST_CASE("relative: points × value / best among the units") {
  World w(scheme_text("    - {id: peer, name: 互评, points: 10, relative: {}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.measure("U1", "peer", "80");   // 10 × 80 / 120 = 6.666… → 6.67
  w.measure("U2", "peer", "120");  // best → 10
  w.measure("U3", "peer", "60");   // 5
  w.measure("U4", "peer", "0");    // 0
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "peer") == "6.67");
  CHECK(r.score("U2", "peer") == "10.00");
  CHECK(r.score("U3", "peer") == "5.00");
  CHECK(r.score("U4", "peer") == "0.00");
}

TEST_CASE("relative: a best of 0 gives 0 to everyone") {
  World w(scheme_text("    - {id: peer, name: 互评, points: 10, relative: {}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "peer", "0");
  w.measure("U2", "peer", "0");
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "peer") == "0.00");
  CHECK(r.score("U2", "peer") == "0.00");
}

TEST_CASE("relative: units it does not apply to neither set the best nor get a score") {
  World w(scheme_text("    - {id: peer, name: 互评, points: 10, relative: {missing: na}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "peer", "40");  // best among applicable: 50 → 8
  w.measure("U2", "peer", "50");  // 10
  // U3: no row, missing: na
  auto r = w.run();
  CHECK(r.score("U1", "peer") == "8.00");
  CHECK(r.score("U2", "peer") == "10.00");
  CHECK(r.score("U3", "peer") == "NA");
  CHECK(r.total("U3") == "90.00");
}

TEST_CASE("relative within category takes the best of the unit's category") {
  World w(scheme_text("    - {id: peer, name: 互评, points: 10, relative: {within: category}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"A1", "", "A"}, {"A2", "", "A"}, {"B1", "", "B"}, {"B2", "", "B"}}, true);
  w.measure("A1", "peer", "80");  // best A → 10
  w.measure("A2", "peer", "20");  // 10 × 20 / 80 = 2.5
  w.measure("B1", "peer", "50");  // best B → 10
  w.measure("B2", "peer", "30");  // 6
  auto r = w.run();
  CHECK(r.score("A1", "peer") == "10.00");
  CHECK(r.score("A2", "peer") == "2.50");
  CHECK(r.score("B1", "peer") == "10.00");
  CHECK(r.score("B2", "peer") == "6.00");
}

TEST_CASE("relative without within category uses the best of all categories") {
  World w(scheme_text("    - {id: peer, name: 互评, points: 10, relative: {}}\n"
                      "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n"),
          {{"A1", "", "A"}, {"B1", "", "B"}}, true);
  w.measure("A1", "peer", "80");
  w.measure("B1", "peer", "50");  // 10 × 50 / 80 = 6.25
  auto r = w.run();
  CHECK(r.score("A1", "peer") == "10.00");
  CHECK(r.score("B1", "peer") == "6.25");
}

TEST_CASE("score_relative directly: best ≤ 0 gives 0") {
  Scheme s = test::scheme_of(scheme_text("    - {id: peer, name: 互评, points: 10, relative: {}}\n"
                                         "    - {id: rest, name: 其他, points: 90, direct: {}}\n"));
  const Node& n = s.nodes[static_cast<std::size_t>(s.find("peer"))];
  CHECK(score_relative(n, Decimal::from_int(5), Decimal::from_int(0)) == Rational(0));
  CHECK(score_relative(n, Decimal::from_int(5), Decimal::from_int(-3)) == Rational(0));
  CHECK(score_relative(n, Decimal::from_int(5), Decimal::from_int(20)) ==
        Rational::fraction(5, 2));
}

// --- scaled_deduction -----------------------------------------------------------

TEST_CASE("scaled_deduction deducts max × (scale − value) / scale") {
  // 倒扣分8分, 按…考核折算.
  World w(scheme_text("    - {id: safety, name: 安全生产, scaled_deduction: {max: 8, scale: 100}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.measure("U1", "safety", "75");    // −8 × 25 / 100 = −2
  w.measure("U2", "safety", "100");   // 0
  w.measure("U3", "safety", "0");     // −8
  w.measure("U4", "safety", "87.5");  // −8 × 12.5 / 100 = −1
  auto r = w.run();
  CHECK(r.score("U1", "safety") == "-2.00");
  CHECK(r.score("U2", "safety") == "0.00");
  CHECK(r.score("U3", "safety") == "-8.00");
  CHECK(r.score("U4", "safety") == "-1.00");
  CHECK(r.total("U1") == "98.00");
  CHECK(r.total("U3") == "92.00");
}

TEST_CASE("scaled_deduction with missing: full deducts nothing") {
  // A deduction-only leaf at "full" deducts nothing (its best case).
  World w(scheme_text("    - {id: safety, name: 安全生产,"
                      " scaled_deduction: {max: 8, scale: 100, missing: full}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "safety") == "0.00");
  CHECK(r.total("U1") == "100.00");
}

TEST_CASE("scaled_deduction with missing: zero reads the value 0 and deducts the whole max") {
  // SPEC §10: no row = value 0 = −8 × (100 − 0) / 100; not "a score of 0".
  World w(scheme_text("    - {id: safety, name: 安全生产,"
                      " scaled_deduction: {max: 8, scale: 100, missing: zero}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U2", "safety", "0");
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "safety") == "-8.00");
  CHECK(r.score("U1", "safety") == r.score("U2", "safety"));  // as a measured 0
  CHECK(r.total("U1") == "92.00");
}

// --- highest of alternatives (same_ref: highest) -----------------------------------

TEST_CASE("same_ref highest: rows sharing a ref across a group count once, at the largest") {
  World w(scheme_text("    - id: adj\n"
                      "      name: 加减分\n"
                      "      same_ref: highest\n"
                      "      children:\n"
                      "        - {id: prize_a, name: 表彰甲, per_event: {add: 5}}\n"
                      "        - {id: prize_b, name: 表彰乙, per_event: {add: 3}}\n"
                      "        - {id: fault_a, name: 问责甲, per_event: {deduct: 2}}\n"
                      "        - {id: fault_b, name: 问责乙, per_event: {deduct: 4}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "prize_b", 1, "", "", "", "", "R1"});  // R1 bonus: 3 vs 5 → 5
  w.event({"U1", "prize_a", 1, "", "", "", "", "R1"});
  w.event({"U1", "fault_a", 1, "", "", "", "", "R1"});  // R1 deduction: 2 vs 4 → 4
  w.event({"U1", "fault_b", 1, "", "", "", "", "R1"});
  w.event({"U1", "prize_b", 1});                        // no ref: counts in full, 3
  w.event({"U1", "prize_b", 1, "", "", "", "", "R2"});  // alone under R2: 3
  auto r = w.run();
  CHECK(r.score("U1", "prize_a") == "5.00");
  CHECK(r.score("U1", "prize_b") == "6.00");
  CHECK(r.score("U1", "fault_a") == "0.00");
  CHECK(r.score("U1", "fault_b") == "-4.00");
  CHECK(r.score("U1", "adj") == "7.00");  // 5 + 6 − 4
}

}  // namespace
}  // namespace kaohe
