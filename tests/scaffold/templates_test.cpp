// Unit tests of the blank input sheets of `kaohe template`: the columns
// chosen per rule kind, the header words, the rows of measures.csv with a
// roster, and items.csv without one.
#include "scaffold/templates.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scaffold/starter.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using Columns = std::vector<std::string>;

Scheme leaf(const std::string& rule, const std::string& top = "",
            const std::string& extra = "") {
  return test::scheme_of(test::scheme_text(
      "    - id: a\n"
      "      name: 甲\n"
      "      points: 10\n" + extra +
      "      " + rule + "\n",
      "", top));
}

const ScaffoldFile* file_named(const std::vector<ScaffoldFile>& files, const std::string& path) {
  for (const ScaffoldFile& f : files) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

TEST_CASE("templates: event columns per rule kind") {
  const Columns plain = {"unit_id", "item_id", "count", "note"};
  CHECK(event_template_columns(leaf("per_event: {deduct: 1}")) == plain);
  CHECK(event_template_columns(leaf("tiered: {deduct: {二次: 1, 三次: 2}}")) ==
        Columns{"unit_id", "item_id", "count", "tier", "note"});
  CHECK(event_template_columns(leaf("role: {add: {主办: 1, 协办: 0.5}}")) ==
        Columns{"unit_id", "item_id", "count", "role", "note"});
  CHECK(event_template_columns(leaf("ranged: {add: [0.5, 1]}")) ==
        Columns{"unit_id", "item_id", "count", "points", "note"});
  CHECK(event_template_columns(leaf("quota: {required: 1, per: month, deduct: 1}",
                                    "period: {from: 2025-01-01, to: 2025-12-31}\n")) ==
        Columns{"unit_id", "item_id", "date", "count", "note"});
  CHECK(event_template_columns(leaf("late: {deduct: 1}",
                                    "period: {from: 2025-01-01, to: 2025-12-31}\n")) ==
        Columns{"unit_id", "item_id", "count", "due", "done", "note"});
  // The item's own due date: no due column.
  CHECK(event_template_columns(leaf("late: {deduct: 1, due: 2025-03-31}",
                                    "period: {from: 2025-01-01, to: 2025-12-31}\n")) ==
        Columns{"unit_id", "item_id", "count", "done", "note"});
  CHECK(event_template_columns(leaf("per_event: {deduct: 1}", "", "      same_ref: highest\n")) ==
        Columns{"unit_id", "item_id", "count", "ref", "note"});
}

TEST_CASE("templates: measure columns per rule kind; none without measure rules") {
  CHECK(measure_template_columns(leaf("per_event: {deduct: 1}")).empty());
  CHECK(measure_template_columns(leaf("completion: {}")) ==
        Columns{"unit_id", "item_id", "value"});
  CHECK(measure_template_columns(leaf("votes: {levels: {好: 100, 差: 0}}")) ==
        Columns{"unit_id", "item_id", "value", "key"});
  CHECK(measure_template_columns(leaf("checklist: {criteria: {有方案: 5, 有台账: 5}}")) ==
        Columns{"unit_id", "item_id", "value", "key"});
  CHECK(event_template_columns(leaf("completion: {}")).empty());
}

TEST_CASE("templates: roster columns follow categories") {
  CHECK(roster_template_columns(leaf("completion: {}")) == Columns{"unit_id", "name"});
  CHECK(roster_template_columns(leaf("completion: {}", "categories: {甲类: 100}\n")) ==
        Columns{"unit_id", "name", "category"});
}

TEST_CASE("templates: Chinese headers by default, kaohe's names with en") {
  const Scheme s = leaf("tiered: {deduct: {二次: 1, 三次: 2}}");
  const std::vector<ScaffoldFile> zh = template_files(s, nullptr, TemplateHeader::kChinese);
  REQUIRE(file_named(zh, "units.csv"));
  CHECK(file_named(zh, "units.csv")->text == "单位编码,单位名称\n");
  REQUIRE(file_named(zh, "events.csv"));
  CHECK(file_named(zh, "events.csv")->text == "单位,项目,次数,级别,备注\n");
  CHECK(file_named(zh, "measures.csv") == nullptr);
  const std::vector<ScaffoldFile> en = template_files(s, nullptr, TemplateHeader::kKaohe);
  CHECK(file_named(en, "events.csv")->text == "unit_id,item_id,count,tier,note\n");
  // items.csv names the tiers a row may carry.
  REQUIRE(file_named(en, "items.csv"));
  CHECK(file_named(en, "items.csv")->text ==
        "item_id,item_name,rule,full_marks,keys,file\n"
        "a,甲,\"tiered deduct 二次 1, 三次 2\",10,二次/三次,events.csv\n");
}

TEST_CASE("templates: with a roster, one measures row per unit × item × key") {
  const Scheme s = test::scheme_of(test::scheme_text(
      "    - {id: a, name: 甲, points: 50, completion: {}}\n"
      "    - {id: b, name: 乙, points: 50, applies_to: [镇], votes: {levels: {好: 100, 差: 0}}}\n",
      "", "categories: {镇: 100, 街道: 50}\n"));
  const Roster r = test::roster_of({{"U1", "一镇", "镇"}, {"U2", "二街", "街道"}}, true);
  const std::vector<ScaffoldFile> files = template_files(s, &r, TemplateHeader::kChinese);
  CHECK(file_named(files, "units.csv") == nullptr);  // the roster is the clerk's own
  CHECK(file_named(files, "items.csv") == nullptr);
  REQUIRE(file_named(files, "measures.csv"));
  CHECK(file_named(files, "measures.csv")->text ==
        "单位,项目,数值,等次,单位全称,项目名称\n"
        "U1,a,,,一镇,甲\n"
        "U1,b,,好,一镇,乙\n"
        "U1,b,,差,一镇,乙\n"
        "U2,a,,,二街,甲\n");
}

TEST_CASE("templates: an item scored per sub-period: a date, a period per measures row") {
  const Scheme s = test::scheme_of(test::scheme_text(
      "    - id: p\n"
      "      name: 年度\n"
      "      points: 100\n"
      "      periods: {per: year, combine: mean}\n"
      "      children:\n"
      "        - {id: q, name: 质量, points: 90, direct: {}}\n"
      "        - {id: e, name: 事项, points: 10, per_event: {deduct: 1}}\n",
      "", "period: {from: 2024-01-01, to: 2025-12-31}\n"));
  CHECK(event_template_columns(s) == Columns{"unit_id", "item_id", "date", "count", "note"});
  CHECK(measure_template_columns(s) == Columns{"unit_id", "item_id", "value", "period"});
  const Roster r = test::roster_of({{"U1", "一镇"}});
  const std::vector<ScaffoldFile> files = template_files(s, &r, TemplateHeader::kKaohe);
  REQUIRE(file_named(files, "measures.csv"));
  CHECK(file_named(files, "measures.csv")->text ==
        "unit_id,item_id,value,period,unit_name,item_name\n"
        "U1,q,,2024,一镇,质量\n"
        "U1,q,,2025,一镇,质量\n");
  // items.csv lists the clerk's id once, not each copy.
  const std::vector<ScaffoldFile> blank = template_files(s, nullptr, TemplateHeader::kKaohe);
  REQUIRE(file_named(blank, "items.csv"));
  CHECK(file_named(blank, "items.csv")->text ==
        "item_id,item_name,rule,full_marks,keys,file\n"
        "q,质量,direct,90,,measures.csv\n"
        "e,事项,per_event deduct 1,10,,events.csv\n");
}

TEST_CASE("templates: the starter's data files have the headers its template writes") {
  const std::vector<ScaffoldFile> starter = starter_files();
  const Scheme s = test::scheme_of(file_named(starter, "scheme.yaml")->text);
  const std::vector<ScaffoldFile> sheets = template_files(s, nullptr, TemplateHeader::kChinese);
  auto header = [](const ScaffoldFile* f) {
    REQUIRE(f);
    return f->text.substr(0, f->text.find('\n'));
  };
  CHECK(header(file_named(sheets, "events.csv")) == header(file_named(starter, "data/events.csv")));
  CHECK(header(file_named(sheets, "measures.csv")) ==
        header(file_named(starter, "data/measures.csv")));
  // The starter's roster adds 类别 (the scheme declares no categories).
  CHECK(header(file_named(sheets, "units.csv")) == "单位编码,单位名称");
}

}  // namespace
}  // namespace kaohe
