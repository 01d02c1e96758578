// Scoring a node once per sub-period (`periods:`): mean, sum, last and
// weights over the copies that apply to a unit — a unit whose own period
// (Unit::from/to) or --as-of leaves a sub-period out, an NA row for one
// sub-period under each not_applicable policy — and what explain shows.
#include <doctest/doctest.h>

#include <string>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::Ev;
using test::World;

// Two years; p4 starts each year at 20 and deducts 1 a row, floor 0.
std::string scheme(const std::string& combine, const std::string& extra = "") {
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
         "      periods: {per: year, combine: " + combine + "}\n" + extra +
         "      base: 20\n"
         "      floor: 0\n"
         "      children:\n"
         "        - {id: p4_major, name: 重大恶性事件, flag_event: {zero: p4}}\n"
         "        - {id: p4_group, name: 集体上访, per_event: {deduct: 1}}\n"
         "    - {id: p6, name: 创新, points: 20, direct: {}}\n";
}

World world(const std::string& combine, const std::string& extra = "") {
  World w(scheme(combine, extra), {{"u1"}, {"u2"}, {"u3"}});
  for (const char* u : {"u1", "u2", "u3"}) w.measure(u, "p6", "20");
  // u1: 2 rows in 2024, 6 in 2025.
  w.event(Ev{"u1", "p4_group@2024", 2, "", "", "", "2024-05-01"});
  w.event(Ev{"u1", "p4_group@2025", 6, "", "", "", "2025-05-01"});
  // u2: 25 rows in 2024 (floor 0), none in 2025.
  w.event(Ev{"u2", "p4_group@2024", 25, "", "", "", "2024-05-01"});
  return w;
}

TEST_CASE("periods mean: the mean of the years, each clamped on its own") {
  World w = world("mean");
  test::Result r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("u1", "p4@2024") == "18.00");
  CHECK(r.score("u1", "p4@2025") == "14.00");
  CHECK(r.score("u1", "p4") == "16.00");
  CHECK(r.score("u2", "p4@2024") == "0.00");  // floor per year
  CHECK(r.score("u2", "p4") == "10.00");
  CHECK(r.score("u3", "p4") == "20.00");
  CHECK(r.total("u1") == "36.00");
}

TEST_CASE("periods mean: over the sub-periods that apply to the unit") {
  World w = world("mean");
  // u1 left at the end of 2024: 2025 does not apply, it drops out.
  w.roster.units[0].to = Date{2024, 12, 31};
  w.events.erase(w.events.begin() + 1);  // its 2025 row
  // u3 joined in 2025.
  w.roster.units[2].from = Date{2025, 3, 1};
  test::Result r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("u1", "p4@2025") == "NA");
  CHECK(r.score("u1", "p4") == "18.00");
  CHECK(r.sheet.at(r.unit("u1"), r.node("p4")).full_marks == Decimal::from_int(20));
  CHECK(r.score("u3", "p4@2024") == "NA");
  CHECK(r.score("u3", "p4") == "20.00");
  CHECK(r.total("u1") == "38.00");
}

TEST_CASE("periods: --as-of leaves the later sub-periods out") {
  World w = world("mean");
  w.scheme.as_of = Date{2024, 12, 31};
  w.events.erase(w.events.begin() + 1);
  test::Result r = w.run();
  CHECK(r.score("u1", "p4@2025") == "NA");
  CHECK(r.score("u1", "p4") == "18.00");
  CHECK(r.score("u2", "p4") == "0.00");
}

TEST_CASE("periods sum: the years add up, and so do their full marks") {
  World w = world("sum");
  w.roster.units[2].to = Date{2024, 6, 30};
  test::Result r = w.run();
  CHECK(r.score("u1", "p4") == "32.00");
  CHECK(r.sheet.at(r.unit("u1"), r.node("p4")).full_marks == Decimal::from_int(40));
  CHECK(r.score("u2", "p4") == "20.00");
  // u3's 2025 leaves the full marks.
  CHECK(r.score("u3", "p4") == "20.00");
  CHECK(r.sheet.at(r.unit("u3"), r.node("p4")).full_marks == Decimal::from_int(20));
}

TEST_CASE("periods last: only the last sub-period that applies counts") {
  World w = world("last");
  w.roster.units[1].to = Date{2024, 12, 31};  // u2: 2024 is its last year
  test::Result r = w.run();
  CHECK(r.score("u1", "p4@2024") == "18.00");
  CHECK(r.score("u1", "p4") == "14.00");
  CHECK(r.score("u2", "p4") == "0.00");
  CHECK(r.score("u3", "p4") == "20.00");
}

TEST_CASE("periods weights: the given weights, renormalised over what applies") {
  World w = world("{weights: [25%, 75%]}");
  w.roster.units[2].from = Date{2025, 1, 1};
  test::Result r = w.run();
  CHECK(r.score("u1", "p4") == "15.00");   // 0.25 × 18 + 0.75 × 14
  CHECK(r.score("u2", "p4") == "15.00");   // 0.25 × 0 + 0.75 × 20
  CHECK(r.score("u3", "p4") == "20.00");
}

TEST_CASE("periods: an NA row for one sub-period follows the node's not_applicable") {
  SUBCASE("full: the year scores full marks and counts") {
    World w = world("mean", "      not_applicable: full\n");
    w.measure("u1", "p4@2025", "NA");
    w.events.erase(w.events.begin() + 1);
    test::Result r = w.run();
    CHECK(r.score("u1", "p4@2025") == "20.00");
    CHECK(r.score("u1", "p4") == "19.00");
  }
  SUBCASE("exclude: the year drops out") {
    World w = world("mean");
    w.measure("u1", "p4@2025", "NA");
    w.events.erase(w.events.begin() + 1);
    test::Result r = w.run();
    CHECK(r.score("u1", "p4@2025") == "NA");
    CHECK(r.score("u1", "p4") == "18.00");
  }
  SUBCASE("NA for the whole node, and for every year") {
    World w = world("mean", "      not_applicable: full\n");
    w.measure("u3", "p4", "NA");
    w.measure("u2", "p4@2024", "NA");
    w.measure("u2", "p4@2025", "NA");
    w.events.erase(w.events.begin() + 2);
    test::Result r = w.run();
    CHECK(r.score("u3", "p4") == "20.00");
    CHECK(r.score("u3", "p4@2024") == "NA");
    CHECK(r.score("u2", "p4") == "20.00");
  }
  SUBCASE("a unit with no sub-period inside its days: the node does not apply") {
    World w = world("mean", "      not_applicable: full\n");
    w.roster.units[2].from = Date{2026, 1, 1};
    test::Result r = w.run();
    CHECK(r.score("u3", "p4@2024") == "NA");
    CHECK(r.score("u3", "p4") == "NA");
  }
}

TEST_CASE("periods: a measure for a sub-period outside the unit's days is an error") {
  World w(
      "kaohe: 1\n"
      "period: {from: 2025-01-01, to: 2025-12-31}\n"
      "root:\n"
      "  id: total\n"
      "  name: 总分\n"
      "  points: 10\n"
      "  children:\n"
      "    - {id: review, name: 评议, points: 10, periods: {per: half, combine: mean}, direct: {}}\n",
      {{"u1"}, {"u2"}});
  w.roster.units[0].from = Date{2025, 7, 1};  // hired in July: no H1
  w.measure("u1", "review@2025-H1", "8");
  w.measure("u1", "review@2025-H2", "9");
  w.measure("u2", "review@2025-H1", "8");
  w.measure("u2", "review@2025-H2", "9");
  test::Result r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  const Diagnostic& d = r.diags.list().front();
  CHECK(d.message == "unit \"u1\" (u1): item \"review\" has measures for 2025-H1, which lies "
                     "outside the unit's days");
  CHECK(test::contains(d.hint, "from/to"));
  CHECK(r.score("u2", "review") == "8.50");

  // Without the row, the unit is scored on H2 alone.
  World ok = w;
  ok.measures = MeasureTable();
  ok.measure("u1", "review@2025-H2", "9");
  ok.measure("u2", "review@2025-H1", "8");
  ok.measure("u2", "review@2025-H2", "9");
  test::Result r2 = ok.run();
  CHECK(r2.diags.error_count() == 0);
  CHECK(r2.score("u1", "review") == "9.00");
}

TEST_CASE("periods: a zeroing row zeroes its own year") {
  World w = world("mean");
  w.event(Ev{"u3", "p4_major@2025", 1, "", "", "", "2025-02-01"});
  test::Result r = w.run();
  CHECK(r.score("u3", "p4@2025") == "0.00");
  CHECK(r.score("u3", "p4@2024") == "20.00");
  CHECK(r.score("u3", "p4") == "10.00");
}

}  // namespace
}  // namespace kaohe
