// Unit tests of wide measure sheets (input/wide_sheet.h, read through
// read_measures): items by id and by name, `item:key` columns, ignored
// columns, empty cells, cell locations, and each refused header.
#include "input/wide_sheet.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "input/measure_reader.h"
#include "input/measure_run.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

const char* const kScheme = R"(kaohe: 1
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: done, name: 完成, points: 10, completion: {}}
    - {id: judged, name: 述职评议, points: 20, direct: {}}
    - {id: vote, name: 测评, points: 10, votes: {levels: {优秀: 100, 良好: 80}}}
    - {id: r1, name: 实绩, points: 10, direct: {}}
    - {id: r2, name: 实绩, points: 10, direct: {}}
    - {id: late, name: 迟报, points: 5, per_event: {deduct: 1}}
)";

struct Run : test::MeasureRun {
  Run() : MeasureRun(kScheme, {{"V1", "一村", ""}, {"V2", "二村", ""}}) {}
};

TEST_CASE("a wide sheet's cells are rows, its items named by id or by name") {
  Run run;
  const InputStats s = run.read(
      "单位,名称,done,述职评议,备注\n"
      "V1,一村,0.85,18,\n"
      "V2,二村,,NA,迟交\n");
  CHECK(run.diags.error_count() == 0);
  CHECK(s.read == 2);
  CHECK(s.counted == 2);
  REQUIRE(run.rows("V1", "done") != nullptr);
  CHECK(run.rows("V1", "done")->front().value->to_string() == "0.85");
  CHECK(run.rows("V1", "done")->front().line == 2);
  CHECK(run.rows("V1", "judged")->front().value->to_string() == "18");
  CHECK(run.rows("V2", "done") == nullptr);  // an empty cell: no row
  REQUIRE(run.rows("V2", "judged") != nullptr);
  CHECK_FALSE(run.rows("V2", "judged")->front().value.has_value());  // NA
}

TEST_CASE("an item with keys has a column per key, `item:key`") {
  Run run;
  run.read("unit_id,vote:优秀,测评：良好\nV1,30,5\n");
  CHECK(run.diags.error_count() == 0);
  const std::vector<Measure>* rows = run.rows("V1", "vote");
  REQUIRE(rows != nullptr);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].key == "优秀");
  CHECK((*rows)[1].key == "良好");
  CHECK((*rows)[1].value->to_string() == "5");
}

TEST_CASE("a wide cell is checked as a long value, at its own column") {
  Run run;
  run.read("unit_id,done,judged\nV1,1.5,18\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.line == 2);
  CHECK(d.col == 2);
  CHECK(contains(d.message, "outside 0–1"));
}

TEST_CASE("a unit given an item in a wide and a long file is a duplicate") {
  Run run;
  run.read("unit_id,done\nV1,0.5\n");
  run.read("unit_id,item_id,value\nV1,done,0.5\n");
  const Diagnostic& d = run.only_error();
  CHECK(contains(d.message, "a second value for unit \"V1\", item \"done\""));
  CHECK(contains(d.message, run.paths[0] + ":2"));
}

TEST_CASE("refused wide headers") {
  SUBCASE("a header naming no item, with a did-you-mean") {
    Run run;
    run.read("unit_id,done,述职评价\nV1,1,2\n");
    const Diagnostic& d = run.only_error();
    CHECK(d.line == 1);
    CHECK(d.col == 3);
    CHECK(contains(d.message, "header \"述职评价\" names no measure item"));
    CHECK(contains(d.hint, "述职评议"));
  }
  SUBCASE("a name of two items") {
    Run run;
    run.read("unit_id,实绩\nV1,1\n");
    CHECK(contains(run.only_error().message, "is the name of 2 items: r1, r2"));
  }
  SUBCASE("an item with keys, without a key") {
    Run run;
    run.read("unit_id,测评\nV1,1\n");
    CHECK(contains(run.only_error().message, "takes one value per key"));
    CHECK(contains(run.only_error().hint, "\"测评:优秀\""));
  }
  SUBCASE("a key the item does not take, or a key on an item without") {
    Run run;
    run.read("unit_id,vote:优异,done:x\nV1,1,1\n");
    REQUIRE(run.diags.error_count() == 2);
    CHECK(contains(run.diags.list()[0].message, "unknown key \"优异\" for item \"vote\""));
    CHECK(contains(run.diags.list()[1].message, "takes one value without a key"));
  }
  SUBCASE("one item twice") {
    Run run;
    run.read("unit_id,done,完成\nV1,1,1\n");
    CHECK(contains(run.only_error().message, "both name item \"done\""));
  }
  SUBCASE("both layouts in one header") {
    Run run;
    run.read("unit_id,item_id,value,done\nV1,judged,1,1\n");
    CHECK(contains(run.only_error().message, "a wide sheet's column"));
    CHECK(run.table.find(run.roster.find("V1"), run.scheme.find("judged")) == nullptr);
  }
  SUBCASE("no item at all: the long layout's errors, as before") {
    Run run;
    run.read("unit_id,foo\nV1,1\n");
    REQUIRE(run.diags.error_count() >= 1);
    CHECK(contains(run.diags.list().front().message, "item_id"));
  }
}

}  // namespace
}  // namespace kaohe
