// Unit tests for the spreadsheet forms of dates and numbers: every accepted
// form exact, every refused one refused (and why, for dates).
#include "input/excel_forms.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace kaohe {
namespace {

std::string date_text(std::string_view text) {
  const std::optional<Date> d = parse_data_date(text);
  return d ? d->to_string() : "none";
}

std::string decimal_text(const std::optional<Decimal>& d) {
  return d ? d->to_string() : "none";
}

}  // namespace

TEST_CASE("parse_data_date reads the forms Excel and WPS write") {
  CHECK(date_text("2025-03-01") == "2025-03-01");
  CHECK(date_text("2025/3/1") == "2025-03-01");
  CHECK(date_text("2025/03/01") == "2025-03-01");
  CHECK(date_text("2025-3-1") == "2025-03-01");
  CHECK(date_text("2025-3-01") == "2025-03-01");
  CHECK(date_text("2025.3.1") == "2025-03-01");
  CHECK(date_text("2025.12.31") == "2025-12-31");
  CHECK(date_text("2025年3月1日") == "2025-03-01");
  CHECK(date_text("2025年03月01日") == "2025-03-01");
  CHECK(date_text("20250301") == "2025-03-01");
  CHECK(date_text("2024/2/29") == "2024-02-29");
  // Full-width digits and separators, as a Chinese input method types them.
  CHECK(date_text("２０２５－０３－０１") == "2025-03-01");
  CHECK(date_text("２０２５年３月１日") == "2025-03-01");
  CHECK(date_text("２０２５／３／１") == "2025-03-01");
  CHECK(date_text("２０２５．３．１") == "2025-03-01");
}

TEST_CASE("parse_data_date refuses what it cannot read exactly") {
  for (const char* text :
       {"3/1/2025", "1/3/2025", "03/01/2025", "1.3.2025", "1-3-2025", "25/3/1",
        "2025/3-1", "2025/2/29", "2025-13-01", "2025/0/1", "2025/3/32", "20250230",
        "2025030", "202503011", "2025年3月1", "2025年3月", "3月1日", "25年3月1日",
        "2025/3/1 0:00", " 2025-03-01", "2025-03-01 ", "", "2025//1", "999/1/1",
        "0999-01-01", "2025/123/1", "2025-3-1-", "２０２５，３，１"}) {
    CAPTURE(text);
    CHECK(!parse_data_date(text));
  }
}

TEST_CASE("date_problem says why and names the accepted forms") {
  DateProblem p = date_problem("date", "3/1/2025");
  CHECK(p.message ==
        "date \"3/1/2025\" puts the year last, so its day and month could be "
        "either way round");
  CHECK(p.hint == std::string("write the year first: ") + kDateForms);
  CHECK(date_problem("due", "１/３/２０２５").message.find("puts the year last") !=
        std::string::npos);
  CHECK(date_problem("date", "25/3/1").message == "date \"25/3/1\" has a two-digit year");
  CHECK(date_problem("date", "25年3月1日").message ==
        "date \"25年3月1日\" has a two-digit year");
  CHECK(date_problem("from", "2025/2/30").message ==
        "from \"2025/2/30\" is not a day of the calendar");
  CHECK(date_problem("date", "2025-02-30").message ==
        "date \"2025-02-30\" is not a day of the calendar");
  p = date_problem("date", "next week");
  CHECK(p.message == "date \"next week\" is not a date");
  CHECK(p.hint == std::string("write a date as ") + kDateForms);
}

TEST_CASE("fold_full_width maps full-width digits and signs, and only them") {
  CHECK(!fold_full_width("12.5"));
  CHECK(!fold_full_width("年月日"));
  CHECK(*fold_full_width("０１２３４５６７８９") == "0123456789");
  CHECK(*fold_full_width("－１２．５％") == "-12.5%");
  CHECK(*fold_full_width("a９b") == "a9b");
  CHECK(*fold_full_width("２０２５年") == "2025年");
  CHECK(!fold_full_width("，"));  // the full-width comma stays: no separator
  CHECK(!fold_full_width("\xEF\xBC"));  // a cut-off sequence stays as it is
}

TEST_CASE("parse_data_decimal: thousands separators only between groups of three") {
  CHECK(decimal_text(parse_data_decimal("1234.5")) == "1234.5");
  CHECK(decimal_text(parse_data_decimal("1,234")) == "1234");
  CHECK(decimal_text(parse_data_decimal("1,234.56")) == "1234.56");
  CHECK(decimal_text(parse_data_decimal("-12,345,678.5")) == "-12345678.5");
  CHECK(decimal_text(parse_data_decimal("９２．５")) == "92.5");
  CHECK(decimal_text(parse_data_decimal("１,２３４")) == "1234");
  for (const char* text : {"1,23", "1234,567", "1,2345", ",123", "1,", "0,123",
                           "1,234,", "1.234,5", "1,,234", "12.3,45", "1,234%",
                           "1 234", "1，234", "90%"}) {
    CAPTURE(text);
    CHECK(!parse_data_decimal(text));
  }
}

TEST_CASE("parse_excel_percent: scale × number ÷ 100, exactly") {
  const Decimal one = Decimal::from_int(1);
  const Decimal hundred = Decimal::from_int(100);
  CHECK(decimal_text(parse_excel_percent("90%", one)) == "0.9");
  CHECK(decimal_text(parse_excel_percent("90%", hundred)) == "90");
  CHECK(decimal_text(parse_excel_percent("85.5%", one)) == "0.855");
  CHECK(decimal_text(parse_excel_percent("100%", Decimal::from_int(5))) == "5");
  CHECK(decimal_text(parse_excel_percent("９０％", one)) == "0.9");
  CHECK(decimal_text(parse_excel_percent("0%", one)) == "0");
  CHECK(decimal_text(parse_excel_percent("12.3456%", one)) == "0.123456");
  CHECK(decimal_text(parse_excel_percent("1,000%", one)) == "10");
  // 12.34567% of 1 needs seven decimals: refused, never rounded.
  CHECK(!parse_excel_percent("12.34567%", one));
  CHECK(decimal_text(parse_excel_percent("0.0001%", one)) == "0.000001");
  CHECK(!parse_excel_percent("0.00001%", one));
  CHECK(!parse_excel_percent("90", one));
  CHECK(!parse_excel_percent("%", one));
  CHECK(!parse_excel_percent("90 %", one));
  CHECK(!parse_excel_percent("90%%", one));
}

TEST_CASE("parse_excel_count: full-width digits and thousands separators") {
  CHECK(parse_excel_count("1,234", 1000000000) == 1234);
  CHECK(parse_excel_count("３", 1000000000) == 3);
  CHECK(parse_excel_count("1,000,000,000", 1000000000) == 1000000000);
  CHECK(!parse_excel_count("1,000,000,001", 1000000000));
  CHECK(!parse_excel_count("０", 1000000000));
  CHECK(!parse_excel_count("1.5", 1000000000));
  CHECK(!parse_excel_count("1,23", 1000000000));
  CHECK(!parse_excel_count("-1", 1000000000));
  CHECK(!parse_excel_count("99999999999999999999", 1000000000));
}

}  // namespace kaohe
