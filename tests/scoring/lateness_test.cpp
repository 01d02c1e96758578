// Unit tests of deadlines (每延迟1天扣1分, seed 000 第四篇): days late after
// the due date, to the done date or the end of the unit's period, in
// calendar or working days, what a row deducts (row_max, × count), and the
// item's floor as its cap — read from an events file and scored.
#include "scoring/lateness.h"

#include <doctest/doctest.h>

#include <string>

#include "input/event_reader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::TempFile;

const char* const kPeriod = "period: {from: 2025-01-01, to: 2025-12-31}\n";
const char* const kCalendar =
    "calendar: " KAOHE_SOURCE_DIR "/schemes/calendars/cn-2025.csv\n";

Date d(const char* text) {
  auto date = Date::parse(text);
  REQUIRE(date.has_value());
  return *date;
}

// A scheme with late leaves: `days` (per day), `work` (per working day),
// `capped` (row_max 10), `item` (points 5, floor 0: 扣完为止) and `adj` (an
// adjustment of at most 10: floor -10).
Scheme late_scheme() {
  return test::scheme_of(test::scheme_text(
      "    - {id: days, name: 迟报, points: 40, late: {deduct: 1}}\n"
      "    - {id: work, name: 迟办, points: 40, late: {deduct: 1, per: working_day}}\n"
      "    - {id: capped, name: 封顶, points: 20, late: {deduct: 1, row_max: 10}}\n"
      "    - {id: item, name: 扣完为止, points: 5, floor: 0, late: {deduct: 1}}\n"
      "    - {id: adj, name: 至多扣10分, floor: -10, late: {deduct: 2}}\n",
      "", std::string(kPeriod) + kCalendar));
}

const Rule& rule(const Scheme& s, const char* id) {
  return s.nodes[static_cast<std::size_t>(s.find(id))].rule;
}

std::optional<UnitPeriod> year() { return UnitPeriod{d("2025-01-01"), d("2025-12-31"), false}; }

TEST_CASE("late: the days after the due date up to the done date") {
  const Scheme s = late_scheme();
  const Rule& r = rule(s, "days");
  // Done on the due date: on time.
  CHECK(days_late(r, s.calendar, d("2025-03-31"), d("2025-03-31"), year()) == 0);
  // The day after: one day late.
  CHECK(days_late(r, s.calendar, d("2025-03-31"), d("2025-04-01"), year()) == 1);
  // Done before it was due: on time, never a credit.
  CHECK(days_late(r, s.calendar, d("2025-03-31"), d("2025-03-20"), year()) == 0);
  // Across a month end and a weekend, calendar days.
  CHECK(days_late(r, s.calendar, d("2025-05-28"), d("2025-06-03"), year()) == 6);
}

TEST_CASE("late: not done is late until the end of the unit's period") {
  const Scheme s = late_scheme();
  const Rule& r = rule(s, "days");
  // The scheme's period: to 2025-12-31.
  CHECK(days_late(r, s.calendar, d("2025-12-01"), std::nullopt, year()) == 30);
  // A unit whose own period ends on 2025-06-30 (it merged in June).
  Unit merged{"U1", "一", "", 2, "", std::nullopt, d("2025-06-30")};
  const std::optional<UnitPeriod> p = unit_period(s, merged);
  CHECK(days_late(r, s.calendar, d("2025-06-20"), std::nullopt, p) == 10);
  // Due after its period ended: nothing of it lies in the period.
  CHECK(days_late(r, s.calendar, d("2025-07-15"), std::nullopt, p) == 0);
  // An interim run: --as-of 2025-03-31 ends the period then.
  Scheme interim = late_scheme();
  interim.as_of = d("2025-03-31");
  CHECK(days_late(r, s.calendar, d("2025-03-21"), std::nullopt,
                  unit_period(interim, Unit{"U2", "二", "", 3})) == 10);
  // No day of the period counts for the unit: nothing is late.
  CHECK(days_late(r, s.calendar, d("2025-03-21"), std::nullopt, std::nullopt) == 0);
}

TEST_CASE("late: days are counted only within the unit's period") {
  const Scheme s = late_scheme();
  const Rule& r = rule(s, "days");
  // Done after the period: late to its last day, as if not done.
  CHECK(days_late(r, s.calendar, d("2025-12-20"), d("2026-01-10"), year()) == 11);
  // Due before the period (a task carried over): from its first day. With
  // working days, the days asked about are always the period's, which the
  // calendar covers: a due date in 2024 needs no 2024 calendar.
  CHECK(days_late(r, s.calendar, d("2024-12-20"), d("2025-01-10"), year()) == 10);
  const Rule& w = rule(s, "work");
  CHECK_FALSE(s.calendar.covers(d("2024-12-20")));
  // 2025-01-01 is 元旦, 01-04/05 a weekend: 2, 3, 6, 7, 8, 9, 10.
  CHECK(days_late(w, s.calendar, d("2024-12-20"), d("2025-01-10"), year()) == 7);
}

TEST_CASE("late: working days skip weekends and holidays, a 调休 Saturday counts") {
  const Scheme s = late_scheme();
  const Rule& w = rule(s, "work");
  const Rule& r = rule(s, "days");
  // Due Friday 2025-09-26, done Tuesday 09-30: Saturday 27 is off, Sunday
  // 28 is worked (国庆节调休), Monday 29 and Tuesday 30: 3 working days.
  CHECK(days_late(w, s.calendar, d("2025-09-26"), d("2025-09-30"), year()) == 3);
  CHECK(days_late(r, s.calendar, d("2025-09-26"), d("2025-09-30"), year()) == 4);
  // Due 09-30, done Thursday 10-09: 10-01..08 is the holiday, 10-09 the
  // one working day.
  CHECK(days_late(w, s.calendar, d("2025-09-30"), d("2025-10-09"), year()) == 1);
  CHECK(days_late(r, s.calendar, d("2025-09-30"), d("2025-10-09"), year()) == 9);
  // Due Friday 10-10, done Monday 10-13: Saturday 10-11 is worked (调休).
  CHECK(days_late(w, s.calendar, d("2025-10-10"), d("2025-10-13"), year()) == 2);
  // Due on a Friday, done on the Sunday after: no working day late.
  CHECK(days_late(w, s.calendar, d("2025-03-07"), d("2025-03-09"), year()) == 0);
}

TEST_CASE("late: a row deducts the amount per day, at most row_max per occurrence") {
  const Scheme s = late_scheme();
  CHECK(late_amount(rule(s, "days"), 0) == Decimal());
  CHECK(late_amount(rule(s, "days"), 12) == Decimal::from_int(12));
  CHECK(late_amount(rule(s, "capped"), 9) == Decimal::from_int(9));
  CHECK(late_amount(rule(s, "capped"), 12) == Decimal::from_int(10));
  CHECK(late_amount(rule(s, "adj"), 3) == Decimal::from_int(6));
}

// Reads `csv` as the events of `scheme` for `roster` and scores them.
ScoreSheet score_csv(const Scheme& scheme, const Roster& roster, const std::string& csv) {
  TempFile f(csv);
  MeasureTable measures;
  Tallies tallies(scheme, roster.size());
  Diagnostics diags;
  read_events(f.path(), 0, scheme, roster, measures, tallies, diags);
  REQUIRE_MESSAGE(diags.error_count() == 0, diags.list().front().message);
  tallies.finish();
  return score_units(scheme, roster, tallies, measures, diags, 1);
}

std::string score(const Scheme& s, const Roster& roster, const ScoreSheet& sheet,
                  const char* unit, const char* node) {
  return sheet.at(roster.find(unit), s.find(node)).score.format(s.precision);
}

TEST_CASE("late rows scored: × count, row_max before × count, the item's floor as its cap") {
  const Scheme s = late_scheme();
  Roster roster = test::roster_of({{"U1"}, {"U2"}});
  roster.units[1].to = d("2025-06-30");  // U2's own period ends in June
  const ScoreSheet sheet = score_csv(
      s, roster,
      "unit_id,item_id,date,count,due,done\n"
      "U1,days,,,2025-03-31,2025-04-03\n"      // 3 days late: -3
      "U1,days,,2,2025-05-28,2025-05-30\n"     // 2 days × count 2: -4
      "U1,days,,,2025-06-10,2025-06-01\n"      // done before due: 0
      "U1,work,,,2025-09-26,2025-09-30\n"      // 3 working days: -3
      "U1,capped,,2,2025-03-01,2025-03-13\n"   // 12 days, at most 10, × 2: -20
      "U1,item,,,2025-12-24,\n"                // not done: 7 days, floored at 0
      "U1,adj,,,2025-12-20,\n"                 // 11 days × 2 = 22, floored at -10
      "U2,days,,,2025-06-20,\n"                // not done: to U2's end, 10 days
      "U2,days,2025-01-15,,2024-12-20,2025-01-10\n"  // dated: 10 days of 2025
      "U2,days,,,2024-12-20,2025-01-10\n");    // undated, due in 2024: left out
  CHECK(score(s, roster, sheet, "U1", "days") == "33.00");
  CHECK(score(s, roster, sheet, "U1", "work") == "37.00");
  CHECK(score(s, roster, sheet, "U1", "capped") == "0.00");
  CHECK(score(s, roster, sheet, "U1", "item") == "0.00");
  CHECK(score(s, roster, sheet, "U1", "adj") == "-10.00");
  CHECK(score(s, roster, sheet, "U2", "days") == "20.00");
}

}  // namespace
}  // namespace kaohe
