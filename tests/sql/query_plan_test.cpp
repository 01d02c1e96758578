// Unit tests of what `kaohe sql` groups by (sql/query_plan.h) and how it
// is spelled (sql/dialect.h, sql/query_text.h). The engines themselves run
// the queries in tests/sql/engines.sh.
#include "sql/query_plan.h"

#include <doctest/doctest.h>

#include <string>

#include "scheme/scheme_loader.h"
#include "sql/dialect.h"
#include "sql/query_text.h"

namespace kaohe {
namespace {

const char* kScheme = R"(kaohe: 1
title: t
period: {from: 2025-01-01, to: 2025-12-31}
flags:
  - {id: veto, name: 否决}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: weekly, name: 周, points: 10, quota: {required: 2, per: week, deduct: 1}}
    - {id: monthly, name: 月, points: 10, quota: {required: 1, per: month, deduct: 1, tiers: {扩大: 1}}}
    - {id: dates, name: 日, points: 10, quota: {required: 1, per: month, count: dates, deduct: 1}}
    - id: halves
      name: 半年
      points: 10
      periods: {per: half, combine: mean}
      children:
        - {id: hq, name: 季, points: 10, quota: {required: 1, per: quarter, deduct: 1}}
    - id: praise
      name: 表扬
      same_ref: highest
      children:
        - {id: city, name: 市, per_event: {add: 2}}
        - {id: bonus, name: 酌情, ranged: {add: [0.5, 3]}}
    - {id: late_work, name: 逾期, points: 10, late: {deduct: 1}}
    - {id: fixed_late, name: 定期, points: 10, late: {deduct: 1, due: 2025-03-31}}
    - {id: fines, name: 罚, points: 10, tiered: {deduct: {轻: 1, 重: 3}}}
    - {id: duty, name: 职, role: {add: {主办: 1, 协办: 0.5}}}
    - {id: veto_event, name: 否决, flag_event: {raise: veto}}
)";

const ItemPlan& item(const QueryPlan& plan, const std::string& id) {
  for (const ItemPlan& i : plan.items) {
    if (i.id == id) return i;
  }
  FAIL("no item " << id);
  throw;
}

Date day(const char* text) { return *Date::parse(text); }

TEST_CASE("query plan: the dates a quota's buckets and sub-periods need, no finer") {
  const Scheme s = parse_scheme("s.yaml", kScheme);
  const std::vector<std::string> ids = {"A", "B"};
  const std::set<std::string> own = {"B"};
  const QueryPlan plan = make_query_plan(s, &ids, &own, std::nullopt);
  CHECK_FALSE(plan.all_units_keep_day);
  CHECK(plan.day_units == own);
  CHECK(*plan.from == day("2025-01-01"));
  CHECK(*plan.to == day("2025-12-31"));

  const ItemPlan& weekly = item(plan, "weekly");
  CHECK(weekly.weeks);
  CHECK_FALSE(weekly.keep_day);
  CHECK(weekly.cuts == std::vector<Date>{day("2025-01-01")});
  CHECK(weekly.needs_date);

  const ItemPlan& monthly = item(plan, "monthly");
  CHECK(monthly.cuts.size() == 12);
  CHECK(monthly.cuts[1] == day("2025-02-01"));
  CHECK(monthly.tiers == std::vector<std::string>{"扩大"});
  CHECK_FALSE(monthly.tier_required);

  CHECK(item(plan, "dates").keep_day);

  // Written once, under the id the data uses; cut at the quarters (which
  // hold the half-years' edge).
  const ItemPlan& hq = item(plan, "hq");
  CHECK(hq.needs_date);
  CHECK(hq.cuts == std::vector<Date>{day("2025-01-01"), day("2025-04-01"), day("2025-07-01"),
                                     day("2025-10-01")});
  int copies = 0;
  for (const ItemPlan& i : plan.items) copies += i.id == "hq";
  CHECK(copies == 1);

  // Items that read no date beyond the period filter: one segment.
  CHECK(item(plan, "fines").cuts == std::vector<Date>{day("2025-01-01")});
  CHECK_FALSE(item(plan, "fines").needs_date);
}

TEST_CASE("query plan: columns kept and counts picked per rule") {
  const Scheme s = parse_scheme("s.yaml", kScheme);
  const QueryPlan plan = make_query_plan(s, nullptr, nullptr, std::nullopt);
  CHECK(plan.all_units_keep_day);  // no roster: any unit may have own days
  CHECK(plan.known_units.empty());

  CHECK(item(plan, "city").keeps_ref);
  const ItemPlan& bonus = item(plan, "bonus");
  CHECK(bonus.keeps_ref);
  CHECK(bonus.takes_points);
  CHECK(bonus.points_min == *Decimal::parse("0.5"));
  CHECK(bonus.points_max == *Decimal::parse("3"));
  CHECK_FALSE(bonus.points_may_be_negative);
  CHECK_FALSE(item(plan, "fines").keeps_ref);
  CHECK_FALSE(item(plan, "veto_event").keeps_ref);

  CHECK(item(plan, "late_work").late);
  CHECK_FALSE(item(plan, "late_work").fixed_due);
  CHECK(item(plan, "fixed_late").fixed_due);

  CHECK(item(plan, "fines").tier_required);
  CHECK(item(plan, "fines").tiers == std::vector<std::string>{"轻", "重"});
  CHECK(item(plan, "duty").role_required);
  CHECK(item(plan, "duty").tiers.empty());
}

TEST_CASE("query plan: --as-of ends the grouped days and drops later cuts") {
  const Scheme s = parse_scheme("s.yaml", kScheme);
  const std::vector<std::string> ids = {"A"};
  const QueryPlan plan = make_query_plan(s, &ids, nullptr, day("2025-05-20"));
  CHECK(*plan.to == day("2025-05-20"));
  CHECK(item(plan, "monthly").cuts.size() == 5);
  CHECK(item(plan, "monthly").cuts.back() == day("2025-05-01"));
}

TEST_CASE("dialect: names, literals and the Monday of a week per engine") {
  const Dialect spark = *Dialect::named("spark");
  const Dialect pg = *Dialect::named("postgres");
  const Dialect lite = *Dialect::named("sqlite");
  CHECK_FALSE(Dialect::named("mysql"));
  CHECK(spark.ident("date") == "`date`");
  CHECK(pg.ident("da\"te") == "\"da\"\"te\"");
  CHECK(spark.text("it's\\") == "'it\\'s\\\\'");
  CHECK(pg.text("it's") == "'it''s'");
  CHECK(pg.date(day("2025-03-01")) == "DATE '2025-03-01'");
  CHECK(lite.date(day("2025-03-01")) == "'2025-03-01'");
  CHECK(lite.week_start("d") == "date(d, '-6 days', 'weekday 1')");
  CHECK(lite.greatest("a", "b") == "max(a, b)");
  CHECK(spark.text_type() == "STRING");
  CHECK(spark.concat({"a", "b"}) == "concat(a, b)");
  CHECK(lite.values_table({"a", "b"}, "r", "id") ==
        "(SELECT column1 AS \"id\" FROM (VALUES\n    ('a'), ('b'))) r");
  CHECK(spark.values_table({"a"}, "r", "id") == "(SELECT * FROM VALUES\n    ('a') AS r(`id`)) r");
  CHECK(pg.concat({"a", "b"}) == "a || b");
  CHECK(pg.can_copy());
  CHECK_FALSE(spark.can_copy());
}

TEST_CASE("query text: groups by the plan, returns rejected rows with their key") {
  const Scheme s = parse_scheme("s.yaml", kScheme);
  const std::vector<std::string> ids = {"A", "B"};
  const std::set<std::string> own = {"B"};
  const QueryPlan plan = make_query_plan(s, &ids, &own, std::nullopt);
  EventTable table;
  table.name = "ods.ev";
  table.columns = {{"unit_id", "dept"}, {"role", ""}};
  table.keys = {"id", "src"};
  const std::string q = render_query(plan, *Dialect::named("duckdb"), table, QueryRows::kScore);
  CHECK(q.find("FROM ods.ev t") != std::string::npos);
  CHECK(q.find("NULLIF(CAST(t.\"dept\" AS VARCHAR), '') AS u") != std::string::npos);
  CHECK(q.find("CAST(NULL AS VARCHAR) AS role") != std::string::npos);
  CHECK(q.find("'id=' || COALESCE(CAST(t.\"id\" AS VARCHAR), '') || ' src=' || ") !=
        std::string::npos);
  CHECK(q.find("WHEN u IN ('B') THEN d") != std::string::npos);
  CHECK(q.find("LEFT JOIN (VALUES\n    ('A'), ('B')) AS roster(\"id\")") != std::string::npos);
  CHECK(q.find("WHEN known IS NULL THEN 1") != std::string::npos);
  CHECK(q.find("greatest(DATE '2025-01-01', CAST(date_trunc('week', d) AS DATE))") !=
        std::string::npos);
  CHECK(q.find("CASE WHEN i IN ('city', 'bonus') THEN ref END") != std::string::npos);
  CHECK(q.find("d BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'") != std::string::npos);
  CHECK(q.find("WHERE bad = 1\n") != std::string::npos);
  CHECK(q.find("ORDER BY") == std::string::npos);

  const std::string r =
      render_query(plan, *Dialect::named("duckdb"), table, QueryRows::kRejected);
  CHECK(r.find("GROUP BY") == std::string::npos);
  CHECK(r.find("WHERE bad = 1 OR NOT (d IS NULL OR d BETWEEN") != std::string::npos);
  CHECK(r.find("ORDER BY k, u, i, d") != std::string::npos);
}

}  // namespace
}  // namespace kaohe
