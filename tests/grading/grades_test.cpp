// Unit tests of grading (SPEC §3.4, §9, §10): inclusive thresholds on the
// printed total, gates that cap or force a grade and the flags they add,
// event flags, and quota grades.
#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::Ev;
using test::scheme_text;
using test::World;

const char* const kGrades =
    "grades:\n"
    "  - {name: 优秀, min: 90}\n"
    "  - {name: 良好, min: 80}\n"
    "  - {name: 一般, min: 70}\n"
    "  - {name: 较差}\n";

// One direct part `a` (100 points) per unit, and a review part for gates.
std::string two_parts(const std::string& extra_top = "") {
  return scheme_text("    - {id: a, name: 业绩, points: 100, weight: 90%, direct: {}}\n"
                     "    - {id: review, name: 述职评议, points: 100, weight: 10%, direct: {}}\n",
                     "", std::string(kGrades) + extra_top);
}

TEST_CASE("thresholds are inclusive lower bounds on the printed total") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "", kGrades),
          {{"U90"}, {"U8999"}, {"U80"}, {"U7999"}, {"U70"}, {"U6999"}, {"U0"}, {"U100"}});
  w.measure("U90", "a", "90");
  w.measure("U8999", "a", "89.99");
  w.measure("U80", "a", "80");
  w.measure("U7999", "a", "79.99");
  w.measure("U70", "a", "70");
  w.measure("U6999", "a", "69.99");
  w.measure("U0", "a", "0");
  w.measure("U100", "a", "100");
  auto r = w.run();
  CHECK(r.grade("U90") == "优秀");
  CHECK(r.grade("U8999") == "良好");
  CHECK(r.grade("U80") == "良好");
  CHECK(r.grade("U7999") == "一般");
  CHECK(r.grade("U70") == "一般");
  CHECK(r.grade("U6999") == "较差");
  CHECK(r.grade("U0") == "较差");
  CHECK(r.grade("U100") == "优秀");
  for (const auto& s : r.graded) CHECK(s.flags.empty());
}

TEST_CASE("grades read the printed total: 89.995 prints 90.00 and is 优秀") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "", kGrades),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "89.995");  // → 90.00
  w.measure("U2", "a", "89.994");  // → 89.99
  auto r = w.run();
  CHECK(r.total("U1") == "90.00");
  CHECK(r.grade("U1") == "优秀");
  CHECK(r.total("U2") == "89.99");
  CHECK(r.grade("U2") == "良好");
}

TEST_CASE("without grades every unit has grade -1") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"), {{"U1"}});
  w.measure("U1", "a", "95");
  auto r = w.run();
  CHECK(r.standing("U1").grade == -1);
}

TEST_CASE("a threshold list without a catch-all leaves low totals ungraded") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "",
                      "grades:\n  - {name: 合格, min: 60}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "60");
  w.measure("U2", "a", "59.99");
  auto r = w.run();
  CHECK(r.grade("U1") == "合格");
  CHECK(r.standing("U2").grade == -1);
}

// --- gates --------------------------------------------------------------------

TEST_CASE("gate: 述职评议 < 80 caps 优秀 at 良好 and adds a flag") {
  World w(two_parts("gates:\n  - {node: review, below: 80, at_most: 良好}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}});
  // U1: a 100, review 79.99 → 90 + 7.999 = 97.999 → 98.00 优秀 → capped 良好
  w.measure("U1", "a", "100");
  w.measure("U1", "review", "79.99");
  // U2: review exactly 80 → the gate does not fire (below is strict)
  w.measure("U2", "a", "100");
  w.measure("U2", "review", "80");
  // U3: review 50, total 0.9 × 90 + 5 = 86 → 良好 already: no flag
  w.measure("U3", "a", "90");
  w.measure("U3", "review", "50");
  // U4: review 10, total 0.9 × 70 + 1 = 64 → 较差: the cap changes nothing
  w.measure("U4", "a", "70");
  w.measure("U4", "review", "10");
  // U5: review 79.995 prints 80.00: the gate reads printed values, no cap
  w.measure("U5", "a", "100");
  w.measure("U5", "review", "79.995");
  auto r = w.run();
  CHECK(r.total("U1") == "98.00");
  CHECK(r.grade("U1") == "良好");
  REQUIRE(r.standing("U1").flags.size() == 1);
  CHECK(r.standing("U1").flags[0] == "述职评议<80");
  CHECK(r.grade("U2") == "优秀");
  CHECK(r.standing("U2").flags.empty());
  CHECK(r.total("U3") == "86.00");
  CHECK(r.grade("U3") == "良好");
  CHECK(r.standing("U3").flags.empty());
  CHECK(r.total("U4") == "64.00");
  CHECK(r.grade("U4") == "较差");
  CHECK(r.standing("U4").flags.empty());
  CHECK(r.score("U5", "review") == "80.00");
  CHECK(r.grade("U5") == "优秀");
  CHECK(r.standing("U5").flags.empty());
}

TEST_CASE("several caps: the lowest wins") {
  World w(two_parts("gates:\n"
                    "  - {node: review, below: 80, at_most: 良好}\n"
                    "  - {node: review, below: 60, at_most: 一般}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "100");
  w.measure("U1", "review", "50");  // both fire → 一般
  w.measure("U2", "a", "100");
  w.measure("U2", "review", "70");  // only the first → 良好
  auto r = w.run();
  CHECK(r.grade("U1") == "一般");
  CHECK(r.grade("U2") == "良好");
  // Order of gates does not matter for the result.
  World w2(two_parts("gates:\n"
                     "  - {node: review, below: 60, at_most: 一般}\n"
                     "  - {node: review, below: 80, at_most: 良好}\n"),
           {{"U1"}});
  w2.measure("U1", "a", "100");
  w2.measure("U1", "review", "50");
  CHECK(w2.run().grade("U1") == "一般");
}

TEST_CASE("a gate on a node that does not apply does not fire") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, weight: 90%, direct: {}}\n"
                      "    - {id: review, name: 述职评议, points: 100, weight: 10%,"
                      " direct: {missing: na}}\n",
                      "", std::string(kGrades) +
                              "gates:\n  - {node: review, below: 80, at_most: 良好}\n"),
          {{"U1"}});
  w.measure("U1", "a", "95");
  auto r = w.run();
  CHECK(r.score("U1", "review") == "NA");
  CHECK(r.total("U1") == "95.00");  // renormalised over a alone
  CHECK(r.grade("U1") == "优秀");
  CHECK(r.standing("U1").flags.empty());
}

// --- flags, zeroing, forced grades -----------------------------------------------

const char* const kFlagged = R"(kaohe: 1
flags:
  - {id: veto, name: 一票否决}
  - {id: no_honor, name: 取消评优资格}
root:
  id: total
  name: 总分
  points: 100
  children:
    - id: work
      name: 工作
      points: 60
      base: 60
      floor: 0
      children:
        - {id: late, name: 迟报, per_event: {deduct: 2}}
        - {id: accident, name: 恶性事件, flag_event: {raise: no_honor, zero: work}}
    - {id: talk, name: 诫勉谈话, per_event: {deduct: 10, raise: no_honor}}
    - {id: crime, name: 违纪, per_event: {deduct: 1, raise: veto}}
    - {id: rest, name: 其他, points: 40, direct: {missing: full}}
grades:
  - {name: 优秀, min: 90}
  - {name: 合格, min: 60}
  - {name: 不合格}
gates:
  - {flag: veto, force: 不合格}
  - {flag: no_honor, at_most: 合格}
)";

TEST_CASE("an event flag caps the grade, flags print in declared order, each once") {
  World w(kFlagged, {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.event({"U1", "talk"});       // 100 − 10 = 90 → 优秀 → capped 合格
  w.event({"U2", "talk"});
  w.event({"U2", "talk"});       // 80, flag raised twice → listed once
  w.event({"U2", "crime"});      // 79, veto → forced 不合格
  w.event({"U3", "crime"});      // 99 优秀, veto forces 不合格 (wins over any cap)
  auto r = w.run();
  CHECK(r.total("U1") == "90.00");
  CHECK(r.grade("U1") == "合格");
  CHECK(r.standing("U1").flags == std::vector<std::string>{"取消评优资格"});
  CHECK(r.total("U2") == "79.00");
  CHECK(r.grade("U2") == "不合格");
  CHECK(r.standing("U2").flags == std::vector<std::string>{"一票否决", "取消评优资格"});
  CHECK(r.total("U3") == "99.00");
  CHECK(r.grade("U3") == "不合格");
  CHECK(r.standing("U3").forced);
  CHECK(r.total("U4") == "100.00");
  CHECK(r.grade("U4") == "优秀");
  CHECK(r.standing("U4").flags.empty());
}

TEST_CASE("a zeroing event sets its node to 0 after its deltas, ignoring the floor") {
  World w(kFlagged, {{"U1"}, {"U2"}});
  w.event({"U1", "late", 3});   // work 60 − 6 = 54 …
  w.event({"U1", "accident"});  // … zeroed → 0, flag 取消评优资格
  w.event({"U2", "late", 40});  // 60 − 80 → floor 0
  auto r = w.run();
  CHECK(r.score("U1", "work") == "0.00");
  CHECK(r.total("U1") == "40.00");
  CHECK(r.standing("U1").flags == std::vector<std::string>{"取消评优资格"});
  CHECK(r.grade("U1") == "不合格");
  CHECK(r.score("U2", "work") == "0.00");
  CHECK(r.standing("U2").flags.empty());
}

// --- quota grades ---------------------------------------------------------------

std::string quota_scheme(const std::string& quota) {
  return scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                     "grades:\n"
                     "  - {name: 先进, quota: true}\n"
                     "  - {name: 合格, min: 60}\n"
                     "  - {name: 不合格}\n"
                     "quotas:\n  - " + quota + "\n");
}

TEST_CASE("quota grade: at most 30% of the units, best first, rounded down") {
  // 10 units → 3 places.
  World w(quota_scheme("{grade: 先进, percent: 30%, from: 合格}"),
          {{"U01"}, {"U02"}, {"U03"}, {"U04"}, {"U05"},
           {"U06"}, {"U07"}, {"U08"}, {"U09"}, {"U10"}});
  const char* totals[] = {"99", "98", "97", "96", "95", "94", "93", "92", "91", "50"};
  for (int i = 0; i < 10; ++i) {
    w.measure(w.roster.units[static_cast<std::size_t>(i)].id, "a", totals[i]);
  }
  auto r = w.run();
  CHECK(r.grade("U01") == "先进");
  CHECK(r.grade("U02") == "先进");
  CHECK(r.grade("U03") == "先进");
  CHECK(r.grade("U04") == "合格");
  CHECK(r.grade("U10") == "不合格");
}

TEST_CASE("quota: 30% of 7 units is 2.1 → 2 (down), 3 (up), 2 (nearest)") {
  auto count_top = [](const std::string& round) {
    World w(quota_scheme("{grade: 先进, percent: 30%, from: 合格, round: " + round + "}"),
            {{"A"}, {"B"}, {"C"}, {"D"}, {"E"}, {"F"}, {"G"}});
    const char* totals[] = {"99", "98", "97", "96", "95", "94", "93"};
    for (int i = 0; i < 7; ++i) {
      w.measure(w.roster.units[static_cast<std::size_t>(i)].id, "a", totals[i]);
    }
    auto r = w.run();
    int n = 0;
    for (const auto& s : r.graded) n += s.grade == 0 ? 1 : 0;
    return n;
  };
  CHECK(count_top("down") == 2);
  CHECK(count_top("up") == 3);
  CHECK(count_top("nearest") == 2);
}

TEST_CASE("quota: 30% of 5 units is 1.5 → 1 (down), 2 (up), 2 (nearest, halves up)") {
  auto count_top = [](const std::string& round) {
    World w(quota_scheme("{grade: 先进, percent: 30%, from: 合格, round: " + round + "}"),
            {{"A"}, {"B"}, {"C"}, {"D"}, {"E"}});
    const char* totals[] = {"99", "98", "97", "96", "95"};
    for (int i = 0; i < 5; ++i) {
      w.measure(w.roster.units[static_cast<std::size_t>(i)].id, "a", totals[i]);
    }
    auto r = w.run();
    int n = 0;
    for (const auto& s : r.graded) n += s.grade == 0 ? 1 : 0;
    return n;
  };
  CHECK(count_top("down") == 1);
  CHECK(count_top("up") == 2);
  CHECK(count_top("nearest") == 2);
}

TEST_CASE("quota: a tie at the edge goes to the named tie-breakers first") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 50, direct: {}}\n"
                      "    - {id: b, name: 满意度, points: 50, direct: {}}\n",
                      "",
                      "grades:\n"
                      "  - {name: 先进, quota: true}\n"
                      "  - {name: 合格, min: 60}\n"
                      "  - {name: 不合格}\n"
                      "quotas:\n  - {grade: 先进, percent: 50%, from: 合格}\n"
                      "ranking: {tie_breakers: [b]}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  // 2 places. U1 95; U2 and U3 tie at 90, U3 has the better b; U4 80.
  w.measure("U1", "a", "50");
  w.measure("U1", "b", "45");
  w.measure("U2", "a", "50");
  w.measure("U2", "b", "40");
  w.measure("U3", "a", "45");
  w.measure("U3", "b", "45");
  w.measure("U4", "a", "40");
  w.measure("U4", "b", "40");
  auto r = w.run();
  CHECK(r.grade("U1") == "先进");
  CHECK(r.grade("U3") == "先进");
  CHECK(r.grade("U2") == "合格");
  CHECK(r.grade("U4") == "合格");
  CHECK(r.rank("U3") == 2);
  CHECK(r.rank("U2") == 3);
}

TEST_CASE("quota: a tie at the edge keeps all tied units out, unless ties: include") {
  auto run = [](const std::string& ties) {
    World w(quota_scheme("{grade: 先进, percent: 30%, from: 合格" + ties + "}"),
            {{"U01"}, {"U02"}, {"U03"}, {"U04"}, {"U05"},
             {"U06"}, {"U07"}, {"U08"}, {"U09"}, {"U10"}});
    // 3 places; the 3rd and 4th are tied at 97.
    const char* totals[] = {"99", "98", "97", "97", "95", "94", "93", "92", "91", "90"};
    for (int i = 0; i < 10; ++i) {
      w.measure(w.roster.units[static_cast<std::size_t>(i)].id, "a", totals[i]);
    }
    auto r = w.run();
    std::vector<std::string> top;
    for (const auto& s : r.graded) {
      if (s.grade == 0) top.push_back(w.roster.units[static_cast<std::size_t>(s.unit)].id);
    }
    return top;
  };
  CHECK(run("") == std::vector<std::string>{"U01", "U02"});
  CHECK(run(", ties: include") == std::vector<std::string>{"U01", "U02", "U03", "U04"});
}

TEST_CASE("quota: units failing a condition or carrying a flag take no place") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, weight: 80%, direct: {}}\n"
                      "    - {id: sat, name: 满意度, points: 100, weight: 20%, direct: {}}\n"
                      "    - {id: talk, name: 诫勉, per_event: {deduct: 1, raise: no_honor}}\n",
                      "",
                      "flags:\n  - {id: no_honor, name: 取消评优资格}\n"
                      "grades:\n"
                      "  - {name: 先进, quota: true}\n"
                      "  - {name: 合格, min: 60}\n"
                      "  - {name: 不合格}\n"
                      "quotas:\n"
                      "  - {grade: 先进, percent: 20%, from: 合格,"
                      " require: [{node: sat, at_least: 60}], without_flags: [no_honor]}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}, {"U6"}, {"U7"}, {"U8"}, {"U9"}, {"U10"}});
  // 20% of 10 → 2 places, counted over all units (not only the eligible).
  for (int i = 1; i <= 10; ++i) {
    std::string id = "U" + std::to_string(i);
    w.measure(id, "a", std::to_string(100 - i));
    w.measure(id, "sat", "80");
  }
  // U1 best but satisfaction 59.99 < 60 → no place; U2 flagged → no place.
  w.measures.slot(w.roster.find("U1"), w.scheme.find("sat")).front().value =
      *Decimal::parse("59.99");
  w.event({"U2", "talk"});
  auto r = w.run();
  CHECK(r.grade("U1") == "合格");
  CHECK(r.grade("U2") == "合格");
  CHECK(r.grade("U3") == "先进");
  CHECK(r.grade("U4") == "先进");
  CHECK(r.grade("U5") == "合格");
}

TEST_CASE("quota: a unit capped by a gate below the quota grade is not eligible") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n"
                      "    - {id: talk, name: 诫勉, per_event: {deduct: 1, raise: no_honor}}\n",
                      "",
                      "flags:\n  - {id: no_honor, name: 取消评优资格}\n"
                      "grades:\n"
                      "  - {name: 先进, quota: true}\n"
                      "  - {name: 合格, min: 60}\n"
                      "  - {name: 不合格}\n"
                      "gates:\n  - {flag: no_honor, at_most: 合格}\n"
                      "quotas:\n  - {grade: 先进, percent: 50%, from: 合格}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.measure("U1", "a", "99");
  w.measure("U2", "a", "98");
  w.measure("U3", "a", "97");
  w.measure("U4", "a", "96");
  w.event({"U1", "talk"});  // 98, capped at 合格: takes no place
  auto r = w.run();
  CHECK(r.grade("U1") == "合格");
  CHECK(r.grade("U2") == "先进");
  CHECK(r.grade("U3") == "先进");
  CHECK(r.grade("U4") == "合格");
}

// --- general grades (issue 17) ---------------------------------------------------

TEST_CASE("quota grade with its own threshold: needs both the min and a place") {
  // 先进 needs ≥ 85 and the top 50%: of 6 units, 3 places, but only two reach 85.
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                      "grades:\n"
                      "  - {name: 先进, quota: true, min: 85}\n"
                      "  - {name: 合格, min: 60}\n"
                      "  - {name: 不合格}\n"
                      "quotas:\n  - {grade: 先进, percent: 50%, from: 合格}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}, {"U6"}});
  w.measure("U1", "a", "90");
  w.measure("U2", "a", "85");
  w.measure("U3", "a", "84.99");
  w.measure("U4", "a", "70");
  w.measure("U5", "a", "60");
  w.measure("U6", "a", "50");
  auto r = w.run();
  CHECK(r.grade("U1") == "先进");
  CHECK(r.grade("U2") == "先进");  // the min is inclusive
  CHECK(r.grade("U3") == "合格");  // in the top 50% on merit, below 85
  CHECK(r.grade("U4") == "合格");
  CHECK(r.grade("U6") == "不合格");
  // Below the min, a unit takes no place: the third place stays empty and
  // nobody further down takes it.
  CHECK(r.standing("U4").flags.empty());
}

TEST_CASE("quota grade's min: a unit above it but outside the quota is not given it") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                      "grades:\n"
                      "  - {name: 先进, quota: true, min: 85}\n"
                      "  - {name: 合格}\n"
                      "quotas:\n  - {grade: 先进, percent: 25%}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.measure("U1", "a", "95");
  w.measure("U2", "a", "90");
  w.measure("U3", "a", "88");
  w.measure("U4", "a", "10");
  auto r = w.run();
  CHECK(r.grade("U1") == "先进");  // 25% of 4 = 1 place
  CHECK(r.grade("U2") == "合格");
  CHECK(r.grade("U3") == "合格");
}

TEST_CASE("a gate grade is reached only by a gate: 不合格 by veto only") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n"
                      "    - {id: crime, name: 违纪, flag_event: {raise: veto}}\n",
                      "",
                      "flags:\n  - {id: veto, name: 一票否决}\n"
                      "grades:\n"
                      "  - {name: 合格, min: 60}\n"
                      "  - {name: 基本合格}\n"
                      "  - {name: 不合格, gate: true}\n"
                      "gates:\n  - {flag: veto, force: 不合格}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "a", "0");    // the lowest total is still 基本合格
  w.measure("U2", "a", "100");  // vetoed
  w.measure("U3", "a", "80");
  w.event({"U2", "crime"});
  auto r = w.run();
  CHECK(r.grade("U1") == "基本合格");
  CHECK(r.grade("U2") == "不合格");
  CHECK(r.standing("U2").forced);
  CHECK(r.grade("U3") == "合格");
}

TEST_CASE("a gate grade as a cap: at most 基本合格 when a part fails") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                      "grades:\n"
                      "  - {name: 优秀, min: 90}\n"
                      "  - {name: 合格}\n"
                      "  - {name: 待定, gate: true}\n"
                      "gates:\n  - {when: a < 95, at_most: 待定}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "92");
  w.measure("U2", "a", "96");
  auto r = w.run();
  CHECK(r.grade("U1") == "待定");
  CHECK(r.standing("U1").flags == std::vector<std::string>{"业绩<95"});
  CHECK(r.grade("U2") == "优秀");
}

TEST_CASE("a grade with an empty name prints empty, and gates may name it") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                      "grades:\n"
                      "  - {name: 优秀, min: 90}\n"
                      "  - {name: \"\"}\n"
                      "gates:\n  - {when: a == 95, at_most: \"\"}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "a", "99");
  w.measure("U2", "a", "50");
  w.measure("U3", "a", "95");
  auto r = w.run();
  CHECK(r.grade("U1") == "优秀");
  CHECK(r.standing("U2").grade == 1);
  CHECK(r.grade("U2").empty());
  CHECK(r.standing("U3").grade == 1);
}

}  // namespace
}  // namespace kaohe
