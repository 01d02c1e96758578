// Unit tests of header synonyms (issue 18 point 1): the built-in Chinese
// headers, the scheme's own mapping (`columns:`), two headers meaning one
// column, and the did-you-mean of a header that is none.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "input/csv_columns.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;

constexpr ColumnSpec kSpec[] = {{"unit_id", true, kUnitSynonyms},
                                {"item_id", true, kItemSynonyms},
                                {"date", false, "日期/发生日期"},
                                {"count", false, "次数/数量"}};

// A header line split at its commas and what find_columns made of it.
struct Checked {
  std::optional<std::vector<int>> columns;
  Diagnostics diags;

  explicit Checked(const std::string& line, const HeaderMap* own = nullptr) {
    std::vector<std::string> names;
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
    columns = find_columns(CsvHeader(row), kSpec, "events.csv", row, diags, own);
  }
  const Diagnostic& only_error() const {
    REQUIRE(diags.error_count() == 1);
    return diags.list().front();
  }
};

}  // namespace

TEST_CASE("synonyms: Chinese headers are read with no mapping") {
  Checked c("单位,考核项目,日期,次数,备注");
  CHECK(c.diags.empty());
  REQUIRE(c.columns);
  CHECK(*c.columns == std::vector<int>{0, 1, 2, 3});
  Checked spaced(" 单位名称 ,指标,发生日期,数量");  // spaces around, as typed
  CHECK(spaced.diags.empty());
  REQUIRE(spaced.columns);
  CHECK(*spaced.columns == std::vector<int>{0, 1, 2, 3});
  // English and Chinese mixed.
  Checked mixed("unit_id,项目,date");
  CHECK(mixed.diags.empty());
  CHECK(*mixed.columns == std::vector<int>{0, 1, 2, -1});
}

TEST_CASE("synonyms: two headers meaning one column are an error") {
  Checked c("单位,单位编码,项目");
  const Diagnostic& d = c.only_error();
  CHECK(d.message == "fields 1 \"单位\" and 2 \"单位编码\" both mean column \"unit_id\"");
  CHECK(d.col == 2);
  CHECK(contains(d.hint, "a guess"));
  Checked named("unit_id,item_id,单位");
  CHECK(named.only_error().message ==
        "fields 1 \"unit_id\" and 3 \"单位\" both mean column \"unit_id\"");
  CHECK(!named.columns);
}

TEST_CASE("synonyms: the scheme's mapping wins and adds headers") {
  const HeaderMap own = {{"被考核单位", "unit_id"}, {"单位", "item_id"}};
  Checked c("被考核单位,单位,日期", &own);
  CHECK(c.diags.empty());
  REQUIRE(c.columns);
  CHECK(*c.columns == std::vector<int>{0, 1, 2, -1});
  // A mapped header keeps no built-in meaning: 单位 is item_id here, so
  // unit_id is missing.
  Checked missing("单位,日期", &own);
  CHECK(contains(missing.only_error().message, "missing required column \"unit_id\""));
}

TEST_CASE("synonyms: a header that is none gets a did-you-mean") {
  Checked c("单位名,项目");
  const Diagnostic& d = c.only_error();
  CHECK(d.message == "missing required column \"unit_id\"");
  CHECK(d.hint == "is \"单位名\" meant to be \"单位名称\" (read as unit_id)?");
  Checked none("甲,项目");
  CHECK(contains(none.only_error().hint, "or map your header to unit_id in the scheme's"));
  CHECK(contains(none.only_error().hint, "单位编码"));
}

}  // namespace kaohe
