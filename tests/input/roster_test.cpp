// Unit tests of the roster loader (units.csv): columns by name, categories,
// the empty roster, duplicate and empty ids, and exit codes.
#include "input/roster.h"

#include <doctest/doctest.h>

#include "input/unit_period.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::find_diag;
using test::TempFile;

Roster load(const std::string& csv) {
  TempFile f(csv);
  return load_roster(f.path());
}

Error load_fail(const std::string& csv) {
  TempFile f(csv);
  return test::expect_error([&] { (void)load_roster(f.path()); });
}

TEST_CASE("a roster with names and categories, in file order") {
  Roster r = load("unit_id,name,category\nV2,二村,B\nV1,一村,A\nV10,十村,A\n");
  REQUIRE(r.size() == 3);
  CHECK(r.has_categories);
  CHECK(r.units[0].id == "V2");
  CHECK(r.units[0].name == "二村");
  CHECK(r.units[0].category == "B");
  CHECK(r.units[0].line == 2);
  CHECK(r.units[2].line == 4);
  CHECK(r.find("V1") == 1);
  CHECK(r.find("V10") == 2);
  CHECK(r.find("v1") == -1);  // ids match as exact bytes
  CHECK(r.find("V1 ") == -1);
}

TEST_CASE("find: every id of a roster that grew its index many times, and none other") {
  std::string csv = "unit_id,name\n";
  for (int i = 0; i < 5000; ++i) csv += "U" + std::to_string(i) + ",村\n";
  Roster r = load(csv);
  REQUIRE(r.size() == 5000);
  for (int i = 0; i < 5000; ++i) CHECK(r.find("U" + std::to_string(i)) == i);
  CHECK(r.find("U5000") == -1);
  CHECK(r.find("U") == -1);
  CHECK(r.find("") == -1);
  CHECK(r.find("u1") == -1);
  // A copy finds what the original does.
  const Roster copy = r;
  CHECK(copy.find("U4999") == 4999);
  CHECK(Roster().find("U1") == -1);
}

TEST_CASE("columns by name in any order, extra columns ignored, no category column") {
  Roster r = load("name,extra,unit_id\n一村,x,V1\n\"二村, 东\",y,V2\n");
  REQUIRE(r.size() == 2);
  CHECK_FALSE(r.has_categories);
  CHECK(r.units[0].category.empty());
  CHECK(r.units[1].name == "二村, 东");
}

TEST_CASE("UTF-8 BOM and CRLF line endings") {
  Roster r = load("\xEF\xBB\xBFunit_id,name\r\nV1,一村\r\nV2,二村\r\n");
  REQUIRE(r.size() == 2);
  CHECK(r.find("V1") == 0);
  CHECK(r.units[1].name == "二村");
}

TEST_CASE("an empty roster (header only) is valid") {
  Roster r = load("unit_id,name\n");
  CHECK(r.size() == 0);
  CHECK(r.units.empty());
}

TEST_CASE("an empty file is an error: the roster needs a header") {
  Error e = load_fail("");
  CHECK(e.exit_code() == 65);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(contains(e.diagnostics()[0].message, "the roster is empty"));
}

TEST_CASE("duplicate unit ids name the first line") {
  Error e = load_fail("unit_id,name\nV1,一村\nV2,二村\nV1,又一村\n");
  CHECK(e.exit_code() == 65);
  const Diagnostic* d = find_diag(e.diagnostics(), "duplicate unit_id \"V1\"");
  REQUIRE(d != nullptr);
  CHECK(d->line == 4);
  CHECK(d->col == 1);
  CHECK(contains(d->message, "first listed at line 2"));
}

TEST_CASE("header: a repeated column or a variant of one stops the roster") {
  SUBCASE("unit_id twice") {
    Error e = load_fail("unit_id,name,unit_id\nV1,一村,V9\n");
    CHECK(e.exit_code() == 65);
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].message == "duplicate column \"unit_id\": fields 1 and 3");
    CHECK(e.diagnostics()[0].col == 3);
  }
  SUBCASE("Unit_ID instead of unit_id") {
    Error e = load_fail("Unit_ID,name\nV1,一村\n");
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].message ==
          "missing required column \"unit_id\": field 1 is \"Unit_ID\"");
    CHECK(contains(e.diagnostics()[0].hint, "did you mean \"unit_id\"?"));
  }
  SUBCASE("Category would drop the categories") {
    Error e = load_fail("unit_id,name,Category\nV1,一村,A\n");
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(contains(e.diagnostics()[0].message, "column \"Category\" would be ignored"));
  }
  SUBCASE("extra columns may repeat") {
    Roster r = load("unit_id,name,备注,备注,,\nV1,一村,a,b,,\n");
    CHECK(r.size() == 1);
  }
}

TEST_CASE("missing columns, empty ids and ragged rows: all reported at once") {
  SUBCASE("missing name") {
    Error e = load_fail("unit_id,nam\nV1,一村\n");
    CHECK(e.exit_code() == 65);
    const Diagnostic* d = find_diag(e.diagnostics(), "missing required column \"name\"");
    REQUIRE(d != nullptr);
    CHECK(d->line == 1);
    CHECK(contains(d->hint, "\"nam\""));
  }
  SUBCASE("missing both") {
    Error e = load_fail("id,title\nV1,一村\n");
    CHECK(e.diagnostics().size() == 2);
  }
  SUBCASE("row errors together") {
    Error e = load_fail(
        "unit_id,name\n"
        ",无名\n"          // 2: empty id
        "V1,一村,多余\n"    // 3: ragged
        "V2\n"             // 4: ragged
        "V3,三村\n"
        "V3,三村\n");      // 6: duplicate
    CHECK(e.exit_code() == 65);
    CHECK(e.diagnostics().size() == 4);
    const Diagnostic* empty = find_diag(e.diagnostics(), "empty unit_id");
    REQUIRE(empty != nullptr);
    CHECK(empty->line == 2);
    const Diagnostic* dup = find_diag(e.diagnostics(), "duplicate unit_id");
    REQUIRE(dup != nullptr);
    CHECK(dup->line == 6);
  }
}

TEST_CASE("collecting: bad rows are reported and left out, the first of a duplicated id kept") {
  TempFile f(
      "unit_id,name\n"
      "V1,一村\n"
      ",无名\n"          // 3: empty id
      "V2,二村,多余\n"    // 4: ragged
      "V3,三村\n"
      "V1,又一村\n"      // 6: duplicate
      "V4,四村\n");
  Diagnostics diags;
  Roster r = load_roster(f.path(), diags);
  REQUIRE(r.size() == 3);
  CHECK(r.units[0].id == "V1");
  CHECK(r.units[0].name == "一村");  // the first row of V1
  CHECK(r.units[0].text == "V1,一村");
  CHECK(r.units[1].id == "V3");
  CHECK(r.units[2].id == "V4");
  CHECK(r.units[2].line == 7);
  CHECK(r.find("V1") == 0);
  CHECK(r.find("V2") == -1);
  CHECK(diags.error_count() == 3);
  REQUIRE(diags.list().size() == 3);
  CHECK(diags.list()[0].line == 3);
  CHECK_FALSE(diags.list()[0].hint.empty());
  CHECK(diags.list()[1].line == 4);
  CHECK(diags.list()[2].line == 6);
}

TEST_CASE("collecting: a problem with the whole file still throws, with the rows' problems") {
  SUBCASE("missing column") {
    TempFile f("unit_id,nam\nV1,一村\n");
    Diagnostics diags;
    Error e = test::expect_error([&] { (void)load_roster(f.path(), diags); });
    CHECK(e.exit_code() == 65);
    CHECK(e.diagnostics().size() == 1);
  }
  SUBCASE("an unterminated quote after a duplicate") {
    TempFile f("unit_id,name\nV1,一村\nV1,又一村\nV2,\"二村\n");
    Diagnostics diags;
    Error e = test::expect_error([&] { (void)load_roster(f.path(), diags); });
    CHECK(e.exit_code() == 65);
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(contains(e.diagnostics()[0].message, "duplicate unit_id"));
    CHECK(contains(e.diagnostics()[1].message, "unterminated"));
  }
}

TEST_CASE("a missing roster file is exit 66") {
  Error e = test::expect_error([] { (void)load_roster("/nonexistent/kaohe/units.csv"); });
  CHECK(e.exit_code() == 66);
}

}  // namespace
}  // namespace kaohe

namespace kaohe {
namespace {

TEST_CASE("a unit's own days: from and to, each optional") {
  Roster r = load("unit_id,name,from,to\nA,甲,,\nB,乙,2025-07-01,\nC,丙,,2025-03-15\n"
                  "D,丁,2025-02-10,2025-02-20\n");
  REQUIRE(r.size() == 4);
  CHECK_FALSE(r.units[0].from.has_value());
  CHECK_FALSE(r.units[0].to.has_value());
  CHECK(r.units[1].from == Date::parse("2025-07-01"));
  CHECK_FALSE(r.units[1].to.has_value());
  CHECK(r.units[2].to == Date::parse("2025-03-15"));
  CHECK(r.units[3].from == Date::parse("2025-02-10"));
  // From and to on one day is a period of one day.
  CHECK(load("unit_id,name,from,to\nA,甲,2025-05-05,2025-05-05\n").size() == 1);
}

TEST_CASE("a unit's own days: bad dates and an end before the start") {
  Error e = load_fail("unit_id,name,from,to\nA,甲,7/1/2025,\nB,乙,2025-09-01,2025-06-30\n"
                      "C,丙,,2025-13-01\n");
  const Diagnostic* bad = find_diag(e.diagnostics(), "from \"7/1/2025\" puts the year last");
  REQUIRE(bad != nullptr);
  CHECK(bad->line == 2);
  CHECK(bad->col == 3);
  const Diagnostic* order = find_diag(e.diagnostics(), "ends (2025-06-30) before it starts");
  REQUIRE(order != nullptr);
  CHECK(order->line == 3);
  CHECK(order->col == 4);
  CHECK(find_diag(e.diagnostics(), "to \"2025-13-01\" is not a day of the calendar") !=
        nullptr);
  // Excel's forms are read (issue 18).
  CHECK(load("unit_id,name,from,to\nA,甲,2025/7/1,2025年12月31日\n").units[0].from ==
        Date::parse("2025-07-01"));
  // The header's variants are caught like any column kaohe reads.
  Error v = load_fail("unit_id,name,From\nA,甲,2025-07-01\n");
  CHECK(find_diag(v.diagnostics(), "From") != nullptr);
}

TEST_CASE("check_unit_periods: own days need the scheme's period and must meet it") {
  Roster r = load("unit_id,name,from,to\nA,甲,2025-07-01,\nB,乙,2024-01-01,2024-12-31\n"
                  "C,丙,,2025-01-01\n");
  Scheme with = test::scheme_of(test::scheme_text(
      "    - {id: rest, name: 其他, points: 100, direct: {}}\n", "",
      "period: {from: 2025-01-01, to: 2025-12-31}\n"));
  Diagnostics d;
  check_unit_periods(with, r, d);
  REQUIRE(d.error_count() == 1);
  CHECK(contains(d.list()[0].message, "unit \"B\"'s period 2024-01-01..2024-12-31 lies outside"));
  CHECK(d.list()[0].line == 3);
  Scheme without = test::scheme_of(
      test::scheme_text("    - {id: rest, name: 其他, points: 100, direct: {}}\n"));
  Diagnostics n;
  check_unit_periods(without, r, n);
  CHECK(n.error_count() == 3);
  CHECK(contains(n.list()[0].message, "but the scheme has no period"));
}

TEST_CASE("unit_period: the scheme's period cut by the unit's days and --as-of") {
  Scheme s = test::scheme_of(test::scheme_text(
      "    - {id: rest, name: 其他, points: 100, direct: {}}\n", "",
      "period: {from: 2025-01-01, to: 2025-12-31}\n"));
  Unit u;
  std::optional<UnitPeriod> p = unit_period(s, u);
  REQUIRE(p);
  CHECK(p->from == *Date::parse("2025-01-01"));
  CHECK(p->to == *Date::parse("2025-12-31"));
  CHECK_FALSE(p->cut_by_as_of);
  u.from = Date::parse("2024-06-01");  // before the period: the period's start
  u.to = Date::parse("2025-08-31");
  s.as_of = Date::parse("2025-06-30");
  p = unit_period(s, u);
  REQUIRE(p);
  CHECK(p->from == *Date::parse("2025-01-01"));
  CHECK(p->to == *Date::parse("2025-06-30"));
  CHECK(p->cut_by_as_of);
  s.as_of = Date::parse("2025-09-30");  // the unit's own end comes first
  p = unit_period(s, u);
  REQUIRE(p);
  CHECK(p->to == *Date::parse("2025-08-31"));
  CHECK_FALSE(p->cut_by_as_of);
  u.from = Date::parse("2025-10-01");  // starts after --as-of: no days
  u.to.reset();
  CHECK_FALSE(unit_period(s, u).has_value());
}

}  // namespace
}  // namespace kaohe
