// Unit tests of the threshold leaf (`bands`, 达到90%(20分)) and of tiered
// and role amounts of both signs (a bonus tier and a deduction tier in one
// item), through the whole scoring of a small scheme. Every expected value
// is worked out in the comment beside it.
#include <doctest/doctest.h>

#include "scoring/fixture.h"
#include "scoring/leaf_rules.h"

namespace kaohe {
namespace {

using test::scheme_text;
using test::World;

// 民主法治村达到90%(20分): 90% or more 20, 80% 15, 60% 5, else 0.
const char* kPercentBands =
    "    - {id: law, name: 民主法治村, points: 20, bands: {table: [{at_least: 90%, points: 20},\n"
    "       {at_least: 80%, points: 15}, {at_least: 60%, points: 5}]}}\n"
    "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n";

TEST_CASE("bands: the points of the highest band reached, at every edge") {
  World w(scheme_text(kPercentBands),
          {{"TOP"}, {"EDGE90"}, {"JUST"}, {"EDGE80"}, {"MID"}, {"EDGE60"}, {"LOW"}, {"ZERO"},
           {"FULL"}});
  w.measure("TOP", "law", "0.95");      // above the top band: 20
  w.measure("EDGE90", "law", "0.9");    // exactly on 90%: 20 (at least)
  w.measure("JUST", "law", "0.899999"); // a millionth below 90%: 15
  w.measure("EDGE80", "law", "0.8");    // exactly 80%: 15
  w.measure("MID", "law", "0.7");       // between 60% and 80%: 5
  w.measure("EDGE60", "law", "0.6");    // exactly 60%: 5
  w.measure("LOW", "law", "0.599999");  // below the lowest band: below, 0
  w.measure("ZERO", "law", "0");        // 0: below, 0
  w.measure("FULL", "law", "1");        // 100%: 20
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("TOP", "law") == "20.00");
  CHECK(r.score("EDGE90", "law") == "20.00");
  CHECK(r.score("JUST", "law") == "15.00");
  CHECK(r.score("EDGE80", "law") == "15.00");
  CHECK(r.score("MID", "law") == "5.00");
  CHECK(r.score("EDGE60", "law") == "5.00");
  CHECK(r.score("LOW", "law") == "0.00");
  CHECK(r.score("ZERO", "law") == "0.00");
  CHECK(r.score("FULL", "law") == "20.00");
  CHECK(r.total("EDGE80") == "95.00");  // 15 + 80
}

TEST_CASE("bands: 'below' gives the points under the lowest band") {
  World w(scheme_text(
              "    - {id: law, name: 法治, points: 20, bands: {below: 2, table: [{at_least: 90%, points: 20}]}}\n"
              "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U1", "law", "0.5");  // below 90%: 2
  w.measure("U2", "law", "0.9");  // 90%: 20
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "law") == "2.00");
  CHECK(r.score("U2", "law") == "20.00");
}

TEST_CASE("bands of numbers on an adjustment deduct (每扣2分,相应的扣0.1分)") {
  // The source's score on 100: 100 → 0, 98 → −0.1, 96 → −0.2, below → −0.3.
  World w(scheme_text(
              "    - {id: food, name: 食品安全, bands: {below: -0.3, table: [{at_least: 100, points: 0},\n"
              "       {at_least: 98, points: -0.1}, {at_least: 96, points: -0.2}]}}\n"
              "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}});
  w.measure("U1", "food", "100");   // 0
  w.measure("U2", "food", "99.5");  // lost 0.5 (< 2): −0.1 under this table
  w.measure("U3", "food", "98");    // exactly 98: −0.1
  w.measure("U4", "food", "96");    // exactly 96: −0.2
  w.measure("U5", "food", "90");    // below 96: −0.3
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "food") == "0.00");
  CHECK(r.score("U2", "food") == "-0.10");
  CHECK(r.score("U3", "food") == "-0.10");
  CHECK(r.score("U4", "food") == "-0.20");
  CHECK(r.score("U5", "food") == "-0.30");
  CHECK(r.total("U5") == "99.70");  // 100 − 0.3
}

TEST_CASE("bands: a percentage band's value must be a ratio of 0 to 1") {
  World w(scheme_text(kPercentBands), {{"U1"}});
  w.measure("U1", "law", "90");  // 90 meant as 90%: refused, not the top band
  auto r = w.run();
  CHECK(r.diags.error_count() == 1);
}

TEST_CASE("bands: a missing measure follows 'missing', an NA row does not apply") {
  World w(scheme_text(
              "    - {id: law, name: 法治, points: 20, bands: {missing: zero, table: [{at_least: 90%, points: 20}]}}\n"
              "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"NONE"}, {"NA"}});
  w.measure("NA", "law", "NA");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("NONE", "law") == "0.00");  // missing: zero
  CHECK(r.score("NA", "law") == "NA");
  CHECK(r.total("NA") == "80.00");          // exclude: 80 of 80 → 80 printed
}

TEST_CASE("bands: a missing measure without 'missing' is an error") {
  World w(scheme_text(kPercentBands), {{"U1"}});
  auto r = w.run();
  CHECK(r.diags.error_count() == 1);
}

TEST_CASE("band_of and band_points compare exactly") {
  Scheme s = test::scheme_of(scheme_text(kPercentBands));
  const Rule& r = s.nodes[static_cast<std::size_t>(s.find("law"))].rule;
  CHECK(r.bands_percent);
  CHECK(band_of(r, *Decimal::parse("0.9")) == 0);
  CHECK(band_of(r, *Decimal::parse("0.899999")) == 1);
  CHECK(band_of(r, *Decimal::parse("0.6")) == 2);
  CHECK(band_of(r, *Decimal::parse("0.599999")) == -1);
  CHECK(band_points(r, *Decimal::parse("0.599999")) == Decimal());
  CHECK(band_points(r, *Decimal::parse("0.8")) == Decimal::from_int(15));
}

// --- amounts of both signs -------------------------------------------------

TEST_CASE("tiered of both signs: a bonus tier adds, a deduction tier deducts") {
  World w(scheme_text(
              "    - {id: info, name: 信息报送, tiered: {add: {采用: 0.5}, deduct: {退回: 1}}}\n"
              "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}, {"U3"}});
  w.event({"U1", "info", 3, "采用"});  // + 1.5
  w.event({"U1", "info", 1, "退回"});  // − 1
  w.event({"U2", "info", 2, "退回"});  // − 2
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "info") == "0.50");   // 1.5 − 1
  CHECK(r.score("U2", "info") == "-2.00");
  CHECK(r.score("U3", "info") == "0.00");   // no rows
  CHECK(r.total("U1") == "100.50");
}

TEST_CASE("role of both signs: 主办加1分, 协办加0.5分, 未反馈扣2分") {
  World w(scheme_text(
              "    - {id: task, name: 督办, cap: 3, floor: -3,\n"
              "       role: {add: {主办: 1, 协办: 0.5}, deduct: {未反馈: 2}}}\n"
              "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "task", 5, "", "主办"});    // + 5 → cap 3
  w.event({"U1", "task", 1, "", "未反馈"});  // − 2: 5 − 2 = 3
  w.event({"U2", "task", 1, "", "协办"});    // + 0.5
  w.event({"U2", "task", 2, "", "未反馈"});  // − 4: −3.5 → floor −3
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U1", "task") == "3.00");
  CHECK(r.score("U2", "task") == "-3.00");
}

}  // namespace
}  // namespace kaohe
