// Unit tests of the measure reader: keys, value ranges per rule, NA,
// duplicates within and across files (naming the first file:line), and the
// row counts of InputStats.
#include "input/measure_reader.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "input/measure_run.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

const char* const kScheme = R"(kaohe: 1
categories: {A: 100, B: 90}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: done, name: 完成, points: 10, completion: {}}
    - {id: all, name: 全部完成, points: 5, all_or_nothing: {}}
    - {id: other, name: 折算, points: 10, scaled: {scale: 120}}
    - {id: vote, name: 测评, points: 10, votes: {levels: {优秀: 100, 良好: 80}}}
    - {id: target, name: 目标, points: 10, mean: {keys: [self, group]}}
    - {id: check, name: 清单, points: 1, checklist: {criteria: {方案: 0.5, 台账: 0.5}}}
    - {id: peer, name: 互评, points: 10, relative: {}}
    - {id: safety, name: 安全, scaled_deduction: {max: 8, scale: 100}}
    - {id: judged, name: 评定, points: 20, direct: {}}
    - {id: fine, name: 扣分, points: 3, floor: -5, cap: 3, direct: {}}
    - {id: a_only, name: 甲类, points: 5, applies_to: [A], direct: {}}
    - id: group
      name: 分组
      points: 10
      children:
        - {id: g1, name: 组一, points: 10, direct: {}}
    - {id: late, name: 迟报, points: 5, per_event: {deduct: 1}}
)";

// Every file in these tests lies within the scheme's period.
struct Run : test::MeasureRun {
  Run() : MeasureRun(kScheme, {{"V1", "一村", "A"}, {"V2", "二村", "B"}}, true) {}
  InputStats& read(const std::string& csv) {
    InputStats& s = MeasureRun::read(csv);
    CHECK(s.outside == 0);
    return s;
  }
};

TEST_CASE("valid rows land in the table by unit and item, with keys") {
  Run run;
  InputStats& s = run.read(
      "unit_id,item_id,value,key\n"
      "V1,done,0.85,\n"
      "V1,vote,30,优秀\n"
      "V1,vote,15,良好\n"
      "V2,target,9.25,self\n"
      "V2,target,8.8,group\n"
      "V2,judged,NA,\n");
  CHECK(run.diags.empty());
  CHECK(s.read == 6);
  CHECK(s.counted == 6);
  const auto* done = run.rows("V1", "done");
  REQUIRE(done != nullptr);
  REQUIRE(done->size() == 1);
  CHECK((*done)[0].value == *Decimal::parse("0.85"));
  CHECK((*done)[0].key.empty());
  CHECK((*done)[0].line == 2);
  CHECK((*done)[0].file == 0);
  const auto* vote = run.rows("V1", "vote");
  REQUIRE(vote != nullptr);
  REQUIRE(vote->size() == 2);
  CHECK((*vote)[1].key == "良好");
  CHECK((*vote)[1].value == Decimal::from_int(15));
  const auto* judged = run.rows("V2", "judged");
  REQUIRE(judged != nullptr);
  CHECK_FALSE((*judged)[0].value.has_value());  // NA
  CHECK(run.rows("V2", "done") == nullptr);
}

TEST_CASE("the key column is optional for unkeyed items, columns in any order") {
  Run run;
  run.read("value,item_id,unit_id,extra\n20,judged,V1,x\n");
  CHECK(run.diags.empty());
  REQUIRE(run.rows("V1", "judged") != nullptr);
}

TEST_CASE("missing required columns") {
  Run run;
  run.read("unit_id,item_id,valu\nV1,done,1\n");
  const Diagnostic& d = run.only_error();
  CHECK(contains(d.message, "missing required column \"value\""));
  CHECK(d.line == 1);
  CHECK(contains(d.hint, "\"valu\""));
}

TEST_CASE("a repeated column or a variant of one is an error; the file is not read") {
  SUBCASE("value twice: the first would win silently") {
    Run run;
    InputStats& s = run.read("unit_id,item_id,value,value\nV1,done,1,0.5\n");
    const Diagnostic& d = run.only_error();
    CHECK(d.message == "duplicate column \"value\": fields 3 and 4");
    CHECK(d.col == 4);
    CHECK_FALSE(s.read_through);
    CHECK(run.rows("V1", "done") == nullptr);
  }
  SUBCASE("key in another case would leave every key empty") {
    Run run;
    run.read("unit_id,item_id,value,Key\nV1,vote,30,优秀\n");
    CHECK(run.only_error().message == "column \"Key\" would be ignored: it is not \"key\"");
    CHECK(run.only_error().col == 4);
  }
  SUBCASE("item_id with a leading space, next to item_id") {
    Run run;
    run.read("unit_id,item_id,value, item_id\nV1,done,1,done\n");
    CHECK(contains(run.only_error().message, "duplicate column \"item_id\""));
  }
}

TEST_CASE("unknown unit and item with hints") {
  Run run;
  run.read("unit_id,item_id,value\nV3,done,1\nV1,dome,1\n");
  REQUIRE(run.diags.error_count() == 2);
  const Diagnostic& u = run.diags.list()[0];
  CHECK(u.message == "unknown unit_id \"V3\"");
  CHECK(u.line == 2);
  CHECK(u.col == 1);
  CHECK(contains(u.hint, "did you mean"));
  const Diagnostic& i = run.diags.list()[1];
  CHECK(i.message == "unknown item_id \"dome\"");
  CHECK(i.col == 2);
  CHECK(contains(i.hint, "\"done\""));
}

TEST_CASE("a measure for an event item or a group is an error (unless NA)") {
  Run run;
  run.read("unit_id,item_id,value\nV1,late,3\nV1,group,5\n");
  REQUIRE(run.diags.error_count() == 2);
  CHECK(contains(run.diags.list()[0].message, "scored from events"));
  CHECK(contains(run.diags.list()[1].message, "groups other items"));
  Run na;
  na.read("unit_id,item_id,value\nV1,late,NA\nV1,group,NA\n");
  CHECK(na.diags.empty());
  CHECK(na.table.node_marked_na(0, na.scheme.find("late")));
  CHECK(na.table.node_marked_na(0, na.scheme.find("group")));
  CHECK(na.table.subtree_marked_na(na.scheme, 0, na.scheme.find("g1")));
  CHECK_FALSE(na.table.node_marked_na(1, na.scheme.find("group")));
}

TEST_CASE("keys: needed, known, and absent for unkeyed items") {
  SUBCASE("missing key on votes") {
    Run run;
    run.read("unit_id,item_id,value,key\nV1,vote,3,\n");
    const Diagnostic& d = run.only_error();
    CHECK(contains(d.message, "item \"vote\" needs a key"));
    CHECK(contains(d.hint, "优秀"));
  }
  SUBCASE("no key column for a keyed item") {
    Run run;
    run.read("unit_id,item_id,value\nV1,target,3\n");
    CHECK(contains(run.only_error().message, "needs a key"));
  }
  SUBCASE("unknown key with hint") {
    Run run;
    run.read("unit_id,item_id,value,key\nV1,target,9,slef\n");
    const Diagnostic& d = run.only_error();
    CHECK(contains(d.message, "unknown key \"slef\" for item \"target\""));
    CHECK(d.col == 4);
    CHECK(contains(d.hint, "self"));
  }
  SUBCASE("a key on an unkeyed item") {
    Run run;
    run.read("unit_id,item_id,value,key\nV1,done,0.5,self\n");
    const Diagnostic& d = run.only_error();
    CHECK(contains(d.message, "takes one value without a key"));
    CHECK(d.col == 4);
  }
  SUBCASE("NA with a key") {
    Run run;
    run.read("unit_id,item_id,value,key\nV1,vote,NA,优秀\n");
    CHECK(contains(run.only_error().message, "leave the key empty"));
  }
}

TEST_CASE("values are checked against each rule's range") {
  struct Case {
    const char* item;
    const char* value;
    const char* key;
    bool ok;
  };
  const Case cases[] = {
      {"done", "1", "", true},          {"done", "0", "", true},
      {"done", "1.01", "", false},      {"done", "-0.1", "", false},
      {"all", "0.99", "", true},        {"all", "2", "", false},
      {"other", "120", "", true},       {"other", "120.5", "", false},
      {"vote", "0", "优秀", true},       {"vote", "1.5", "优秀", false},
      {"vote", "-1", "优秀", false},     {"target", "10", "self", true},
      {"target", "10.5", "self", false},  // mean: scale defaults to points 10
      {"check", "1", "方案", true},      {"check", "0", "方案", true},
      {"check", "0.5", "方案", false},   {"peer", "0", "", true},
      {"peer", "1000", "", true},        {"peer", "-1", "", false},
      {"safety", "100", "", true},      {"safety", "101", "", false},
      {"judged", "20", "", true},       {"judged", "20.01", "", false},
      {"judged", "-1", "", false},      {"fine", "-5", "", true},
      {"fine", "3", "", true},          {"fine", "3.5", "", false},
      {"fine", "-5.5", "", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.item);
    CAPTURE(c.value);
    Run run;
    run.read(std::string("unit_id,item_id,value,key\nV1,") + c.item + "," + c.value + "," +
             c.key + "\n");
    if (c.ok) {
      CHECK(run.diags.empty());
    } else {
      REQUIRE(run.diags.error_count() == 1);
      CHECK(run.diags.list()[0].col == 3);
      CHECK(run.stats[0].reported == 1);
      CHECK(run.rows("V1", c.item) == nullptr);
    }
  }
}

TEST_CASE("values must be plain decimals") {
  SUBCASE("percent on an item whose value is no ratio") {
    Run run;
    run.read("unit_id,item_id,value\nV1,judged,85%\n");
    const Diagnostic& d = run.only_error();
    CHECK(d.message == "item \"judged\" takes no percentage, got \"85%\"");
    CHECK(contains(d.hint, "completion"));
  }
  SUBCASE("percent needing more than six decimals") {
    Run run;
    run.read("unit_id,item_id,value\nV1,done,12.34567%\n");
    const Diagnostic& d = run.only_error();
    CHECK(d.message == "value \"12.34567%\" is not a number");
    CHECK(contains(d.hint, "six decimals"));
  }
  SUBCASE("comma") {
    Run run;
    run.read("unit_id,item_id,value\nV1,judged,\"1,5\"\n");
    CHECK(contains(run.only_error().hint, "'.'"));
  }
  SUBCASE("empty") {
    Run run;
    run.read("unit_id,item_id,value\nV1,judged,\n");
    CHECK(run.only_error().message == "empty value");
  }
  SUBCASE("na in lower case is not NA") {
    Run run;
    run.read("unit_id,item_id,value\nV1,judged,na\n");
    CHECK(contains(run.only_error().message, "is not a number"));
  }
}

TEST_CASE("a second row for (unit, item, key) in the same file names the first line") {
  Run run;
  InputStats& s = run.read(
      "unit_id,item_id,value,key\n"
      "V1,vote,30,优秀\n"
      "V1,vote,15,良好\n"
      "V1,vote,31,优秀\n"   // duplicate of line 2
      "V2,vote,31,优秀\n");  // another unit: fine
  const Diagnostic& d = run.only_error();
  CHECK(d.line == 4);
  CHECK(contains(d.message, "a second value for unit \"V1\", item \"vote\", key \"优秀\""));
  CHECK(contains(d.message, "(first given at " + run.paths[0] + ":2)"));
  CHECK(s.counted == 3);
  CHECK(s.reported == 1);
  // The first value stays.
  CHECK((*run.rows("V1", "vote"))[0].value == Decimal::from_int(30));
}

TEST_CASE("a duplicate across two files names the first file and line") {
  Run run;
  run.read("unit_id,item_id,value\nV2,done,0.5\nV1,judged,12\n");
  CHECK(run.diags.empty());
  InputStats& second = run.read("unit_id,item_id,value\nV1,done,0.7\nV1,judged,13\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.file == run.paths[1]);
  CHECK(d.line == 3);
  CHECK(contains(d.message, "(first given at " + run.paths[0] + ":3)"));
  CHECK(second.counted == 1);
  CHECK(second.reported == 1);
  CHECK(run.table.find(0, run.scheme.find("judged"))->front().value ==
        Decimal::from_int(12));
}

TEST_CASE("NA and a value for the same item are duplicates, whatever the key") {
  Run run;
  run.read("unit_id,item_id,value,key\nV1,vote,NA,\nV1,vote,3,优秀\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.line == 3);
  CHECK(contains(d.message, ":2)"));
}

TEST_CASE("measures: a row for an item that does not apply to the unit's category") {
  Run run;
  run.read("unit_id,item_id,value\nV1,a_only,3\nV2,a_only,3\n");
  const Diagnostic& d = run.only_error();
  CHECK(d.line == 3);
  CHECK(contains(d.message, "does not apply to unit \"V2\""));
}

TEST_CASE("a ragged row is reported") {
  Run run;
  InputStats& s = run.read("unit_id,item_id,value\nV1,done\n");
  CHECK(contains(run.only_error().message, "row has 2 fields, the header has 3"));
  CHECK(s.reported == 1);
}

TEST_CASE("a missing measures file is exit 66") {
  Run run;
  Error e = test::expect_error([&] {
    std::vector<std::string> files{"/nonexistent/kaohe/measures.csv"};
    (void)read_measures(files[0], 0, files, run.scheme, run.roster, run.table, run.diags);
  });
  CHECK(e.exit_code() == 66);
}

}  // namespace
}  // namespace kaohe

namespace kaohe {

// Issue 18: percentages of the item's scale, thousands separators and
// full-width digits, each exact.
TEST_CASE("values as a spreadsheet writes them") {
  struct Case {
    const char* item;
    const char* value;
    const char* read;
  };
  const Case cases[] = {
      {"done", "85%", "0.85"},      {"done", "８５％", "0.85"},
      {"all", "100%", "1"},         {"other", "50%", "60"},  // scale 120
      {"safety", "90.5%", "90.5"},  {"target", "50%", "5"},  // mean: scale 10
      {"peer", "\"1,234.5\"", "1234.5"}, {"judged", "１２．５", "12.5"},
      {"fine", "－２", "-2"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.item);
    CAPTURE(c.value);
    Run run;
    const bool keyed = std::string(c.item) == "target";
    run.read(std::string("unit_id,item_id,value,key\nV1,") + c.item + "," + c.value + "," +
             (keyed ? "self" : "") + "\n");
    CHECK(run.diags.empty());
    const std::vector<Measure>* rows = run.rows("V1", c.item);
    REQUIRE(rows != nullptr);
    REQUIRE(rows->size() == 1);
    CHECK((*rows)[0].value->to_string() == c.read);
  }
}

}  // namespace kaohe
