// Units' event rows for explain (pipeline/unit_rows.h): one unit's, and
// every unit's in batches that keep to a row budget, the same rows either
// way; a source that cannot be read twice is refused.
#include "pipeline/unit_rows.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::TempFile;

// Late reports deduct 2 each; a unit's own score is given.
const std::string kScheme = test::scheme_text(
    "    - {id: late_report, name: 迟报, points: 20, floor: 0, per_event: {deduct: 2}}\n"
    "    - {id: self, name: 自评, points: 80, direct: {}}\n",
    "", "period: {from: 2025-01-01, to: 2025-12-31}\n");

// V1 has 3 rows, V2 1, V3 none, V4 2 (one outside the period, not kept).
struct Run {
  TempFile units{"unit_id,name\nV1,东村\nV2,西村\nV3,南村\nV4,北村\n"};
  TempFile measures{"unit_id,item_id,value\nV1,self,62\nV2,self,70\nV3,self,55\nV4,self,50\n"};
  TempFile events{"unit_id,item_id,date,count,ref\n"
                  "V1,late_report,2025-03-01,1,a\n"
                  "V4,late_report,2025-03-02,1,b\n"
                  "V1,late_report,2025-04-01,2,c\n"
                  "V2,late_report,2025-05-01,1,d\n"
                  "V4,late_report,2024-12-30,1,e\n"
                  "V1,late_report,2025-06-01,1,f\n"};
  Evaluation ev;
  Run() {
    DataSources s;
    s.units = units.path();
    s.measures = {measures.path()};
    s.events = {events.path()};
    s.threads = 1;
    ev = evaluate(test::scheme_of(kScheme), s);
  }
};

std::vector<std::string> refs(const std::vector<ExplainedRow>& rows) {
  std::vector<std::string> out;
  for (const ExplainedRow& r : rows) out.push_back(r.ref + "@" + std::to_string(r.event.line));
  return out;
}

}  // namespace

TEST_CASE("unit_rows: one unit's counted rows, with their lines") {
  Run run;
  CHECK(refs(unit_rows(run.ev, 0)) == std::vector<std::string>{"a@2", "c@4", "f@7"});
  CHECK(refs(unit_rows(run.ev, 2)).empty());
  CHECK(refs(unit_rows(run.ev, 3)) == std::vector<std::string>{"b@3"});
}

TEST_CASE("for_each_unit_rows: the same rows whatever the budget, in the units' order") {
  Run run;
  const std::vector<int> units = {3, 0, 2, 1};
  for (std::size_t budget : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3},
                             std::size_t{4}, std::size_t{1000}}) {
    CAPTURE(budget);
    std::vector<int> seen;
    for_each_unit_rows(run.ev, units, budget,
                       [&](int unit, const std::vector<ExplainedRow>& rows) {
                         seen.push_back(unit);
                         CHECK(refs(rows) == refs(unit_rows(run.ev, unit)));
                         for (const ExplainedRow& r : rows) {
                           CHECK(r.event.unit == unit);
                           CHECK(std::string(r.event.ref) == r.ref);  // points into its own
                         }
                       });
    CHECK(seen == units);
  }
}

TEST_CASE("unit_rows: events from standard input cannot be read again") {
  Run run;
  run.ev.sources.events = {"-"};
  CHECK_THROWS_WITH_AS(unit_rows(run.ev, 0),
                       "error: -: explaining a unit reads its events again, and standard "
                       "input cannot be read twice\n"
                       "  hint: save the events to a file and name it with --events FILE\n",
                       Error);
}

}  // namespace kaohe
