// Unit tests of the event reader on deadlines (the due and done columns of
// late items): what a valid row carries, which period a row belongs to, and
// every row error with its field number and hint.
#include "input/event_reader.h"
#include "input/excel_forms.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::find_diag;
using test::TempFile;

class Collect : public EventSink {
 public:
  void on_event(const Event& e) override { seen.push_back(e); }
  std::vector<Event> seen;
};

const char* const kScheme = R"(kaohe: 1
period: {from: 2025-01-01, to: 2025-12-31}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: overdue, name: 催报后延迟报送, late: {deduct: 1}}
    - {id: plan, name: 计划, late: {deduct: 1, due: 2025-03-31}}
    - {id: praise, name: 表彰, per_event: {add: 1}}
)";

struct Run {
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = test::roster_of({{"U1"}, {"U2"}});
  MeasureTable measures;
  Collect sink;
  Diagnostics diags;
  InputStats stats;

  void read(const std::string& csv) {
    TempFile f(csv);
    stats = read_events(f.path(), 0, scheme, roster, measures, sink, diags);
    CHECK(stats.read == stats.counted + stats.outside + stats.reported);
  }
};

Date d(const char* text) { return *Date::parse(text); }

TEST_CASE("late rows carry their due and done dates and the days late") {
  Run run;
  run.roster.units[1].to = d("2025-06-30");
  run.read(
      "unit_id,item_id,date,due,done\n"
      "U1,overdue,,2025-05-25,2025-05-28\n"   // 3 days
      "U1,overdue,,2025-05-25,\n"             // not done: to 2025-12-31
      "U2,overdue,,2025-06-25,\n"             // not done: to U2's end, 06-30
      "U1,plan,,,2025-04-02\n"                // the item's due date
      "U1,praise,2025-04-02,,\n");
  REQUIRE(run.diags.error_count() == 0);
  REQUIRE(run.sink.seen.size() == 5);
  const auto& s = run.sink.seen;
  CHECK(s[0].due == d("2025-05-25"));
  CHECK(s[0].done == d("2025-05-28"));
  CHECK(s[0].late_days == 3);
  CHECK_FALSE(s[1].done);
  CHECK(s[1].late_days == 220);
  CHECK(s[2].late_days == 5);
  CHECK(s[3].due == d("2025-03-31"));
  CHECK(s[3].late_days == 2);
  CHECK_FALSE(s[4].due);
  CHECK(s[4].late_days == 0);
}

TEST_CASE("a late row without a date belongs to the period of its due date") {
  Run run;
  run.read(
      "unit_id,item_id,date,due,done\n"
      "U1,overdue,,2024-12-20,2025-01-10\n"            // due in 2024: left out
      "U1,overdue,2025-01-05,2024-12-20,2025-01-10\n"  // its date says 2025
      "U1,overdue,2026-01-02,2025-12-20,2025-12-22\n"  // its date says 2026
      "U1,overdue,,2025-12-20,2026-01-10\n");          // due in 2025: late to 12-31
  REQUIRE(run.diags.error_count() == 0);
  CHECK(run.stats.outside == 2);
  CHECK(run.stats.first_outside_line == 2);
  REQUIRE(run.sink.seen.size() == 2);
  CHECK(run.sink.seen[0].late_days == 10);
  CHECK(run.sink.seen[1].late_days == 11);
}

TEST_CASE("due and done on a row whose item has no deadline are errors") {
  Run run;
  run.read(
      "unit_id,item_id,date,due,done\n"
      "U1,praise,2025-04-01,,\n"            // valid: the next rows take the full check
      "U1,praise,2025-04-01,2025-04-01,\n"
      "U1,praise,2025-04-01,,2025-04-02\n");
  CHECK(run.diags.error_count() == 2);
  const Diagnostic* due = find_diag(run.diags.list(), "does not use a due date");
  REQUIRE(due != nullptr);
  CHECK(due->message == "item \"praise\" does not use a due date, got \"2025-04-01\"");
  CHECK(due->line == 3);
  CHECK(due->col == 4);
  CHECK(due->hint == "leave the due column empty for this item");
  const Diagnostic* done = find_diag(run.diags.list(), "does not use a done date");
  REQUIRE(done != nullptr);
  CHECK(done->line == 4);
  CHECK(done->col == 5);
  CHECK(run.stats.counted == 1);
  CHECK(run.stats.reported == 2);
}

TEST_CASE("a late row needs a due date, the item's or its own, never both") {
  Run run;
  run.read(
      "unit_id,item_id,due,done\n"
      "U1,overdue,,2025-05-28\n"
      "U1,plan,2025-03-31,2025-04-02\n");
  CHECK(run.diags.error_count() == 2);
  const Diagnostic* missing = find_diag(run.diags.list(), "needs a due date");
  REQUIRE(missing != nullptr);
  CHECK(missing->message == "item \"overdue\" counts days late and needs a due date");
  CHECK(missing->line == 2);
  CHECK(missing->col == 3);
  const Diagnostic* fixed = find_diag(run.diags.list(), "for every row");
  REQUIRE(fixed != nullptr);
  CHECK(fixed->message ==
        "item \"plan\" is due 2025-03-31 for every row (the scheme's 'due'), got "
        "\"2025-03-31\"");
  CHECK(fixed->line == 3);
  CHECK(fixed->col == 3);

  Run no_column;
  no_column.read("unit_id,item_id,date\nU1,overdue,2025-05-28\nU1,plan,2025-05-28\n");
  REQUIRE(no_column.diags.error_count() == 1);
  CHECK(no_column.diags.list()[0].col == 0);
  CHECK(no_column.diags.list()[0].hint ==
        "add a due column, or give the item a fixed 'due' in the scheme");
}

TEST_CASE("due and done that are not dates are errors with the hint") {
  Run run;
  run.read(
      "unit_id,item_id,due,done\n"
      "U1,overdue,5/25/2025,2025-05-28\n"
      "U1,overdue,2025-05-25,2025-02-29\n"
      "U1,overdue,2025/5/25,2025年5月28日\n");  // Excel's forms: read
  CHECK(run.diags.error_count() == 2);
  const Diagnostic& a = run.diags.list()[0];
  CHECK(a.message ==
        "due \"5/25/2025\" puts the year last, so its day and month could be either "
        "way round");
  CHECK(a.col == 3);
  CHECK(a.hint == std::string("write the year first: ") + kDateForms);
  const Diagnostic& b = run.diags.list()[1];
  CHECK(b.message == "done \"2025-02-29\" is not a day of the calendar");
  CHECK(b.col == 4);
}

TEST_CASE("Due or ' done' in the header: a variant of a column is an error") {
  Run run;
  run.read("unit_id,item_id,Due, done\nU1,overdue,2025-05-25,2025-05-28\n");
  CHECK(run.diags.error_count() == 2);
  CHECK(run.sink.seen.empty());
  CHECK(find_diag(run.diags.list(), "\"Due\"") != nullptr);
  CHECK(find_diag(run.diags.list(), "\" done\"") != nullptr);
}

}  // namespace
}  // namespace kaohe
