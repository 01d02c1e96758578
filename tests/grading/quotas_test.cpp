// Unit tests of the general quotas (issue 17, point 2; DESIGN.md §2
// "Quotas"): a count instead of a percentage, rounding modes, a base of
// the eligible units, several grades to draw from, bottom quotas giving a
// grade or a flag, and tie-breakers in ascending order.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <memory>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::scheme_text;
using test::World;

// One direct part `a`; units U01..Un scoring 100 − i (distinct, best first).
struct Run {
  std::string grades;
  std::string quotas;
  int units = 10;
  std::string flags = "";
};

std::unique_ptr<World> make(const Run& spec) {
  std::vector<test::UnitSpec> units;
  for (int i = 1; i <= spec.units; ++i) {
    units.push_back({fmt::format("U{:02}", i)});
  }
  auto w = std::make_unique<World>(
      scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                  spec.flags + spec.grades + "quotas:\n" + spec.quotas),
      units);
  for (int i = 1; i <= spec.units; ++i) {
    w->measure(fmt::format("U{:02}", i), "a", std::to_string(100 - i));
  }
  return w;
}

const char* const kTop =
    "grades:\n"
    "  - {name: 先进, quota: true}\n"
    "  - {name: 合格, min: 60}\n"
    "  - {name: 不合格}\n";

// The units given grade `g`, in roster order.
std::vector<std::string> with_grade(const test::Result& r, int units, const std::string& g) {
  std::vector<std::string> out;
  for (int i = 1; i <= units; ++i) {
    std::string u = fmt::format("U{:02}", i);
    if (r.grade(u) == g) out.push_back(u);
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("count: the best 3, whatever the number of units") {
  auto r_world = make({kTop, "  - {grade: 先进, count: 3, from: 合格}\n"});
  auto r = r_world->run();
  CHECK(with_grade(r, 10, "先进") == V{"U01", "U02", "U03"});
  CHECK(r.standing("U01").flags == V{"名额3:先进"});
}

TEST_CASE("count: more places than units gives every eligible unit the grade") {
  auto r_world = make({kTop, "  - {grade: 先进, count: 5}\n", 3});
  auto r = r_world->run();
  CHECK(with_grade(r, 3, "先进") == V{"U01", "U02", "U03"});
}

TEST_CASE("rounding: floor, ceil, half_up and half_even of share × units") {
  auto places = [](const std::string& percent, const std::string& round, int units) {
    auto w = make({kTop, "  - {grade: 先进, percent: " + percent + ", round: " + round + "}\n",
                   units});
    return with_grade(w->run(), units, "先进").size();
  };
  // 50% of 5 = 2.5
  CHECK(places("50%", "floor", 5) == 2);
  CHECK(places("50%", "ceil", 5) == 3);
  CHECK(places("50%", "half_up", 5) == 3);
  CHECK(places("50%", "half_even", 5) == 2);
  // 50% of 7 = 3.5 → 4 either way; 30% of 5 = 1.5 → 2 (even)
  CHECK(places("50%", "half_even", 7) == 4);
  CHECK(places("30%", "half_even", 5) == 2);
  // not a half: 30% of 7 = 2.1 → 2; 40% of 7 = 2.8 → 3
  CHECK(places("30%", "half_even", 7) == 2);
  CHECK(places("40%", "half_even", 7) == 3);
  // the old spellings
  CHECK(places("50%", "down", 5) == 2);
  CHECK(places("50%", "up", 5) == 3);
  CHECK(places("50%", "nearest", 5) == 3);
}

TEST_CASE("base: a share of all units, or of the eligible only") {
  // U01..U10 score 99..90; with min 95 for 合格 only U01..U04 are 合格.
  const std::string grades =
      "grades:\n"
      "  - {name: 先进, quota: true}\n"
      "  - {name: 合格, min: 95.5}\n"
      "  - {name: 基本合格}\n";
  auto all_world = make({grades, "  - {grade: 先进, percent: 30%, from: 合格}\n"});
  auto all = all_world->run();
  CHECK(with_grade(all, 10, "先进") == V{"U01", "U02", "U03"});  // 30% of 10
  auto eligible_world =
      make({grades, "  - {grade: 先进, percent: 30%, from: 合格, base: eligible}\n"});
  auto eligible = eligible_world->run();
  CHECK(with_grade(eligible, 10, "先进") == V{"U01"});  // 30% of 4 = 1.2 → 1
}

TEST_CASE("from several grades") {
  const std::string grades =
      "grades:\n"
      "  - {name: 先进, quota: true}\n"
      "  - {name: 优秀, min: 97.5}\n"
      "  - {name: 良好, min: 95.5}\n"
      "  - {name: 一般}\n";
  // U01, U02 优秀; U03, U04 良好; the rest 一般. Units graded 一般 are not drawn from.
  auto w = make({grades, "  - {grade: 先进, count: 6, from: [优秀, 良好]}\n"});
  auto r = w->run();
  CHECK(with_grade(r, 10, "先进") == V{"U01", "U02", "U03", "U04"});
}

TEST_CASE("a bottom quota raises a flag on the last N: 对排名末位的五个支部…诫勉谈话") {
  auto w = make({"", "  - {bottom: true, count: 2, flag: admonish}\n", 6,
                 "flags:\n  - {id: admonish, name: 诫勉谈话}\n"});
  auto r = w->run();
  for (const char* u : {"U01", "U02", "U03", "U04"}) {
    CAPTURE(u);
    CHECK(r.standing(u).flags.empty());
  }
  CHECK(r.standing("U05").flags == V{"末位2:诫勉谈话"});
  CHECK(r.standing("U06").flags == V{"末位2:诫勉谈话"});
  CHECK(r.standing("U06").grade == -1);  // no grades at all
}

TEST_CASE("a bottom quota gives a grade to the last 20%, and ties at the edge stay out") {
  const std::string grades =
      "grades:\n"
      "  - {name: 合格, min: 60}\n"
      "  - {name: 较差, quota: true}\n";
  auto w = make({grades, "  - {grade: 较差, bottom: true, percent: 20%}\n"});
  auto r = w->run();
  CHECK(with_grade(r, 10, "较差") == V{"U09", "U10"});
  CHECK(r.standing("U10").flags == V{"末位20%:较差"});
  // U08 and U09 tied at the edge: both out unless ties: include.
  World tied(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n", "",
                         grades + "quotas:\n  - {grade: 较差, bottom: true, count: 2}\n"),
             {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  tied.measure("U1", "a", "90");
  tied.measure("U2", "a", "80");
  tied.measure("U3", "a", "80");
  tied.measure("U4", "a", "70");
  auto t = tied.run();
  CHECK(t.grade("U4") == "较差");
  CHECK(t.grade("U2") == "合格");
  CHECK(t.grade("U3") == "合格");
  CHECK(t.standing("U2").flags == V{"末位2:并列未入较差"});
}

TEST_CASE("a bottom quota skips a unit whose grade a gate forced") {
  World w(scheme_text("    - {id: a, name: 业绩, points: 100, direct: {}}\n"
                      "    - {id: crime, name: 违纪, flag_event: {raise: veto}}\n",
                      "",
                      "flags:\n  - {id: veto, name: 一票否决}\n"
                      "grades:\n"
                      "  - {name: 合格}\n"
                      "  - {name: 较差, quota: true}\n"
                      "  - {name: 不合格, gate: true}\n"
                      "gates:\n  - {flag: veto, force: 不合格}\n"
                      "quotas:\n  - {grade: 较差, bottom: true, count: 1}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "a", "90");
  w.measure("U2", "a", "80");
  w.measure("U3", "a", "10");
  w.event({"U3", "crime"});
  auto r = w.run();
  CHECK(r.grade("U3") == "不合格");
  CHECK(r.grade("U2") == "较差");
  CHECK(r.grade("U1") == "合格");
}

TEST_CASE("tie-breakers: ascending puts the lower score first") {
  const std::string children =
      "    - {id: a, name: 业绩, points: 90, direct: {}}\n"
      "    - {id: b, name: 扣分, points: 10, direct: {}}\n";
  for (const char* order : {"descending", "ascending"}) {
    CAPTURE(order);
    World w(scheme_text(children, "",
                        std::string("ranking: {tie_breakers: [{node: b, order: ") + order +
                            "}]}\n"),
            {{"U1"}, {"U2"}});
    w.measure("U1", "a", "85");  // 85 + 5 = 90
    w.measure("U1", "b", "5");
    w.measure("U2", "a", "81");  // 81 + 9 = 90
    w.measure("U2", "b", "9");
    auto r = w.run();
    if (std::string(order) == "ascending") {
      CHECK(r.order() == V{"U1", "U2"});
    } else {
      CHECK(r.order() == V{"U2", "U1"});
    }
    CHECK(r.rank("U1") != r.rank("U2"));
  }
}

}  // namespace
}  // namespace kaohe
