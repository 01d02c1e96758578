// Unit tests of ranking and output order (SPEC §3.4, §9, §10): shared ranks
// (1, 2, 2, 4), tie-breakers, ranking within category, byte order of
// unit ids, printed totals, and category normalisation.
#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::scheme_text;
using test::World;

using Ids = std::vector<std::string>;

TEST_CASE("ties share a rank: 1, 2, 2, 4, output by rank then unit_id byte order") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"),
          {{"d"}, {"c"}, {"b"}, {"a"}, {"e"}});
  w.measure("a", "a", "70");
  w.measure("b", "a", "80");
  w.measure("c", "a", "80");
  w.measure("d", "a", "90");
  w.measure("e", "a", "70");
  auto r = w.run();
  CHECK(r.rank("d") == 1);
  CHECK(r.rank("b") == 2);
  CHECK(r.rank("c") == 2);
  CHECK(r.rank("a") == 4);
  CHECK(r.rank("e") == 4);
  CHECK(r.order() == Ids{"d", "b", "c", "a", "e"});
  // grade_units keeps roster order; rank_units sorts.
  CHECK(r.graded[0].unit == 0);
  CHECK(r.graded[4].unit == 4);
}

TEST_CASE("tied units are ordered by unit_id in byte order, not locale or numeric") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"),
          {{"中"}, {"b"}, {"a9"}, {"B"}, {"a10"}, {"Z"}});
  for (const auto& u : w.roster.units) w.measure(u.id, "a", "50");
  auto r = w.run();
  // Bytes: 'B' 0x42 < 'Z' 0x5A < 'a10' < 'a9' < 'b' 0x62 < '中' 0xE4…
  CHECK(r.order() == Ids{"B", "Z", "a10", "a9", "b", "中"});
  for (const auto& s : r.ranked) CHECK(s.rank == 1);
}

TEST_CASE("tied ids that share their first 8 bytes, or are the start of another, in byte order") {
  // The sort compares the first 8 bytes as a number before the whole id:
  // ids equal there, or shorter than 8 bytes, must still come in byte order.
  const Ids ids = {"330102001010", "330102001002", "33010200", "3301020",
                   "330102001001", "330102000999", "3301020010", "33010200\x7F"};
  std::vector<test::UnitSpec> units;
  for (const auto& id : ids) units.push_back({id});
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"), units);
  for (const auto& id : ids) w.measure(id, "a", id == "33010200" ? "60" : "50");
  auto r = w.run();
  CHECK(r.order() == Ids{"33010200", "3301020", "330102000999", "3301020010", "330102001001",
                         "330102001002", "330102001010", "33010200\x7F"});
  CHECK(r.rank("33010200") == 1);
  CHECK(r.rank("3301020") == 2);
  CHECK(r.rank("33010200\x7F") == 2);
}

TEST_CASE("ranks use printed totals: 89.994 and 89.991 tie at 89.99") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"),
          {{"U2"}, {"U1"}, {"U3"}});
  w.measure("U1", "a", "89.991");
  w.measure("U2", "a", "89.994");
  w.measure("U3", "a", "89.995");  // → 90.00
  auto r = w.run();
  CHECK(r.rank("U3") == 1);
  CHECK(r.rank("U1") == 2);
  CHECK(r.rank("U2") == 2);
  CHECK(r.order() == Ids{"U3", "U1", "U2"});
}

TEST_CASE("tie-breakers decide before ranks are shared") {
  World w(scheme_text("    - {id: a, name: 甲, points: 50, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 50, direct: {}}\n",
                      "", "ranking: {tie_breakers: [b, a]}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}});
  // All total 80.
  w.measure("U1", "a", "50");
  w.measure("U1", "b", "30");
  w.measure("U2", "a", "40");
  w.measure("U2", "b", "40");  // best b → 1
  w.measure("U3", "a", "45");
  w.measure("U3", "b", "35");  // b 35 → 2
  w.measure("U4", "a", "45");
  w.measure("U4", "b", "35");  // same as U3 on every breaker → shares 2
  w.measure("U5", "a", "30");
  w.measure("U5", "b", "40");  // total 70 → 5
  auto r = w.run();
  CHECK(r.rank("U2") == 1);
  CHECK(r.rank("U3") == 2);
  CHECK(r.rank("U4") == 2);
  CHECK(r.rank("U1") == 4);
  CHECK(r.rank("U5") == 5);
  CHECK(r.order() == Ids{"U2", "U3", "U4", "U1", "U5"});
}

TEST_CASE("a higher total beats a better tie-breaker") {
  World w(scheme_text("    - {id: a, name: 甲, points: 50, direct: {}}\n"
                      "    - {id: b, name: 乙, points: 50, direct: {}}\n",
                      "", "ranking: {tie_breakers: [b]}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "a", "50");
  w.measure("U1", "b", "0.01");  // 50.01
  w.measure("U2", "a", "0");
  w.measure("U2", "b", "50");    // 50.00
  auto r = w.run();
  CHECK(r.order() == Ids{"U1", "U2"});
  CHECK(r.rank("U2") == 2);
}

TEST_CASE("ranking within category: ranks restart per category, rows ordered by category") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "",
                      "ranking: {within: category}\n"),
          {{"x1", "", "B"}, {"x2", "", "A"}, {"x3", "", "B"}, {"x4", "", "A"},
           {"x5", "", "B"}},
          true);
  w.measure("x1", "a", "60");
  w.measure("x2", "a", "70");
  w.measure("x3", "a", "90");
  w.measure("x4", "a", "70");
  w.measure("x5", "a", "60");
  auto r = w.run();
  CHECK(r.rank("x2") == 1);
  CHECK(r.rank("x4") == 1);
  CHECK(r.rank("x3") == 1);
  CHECK(r.rank("x1") == 2);
  CHECK(r.rank("x5") == 2);
  CHECK(r.order() == Ids{"x2", "x4", "x3", "x1", "x5"});
}

TEST_CASE("without within: category, categories rank together") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"),
          {{"x1", "", "B"}, {"x2", "", "A"}, {"x3", "", "B"}}, true);
  w.measure("x1", "a", "60");
  w.measure("x2", "a", "70");
  w.measure("x3", "a", "90");
  auto r = w.run();
  CHECK(r.order() == Ids{"x3", "x2", "x1"});
  CHECK(r.rank("x1") == 3);
}

TEST_CASE("empty roster: nothing is ranked") {
  World w(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "",
                      "ranking: {within: category}\n"),
          {});
  auto r = w.run();
  CHECK(r.ranked.empty());
}

// --- categories ------------------------------------------------------------------

TEST_CASE("category full marks: the total is normalised to 100 before grading and ranking") {
  // A: c (20, A only) + d (80) = 100; B: d only = 80.
  World w(scheme_text("    - {id: c, name: 丙, points: 20, applies_to: [A], direct: {}}\n"
                      "    - {id: d, name: 丁, points: 80, direct: {}}\n",
                      "",
                      "categories: {A: 100, B: 80}\n"
                      "grades:\n  - {name: 优秀, min: 90}\n  - {name: 合格}\n"),
          {{"a1", "", "A"}, {"b1", "", "B"}, {"b2", "", "B"}}, true);
  w.measure("a1", "c", "15");
  w.measure("a1", "d", "70");  // 85 of 100 → 85.00
  w.measure("b1", "d", "72");  // 72 of 80 → 90.00
  w.measure("b2", "d", "71.99");  // 71.99 × 100 / 80 = 89.9875 → 89.99
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("b1", "c") == "NA");
  CHECK(r.total("b1") == "72.00");  // the root on its own scale
  CHECK(r.sheet.full_marks(r.unit("b1")) == Decimal::from_int(80));
  CHECK(r.sheet.total(r.unit("b1")) == Decimal::from_int(90));
  CHECK(r.sheet.total(r.unit("a1")) == Decimal::from_int(85));
  CHECK(r.sheet.total(r.unit("b2")).format(2) == "89.99");
  CHECK(r.grade("b1") == "优秀");
  CHECK(r.grade("a1") == "合格");
  CHECK(r.grade("b2") == "合格");
  CHECK(r.order() == Ids{"b1", "b2", "a1"});
}

}  // namespace
}  // namespace kaohe
