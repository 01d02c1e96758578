// Unit tests for reading a worksheet as CSV text: cell types, sparse rows
// and columns, line numbers that stay row numbers, sheet choice, and the
// refusal of damaged or hostile workbooks.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/sheet_text.h"
#include "input/workbook_sheet.h"
#include "input/xlsx_fixture.h"

namespace kaohe {
namespace {

using testing::Parts;
using testing::workbook_parts;
using testing::write_zip;

// A workbook written to a temporary file, removed at the end.
struct TempBook {
  std::string path;
  explicit TempBook(const Parts& parts) {
    char name[] = "/tmp/kaohe-xlsx-test-XXXXXX.xlsx";
    const int fd = ::mkstemps(name, 5);
    REQUIRE(fd >= 0);
    ::close(fd);
    path = name;
    write_zip(path, parts);
  }
  ~TempBook() { std::remove(path.c_str()); }
};

struct ReadRow {
  int line;
  std::vector<std::string> fields;
};

// Every row of `path` as the CSV reader hands it out.
std::vector<ReadRow> read_rows(const std::string& path, std::string* name = nullptr) {
  FilePtr f = open_sheet_file(path);
  SheetText text = open_sheet(path, f.get(), SheetOptions{});
  if (name) *name = text.reader->name();
  std::vector<ReadRow> out;
  CsvRow row;
  bool first = true;
  while (text.reader->next(row)) {
    if (first) text.reader->use_header(row);
    first = false;
    ReadRow r{row.line, {}};
    for (auto f : row.fields) r.fields.emplace_back(f);
    out.push_back(std::move(r));
  }
  return out;
}

// The message of the kaohe::Error `f` throws, rendered.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

const std::string kStyles =
    "<numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日"
    "&quot;\"/></numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"9\"/></cellXfs>";

}  // namespace

TEST_CASE("a sheet's cells read as the CSV export of the sheet") {
  const TempBook book(workbook_parts(
      {{"扣分",
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"C1\" t=\"inlineStr\"><is><t>date</t></is></c><c r=\"D1\" t=\"s\"><v>2</v></c>"
        "<c r=\"E1\" t=\"s\"><v>3</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
        "<c r=\"C2\" s=\"1\"><v>45717</v></c><c r=\"D2\"><v>0.30000000000000004</v></c>"
        "<c r=\"E2\" s=\"3\"><v>0.9</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>A2</f><v>V1</v></c><c r=\"B3\" t=\"b\"><v>1</v></c>"
        "<c r=\"C3\" s=\"2\"><v>45717</v></c><c r=\"E3\" t=\"e\"><v>#N/A</v></c></row>"}},
      "<si><t>unit_id</t></si><si><t>item_id</t></si><si><t>count</t></si>"
      "<si><t>value</t></si><si><t>V1</t></si><si><r><t>迟</t></r><r><t>报, \"一\"</t></r>"
      "<rPh><t>chi</t></rPh></si>",
      kStyles));
  std::string name;
  const auto rows = read_rows(book.path, &name);
  CHECK(name == book.path + ":扣分");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == std::vector<std::string>{"unit_id", "item_id", "date", "count", "value"});
  CHECK(rows[1].line == 2);
  CHECK(rows[1].fields ==
        std::vector<std::string>{"V1", "迟报, \"一\"", "2025-03-01", "0.3", "90%"});
  CHECK(rows[2].fields == std::vector<std::string>{"V1", "TRUE", "2025-03-01", "", "#N/A"});
}

TEST_CASE("rows left out and line breaks in cells keep line N as row N") {
  const TempBook book(workbook_parts(
      {{"Sheet1",
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>unit_id</t></is></c>"
        "<c r=\"C2\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>V1</t></is></c>"
        "<c r=\"C3\" t=\"inlineStr\"><is><t>two\nlines_x000D_</t></is></c></row>"
        "<row r=\"7\"><c t=\"inlineStr\"><is><t>V2</t></is></c><c/><c t=\"inlineStr\">"
        "<is><t>x</t></is></c></row>"}}));
  const auto rows = read_rows(book.path);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].fields == std::vector<std::string>{"unit_id", "", "name"});
  CHECK(rows[1].line == 3);
  CHECK(rows[1].fields == std::vector<std::string>{"V1", "", "two\nlines\r"});
  CHECK(rows[2].line == 7);  // cells without references: A, B, C
  CHECK(rows[2].fields == std::vector<std::string>{"V2", "", "x"});
}

TEST_CASE("a row shorter than the used range is filled out to its width") {
  const TempBook book(workbook_parts(
      {{"Sheet1",
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v></c>"
        "</row><row r=\"2\"><c r=\"A2\"><v>4</v></c></row>"}}));
  const auto rows = read_rows(book.path);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == std::vector<std::string>{"4", "", ""});
}

TEST_CASE("the 1904 date system") {
  const TempBook book(workbook_parts(
      {{"Sheet1", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44255</v></c></row>"}}, {}, kStyles,
      "<workbookPr date1904=\"1\"/>"));
  const auto rows = read_rows(book.path);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == std::vector<std::string>{"2025-03-01"});
}

TEST_CASE("the sheet to read: named, the one with data, or asked for") {
  const TempBook book(workbook_parts({{"Sheet1", ""},
                                      {"扣分", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"},
                                      {"Sheet3", "<row r=\"1\"/>"}}));
  std::string name;
  read_rows(book.path, &name);
  CHECK(name == book.path + ":扣分");
  CHECK(name_the_sheet(book.path) == book.path + ":扣分");
  CHECK(name_the_sheet(book.path + ":Sheet3") == book.path + ":Sheet3");
  const std::string missing = error_of([&] { read_rows(book.path + ":Sheet4"); });
  CHECK(missing.find("error: the workbook has no sheet \"Sheet4\"") != std::string::npos);
  CHECK(missing.find("did you mean \"" + book.path + ":Sheet1\"?") != std::string::npos);

  const TempBook two(workbook_parts({{"units", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"},
                                     {"events", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"}}));
  const std::string which = error_of([&] { read_rows(two.path); });
  CHECK(which.find("the workbook has 2 sheets with data (units, events): which one to read?") !=
        std::string::npos);
  CHECK(which.find("hint: name the sheet after a colon, e.g. \"" + two.path + ":units\"") !=
        std::string::npos);
}

TEST_CASE("sheets by kind in a workbook given as the data folder") {
  CHECK(kind_of_sheet("units") == DataKind::kUnits);
  CHECK(kind_of_sheet("Events-2") == DataKind::kEvents);
  CHECK(kind_of_sheet("名单") == DataKind::kUnits);
  CHECK(kind_of_sheet("扣分-一季度") == DataKind::kEvents);
  CHECK(kind_of_sheet("指标") == DataKind::kMeasures);
  CHECK_FALSE(kind_of_sheet("说明"));
  CHECK_FALSE(kind_of_sheet("单位-2"));  // one roster
}

TEST_CASE("damaged and hostile workbooks are refused with the reason") {
  SUBCASE("a document type declaration (no entity is ever expanded)") {
    Parts parts = workbook_parts({{"Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"}});
    for (auto& [path, xml] : parts) {
      if (path == "xl/worksheets/sheet1.xml") {
        xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b "
              "\"&a;&a;&a;&a;\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" "
              "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
      }
    }
    const TempBook book(parts);
    CHECK(error_of([&] { read_rows(book.path); })
              .find("has a document type declaration, which no workbook has") !=
          std::string::npos);
  }
  SUBCASE("a shared string that does not exist") {
    const TempBook book(workbook_parts(
        {{"Sheet1", "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>5</v></c></row>"}},
        "<si><t>a</t></si>"));
    const std::string e = error_of([&] { read_rows(book.path); });
    CHECK(e.find(book.path + ":Sheet1!B1: error: cell B1 refers to shared string \"5\"") !=
          std::string::npos);
  }
  SUBCASE("rows out of order") {
    const TempBook book(workbook_parts(
        {{"Sheet1", "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"/>"}}));
    CHECK(error_of([&] { read_rows(book.path); }).find("Sheet1!2: error: row 2 comes after row 3") !=
          std::string::npos);
  }
  SUBCASE("a formula without its result") {
    const TempBook book(workbook_parts(
        {{"Sheet1", "<row r=\"1\"><c r=\"C1\"><f>A1+B1</f></c></row>"}}));
    CHECK(error_of([&] { read_rows(book.path); })
              .find("Sheet1!C1: error: cell C1 holds a formula without its result") !=
          std::string::npos);
  }
  SUBCASE("malformed XML") {
    Parts parts = workbook_parts({{"Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>"}});
    const TempBook book(parts);
    CHECK(error_of([&] { read_rows(book.path); })
              .find("part xl/worksheets/sheet1.xml: XML error at line 1: mismatched tag") !=
          std::string::npos);
  }
  SUBCASE("not a zip file") {
    char name[] = "/tmp/kaohe-xlsx-test-XXXXXX.xlsx";
    const int fd = ::mkstemps(name, 5);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "unit_id,name\n", 13) == 13);
    ::close(fd);
    const std::string e = error_of([&] { read_rows(name); });
    std::remove(name);
    CHECK(e.find("error: not an .xlsx workbook: the file is not a zip archive") !=
          std::string::npos);
  }
}

}  // namespace kaohe
