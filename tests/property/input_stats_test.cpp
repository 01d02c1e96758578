// The -v invariant (SPEC §9, input/event.h): for every input file,
//   rows read = rows counted + rows outside the period + rows reported,
// on files that mix good rows, rows with errors (one or several each) and
// rows dated outside the scheme's period. Every counted row reaches the
// scoring sink, and every reported row has at least one diagnostic.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/event.h"
#include "input/event_reader.h"
#include "input/measure_reader.h"
#include "input/roster.h"
#include "property/bundled.h"
#include "scheme/scheme_loader.h"

namespace kaohe::test {
namespace {

const char* const kScheme =
    "kaohe: 1\n"
    "period: {from: 2025-01-01, to: 2025-12-31}\n"
    "root:\n"
    "  id: total\n"
    "  name: 总分\n"
    "  points: 100\n"
    "  children:\n"
    "    - {id: late, name: 迟报, points: 50, floor: 0, per_event: {deduct: 1}}\n"
    "    - {id: done, name: 完成, points: 50, completion: {}}\n";

struct CountingSink : EventSink {
  std::vector<int> lines;
  void on_event(const Event& e) override { lines.push_back(e.line); }
};

std::set<int> error_lines(const Diagnostics& diags) {
  std::set<int> lines;
  for (const Diagnostic& d : diags.list()) {
    if (d.severity == Severity::kError) lines.insert(d.line);
  }
  return lines;
}

TEST_CASE("property: events file with good, bad and out-of-period rows: read = counted + outside + reported") {
  ScratchDir dir;
  Scheme scheme = parse_scheme("s.yaml", kScheme);
  Roster roster = load_roster(dir.write("units.csv", "unit_id,name\nV1,东\nV2,西\n"));
  std::string events = dir.write(
      "events.csv",
      "unit_id,item_id,date,count,note\n"      // 1
      "V1,late,2025-03-01,1,\n"                // 2  counted
      "V2,late,2025-04-01,2,\n"                // 3  counted
      "V1,late,2024-12-31,1,\n"                // 4  outside (day before)
      "V1,late,2026-01-01,1,\n"                // 5  outside (day after)
      "V9,late,2025-03-01,1,\n"                // 6  reported: unknown unit
      "V1,nosuch,2025-03-01,1,\n"              // 7  reported: unknown item
      "V1,late,2025-13-01,1,\n"                // 8  reported: bad date
      "V1,late,2025-03-01,0,\n"                // 9  reported: count 0
      "V1,late,2025-03-01\n"                   // 10 reported: ragged
      "V9,late,2024-01-01,x,\n"                // 11 reported (twice), though outside
      "\n"                                     // 12 blank: not a row
      "\"V2\",\"late\",\"2025-05-01\",\"1\",\"two\n"  // 13 counted, note spans
      "lines\"\n"                              // 14   two lines
      "V1,done,2025-03-01,1,\n"                // 15 reported: a measure item
      "V2,late,,1,no date\n"                   // 16 counted: no date, not outside
      "V1,late,2025-12-31,3,\n");              // 17 counted: last day inside
  CountingSink sink;
  Diagnostics diags;
  MeasureTable measures;
  InputStats st = read_events(events, 0, scheme, roster, measures, sink, diags);

  CHECK(st.kind == "events");
  CHECK(st.read == 14);
  CHECK(st.counted == 5);
  CHECK(st.outside == 2);
  CHECK(st.reported == 7);
  CHECK(st.read == st.counted + st.outside + st.reported);
  // Counted rows are exactly the rows handed to scoring.
  CHECK(sink.lines == std::vector<int>{2, 3, 13, 16, 17});
  // Each reported row has an error at its own line, and no other line does.
  CHECK(error_lines(diags) == std::set<int>{6, 7, 8, 9, 10, 11, 15});
  CHECK(diags.error_count() >= st.reported);
}

TEST_CASE("property: measures file with good and bad rows: read = counted + outside + reported") {
  ScratchDir dir;
  Scheme scheme = parse_scheme("s.yaml", kScheme);
  Roster roster = load_roster(dir.write("units.csv", "unit_id,name\nV1,东\nV2,西\nV3,南\n"));
  std::string path = dir.write(
      "measures.csv",
      "unit_id,item_id,value,key\n"  // 1
      "V1,done,0.5,\n"               // 2 counted
      "V2,done,NA,\n"                // 3 counted: does not apply
      "V9,done,0.5,\n"               // 4 reported: unknown unit
      "V3,done,1.5,\n"               // 5 reported: outside 0..1
      "V3,done,abc,\n"               // 6 reported: not a number
      "V1,done,0.75,\n"              // 7 reported: second row for V1 done
      "V3,nosuch,1,\n"               // 8 reported: unknown item
      "V3,done\n"                    // 9 reported: ragged
      "\n"                           //   blank: not a row
      "V3,done,1,\n");               // 11 counted
  Diagnostics diags;
  MeasureTable table;
  InputStats st = read_measures(path, 0, {path}, scheme, roster, table, diags);

  CHECK(st.kind == "measures");
  CHECK(st.read == 9);
  CHECK(st.counted == 3);
  CHECK(st.outside == 0);
  CHECK(st.reported == 6);
  CHECK(st.read == st.counted + st.outside + st.reported);
  CHECK(error_lines(diags) == std::set<int>{4, 5, 6, 7, 8, 9});
}

TEST_CASE("property: a file of only bad rows, and a header-only file, keep the invariant") {
  ScratchDir dir;
  Scheme scheme = parse_scheme("s.yaml", kScheme);
  Roster roster = load_roster(dir.write("units.csv", "unit_id,name\nV1,东\n"));
  CountingSink sink;
  MeasureTable measures;
  {
    Diagnostics diags;
    std::string bad = "unit_id,item_id,date,count\n";
    for (int i = 0; i < 120; ++i) bad += "V2,late,2025-03-01,1\n";  // unknown unit
    InputStats st = read_events(dir.write("bad.csv", bad), 0, scheme, roster,
                                measures, sink, diags);
    CHECK(st.read == 120);
    CHECK(st.reported == 120);
    CHECK(st.counted + st.outside == 0);
    // Only the first errors are shown in full; all are counted.
    CHECK(diags.error_count() >= 50);
  }
  {
    Diagnostics diags;
    InputStats st = read_events(dir.write("empty.csv", "unit_id,item_id,date,count\n"),
                                0, scheme, roster, measures, sink, diags);
    CHECK(st.read == 0);
    CHECK(st.read == st.counted + st.outside + st.reported);
    CHECK(diags.empty());
  }
  CHECK(sink.lines.empty());
}

}  // namespace
}  // namespace kaohe::test
