// Rows for items scored per sub-period (`periods:`): event rows keep the
// item id as written and go to the copy whose sub-period holds their date;
// measure rows name the sub-period in a `period` column.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "input/event_reader.h"
#include "input/measure_reader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

const char* const kScheme = R"(kaohe: 1
period: {from: 2024-01-01, to: 2025-12-31}
root:
  id: total
  name: 总分
  points: 60
  children:
    - id: p4
      name: 集体上访
      points: 20
      periods: {per: year, combine: mean}
      base: 20
      children:
        - {id: p4_group, name: 集体上访, per_event: {deduct: 1}}
        - {id: p4_judged, name: 评定, scaled_deduction: {max: 5, scale: 100}}
    - {id: h, name: 半年, points: 20, periods: {per: half, combine: mean}, per_event: {deduct: 1}}
    - {id: p6, name: 创新, points: 20, direct: {}}
)";

class Collect : public EventSink {
 public:
  void on_event(const Event& e) override { nodes.push_back(e.node); }
  std::vector<int> nodes;
};

struct Run {
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = test::roster_of({{"u1"}, {"u2"}});
  MeasureTable measures;
  Collect sink;
  Diagnostics diags;
  InputStats stats;

  void events(const std::string& csv) {
    TempFile f(csv);
    stats = read_events(f.path(), 0, scheme, roster, measures, sink, diags);
  }
  void measure_rows(const std::string& csv) {
    TempFile f(csv);
    std::vector<std::string> files{f.path()};
    stats = read_measures(f.path(), 0, files, scheme, roster, measures, diags);
  }
  std::string id(int node) const { return scheme.nodes[node].id; }
  const Diagnostic& only_error() const {
    REQUIRE(diags.error_count() == 1);
    return diags.list().front();
  }
};

TEST_CASE("sub-periods: an event row goes to the copy of its date") {
  Run run;
  run.events(
      "unit_id,item_id,date\n"
      "u1,p4_group,2024-03-01\n"
      "u1,p4_group,2025-12-31\n"
      "u2,h,2025-06-30\n"
      "u2,h,2025-07-01\n"
      "u2,p4_group,2024-12-31\n");
  CHECK(run.diags.error_count() == 0);
  REQUIRE(run.sink.nodes.size() == 5);
  CHECK(run.id(run.sink.nodes[0]) == "p4_group@2024");
  CHECK(run.id(run.sink.nodes[1]) == "p4_group@2025");
  CHECK(run.id(run.sink.nodes[2]) == "h@2025-H1");
  CHECK(run.id(run.sink.nodes[3]) == "h@2025-H2");
  CHECK(run.id(run.sink.nodes[4]) == "p4_group@2024");
}

TEST_CASE("sub-periods: a row outside the period is checked, then left out") {
  Run run;
  run.events(
      "unit_id,item_id,date,tier\n"
      "u1,p4_group,2026-01-08,\n"
      "u1,p4_group,2023-12-31,\n");
  CHECK(run.diags.error_count() == 0);
  CHECK(run.stats.outside == 2);
  CHECK(run.sink.nodes.empty());
  Run tier;
  tier.events(
      "unit_id,item_id,date,tier\n"
      "u1,p4_group,2026-01-08,省级\n");
  CHECK(contains(tier.only_error().message, "does not use a tier"));
}

TEST_CASE("sub-periods: an event row without a date is an error naming the node") {
  Run run;
  run.events(
      "unit_id,item_id,date\n"
      "u1,p4_group,\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.message == "item \"p4_group\" is scored once per year ('periods' of \"p4\") "
                     "and needs a date");
  CHECK(d.col == 3);
  CHECK(contains(d.hint, "which sub-period"));
  Run no_column;
  no_column.events("unit_id,item_id\nu1,h\n");
  CHECK(contains(no_column.only_error().message, "scored once per half"));
  Run bad_date;
  bad_date.events("unit_id,item_id,date\nu1,p4_group,2024-13-01\n");
  CHECK(contains(bad_date.only_error().message, "is not a day of the calendar"));
}

TEST_CASE("sub-periods: event rows name the item as written, not a copy") {
  Run run;
  run.events("unit_id,item_id,date\nu1,p4_group@2024,2024-03-01\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.message == "item \"p4_group@2024\" is kaohe's name for one sub-period of "
                     "\"p4_group\"; write the item's own id");
  CHECK(d.hint == "write item_id p4_group with the row's date: the date picks the sub-period");
  Run group;
  group.events("unit_id,item_id,date\nu1,p4,2024-03-01\n");
  CHECK(contains(group.only_error().message, "groups other items"));
  Run measured;
  measured.events("unit_id,item_id,date\nu1,p4_judged,2024-03-01\n");
  CHECK(contains(measured.only_error().message, "is scored from measures"));
  Run unknown;
  unknown.events("unit_id,item_id,date\nu1,p4_grop,2024-03-01\n");
  CHECK(contains(unknown.only_error().hint, "p4_group"));
  CHECK_FALSE(contains(unknown.only_error().hint, "@"));
}

TEST_CASE("sub-periods: a measure row names its sub-period in the period column") {
  Run run;
  run.measure_rows(
      "unit_id,item_id,value,period\n"
      "u1,p4_judged,80,2024\n"
      "u1,p4_judged,90,2025\n"
      "u2,p4,NA,2025\n"
      "u2,p6,15,\n");
  CHECK(run.diags.error_count() == 0);
  const int y24 = run.scheme.find("p4_judged@2024");
  const int y25 = run.scheme.find("p4_judged@2025");
  REQUIRE(run.measures.find(0, y24));
  CHECK(run.measures.find(0, y24)->front().value == Decimal::parse("80"));
  CHECK(run.measures.find(0, y25)->front().value == Decimal::parse("90"));
  CHECK(run.measures.node_marked_na(1, run.scheme.find("p4@2025")));
  CHECK_FALSE(run.measures.node_marked_na(1, run.scheme.find("p4")));
}

TEST_CASE("sub-periods: an unknown period is an error with a did-you-mean") {
  Run run;
  run.measure_rows("unit_id,item_id,value,period\nu1,p4_judged,80,2023\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.message == "unknown period \"2023\" for item \"p4_judged\" (scored once per year)");
  CHECK(d.col == 4);
  CHECK(d.hint == "did you mean \"2024\"?");
  Run far;
  far.measure_rows("unit_id,item_id,value,period\nu1,p4_judged,80,上半年\n");
  CHECK(far.only_error().hint == "the sub-periods of \"p4\" are: 2024, 2025");
}

TEST_CASE("sub-periods: a measure row without its period, or a period that means nothing") {
  Run none;
  none.measure_rows("unit_id,item_id,value\nu1,p4_judged,80\n");
  CHECK(none.only_error().message ==
        "item \"p4_judged\" is scored once per year ('periods' of \"p4\") and needs "
        "the sub-period in the period column");
  CHECK(none.only_error().hint == "add a column period with one of: 2024, 2025");
  Run copy;
  copy.measure_rows("unit_id,item_id,value\nu1,p4_judged@2025,80\n");
  CHECK(copy.only_error().hint == "write item_id p4_judged and 2025 in a period column");
  Run plain;
  plain.measure_rows("unit_id,item_id,value,period\nu1,p6,15,2024\n");
  CHECK(plain.only_error().message ==
        "item \"p6\" is not scored per sub-period, got period \"2024\"");
  Run twice;
  twice.measure_rows(
      "unit_id,item_id,value,period\nu1,p4_judged,80,2024\nu1,p4_judged,70,2024\n");
  CHECK(contains(twice.only_error().message, "item \"p4_judged\", period \"2024\""));
}

}  // namespace
}  // namespace kaohe
