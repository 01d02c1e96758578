// Unit tests for a workbook cell's text: numbers to Excel's 15 digits,
// serial dates in both date systems, percents, number formats, cell
// references and OOXML's escaped characters.
#include "input/xlsx_cells.h"

#include <doctest/doctest.h>

#include "base/diagnostic.h"

namespace kaohe {
namespace {

std::string or_none(const std::optional<std::string>& s) { return s ? *s : "none"; }

}  // namespace

TEST_CASE("number_text writes a cell's number as exact decimal text") {
  CHECK(or_none(number_text("3")) == "3");
  CHECK(or_none(number_text("-0.5")) == "-0.5");
  CHECK(or_none(number_text("95.5")) == "95.5");
  CHECK(or_none(number_text("0")) == "0");
  CHECK(or_none(number_text("-0")) == "0");
  CHECK(or_none(number_text("100")) == "100");
  CHECK(or_none(number_text("45717")) == "45717");
  CHECK(or_none(number_text("1.5E-2")) == "0.015");
  CHECK(or_none(number_text("1.5e2")) == "150");
  CHECK(or_none(number_text("2E+20")) == "200000000000000000000");
  CHECK(or_none(number_text("007")) == "7");
}

TEST_CASE("number_text rounds a binary fraction to Excel's 15 significant digits") {
  CHECK(or_none(number_text("0.30000000000000004")) == "0.3");
  CHECK(or_none(number_text("1.1000000000000001")) == "1.1");
  CHECK(or_none(number_text("0.9499999999999999")) == "0.95");
  CHECK(or_none(number_text("99.999999999999986")) == "100");
  CHECK(or_none(number_text("-2.6666666666666665")) == "-2.66666666666667");
  // 15 digits stay as they are.
  CHECK(or_none(number_text("123456789012345")) == "123456789012345");
  CHECK(or_none(number_text("1234567890123456789")) == "1234567890123460000");
}

TEST_CASE("number_text refuses what is not a number") {
  CHECK(or_none(number_text("")) == "none");
  CHECK(or_none(number_text("abc")) == "none");
  CHECK(or_none(number_text("1.2.3")) == "none");
  CHECK(or_none(number_text("1E")) == "none");
  CHECK(or_none(number_text("#DIV/0!")) == "none");
  CHECK(or_none(number_text("1E+400")) == "none");  // longer than 64 characters
  CHECK(or_none(number_text("1E-400")) == "none");
}

TEST_CASE("serial_date_text reads Excel's serial days") {
  CHECK(or_none(serial_date_text("45717", false)) == "2025-03-01");
  CHECK(or_none(serial_date_text("1", false)) == "1900-01-01");
  CHECK(or_none(serial_date_text("59", false)) == "1900-02-28");
  CHECK(or_none(serial_date_text("61", false)) == "1900-03-01");
  CHECK(or_none(serial_date_text("60", false)) == "none");  // Excel's 1900-02-29
  CHECK(or_none(serial_date_text("0", false)) == "none");
  CHECK(or_none(serial_date_text("45717.5", false)) == "none");  // a time of day
  CHECK(or_none(serial_date_text("-3", false)) == "none");
  CHECK(or_none(serial_date_text("2958465", false)) == "9999-12-31");
  CHECK(or_none(serial_date_text("2958466", false)) == "none");
  // The 1904 system (old Mac workbooks): 0 is 1904-01-01.
  CHECK(or_none(serial_date_text("0", true)) == "1904-01-01");
  CHECK(or_none(serial_date_text("44255", true)) == "2025-03-01");
}

TEST_CASE("percent_text shows a percent cell as its CSV export does") {
  CHECK(or_none(percent_text("0.9")) == "90%");
  CHECK(or_none(percent_text("1")) == "100%");
  CHECK(or_none(percent_text("0.955")) == "95.5%");
  CHECK(or_none(percent_text("0.30000000000000004")) == "30%");
  CHECK(or_none(percent_text("x")) == "none");
}

TEST_CASE("look_of_format tells dates and percents from plain numbers") {
  CHECK(look_of_format(0, "") == NumberLook::kPlain);
  CHECK(look_of_format(14, "") == NumberLook::kDate);
  CHECK(look_of_format(22, "") == NumberLook::kDate);
  CHECK(look_of_format(31, "") == NumberLook::kDate);  // yyyy"年"m"月"d"日" in zh-CN
  CHECK(look_of_format(20, "") == NumberLook::kPlain); // h:mm
  CHECK(look_of_format(9, "") == NumberLook::kPercent);
  CHECK(look_of_format(10, "") == NumberLook::kPercent);
  CHECK(look_of_format(164, "yyyy/m/d") == NumberLook::kDate);
  CHECK(look_of_format(164, "yyyy\\-mm\\-dd") == NumberLook::kDate);
  CHECK(look_of_format(164, "yyyy\"年\"m\"月\"d\"日\"") == NumberLook::kDate);
  CHECK(look_of_format(164, "[$-804]yyyy\"年\"m\"月\"") == NumberLook::kDate);
  CHECK(look_of_format(164, "mmm") == NumberLook::kDate);
  CHECK(look_of_format(164, "h:mm") == NumberLook::kPlain);
  CHECK(look_of_format(164, "General") == NumberLook::kPlain);
  CHECK(look_of_format(164, "0.00%") == NumberLook::kPercent);
  CHECK(look_of_format(164, "0.0\"%\"") == NumberLook::kPlain);  // a quoted %
  CHECK(look_of_format(164, "[Red]0.00;\"day\"") == NumberLook::kPlain);
  CHECK(look_of_format(164, "#,##0.00") == NumberLook::kPlain);
}

TEST_CASE("cell references and column letters") {
  CHECK(column_letters(1) == "A");
  CHECK(column_letters(26) == "Z");
  CHECK(column_letters(27) == "AA");
  CHECK(column_letters(16384) == "XFD");
  auto ref = parse_cell_ref("B12");
  REQUIRE(ref);
  CHECK(ref->column == 2);
  CHECK(ref->row == 12);
  ref = parse_cell_ref("$AA$3");
  REQUIRE(ref);
  CHECK(ref->column == 27);
  CHECK(ref->row == 3);
  CHECK_FALSE(parse_cell_ref("B"));
  CHECK_FALSE(parse_cell_ref("12"));
  CHECK_FALSE(parse_cell_ref("B0"));
  CHECK_FALSE(parse_cell_ref("XFE1"));
  CHECK_FALSE(parse_cell_ref("A1048577"));
  CHECK_FALSE(parse_cell_ref("A1x"));
}

TEST_CASE("unescape_xstring undoes OOXML's escapes") {
  CHECK(unescape_xstring("a_x000D_b") == "a\rb");
  CHECK(unescape_xstring("_x005F_x000D_") == "_x000D_");
  CHECK(unescape_xstring("_x4E2D_") == "中");
  CHECK(unescape_xstring("_xD83D_") == "_xD83D_");  // half a surrogate pair: as it is
  CHECK(unescape_xstring("_x12G4_") == "_x12G4_");
  CHECK(unescape_xstring("plain_text_") == "plain_text_");
}

TEST_CASE("format_location points into a sheet by its cell") {
  CHECK(format_location("events.csv", 7, 2) == "events.csv:7:2");
  CHECK(format_location("events.csv", 7, 0) == "events.csv:7");
  CHECK(format_location("events.csv", 0, 0) == "events.csv");
  CHECK(format_location("book.xlsx:扣分", 12, 2) == "book.xlsx:扣分!B12");
  CHECK(format_location("book.XLSX:Sheet1", 12, 0) == "book.XLSX:Sheet1!12");
  CHECK(format_location("book.xlsx:Sheet1", 0, 0) == "book.xlsx:Sheet1");
}

}  // namespace kaohe
