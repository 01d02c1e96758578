// Unit tests of the data folder's names (input/data_file_names.cpp): which
// kind a name is in any letter case, what makes a name a copy, workbooks
// named like an input, and the names never read nor reported.
#include <doctest/doctest.h>

#include "base/ascii.h"
#include "input/data_file_names.h"

namespace kaohe {
namespace {

std::optional<DataKind> kind(const char* name) { return classify_data_file(name).kind; }
std::string mark(const char* name) { return classify_data_file(name).copy_mark; }
std::optional<DataKind> copy_of(const char* name) { return classify_data_file(name).copy_of; }

TEST_CASE("the kinds: units.csv, events and measures with -NAME or _NAME") {
  CHECK(kind("units.csv") == DataKind::kUnits);
  CHECK(kind("events.csv") == DataKind::kEvents);
  CHECK(kind("events-2025.csv") == DataKind::kEvents);
  CHECK(kind("events_上半年.csv") == DataKind::kEvents);
  CHECK(kind("measures.csv") == DataKind::kMeasures);
  CHECK(kind("measures-votes.csv") == DataKind::kMeasures);
  CHECK(kind("measures_b.csv") == DataKind::kMeasures);
}

TEST_CASE("TSV and text files named like a kind are of that kind") {
  CHECK(kind("measures.tsv") == DataKind::kMeasures);
  CHECK(kind("Units.TSV") == DataKind::kUnits);
  CHECK(kind("measures.txt") == DataKind::kMeasures);
  CHECK(kind("events-b.TXT") == DataKind::kEvents);
  CHECK(classify_data_file("events.tsv").csv);
  CHECK(classify_data_file("events.txt").text);
  // A text file of no kind is nobody's business; a TSV file is a table.
  CHECK_FALSE(kind("notes.txt"));
  CHECK_FALSE(classify_data_file("notes.txt").text);
  CHECK_FALSE(classify_data_file("notes.txt").csv);
  CHECK(classify_data_file("notes.tsv").csv);
  CHECK(copy_of("events (1).txt") == DataKind::kEvents);
  CHECK(copy_of("measures - 副本.tsv") == DataKind::kMeasures);
}

TEST_CASE("letter case does not matter, in the stem or the extension") {
  CHECK(kind("Events.csv") == DataKind::kEvents);
  CHECK(kind("events.CSV") == DataKind::kEvents);
  CHECK(kind("EVENTS-A.Csv") == DataKind::kEvents);
  CHECK(kind("Units.csv") == DataKind::kUnits);
  CHECK(kind("MEASURES.CSV") == DataKind::kMeasures);
  CHECK(ascii_lowercase("Events-ÄB事件.CSV") == "events-Äb事件.csv");  // ASCII only
}

TEST_CASE("names of no kind: CSV files that are not read") {
  for (const char* name : {"事件.csv", "notes.csv", "event.csv", "unit.csv", "units-2.csv",
                           "events2.csv", "events 2.csv", "events-.csv", "events_.csv",
                           "eventsfoo.csv", "measure.csv", "x-events.csv", ".csv"}) {
    CAPTURE(name);
    const DataFileName what = classify_data_file(name);
    CHECK_FALSE(what.kind);
    CHECK(what.csv == (std::string(name) != ".csv"));
  }
  CHECK_FALSE(classify_data_file("events.csv.bak").csv);
  CHECK_FALSE(classify_data_file("events.txt").csv);
  CHECK_FALSE(classify_data_file("README").csv);
}

TEST_CASE("hidden files and Office lock files are ignored") {
  CHECK(classify_data_file(".events.csv").ignored);
  CHECK(classify_data_file("._events.csv").ignored);  // macOS AppleDouble
  CHECK(classify_data_file("~$events.csv").ignored);  // Excel has it open
  CHECK_FALSE(classify_data_file(".events.csv").kind);
  CHECK_FALSE(classify_data_file("~events.csv").ignored);
}

TEST_CASE("kaohe template's items.csv is ignored, in any case; other lists are not") {
  CHECK(classify_data_file("items.csv").ignored);
  CHECK(classify_data_file("Items.CSV").ignored);
  CHECK_FALSE(classify_data_file("items-2.csv").ignored);
  CHECK(classify_data_file("items-2.csv").csv);
}

TEST_CASE("copies: 副本, (1), copy as a word, in any case") {
  CHECK(mark("events - 副本.csv") == "副本");
  CHECK(mark("events - 副本 (2).csv") == "副本");
  CHECK(mark("events - 複本.csv") == "複本");
  CHECK(mark("events (1).csv") == "(1)");
  CHECK(mark("events(12).csv") == "(12)");
  CHECK(mark("events（3）.csv") == "（3）");  // full-width parentheses
  CHECK(mark("events - Copy.csv") == "Copy");
  CHECK(mark("events copy.csv") == "copy");
  CHECK(mark("events_COPY2.csv") == "COPY");
  CHECK(mark("events (copy).csv") == "copy");
  CHECK(mark("events-copyedit.csv").empty());  // inside a longer word
  CHECK(mark("events-recopy.csv").empty());
  CHECK(mark("events (2025).csv").empty());    // four digits: a year, not a copy
  CHECK(mark("events ().csv").empty());
  CHECK(mark("events (a).csv").empty());
  CHECK(mark("events-2.csv").empty());
}

TEST_CASE("a copy is of events or measures when its name starts so") {
  CHECK(copy_of("events - 副本.csv") == DataKind::kEvents);
  CHECK(copy_of("Events (1).CSV") == DataKind::kEvents);
  CHECK(copy_of("events_copy.csv") == DataKind::kEvents);  // also a kind's name
  CHECK(copy_of("measures - Copy.csv") == DataKind::kMeasures);
  CHECK(copy_of("eventsx (1).csv") == DataKind::kEvents);
  CHECK_FALSE(copy_of("units - 副本.csv"));  // only units.csv is read: no risk
  CHECK_FALSE(copy_of("副本 events.csv"));
  CHECK(copy_of("events (1).xlsx") == DataKind::kEvents);  // read like a CSV file
  CHECK_FALSE(copy_of("events (1).xls"));
  CHECK_FALSE(copy_of("events.csv"));
}

TEST_CASE("workbooks named like an input") {
  // .xlsx: read as the kind; .xls: named, for the warning.
  CHECK(classify_data_file("events.xlsx").workbook);
  CHECK(classify_data_file("events.xlsx").kind == DataKind::kEvents);
  CHECK(classify_data_file("Units.XLSX").kind == DataKind::kUnits);
  CHECK(classify_data_file("measures-2.xlsx").kind == DataKind::kMeasures);
  CHECK_FALSE(classify_data_file("results.xlsx").kind);
  CHECK_FALSE(classify_data_file("events.xlsx").csv);
  CHECK_FALSE(classify_data_file("events.xlsx").workbook_kind);
  CHECK(classify_data_file("Units.XLS").workbook_kind == DataKind::kUnits);
  CHECK_FALSE(classify_data_file("Units.XLS").kind);
  CHECK_FALSE(classify_data_file("events.csv").workbook_kind);
}

}  // namespace
}  // namespace kaohe
