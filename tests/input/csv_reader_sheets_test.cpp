// Unit tests of the CSV reader on sheets as clerks export them: the
// delimiter found (comma, tab, semicolon; the file name; an error when
// nothing decides) or given, rows of empty cells skipped and counted, and
// rows fitted to a header with unnamed columns at its end.
#include "input/csv_reader.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "input/sheet_text.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

struct Read {
  char delimiter = 0;
  std::vector<std::vector<std::string>> rows;  // fields, then "@line"
  std::int64_t empty_rows = 0;
  int unnamed = 0;
  std::string error;  // "LINE: message | hint"
};

// Reads `csv` from a file ending in `suffix`, the first row as the header.
Read read(const std::string& csv, const std::string& suffix = ".csv", char delimiter = 0) {
  TempFile f(csv, suffix);
  std::FILE* file = std::fopen(f.path().c_str(), "rb");
  REQUIRE(file != nullptr);
  Read out;
  try {
    SheetOptions options;
    options.delimiter = delimiter;
    SheetText text = open_sheet(f.path(), file, options);
    CsvRow row;
    bool first = true;
    while (text.reader->next(row)) {
      if (first) text.reader->use_header(row);
      first = false;
      std::vector<std::string> fields(row.fields.begin(), row.fields.end());
      fields.push_back("@" + std::to_string(row.line));
      out.rows.push_back(std::move(fields));
    }
    out.delimiter = text.reader->delimiter();
    out.empty_rows = text.reader->empty_rows();
    out.unnamed = text.reader->unnamed_columns();
  } catch (const Error& e) {
    const Diagnostic& d = e.diagnostics().at(0);
    out.error = std::to_string(d.line) + ": " + d.message + " | " + d.hint;
  }
  std::fclose(file);
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("the delimiter is the one the first line holds") {
  CHECK(read("a,b\n1,2\n").delimiter == ',');
  Read r = read("a\tb\n1,5\t2\n");
  CHECK(r.delimiter == '\t');
  CHECK(r.rows == Rows{{"a", "b", "@1"}, {"1,5", "2", "@2"}});
  r = read("a;b\n\"x;y\";1,5\n");
  CHECK(r.delimiter == ';');
  CHECK(r.rows == Rows{{"a", "b", "@1"}, {"x;y", "1,5", "@2"}});
  // Quoted delimiters do not count; a line without any is passed over.
  CHECK(read("title\n\"a,b\";c\n").delimiter == ';');
  // A byte-order mark first.
  CHECK(read("\xEF\xBB\xBF" "a\tb\n").delimiter == '\t');
}

TEST_CASE("of several delimiters, the one as often on every line, else the name's") {
  // A tab in a comma file's header text: commas are steady.
  CHECK(read("a,b\tc,d\n1,2,3\n4,5,6\n").delimiter == ',');
  // A comma in a semicolon header: semicolons are steady.
  CHECK(read("a;b,c;d\n1;2;3\n").delimiter == ';');
  // Both steady: the name decides when it is one of them.
  CHECK(read("a,b\tc\n1,2\t3\n").delimiter == ',');
  CHECK(read("a,b\tc\n1,2\t3\n", ".txt").delimiter == '\t');
  CHECK(read("a,b\tc\n1,2\t3\n", ".TSV").delimiter == '\t');
  // Nothing decides: an error at the line, naming --delimiter.
  Read r = read("a;b\tc\n1;2\t3\n");
  CHECK(r.error ==
        "1: cannot tell the delimiter: line 1 has tabs and semicolons | name it with "
        "--delimiter comma, --delimiter tab or --delimiter semicolon");
  r = read("\n\nx;y\tz\n");
  CHECK(contains(r.error, "3: cannot tell the delimiter: line 3"));
}

TEST_CASE("a file of one column takes its name's delimiter, a given one wins") {
  CHECK(read("a\nb\n").delimiter == ',');
  CHECK(read("a\nb\n", ".tsv").delimiter == '\t');
  CHECK(read("", ".txt").delimiter == '\t');
  Read r = read("a,b;c\n1,2;3\n", ".csv", ';');
  CHECK(r.delimiter == ';');
  CHECK(r.rows == Rows{{"a,b", "c", "@1"}, {"1,2", "3", "@2"}});
  // A given delimiter is never second-guessed, ambiguous or not.
  CHECK(read("a;b\tc\n", ".csv", '\t').rows == Rows{{"a;b", "c", "@1"}});
}

TEST_CASE("tab-separated rows take the fast path and the general one alike") {
  // Long plain rows (the SSE2 path) and rows with quotes and CRs.
  std::string tsv = "unit_id\titem_id\tnote\r\n";
  std::string long_note(70, 'x');
  tsv += "V1\tp1\t" + long_note + "\n";
  tsv += "V2\tp2\t\"a\tb\"\"c\"\r\n";
  tsv += "V3\tp3\tshort\n";
  Read r = read(tsv, ".txt");
  CHECK(r.rows == Rows{{"unit_id", "item_id", "note", "@1"},
                       {"V1", "p1", long_note, "@2"},
                       {"V2", "p2", "a\tb\"c", "@3"},
                       {"V3", "p3", "short", "@4"}});
}

TEST_CASE("rows of empty cells are skipped wherever they are, and counted") {
  Read r = read(",,\nunit_id,name,x\n,,\n1,a,b\n\"\",\"\",\n2,c,d\n,,\n,,\n");
  CHECK(r.rows == Rows{{"unit_id", "name", "x", "@2"}, {"1", "a", "b", "@4"},
                       {"2", "c", "d", "@6"}});
  CHECK(r.empty_rows == 5);
  // Spaces are text: such a row is not skipped.
  r = read("a,b\n ,\n");
  CHECK(r.rows.size() == 2);
  CHECK(r.empty_rows == 0);
  // Long rows of commas take the fast path: skipped too.
  r = read("a,b\n" + std::string(80, ',') + "\n1,2\n");
  CHECK(r.rows == Rows{{"a", "b", "@1"}, {"1", "2", "@3"}});
  CHECK(r.empty_rows == 1);
}

TEST_CASE("rows are fitted to a header with unnamed columns at its end") {
  Read r = read("unit_id,name,,\n1,a,,\n2,b\n3,c,,,,\n4,d,,,x\n5\n6,e,f\n");
  CHECK(r.unnamed == 2);
  CHECK(r.rows == Rows{{"unit_id", "name", "", "", "@1"},
                       {"1", "a", "", "", "@2"},
                       {"2", "b", "", "", "@3"},          // padded
                       {"3", "c", "", "", "@4"},          // empty extras dropped
                       {"4", "d", "", "", "x", "@5"},     // text beyond: kept, the reader's error
                       {"5", "@6"},                       // short of a named column: kept
                       {"6", "e", "f", "", "@7"}});       // an unnamed cell with text: kept
  // Without unnamed columns, only empty extras go.
  r = read("a,b\n1,2,,\n1\n");
  CHECK(r.unnamed == 0);
  CHECK(r.rows == Rows{{"a", "b", "@1"}, {"1", "2", "@2"}, {"1", "@3"}});
}

}  // namespace
}  // namespace kaohe
