// Unit tests of `one_of: rows` (exactly one of these children, 002 共建新农村
// (1)…成员单位…(2)非…成员单位): each unit is scored on the alternative its
// rows are for, through the whole scoring of a small scheme. Every expected
// value is worked out in the comment beside it.
#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::scheme_text;
using test::World;

// 共建新农村 (2): members 4 × 0.5, others 2 × 1; 其他 98 given in full.
const char* kCountryside =
    "    - id: nc\n"
    "      name: 共建新农村\n"
    "      points: 2\n"
    "      one_of: rows\n"
    "      children:\n"
    "        - {id: member, name: 成员单位, points: 2,\n"
    "           checklist: {criteria: {交办: 0.5, 目标: 0.5, 资金: 0.5, 举措: 0.5}}}\n"
    "        - {id: other, name: 非成员单位, points: 2,\n"
    "           checklist: {criteria: {资金: 1, 举措: 1}}}\n"
    "    - {id: rest, name: 其他, points: 98, direct: {missing: full}}\n";

TEST_CASE("one_of: each unit is scored on the alternative its rows are for") {
  World w(scheme_text(kCountryside), {{"M"}, {"O"}, {"MNA"}});
  w.measure("M", "member", "1", "交办");   // 0.5
  w.measure("M", "member", "1", "目标");   // 0.5
  w.measure("M", "member", "0", "资金");   // 0
  w.measure("O", "other", "1", "资金");    // 1
  w.measure("MNA", "member", "1", "举措"); // 0.5; an NA row for the other
  w.measure("MNA", "other", "NA");         //   alternative is allowed
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("M", "member") == "1.00");
  CHECK(r.score("M", "other") == "NA");   // not its alternative
  CHECK(r.score("M", "nc") == "1.00");    // of 2, not of 4
  CHECK(r.total("M") == "99.00");         // 1 + 98
  CHECK(r.score("O", "member") == "NA");
  CHECK(r.score("O", "nc") == "1.00");
  CHECK(r.total("O") == "99.00");
  CHECK(r.score("MNA", "nc") == "0.50");
  CHECK(r.total("MNA") == "98.50");
}

TEST_CASE("one_of: full marks are the node's, whichever alternative") {
  World w(scheme_text(kCountryside), {{"M"}, {"O"}});
  for (const char* k : {"交办", "目标", "资金", "举措"}) w.measure("M", "member", "1", k);
  w.measure("O", "other", "1", "资金");
  w.measure("O", "other", "1", "举措");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.total("M") == "100.00");  // 2 + 98
  CHECK(r.total("O") == "100.00");
}

TEST_CASE("one_of: rows for two alternatives are an error at the unit") {
  World w(scheme_text(kCountryside), {{"BOTH"}});
  w.measure("BOTH", "member", "1", "交办");
  w.measure("BOTH", "other", "1", "资金");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);
  const Diagnostic& d = r.diags.list().front();
  CHECK(d.message ==
        "unit \"BOTH\" (BOTH): rows for 2 alternatives of \"nc\" (共建新农村): member, other");
  CHECK(contains(d.hint, "remove the rows of the others"));
}

TEST_CASE("one_of: rows for no alternative are an error, unless every one is NA") {
  World w(scheme_text(kCountryside), {{"NONE"}, {"NA"}});
  w.measure("NA", "member", "NA");
  w.measure("NA", "other", "NA");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);  // NONE only, and only once
  CHECK(r.diags.list().front().message ==
        "unit \"NONE\" (NONE): no rows for any alternative of \"nc\" (共建新农村): "
        "member, other");
  CHECK(r.score("NA", "nc") == "NA");
}

TEST_CASE("one_of: an NA row on the node itself leaves it out") {
  World w(scheme_text(kCountryside), {{"U"}});
  w.measure("U", "nc", "NA");
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 0);
  CHECK(r.score("U", "nc") == "NA");
  CHECK(r.total("U") == "98.00");  // 98 of 98
}

TEST_CASE("one_of of adjustments chosen by event rows (加1分,否则扣2分)") {
  World w(scheme_text("    - id: net\n"
                      "      name: 督查工作网络\n"
                      "      one_of: rows\n"
                      "      children:\n"
                      "        - {id: net_ok, name: 网络健全, per_event: {add: 1}}\n"
                      "        - {id: net_no, name: 网络不健全, per_event: {deduct: 2}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"A"}, {"B"}, {"C"}});
  w.event({"A", "net_ok"});
  w.event({"B", "net_no"});
  w.event({"C", "net_ok"});
  w.event({"C", "net_no"});
  auto r = w.run();
  REQUIRE(r.diags.error_count() == 1);  // C has rows for both
  CHECK(r.total("A") == "101.00");
  CHECK(r.total("B") == "98.00");
}


// `one_of: {column: …}`: the roster's 成员单位 chooses the alternative.
std::string countryside_by_column(const std::string& choose) {
  std::string text = kCountryside;
  const std::string rows = "      one_of: rows\n";
  text.replace(text.find(rows), rows.size(),
               "      one_of: {column: 成员单位" + choose + "}\n");
  return scheme_text(text);
}

void set_column(World& w, const std::vector<std::string>& values) {
  w.roster.columns = {"成员单位"};
  for (std::size_t i = 0; i < values.size(); ++i) w.roster.units[i].extra = {values[i]};
}

TEST_CASE("one_of by column: the roster's value chooses, whatever the rows") {
  World w(countryside_by_column(", choose: {是: member, 否: other}"), {{"M"}, {"O"}, {"E"}});
  set_column(w, {"是", "否", "是"});
  w.measure("M", "member", "1", "交办");   // 0.5
  w.measure("M", "member", "1", "目标");   // 0.5
  w.measure("M", "other", "NA");           // NA under the other: allowed
  w.measure("O", "other", "1", "资金");    // 1
  // E's one criterion is not met: 0 of member's 2.
  w.measure("E", "member", "0", "交办");
  auto r = w.run();
  REQUIRE_MESSAGE(r.diags.error_count() == 0, r.messages());
  CHECK(r.score("M", "nc") == "1.00");
  CHECK(r.score("M", "other") == "NA");
  CHECK(r.score("O", "member") == "NA");
  CHECK(r.score("O", "nc") == "1.00");
  CHECK(r.score("E", "nc") == "0.00");
  CHECK(r.total("E") == "98.00");
}

TEST_CASE("one_of by column without choose: the value is the child's id") {
  World w(countryside_by_column(""), {{"M"}, {"O"}});
  set_column(w, {"member", "other"});
  w.measure("M", "member", "1", "交办");
  w.measure("O", "other", "1", "举措");
  auto r = w.run();
  REQUIRE_MESSAGE(r.diags.error_count() == 0, r.messages());
  CHECK(r.score("M", "nc") == "0.50");
  CHECK(r.score("O", "nc") == "1.00");
}

TEST_CASE("one_of by column: a value choosing nothing, or rows the column did not choose, are errors") {
  World w(countryside_by_column(", choose: {是: member, 否: other}"), {{"X"}, {"Y"}, {"Z"}});
  set_column(w, {"是的", "是", ""});
  w.measure("X", "member", "1", "交办");
  w.measure("Y", "other", "1", "资金");    // the roster says member
  w.measure("Z", "member", "1", "交办");
  auto r = w.run();
  const std::string m = r.messages();
  CHECK_MESSAGE(r.diags.error_count() == 3, m);
  CHECK(contains(m, "unit \"X\" (X): its 成员单位 \"是的\" names no alternative of \"nc\""));
  CHECK(contains(m, "write one of: 是, 否"));
  CHECK(contains(m, "unit \"Y\" (Y): its 成员单位 \"是\" chooses member of \"nc\" (共建新农村), "
                    "but it has rows for other"));
  CHECK(contains(m, "unit \"Z\" (Z): its 成员单位 \"\" names no alternative"));
}

}  // namespace
}  // namespace kaohe
