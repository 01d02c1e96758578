// Unit tests for the HTML pages (report/html_renderer.h) on a real run: a
// unit named like markup is shown as text everywhere, never as markup;
// every unit, total and waterfall is on the score page, numbers as the
// table prints them; the page loads nothing from outside.
#include "report/html_renderer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pipeline/evaluation.h"
#include "pipeline/unit_rows.h"
#include "report/result_rows.h"
#include "scheme/scheme_loader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

const char* const kScheme = R"(kaohe: 1
title: 测试<方案>
period: {from: 2025-01-01, to: 2025-12-31}
precision: 2
grades:
  - {name: 优秀, min: 90}
  - {name: 合格, min: 0}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: late_report, name: 迟报, points: 20, floor: 0, per_event: {deduct: 2}}
    - {id: self, name: 自评, points: 80, direct: {}}
)";

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos;
       at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

struct Run {
  TempFile units{"unit_id,name\nV1,<script>alert(1)</script>\nV2,\"\"\"&'\"\nV3,南村\n"};
  TempFile measures{"unit_id,item_id,value\nV1,self,75\nV2,self,80\nV3,self,62.5\n"};
  TempFile events{"unit_id,item_id,date,count\nV1,late_report,2025-03-01,1\n"
                  "V3,late_report,2025-05-01,3\n"};
  Evaluation ev;
  std::vector<Explanation> explained;
  Run() {
    DataSources s;
    s.units = units.path();
    s.measures = {measures.path()};
    s.events = {events.path()};
    s.threads = 1;
    ev = evaluate(parse_scheme("scheme.yaml", kScheme), s);
    for (const Standing& st : ev.standings) {
      explained.push_back(explain_unit(ev, st.unit, unit_rows(ev, st.unit), 10));
    }
  }
};

}  // namespace

TEST_CASE("the score page shows hostile names as text, never as markup") {
  Run run;
  const std::string page = render_score_html(run.ev, run.explained);
  CHECK_FALSE(contains(page, "<script>alert"));
  CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(page, "&quot;&amp;&#39;"));
  CHECK_FALSE(contains(page, "\"&'"));
  // The title is input text too.
  CHECK(contains(page, "<title>测试&lt;方案&gt; — results</title>"));
  // Exactly one script element: the page's own.
  CHECK(count(page, "<script>") == 1);
}

TEST_CASE("the score page has every unit, its total as the table prints it, and a waterfall") {
  Run run;
  const std::string page = render_score_html(run.ev, run.explained);
  const ResultRows rows = result_rows(run.ev, "-");
  REQUIRE(rows.ids[1] == "unit_id");
  REQUIRE(rows.ids[6] == "total");
  REQUIRE(rows.rows.size() == 3);
  for (const auto& row : rows.rows) {
    // The unit id linked to its section; the total as the table prints it.
    CHECK(contains(page, ">" + row[1] + "</a></td>"));
    CHECK(contains(page, "<td class=\"num\">" + row[6] + "</td>"));
  }
  // Rows carry their grade for the filter, prefixed so that no grade or
  // category (an empty one too) is "", the "all" option.
  CHECK(contains(page, "<option value=\"\">all</option><option value=\"v:优秀\">优秀</option>"));
  CHECK(count(page, "data-grade=\"v:") == 3);
  CHECK(count(page, "data-category=\"v:\"") == 3);  // no categories
  CHECK(count(page, "<section class=\"unit\"") == 3);
  CHECK(count(page, "class=\"chart waterfall\"") == 3);
  CHECK(count(page, "class=\"chart count-bars\"") == 1);
  CHECK(count(page, "class=\"chart strip-plot\"") == 1);
  // V3 lost 6 points on 迟报 (3 × 2): its bar links to the rows behind it,
  // and the row list names the input file's line.
  CHECK(contains(page, "<a href=\"#unit-2-n1\"><rect class=\"loss\""));
  CHECK(contains(page, "<li id=\"unit-2-n1\"><b>迟报 (late_report)</b> -6 on the total"));
  CHECK(contains(page, run.events.path() + ":3"));
  // Nothing from the network, a print stylesheet.
  // The only URL is the SVG namespace, a name that is never fetched.
  CHECK(count(page, "http:") == count(page, "xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK_FALSE(contains(page, "https://"));
  CHECK_FALSE(contains(page, "src="));
  CHECK(contains(page, "@media print"));
  CHECK(contains(page, "default-src 'none'"));
}

TEST_CASE("the explain page shows the tree of each unit asked") {
  Run run;
  const std::vector<Explanation> two{run.explained[2], run.explained[0]};
  const std::string page = render_explain_html(run.ev, two);
  CHECK(count(page, "<section class=\"unit\"") == 2);
  CHECK(count(page, "<table class=\"tree\">") == 2);
  CHECK(page.find("id=\"unit-" + std::to_string(two[0].unit) + "\"") <
        page.find("id=\"unit-" + std::to_string(two[1].unit) + "\""));
  CHECK_FALSE(contains(page, "<script>alert"));
}

TEST_CASE("the diff page highlights moves and grade changes, escaped") {
  ResultDiff d;
  UnitChange up;
  up.unit_id = "V3";
  up.name = "<b>南村</b>";
  up.old_total = *Decimal::parse("69.66");
  up.new_total = *Decimal::parse("91.25");
  up.old_rank = 3;
  up.new_rank = 1;
  up.old_grade = "合格";
  up.new_grade = "优秀";
  UnitChange down = up;
  down.unit_id = "V1";
  down.old_rank = 1;
  down.new_rank = 2;
  down.old_grade = down.new_grade = "优秀";
  down.old_total = *Decimal::parse("93.75");
  down.new_total = *Decimal::parse("92.30");
  d.units = {up, down};
  const std::string page = render_diff_html(d, "old.yaml", "new<.yaml");
  CHECK(contains(page, "<tr id=\"change-0\" data-order=\"0\" class=\"up\">"));
  CHECK(contains(page, "<tr id=\"change-1\" data-order=\"1\" class=\"down\">"));
  CHECK(contains(page, "<td class=\"move\">▲ 2</td>"));
  CHECK(contains(page, "<td class=\"move\">▼ 1</td>"));
  CHECK(count(page, "class=\"grade-changed\"") == 2);  // V3's old and new grade
  CHECK(contains(page, "+21.59"));
  CHECK(contains(page, "-1.45"));
  CHECK(contains(page, "&lt;b&gt;南村&lt;/b&gt;"));
  CHECK(contains(page, "new&lt;.yaml"));
  CHECK_FALSE(contains(page, "<b>南村"));
}

}  // namespace kaohe
