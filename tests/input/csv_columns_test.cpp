// Unit tests of the header checks shared by the CSV loaders
// (input/csv_columns.h): columns found exactly; duplicates, exact or in
// another case or with spaces, named with both field numbers; variants of
// a column kaohe reads are errors with a did-you-mean; extra columns pass.
#include "input/csv_columns.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;

constexpr ColumnSpec kEvents[] = {{"unit_id", true}, {"item_id", true},
                                  {"date", false},   {"count", false}};

// A header line split at its commas (no quoting in these tests), and what
// find_columns made of it.
struct Checked {
  std::string line;
  std::vector<std::string> names;
  std::optional<std::vector<int>> columns;
  Diagnostics diags;

  explicit Checked(std::string header) : line(std::move(header)) {
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = line.find(',', start);
      names.push_back(line.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    CsvRow row;
    row.line = 1;
    row.raw = line;
    for (const std::string& n : names) row.fields.emplace_back(n);
    columns = find_columns(CsvHeader(row), kEvents, "events.csv", row, diags);
  }
  const Diagnostic& only_error() const {
    REQUIRE(diags.error_count() == 1);
    return diags.list().front();
  }
};

TEST_CASE("header: columns found exactly, optional ones absent, extras allowed") {
  Checked c("note,item_id,extra,unit_id,count");
  CHECK(c.diags.empty());
  REQUIRE(c.columns.has_value());
  CHECK(*c.columns == std::vector<int>{3, 1, -1, 4});
  // Extra columns may repeat, blank header cells too (a spreadsheet's
  // trailing commas); kaohe reads none of them.
  Checked extras("unit_id,item_id,note,note,,,Note,备注");
  CHECK(extras.diags.empty());
  CHECK(extras.columns.has_value());
}

TEST_CASE("header: a column twice is an error naming both fields") {
  Checked c("unit_id,item_id,date,count,count");
  CHECK_FALSE(c.columns.has_value());
  const Diagnostic& d = c.only_error();
  CHECK(d.file == "events.csv");
  CHECK(d.line == 1);
  CHECK(d.col == 5);
  CHECK(d.message == "duplicate column \"count\": fields 4 and 5");
  CHECK(d.source_line == "unit_id,item_id,date,count,count");
  CHECK(contains(d.hint, "remove one of them"));
  Checked id("unit_id,item_id,date,unit_id");
  CHECK(id.only_error().message == "duplicate column \"unit_id\": fields 1 and 4");
  CHECK(id.only_error().col == 4);
  Checked thrice("count,unit_id,count,item_id,count");
  REQUIRE(thrice.diags.error_count() == 2);
  CHECK(thrice.diags.list()[0].message == "duplicate column \"count\": fields 1 and 3");
  CHECK(thrice.diags.list()[1].message == "duplicate column \"count\": fields 1 and 5");
}

TEST_CASE("header: a duplicate in another case or with spaces names both") {
  Checked c("unit_id,item_id,Unit_ID");
  CHECK_FALSE(c.columns.has_value());
  const Diagnostic& d = c.only_error();
  CHECK(d.col == 3);
  CHECK(d.message == "duplicate column \"unit_id\": field 1 \"unit_id\" and field 3 "
                     "\"Unit_ID\" differ only in case or spaces");
  CHECK(d.hint == "remove field 3 \"Unit_ID\": column names are matched exactly, in "
                  "lower case, without spaces");
  // The variant first, the exact one after: the variant is the one to remove.
  Checked before("Unit_ID,item_id,unit_id");
  CHECK(before.only_error().col == 1);
  CHECK(contains(before.only_error().hint, "remove field 1 \"Unit_ID\""));
  Checked spaced("unit_id,item_id, item_id");
  CHECK(spaced.only_error().col == 3);
  CHECK(contains(spaced.only_error().message, "field 2 \"item_id\" and field 3 \" item_id\""));
}

TEST_CASE("header: a required column only in another case or with spaces") {
  for (const char* header : {"Unit_ID,item_id", "UNIT_ID,item_id", " unit_id,item_id",
                             "unit_id ,item_id", " Unit_ID ,item_id", "\tunit_id,item_id",
                             "unit_id\xE3\x80\x80,item_id", "\xC2\xA0UNIT_ID,item_id"}) {
    CAPTURE(header);
    Checked c(header);
    CHECK_FALSE(c.columns.has_value());
    const Diagnostic& d = c.only_error();
    CHECK(d.col == 1);
    CHECK(contains(d.message, "missing required column \"unit_id\": field 1 is \""));
    CHECK(d.hint == "did you mean \"unit_id\"? column names are matched exactly, in lower "
                    "case, without spaces");
  }
}

TEST_CASE("header: an optional column only in another case or with spaces") {
  Checked c("unit_id,item_id,date,Count");
  CHECK_FALSE(c.columns.has_value());
  const Diagnostic& d = c.only_error();
  CHECK(d.col == 4);
  CHECK(d.message == "column \"Count\" would be ignored: it is not \"count\"");
  CHECK(contains(d.hint, "did you mean \"count\"?"));
  Checked date("unit_id,item_id, date");
  CHECK(date.only_error().message == "column \" date\" would be ignored: it is not \"date\"");
  // Two variants and no exact one: the first is the variant, the second a duplicate.
  Checked two("unit_id,item_id,Date,DATE");
  REQUIRE(two.diags.error_count() == 2);
  CHECK(two.diags.list()[0].col == 3);
  CHECK(contains(two.diags.list()[1].message, "field 3 \"Date\" and field 4 \"DATE\""));
  CHECK(contains(two.diags.list()[1].hint, "remove one of them"));
}

TEST_CASE("header: a missing required column keeps its did-you-mean") {
  Checked c("unitid,item_id");
  const Diagnostic& d = c.only_error();
  CHECK(d.col == 0);
  CHECK(d.message == "missing required column \"unit_id\"");
  CHECK(d.hint == "is \"unitid\" meant to be \"unit_id\"?");
  Checked none("a,b");
  REQUIRE(none.diags.error_count() == 2);
  CHECK(none.diags.list()[0].hint == "add a column named unit_id");
  CHECK(none.diags.list()[1].hint == "add a column named item_id");
}

TEST_CASE("header: every problem of a header at once") {
  Checked c("Unit_ID,count,item_id,count,Date");
  REQUIRE(c.diags.error_count() == 3);
  CHECK(c.diags.list()[0].col == 1);  // unit_id, in spec order
  CHECK(c.diags.list()[1].col == 5);  // date
  CHECK(c.diags.list()[2].col == 4);  // count
}

TEST_CASE("header: a hostile header shows its first 50 problems and counts the rest") {
  std::string header = "unit_id,item_id";
  for (int i = 0; i < 120; ++i) header += ",count";
  Checked c(header);
  CHECK_FALSE(c.columns.has_value());
  REQUIRE(c.diags.list().size() == 51);
  CHECK(c.diags.list()[49].message == "duplicate column \"count\": fields 3 and 53");
  CHECK(c.diags.list()[50].message == "69 more errors in this file not shown");
}

TEST_CASE("header: fold_column_name") {
  CHECK(fold_column_name(" Unit_ID ") == "unit_id");
  CHECK(fold_column_name("ITEM\t_ID") == "item_id");
  CHECK(fold_column_name("\xEF\xBB\xBF" "count") == "count");
  CHECK(fold_column_name("名称 ") == "名称");
  CHECK(fold_column_name("unit-id") == "unit-id");  // not a space: left alone
  CHECK(fold_column_name("") == "");
}

}  // namespace
}  // namespace kaohe
