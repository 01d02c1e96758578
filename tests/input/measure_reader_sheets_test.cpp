// Unit tests of the measure reader on a `sheets` item (score sheets of
// several raters): many rows per group, the rater column, a rater's second
// sheet (within a file and across files), unknown groups, keys on an item
// without groups, sheet values outside the scale, NA beside sheets, and a
// rater on an item that is not sheets.
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
    - id: review
      name: 述职评议
      points: 20
      sheets: {scale: 100, groups: {领导班子: 50%, 干部职工: 50%}, drop: high_low}
    - {id: plain, name: 评议, points: 10, sheets: {scale: 10}}
    - {id: judged, name: 评定, points: 70, direct: {}}
)";

struct Run : test::MeasureRun {
  Run() : MeasureRun(kScheme, {{"V1", "一村"}, {"V2", "二村"}}) {}
};

TEST_CASE("sheets: many rows per group, each with its rater, in row order") {
  Run run;
  InputStats s = run.read(
      "unit_id,item_id,value,key,rater\n"
      "V1,review,90,领导班子,张三\n"
      "V1,review,85,领导班子,李四\n"
      "V1,review,80,干部职工,张三\n"  // the same rater in another group? see below
      "V1,review,70,干部职工,\n"      // an unnamed sheet
      "V1,review,72,干部职工,\n"      // another unnamed one: fine
      "V2,review,88,领导班子,张三\n"  // the same rater, another unit: fine
      "V1,plain,7,,\n"
      "V1,plain,9.5,,\n");
  // 张三 filled in a sheet of V1 twice (in two groups): one sheet per unit.
  const Diagnostic& d = run.only_error();
  CHECK(d.line == 4);
  CHECK(d.col == 5);
  CHECK(contains(d.message, "a second sheet from rater \"张三\" for unit \"V1\", item "
                            "\"review\" (first given at " + run.paths[0] + ":2)"));
  CHECK(s.counted == 7);
  const auto* review = run.rows("V1", "review");
  REQUIRE(review != nullptr);
  REQUIRE(review->size() == 4);
  REQUIRE((*review)[0].rater >= 0);
  CHECK(run.table.rater_name((*review)[0].rater) == "张三");
  CHECK((*review)[1].key == "领导班子");
  CHECK(run.table.rater_name((*review)[1].rater) == "李四");
  CHECK((*review)[2].key == "干部职工");
  CHECK((*review)[2].rater == -1);
  CHECK((*review)[3].value == Decimal::from_int(72));
  REQUIRE(run.rows("V1", "plain") != nullptr);
  CHECK(run.rows("V1", "plain")->size() == 2);
}

TEST_CASE("sheets: a rater's second sheet across files names the first file") {
  Run run;
  run.read("unit_id,item_id,value,key,评议人\nV1,review,90,领导班子,王五\n");
  CHECK(run.diags.empty());
  run.read("unit_id,item_id,value,key,rater\nV1,review,91,领导班子,王五\n"
           "V1,review,91,领导班子,王六\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.file == run.paths[1]);
  CHECK(d.line == 2);
  CHECK(contains(d.message, "(first given at " + run.paths[0] + ":2)"));
  CHECK(run.rows("V1", "review")->size() == 2);  // 王五's first and 王六's
}

TEST_CASE("sheets: an unknown group has a did-you-mean; a group is needed") {
  Run run;
  run.read("unit_id,item_id,value,key\n"
           "V1,review,90,领导班子成员\n"
           "V1,review,90,\n"
           "V1,review,90,群众\n");
  REQUIRE(run.diags.error_count() == 3);
  const auto& list = run.diags.list();
  CHECK(list[0].message == "unknown rater group \"领导班子成员\" for item \"review\"");
  CHECK(contains(list[0].hint, "领导班子"));
  CHECK(list[1].message == "item \"review\" needs a rater group in the key column");
  CHECK(list[2].message == "unknown rater group \"群众\" for item \"review\"");
  CHECK(list[2].hint == "the rater groups are: 领导班子, 干部职工");
  CHECK(run.rows("V1", "review") == nullptr);
}

TEST_CASE("sheets: a key on an item without groups is an error") {
  Run run;
  run.read("unit_id,item_id,value,key\nV1,plain,9,领导班子\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.message == "item \"plain\" has no rater groups, got key \"领导班子\"");
  CHECK(contains(d.hint, "declare the item's 'groups'"));
}

TEST_CASE("sheets: a sheet outside 0..scale, or a percentage of the scale") {
  Run run;
  run.read("unit_id,item_id,value,key\n"
           "V1,review,101,领导班子\n"
           "V1,review,-1,领导班子\n"
           "V1,review,90%,领导班子\n"  // 90% of 100: 90
           "V1,plain,10.5,\n"
           "V1,plain,85%,\n");         // 85% of 10: 8.5
  REQUIRE(run.diags.error_count() == 3);
  const auto& list = run.diags.list();
  CHECK(list[0].message ==
        "value 101 is outside 0–100 for item \"review\" (a rater's sheet)");
  CHECK(contains(list[0].hint, "marked out of 100 (its 'scale')"));
  CHECK(contains(list[1].message, "value -1 is outside 0–100"));
  CHECK(contains(list[2].message, "value 10.5 is outside 0–10"));
  REQUIRE(run.rows("V1", "review") != nullptr);
  CHECK(run.rows("V1", "review")->front().value == Decimal::from_int(90));
  CHECK(run.rows("V1", "plain")->front().value == *Decimal::parse("8.5"));
}

TEST_CASE("sheets: NA is alone, without a group or rater") {
  Run run;
  run.read("unit_id,item_id,value,key,rater\n"
           "V1,review,90,领导班子,甲\n"
           "V1,review,NA,,\n"
           "V2,review,NA,,\n"
           "V2,review,80,领导班子,乙\n"
           "V2,plain,NA,,丙\n");
  REQUIRE(run.diags.error_count() == 3);
  const auto& list = run.diags.list();
  CHECK(contains(list[0].message, "unit \"V1\", item \"review\" has sheets and NA "
                                  "(first given at " + run.paths[0] + ":2)"));
  CHECK(contains(list[1].message, "unit \"V2\", item \"review\" has sheets and NA"));
  CHECK(list[2].message == "NA says the whole item does not apply; leave the rater empty");
  CHECK_FALSE(run.rows("V2", "review")->front().value.has_value());
}

TEST_CASE("sheets: a rater's second sheet is found among many (past the scanned few)") {
  Run run;
  std::string csv = "unit_id,item_id,value,key,rater\n";
  for (int i = 0; i < 40; ++i) {
    csv += "V1,review," + std::to_string(60 + i) + ",干部职工,r" + std::to_string(i) + "\n";
  }
  csv += "V1,review,70,领导班子,r3\n";    // line 42: r3's second (line 5)
  csv += "V1,review,71,领导班子,r35\n";   // line 43: r35's second (line 37)
  csv += "V2,review,72,领导班子,r35\n";   // another unit: fine
  csv += "V1,review,73,领导班子,r40\n";   // a new rater: fine
  run.read(csv);
  REQUIRE(run.diags.error_count() == 2);
  CHECK(run.diags.list()[0].line == 42);
  CHECK(contains(run.diags.list()[0].message,
                 "rater \"r3\" for unit \"V1\", item \"review\" (first given at " +
                     run.paths[0] + ":5)"));
  CHECK(run.diags.list()[1].line == 43);
  CHECK(contains(run.diags.list()[1].message, "(first given at " + run.paths[0] + ":37)"));
  CHECK(run.rows("V1", "review")->size() == 41);
  // And across a second file, past the scanned few as well.
  run.read("unit_id,item_id,value,key,rater\nV1,review,74,领导班子,r39\n");
  REQUIRE(run.diags.error_count() == 3);
  CHECK(contains(run.diags.list()[2].message, "(first given at " + run.paths[0] + ":41)"));
}

TEST_CASE("a rater on an item that is not sheets is an error, not ignored") {
  Run run;
  run.read("unit_id,item_id,value,rater\nV1,judged,60,张三\nV2,judged,61,\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.message == "item \"judged\" (评定) takes no rater, got rater \"张三\"");
  CHECK(d.col == 4);
  CHECK(run.rows("V1", "judged") == nullptr);
  CHECK(run.rows("V2", "judged") != nullptr);
}

TEST_CASE("a second value of a keyed item that is not sheets is still refused") {
  Run run;
  run.read("unit_id,item_id,value\nV1,judged,60\nV1,judged,61\n");
  CHECK(contains(run.only_error().message, "a second value for unit \"V1\", item \"judged\""));
}

}  // namespace
}  // namespace kaohe
