// Unit tests of quotas of time (scoring/quota.h): every bucket kind, rows
// and distinct dates, working days from a calendar, nested tier counts,
// partial buckets, a unit's own period and --as-of.
#include "scoring/quota.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::Ev;
using test::scheme_text;
using test::World;

const std::string kYear = "period: {from: 2025-01-01, to: 2025-12-31}\n";
const std::string kCalendar =
    std::string("calendar: ") + KAOHE_SOURCE_DIR + "/schemes/calendars/cn-2025.csv\n";

// A scheme of one quota leaf `q` (10 points) beside 90 points of `rest`.
std::string one_quota(const std::string& quota, const std::string& top) {
  return scheme_text("    - {id: q, name: 巡查, points: 10, floor: 0, quota: " + quota + "}\n"
                     "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n",
                     "", top);
}

Ev row(const std::string& unit, const std::string& date, std::int64_t count = 1,
       const std::string& tier = "") {
  return Ev{unit, "q", count, tier, "", "", date};
}

Date d(const char* text) { return *Date::parse(text); }

}  // namespace

TEST_CASE("quota per working day, counting distinct dates (每天至少到网格巡查1次)") {
  World w(one_quota("{required: 1, per: day, count: dates, days: working, deduct: 0.5}",
                    "period: {from: 2025-01-01, to: 2025-01-31}\n" + kCalendar),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  // January 2025 has 19 working days: 1 January and 28–31 January are
  // holidays, Sunday 26 January is worked (春节调休).
  std::vector<std::string> working;
  for (int day = 1; day <= 31; ++day) {
    const Date date{2025, 1, day};
    if (w.scheme.calendar.is_working_day(date)) working.push_back(date.to_string());
  }
  REQUIRE(working.size() == 19);
  CHECK(working.front() == "2025-01-02");
  for (const std::string& date : working) w.event(row("U1", date));
  // U2: two patrols on Thursday 2 January do not stand in for Friday 3
  // January, nor does one on Saturday 4 January (a day off).
  for (const std::string& date : working) {
    if (date != "2025-01-03") w.event(row("U2", date));
  }
  w.event(row("U2", "2025-01-02"));
  w.event(row("U2", "2025-01-04"));
  // U4: one row of count 19 on one day is one date.
  w.event(row("U4", "2025-01-02", 19));
  auto r = w.run();
  CHECK(r.score("U1", "q") == "10.00");
  CHECK(r.score("U2", "q") == "9.50");
  CHECK(r.score("U3", "q") == "0.50");  // 19 × 0.5 = 9.5
  CHECK(r.score("U4", "q") == "1.00");  // 18 × 0.5 = 9
}

TEST_CASE("quota per day counting rows: a row's count fills only its own day") {
  World w(one_quota("{required: 2, per: day, deduct: 1}",
                    "period: {from: 2025-03-03, to: 2025-03-07}\n"),
          {{"U1"}});
  w.event(row("U1", "2025-03-03", 6));  // Monday: 6 of 2
  w.event(row("U1", "2025-03-04"));     // Tuesday: 1 of 2
  auto r = w.run();
  CHECK(r.score("U1", "q") == "3.00");  // 0 + 1 + 2 + 2 + 2 = 7 missing
}

TEST_CASE("quota per ISO week: partial weeks at the period's edges") {
  // January 2025: 2025-W01 (30 Dec–5 Jan) has 5 of its 7 days inside, W02–W04 are whole, W05 (27 Jan–2 Feb) has 5 of 7.
  const std::string jan = "period: {from: 2025-01-01, to: 2025-01-31}\n";
  // Pro rata, rounded down: 2 × 5/7 = 1.43 → 1 in each edge week.
  World prorate(one_quota("{required: 2, per: week, deduct: 1}", jan), {{"U1"}});
  CHECK(prorate.run().score("U1", "q") == "2.00");  // 1 + 2 + 2 + 2 + 1 = 8
  World skip(one_quota("{required: 2, per: week, partial: skip, deduct: 1}", jan), {{"U1"}});
  CHECK(skip.run().score("U1", "q") == "4.00");  // 6
  World full(one_quota("{required: 2, per: week, partial: full, deduct: 1}", jan), {{"U1"}});
  CHECK(full.run().score("U1", "q") == "0.00");  // 10, floor 0
  // A row on Sunday 5 January belongs to W01, one on Monday 6 to W02.
  World edge(one_quota("{required: 1, per: week, partial: full, deduct: 1}", jan), {{"U1"}});
  edge.event(row("U1", "2025-01-05"));
  edge.event(row("U1", "2025-01-06"));
  CHECK(edge.run().score("U1", "q") == "7.00");  // W03, W04, W05 missing
}

TEST_CASE("quota per week counting distinct dates (每周…不少于3天)") {
  World w(one_quota("{required: 3, per: week, count: dates, deduct: 1}",
                    "period: {from: 2025-01-06, to: 2025-01-19}\n"),
          {{"U1"}});
  w.event(row("U1", "2025-01-06"));
  w.event(row("U1", "2025-01-06"));
  w.event(row("U1", "2025-01-07"));
  w.event(row("U1", "2025-01-12"));  // Sunday: still week 2
  w.event(row("U1", "2025-01-13", 3));
  auto r = w.run();
  CHECK(r.score("U1", "q") == "8.00");  // week 3 has one date: 2 missing
  World rows(one_quota("{required: 3, per: week, deduct: 1}",
                       "period: {from: 2025-01-06, to: 2025-01-19}\n"),
             {{"U1"}});
  for (const Ev& e : w.events) rows.event(e);
  CHECK(rows.run().score("U1", "q") == "10.00");  // 4 rows, then a count of 3
}

TEST_CASE("quota per quarter, half-year, year and the whole period") {
  struct Case {
    const char* per;
    const char* expected;  // no rows but one in 2025-02
  };
  // required 2: quarter 4 buckets → 8 − 1; half 2 → 4 − 1; year 1 → 2 − 1.
  const Case cases[] = {{"quarter", "3.00"}, {"half", "7.00"}, {"year", "9.00"},
                        {"period", "9.00"},  {"month", "0.00"}};
  for (const Case& c : cases) {
    CAPTURE(c.per);
    World w(one_quota(std::string("{required: 2, per: ") + c.per + ", deduct: 1}", kYear),
            {{"U1"}});
    w.event(row("U1", "2025-02-14"));
    CHECK(w.run().score("U1", "q") == c.expected);
  }
}

TEST_CASE("quota with tiers: 全年不少于12次,其中扩大学习不少于4次") {
  World w(one_quota("{required: 12, per: year, tiers: {扩大学习: 4}, deduct: 0.5}", kYear),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}});
  w.event(row("U1", "2025-03-01", 10));
  w.event(row("U1", "2025-04-01", 2, "扩大学习"));  // 12 rows, 2 of the tier: 2 short
  w.event(row("U2", "2025-03-01", 6));
  w.event(row("U2", "2025-04-01", 2, "扩大学习"));  // 8 rows: max(4, 2) = 4
  w.event(row("U3", "2025-03-01", 4));
  w.event(row("U3", "2025-04-01", 4, "扩大学习"));  // 8 rows, tier met: 4
  w.event(row("U4", "2025-03-01", 14));            // 14 rows, no tier: 4
  w.event(row("U5", "2025-03-01", 8));
  w.event(row("U5", "2025-04-01", 4, "扩大学习"));  // met
  auto r = w.run();
  CHECK(r.score("U1", "q") == "9.00");
  CHECK(r.score("U2", "q") == "8.00");
  CHECK(r.score("U3", "q") == "8.00");
  CHECK(r.score("U4", "q") == "8.00");
  CHECK(r.score("U5", "q") == "10.00");
}

TEST_CASE("quota over a unit's own period (hired mid-year, left in March)") {
  World w(one_quota("{required: 2, per: month, deduct: 0.1}", kYear),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}});
  w.roster.units[0].from = d("2025-07-01");  // Jul–Dec: 6 × 2
  w.roster.units[1].to = d("2025-03-15");    // Jan, Feb; March 2 × 15/31 → 0
  w.roster.units[3].from = d("2025-02-10");
  w.roster.units[3].to = d("2025-02-20");  // 2 × 11/28 → 0
  auto r = w.run();
  CHECK(r.score("U1", "q") == "8.80");
  CHECK(r.score("U2", "q") == "9.60");
  CHECK(r.score("U3", "q") == "7.60");
  CHECK(r.score("U4", "q") == "10.00");
  // A yearly count for half a year: 12 × 184/365 = 6.05 → 6.
  World y(one_quota("{required: 12, per: year, deduct: 0.5}", kYear), {{"U1"}});
  y.roster.units[0].from = d("2025-07-01");
  CHECK(y.run().score("U1", "q") == "7.00");
}

TEST_CASE("quota at --as-of: buckets not yet over ask for nothing") {
  World w(scheme_text("    - {id: q, name: 报送, points: 10, quota: {required: 2, per: month, "
                      "deduct: 0.1}}\n"
                      "    - {id: y, name: 学习, points: 10, quota: {required: 12, per: year, "
                      "deduct: 0.5}}\n"
                      "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n",
                      "", kYear),
          {{"U1"}, {"U2"}});
  w.scheme.as_of = d("2025-03-15");
  w.roster.units[1].to = d("2025-02-20");  // its own end comes first: a partial February
  auto r = w.run();
  CHECK(r.score("U1", "q") == "9.60");   // January and February; March is not over
  CHECK(r.score("U1", "y") == "10.00");  // the year is not over
  CHECK(r.score("U2", "q") == "9.70");   // 2 + 2 × 20/28 → 1
  CHECK(r.score("U2", "y") == "9.50");   // its year ended early: 12 × 51/365 → 1
}

TEST_CASE("QuotaCounter: parts joined give what one counter gives") {
  const Scheme s = test::scheme_of(one_quota(
      "{required: 1, per: week, count: dates, tiers: {夜间: 1}, deduct: 1}", kYear));
  const Node& leaf = s.nodes[static_cast<std::size_t>(s.find("q"))];
  QuotaCounter whole(s, leaf, 3), a(s, leaf, 3), b(s, leaf, 3);
  for (int i = 0; i < 300; ++i) {
    const Date date = d("2025-01-01").plus_days(i % 365);
    const int unit = i % 3, tier = i % 4 == 0 ? 0 : -1;
    whole.add(unit, date, tier, 1);
    (i % 2 ? a : b).add(unit, date, tier, 1);
  }
  a.join(b);
  for (int u = 0; u < 3; ++u) {
    for (int bucket = 0; bucket < whole.buckets().count(); ++bucket) {
      for (int tier : {-1, 0}) CHECK(a.have(u, bucket, tier) == whole.have(u, bucket, tier));
    }
  }
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("quota inside a node scored per year: each year's copy counts its own months") {
  // 每月至少报送信息两篇 in a two-year cycle whose years are averaged.
  World w(test::scheme_text(
              "    - id: p\n"
              "      name: 信息报送\n"
              "      points: 10\n"
              "      periods: {per: year, combine: mean}\n"
              "      children:\n"
              "        - {id: q, name: 报送, points: 10, floor: 0, quota: {required: 2, per: "
              "month, deduct: 0.5}}\n"
              "    - {id: rest, name: 其他, points: 90, direct: {missing: full}}\n",
              "", "period: {from: 2024-01-01, to: 2025-12-31}\n"),
          {{"U1"}, {"U2"}});
  // U1: every month of 2024 full, 2025 without rows: 2024 10, 2025 0 → 5.
  for (int m = 1; m <= 12; ++m) {
    w.event(Ev{"U1", "q@2024", 2, "", "", "", fmt::format("2024-{:02}-10", m)});
  }
  // U2 left on 2025-06-30: 2025's copy counts January to June only.
  w.roster.units[1].to = *Date::parse("2025-06-30");
  for (int m = 1; m <= 12; ++m) {
    w.event(Ev{"U2", "q@2024", 2, "", "", "", fmt::format("2024-{:02}-10", m)});
  }
  for (int m = 1; m <= 5; ++m) {
    w.event(Ev{"U2", "q@2025", 2, "", "", "", fmt::format("2025-{:02}-10", m)});
  }
  auto r = w.run();
  CHECK(r.score("U1", "q@2024") == "10.00");
  CHECK(r.score("U1", "q@2025") == "0.00");  // 24 missing × 0.5, floor 0
  CHECK(r.score("U1", "p") == "5.00");
  CHECK(r.score("U2", "q@2025") == "9.00");  // June missing: 2 × 0.5
  CHECK(r.score("U2", "p") == "9.50");
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("quota: the whole-period table gives what the bucket walk gives") {
  // quota_missing answers a unit with the whole period from a table the
  // counter makes once; for_each_quota_bucket works each bucket out. Both
  // must agree for every bucket kind, count, tier and partial policy, on a
  // period whose edges cut weeks, months and quarters.
  const std::string period =
      "period: {from: 2025-01-15, to: 2025-11-20}\n" + kCalendar;
  const std::vector<std::string> quotas = {
      "{required: 1, per: day, count: dates, days: working, deduct: 1}",
      "{required: 2, per: day, days: working, deduct: 1}",
      "{required: 1, per: day, count: dates, deduct: 1}",
      "{required: 2, per: day, deduct: 1}",
      "{required: 1, per: day, count: dates, days: working, tiers: {夜间: 1}, deduct: 1}",
      "{required: 3, per: week, deduct: 1}",
      "{required: 3, per: week, count: dates, partial: skip, deduct: 1}",
      "{required: 3, per: week, partial: full, deduct: 1}",
      "{required: 15, per: month, deduct: 1}",
      "{required: 15, per: month, count: dates, partial: full, deduct: 1}",
      "{required: 4, per: quarter, tiers: {扩大学习: 2}, deduct: 1}",
      "{required: 4, per: half, partial: full, tiers: {扩大学习: 2}, deduct: 1}",
      "{required: 12, per: year, tiers: {扩大学习: 4}, deduct: 1}",
      "{required: 30, per: period, count: dates, deduct: 1}",
  };
  for (const std::string& quota : quotas) {
    CAPTURE(quota);
    const Scheme s = test::scheme_of(one_quota(quota, period));
    const Node& leaf = s.nodes[static_cast<std::size_t>(s.find("q"))];
    const bool tiers = !leaf.rule.named.empty();
    constexpr int kUnits = 5;
    QuotaCounter counter(s, leaf, kUnits);
    // Unit u has a row on every (u + 1)th day, some of a tier, some
    // counted twice; unit 4 has none.
    const int days = s.period->to.day_number() - s.period->from.day_number() + 1;
    for (int u = 0; u + 1 < kUnits; ++u) {
      for (int day = u; day < days; day += u + 1) {
        counter.add(u, s.period->from.plus_days(day), tiers && day % 3 == 0 ? 0 : -1,
                    1 + day % 2);
      }
    }
    const std::optional<UnitPeriod> whole = UnitPeriod{s.period->from, s.period->to, false};
    for (int u = 0; u < kUnits; ++u) {
      std::int64_t walked = 0;
      for_each_quota_bucket(s, leaf, counter, u, whole,
                            [&](const QuotaBucket& b) { walked += b.missing; });
      CHECK(quota_missing(s, leaf, counter, u, whole) == walked);
      if (u == kUnits - 1) CHECK(walked > 0);  // no rows: the test is not vacuous
    }
  }
}

}  // namespace kaohe
