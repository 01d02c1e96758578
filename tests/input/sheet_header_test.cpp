// Unit tests of finding a sheet's header: the first row, title rows of one
// cell above it, the error naming --skip when a row above it is no title,
// --skip N, and that data rows and lines stay the file's.
#include "input/sheet_header.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "input/sheet_text.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

constexpr ColumnSpec kSpec[] = {{"unit_id", true, "单位/单位编码"}, {"name", true, "名称"}};

struct Found {
  HeaderFound result;
  std::vector<int> columns;
  int title_rows = 0;
  std::vector<int> data_lines;  // lines of the rows after the header
  std::vector<Diagnostic> diags;
};

Found find(const std::string& csv, int skip = -1, const HeaderMap* own = nullptr,
           char delimiter = 0) {
  TempFile f(csv);
  std::FILE* file = std::fopen(f.path().c_str(), "rb");
  REQUIRE(file != nullptr);
  Found out;
  {
    SheetOptions options;
    options.delimiter = delimiter;
    SheetText text = open_sheet(f.path(), file, options);
    Diagnostics diags;
    CsvHeader header;
    out.result = read_sheet_header(*text.reader, kSpec, own, skip, diags, header, out.columns,
                                   out.title_rows);
    if (out.result == HeaderFound::kFound) {
      CsvRow row;
      while (text.reader->next(row)) out.data_lines.push_back(row.line);
    }
    out.diags = diags.list();
  }
  std::fclose(file);
  return out;
}

TEST_CASE("the first row is the header when its columns are found") {
  Found f = find("name,unit_id\nA,1\n");
  CHECK(f.result == HeaderFound::kFound);
  CHECK(f.columns == std::vector<int>{1, 0});
  CHECK(f.title_rows == 0);
  CHECK(f.data_lines == std::vector<int>{2});
  CHECK(f.diags.empty());
  CHECK(find("").result == HeaderFound::kNoRows);
  CHECK(find(",,\n\n").result == HeaderFound::kNoRows);
}

TEST_CASE("title rows of one cell above the header are skipped, lines kept") {
  Found f = find("2025年度乡镇名册,,\n单位,名称,\n1,东村,\n2,西村,\n");
  CHECK(f.result == HeaderFound::kFound);
  CHECK(f.title_rows == 1);
  CHECK(f.columns == std::vector<int>{0, 1});
  CHECK(f.data_lines == std::vector<int>{3, 4});
  // Two titles, an empty row between (not counted), the text in any cell.
  f = find(",考核名册,\n,,\n,,填报：组织部\nunit_id,name,\nV1,x,\n");
  CHECK(f.result == HeaderFound::kFound);
  CHECK(f.title_rows == 2);
  CHECK(f.data_lines == std::vector<int>{5});
  // Five at most.
  f = find("a\nb\nc\nd\ne\nunit_id,name\nV1,x\n");
  CHECK(f.title_rows == 5);
  f = find("a\nb\nc\nd\ne\nf\nunit_id,name\nV1,x\n");
  CHECK(f.result == HeaderFound::kBad);
}

TEST_CASE("a row above the header that is no title is an error naming --skip") {
  Found f = find("名册,\n填报单位：组织部,日期：2025-12-31\nunit_id,name\nV1,x\n");
  REQUIRE(f.result == HeaderFound::kBad);
  REQUIRE(f.diags.size() == 1);
  CHECK(f.diags[0].line == 2);
  CHECK(f.diags[0].message ==
        "line 2 is neither the header nor a title, and line 3 below it is the header");
  CHECK(contains(f.diags[0].hint, "--skip 2"));
  CHECK(contains(f.diags[0].hint, "=2"));
  // A one-cell row naming a column is no title: a header cut short.
  f = find("unit_id\nunit_id,name\nV1,x\n");
  REQUIRE(f.result == HeaderFound::kBad);
  CHECK(f.diags[0].line == 1);
  CHECK(contains(f.diags[0].message, "neither the header nor a title"));
  // Nor one holding a delimiter (a sheet split at the wrong one).
  f = find("\"unit_id;name\"\nunit_id,name\nV1,x\n");
  CHECK(f.result == HeaderFound::kBad);
  CHECK(contains(f.diags[0].message, "neither the header nor a title"));
  // A synonym the scheme maps is a column too.
  HeaderMap own{{"编号", "unit_id"}};
  f = find("编号\nunit_id,name\nV1,x\n", -1, &own);
  CHECK(f.result == HeaderFound::kBad);
}

TEST_CASE("no header: the problems of the first row that is no title") {
  Found f = find("名册,\nunit,name\nV1,x\n");
  REQUIRE(f.result == HeaderFound::kBad);
  REQUIRE(f.diags.size() == 1);
  CHECK(f.diags[0].line == 2);
  CHECK(f.diags[0].message == "missing required column \"unit_id\"");
  f = find("unit,name\nV1,x\n");
  REQUIRE(f.diags.size() == 1);
  CHECK(f.diags[0].line == 1);
  // Title rows only: the first one's problems.
  f = find("名册\n");
  CHECK(f.result == HeaderFound::kBad);
  CHECK(f.diags[0].line == 1);
}

TEST_CASE("--skip N skips N rows whatever they hold") {
  Found f = find("a,b\nc,d\nunit_id,name\nV1,x\n", 2);
  CHECK(f.result == HeaderFound::kFound);
  CHECK(f.title_rows == 2);
  CHECK(f.data_lines == std::vector<int>{4});
  f = find("unit_id,name\nV1,x\n", 0);
  CHECK(f.result == HeaderFound::kFound);
  // The header below the skipped rows must be one.
  f = find("名册\nunit_id,name\nV1,x\n", 0);
  CHECK(f.result == HeaderFound::kBad);
  CHECK(f.diags[0].line == 1);
  f = find("名册\nunit_id,name\n", 2);
  REQUIRE(f.result == HeaderFound::kBad);
  CHECK(f.diags[0].message == "--skip 2 skips every row of the file: it has 2 rows");
  CHECK(find("", 3).result == HeaderFound::kNoRows);
}

TEST_CASE("a header of one field holding another delimiter says which to give") {
  Found f = find("unit_id,name\nV1,x\n", -1, nullptr, '\t');
  REQUIRE(f.result == HeaderFound::kBad);
  REQUIRE(f.diags.size() == 2);
  CHECK(contains(f.diags[0].hint, "the line is one field when split at a tab but holds a "
                                  "comma: for a comma-separated file, run with --delimiter "
                                  "comma (or without --delimiter); "));
  f = find("unit_id;name\nV1;x\n", 0, nullptr, ',');
  REQUIRE(f.result == HeaderFound::kBad);
  CHECK(contains(f.diags[0].hint, "--skip 0 made line 1 the header; "));
  CHECK(contains(f.diags[0].hint, "holds a semicolon"));
  // Several fields: the delimiter split the line, whatever else is wrong.
  f = find("unit;id,na;me\n", -1, nullptr, ',');
  REQUIRE(f.result == HeaderFound::kBad);
  CHECK_FALSE(contains(f.diags[0].hint, "--delimiter"));
}

}  // namespace
}  // namespace kaohe
