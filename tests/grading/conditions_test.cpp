// Unit tests of general gates and their conditions (DESIGN.md §2 "Grades,
// gates, quotas"): every comparison on a node or the total, flags and
// not-flags, several conditions (all / any), a node that does not apply,
// and the labels they add to the flags column.
#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::scheme_text;
using test::World;

const char* const kGrades =
    "grades:\n"
    "  - {name: 优秀, min: 90}\n"
    "  - {name: 良好, min: 80}\n"
    "  - {name: 一般}\n";

// Parts a (90%) and review (10%), each out of 100; `top` adds flags and gates.
std::string scheme_with(const std::string& gates, const std::string& flags = "") {
  return scheme_text(
      "    - {id: a, name: 业绩, points: 100, weight: 90%, direct: {}}\n"
      "    - {id: review, name: 述职评议, points: 100, weight: 10%, direct: {missing: na}}\n"
      "    - {id: talk, name: 诫勉, per_event: {deduct: 1, raise: no_honor}}\n",
      "",
      "flags:\n  - {id: no_honor, name: 取消评优资格}\n" + flags + kGrades + "gates:\n" +
          gates);
}

// Grades of units U1.. with review scores `reviews` (a at 100: total 90 +
// review ÷ 10 → always 优秀 before gates), under the gate `gate`.
std::vector<std::string> grades_for(const std::string& gate,
                                    const std::vector<std::string>& reviews) {
  std::vector<test::UnitSpec> units;
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    units.push_back({"U" + std::to_string(i + 1)});
  }
  World w(scheme_with(gate), units);
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    std::string u = "U" + std::to_string(i + 1);
    w.measure(u, "a", "100");
    w.measure(u, "review", reviews[i]);
  }
  auto r = w.run();
  std::vector<std::string> out;
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    out.push_back(r.grade("U" + std::to_string(i + 1)));
  }
  return out;
}

TEST_CASE("every comparison on a node: < <= > >= == !=") {
  const std::vector<std::string> reviews = {"79", "80", "81"};
  using V = std::vector<std::string>;
  CHECK(grades_for("  - {when: review < 80, at_most: 良好}\n", reviews) ==
        V{"良好", "优秀", "优秀"});
  CHECK(grades_for("  - {when: review <= 80, at_most: 良好}\n", reviews) ==
        V{"良好", "良好", "优秀"});
  CHECK(grades_for("  - {when: review > 80, at_most: 良好}\n", reviews) ==
        V{"优秀", "优秀", "良好"});
  CHECK(grades_for("  - {when: review >= 80, at_most: 良好}\n", reviews) ==
        V{"优秀", "良好", "良好"});
  CHECK(grades_for("  - {when: review == 80, at_most: 良好}\n", reviews) ==
        V{"优秀", "良好", "优秀"});
  CHECK(grades_for("  - {when: review != 80, at_most: 良好}\n", reviews) ==
        V{"良好", "优秀", "良好"});
}

TEST_CASE("the written form {node, below} and 'node < bound' grade alike") {
  const std::vector<std::string> reviews = {"0", "79.99", "79.995", "80", "100"};
  CHECK(grades_for("  - {node: review, below: 80, at_most: 良好}\n", reviews) ==
        grades_for("  - {when: review < 80, at_most: 良好}\n", reviews));
}

TEST_CASE("a comparison reads printed scores: 79.995 prints 80.00 and == 80 holds") {
  CHECK(grades_for("  - {when: review == 80, at_most: 良好}\n", {"79.995", "79.994"}) ==
        std::vector<std::string>{"良好", "优秀"});
}

TEST_CASE("a comparison on the total reads the printed total") {
  // U1: 90 + 9.99 = 99.99 → 99.99; U2: 90 + 10 = 100.
  World w(scheme_with("  - {when: total < 100, force: 一般}\n"), {{"U1"}, {"U2"}});
  w.measure("U1", "a", "100");
  w.measure("U1", "review", "99.9");
  w.measure("U2", "a", "100");
  w.measure("U2", "review", "100");
  auto r = w.run();
  CHECK(r.total("U1") == "99.99");
  CHECK(r.grade("U1") == "一般");
  CHECK(r.standing("U1").forced);
  CHECK(r.standing("U1").flags == std::vector<std::string>{"总分<100"});
  CHECK(r.grade("U2") == "优秀");
  CHECK(r.standing("U2").flags.empty());
}

TEST_CASE("a comparison on a node that does not apply never holds, whatever the operator") {
  for (const char* op : {"<", "<=", ">", ">=", "==", "!="}) {
    CAPTURE(op);
    World w(scheme_with(std::string("  - {when: review ") + op + " 80, at_most: 良好}\n"),
            {{"U1"}});
    w.measure("U1", "a", "95");  // review has no row: missing: na
    auto r = w.run();
    CHECK(r.score("U1", "review") == "NA");
    CHECK(r.grade("U1") == "优秀");
    CHECK(r.standing("U1").flags.empty());
  }
}

TEST_CASE("a flag and a flag not raised") {
  World w(scheme_with("  - {when: no_honor, at_most: 良好}\n"
                      "  - {when: not no_honor, at_most: 优秀}\n"),
          {{"U1"}, {"U2"}});
  for (const char* u : {"U1", "U2"}) {
    w.measure(u, "a", "100");
    w.measure(u, "review", "100");
  }
  w.event({"U1", "talk"});
  auto r = w.run();
  CHECK(r.grade("U1") == "良好");
  // The raised flag is listed once, as a flag: the gate adds no label.
  CHECK(r.standing("U1").flags == std::vector<std::string>{"取消评优资格"});
  CHECK(r.grade("U2") == "优秀");
  CHECK(r.standing("U2").flags.empty());
  // 'not' of a flag: its label names the flag not raised.
  World w2(scheme_with("  - {when: not no_honor, at_most: 良好}\n"), {{"U1"}});
  w2.measure("U1", "a", "100");
  w2.measure("U1", "review", "100");
  auto r2 = w2.run();
  CHECK(r2.grade("U1") == "良好");
  CHECK(r2.standing("U1").flags == std::vector<std::string>{"非取消评优资格"});
}

TEST_CASE("all: the gate fires only when every condition holds") {
  const std::string gate = "  - {all: [review < 80, a >= 99], at_most: 良好}\n";
  World w(scheme_with(gate), {{"U1"}, {"U2"}, {"U3"}});
  w.measure("U1", "a", "100");  // both hold
  w.measure("U1", "review", "70");
  w.measure("U2", "a", "98.5");  // a < 99: does not fire
  w.measure("U2", "review", "70");
  w.measure("U3", "a", "100");  // review ≥ 80: does not fire
  w.measure("U3", "review", "90");
  auto r = w.run();
  CHECK(r.grade("U1") == "良好");
  CHECK(r.standing("U1").flags == std::vector<std::string>{"述职评议<80、业绩>=99"});
  CHECK(r.grade("U2") == "优秀");
  CHECK(r.standing("U2").flags.empty());
  CHECK(r.grade("U3") == "优秀");
}

TEST_CASE("any: the gate fires when one condition holds, and names those that do") {
  const std::string gate = "  - {any: [review < 80, no_honor, total < 95], force: 一般}\n";
  World w(scheme_with(gate), {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  for (const char* u : {"U1", "U2", "U3"}) w.measure(u, "a", "100");
  w.measure("U1", "review", "70");   // review < 80 (total 97)
  w.measure("U2", "review", "100");  // the flag
  w.event({"U2", "talk"});
  w.measure("U3", "review", "100");  // none
  w.measure("U4", "a", "90");
  w.measure("U4", "review", "30");   // both comparisons: 81 + 3 = 84
  auto r = w.run();
  CHECK(r.grade("U1") == "一般");
  CHECK(r.standing("U1").flags == std::vector<std::string>{"述职评议<80"});
  CHECK(r.grade("U2") == "一般");
  CHECK(r.standing("U2").flags == std::vector<std::string>{"取消评优资格"});
  CHECK(r.grade("U3") == "优秀");
  CHECK(r.standing("U3").flags.empty());
  CHECK(r.total("U4") == "84.00");
  CHECK(r.standing("U4").flags == std::vector<std::string>{"述职评议<80、总分<95"});
}

}  // namespace
}  // namespace kaohe
