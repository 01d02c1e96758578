// Unit tests of the `sheets` rule (score sheets of several raters): group
// means, weights, dropping the highest and lowest sheet, min_sheets and the
// too_few policy — through tally_sheets and through the whole scoring of a
// small scheme. Every expected value is worked out by hand beside it.
#include "scoring/sheets.h"

#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::scheme_text;
using test::World;

// review: 20 points out of sheets marked out of 100, two groups 50%/50%.
std::string two_groups(const std::string& extra = "") {
  return scheme_text(
      "    - id: review\n"
      "      name: 述职评议\n"
      "      points: 20\n"
      "      sheets: {scale: 100, groups: {领导班子: 50%, 干部职工: 50%}" + extra + "}\n"
      "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n");
}

TEST_CASE("sheets: each group's mean, the groups weighted, out of the scale") {
  World w(two_groups(), {{"U1"}, {"U2"}});
  w.measure("U1", "review", "90", "领导班子");
  w.measure("U1", "review", "80", "领导班子");
  w.measure("U1", "review", "70", "干部职工");
  w.measure("U1", "review", "71", "干部职工");
  w.measure("U1", "review", "72", "干部职工");
  // U1: 领导班子 (90 + 80) ÷ 2 = 85; 干部职工 (70 + 71 + 72) ÷ 3 = 71;
  // 50% × 85 + 50% × 71 = 78; × 20 ÷ 100 = 15.6. A plain mean of all five
  // sheets (76.6 → 15.32) would differ: the groups weigh equally whatever
  // their number of sheets.
  w.measure("U2", "review", "100", "领导班子");
  w.measure("U2", "review", "33.33", "干部职工");
  // U2: 50% × 100 + 50% × 33.33 = 66.665; × 20 ÷ 100 = 13.333 → 13.33.
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "review") == "15.60");
  CHECK(r.score("U2", "review") == "13.33");
  CHECK(r.total("U1") == "95.60");
}

TEST_CASE("sheets: unequal weights and a mean that is no short decimal stay exact") {
  World w(scheme_text("    - id: internal\n"
                      "      name: 内部评估\n"
                      "      points: 100\n"
                      "      sheets: {scale: 100, groups: {领导评价: 75%, 同级评价: 25%}}\n"),
          {{"U1"}});
  w.measure("U1", "internal", "80", "领导评价");
  w.measure("U1", "internal", "80", "领导评价");
  w.measure("U1", "internal", "81", "领导评价");
  w.measure("U1", "internal", "90", "同级评价");
  // 领导评价 241/3; 75% × 241/3 + 25% × 90 = 241/4 + 90/4 = 331/4 = 82.75.
  auto r = w.run();
  CHECK(r.score("U1", "internal") == "82.75");
  const int n = w.scheme.find("internal");
  SheetsTally t = tally_sheets(w.scheme.nodes[static_cast<std::size_t>(n)].rule,
                               *w.measures.find(0, n));
  CHECK(t.too_few.empty());
  CHECK(t.groups.size() == 2);
  CHECK(t.groups[0].mean == Rational::fraction(241, 3));
  CHECK(t.groups[1].mean == Rational(90));
  CHECK(t.mean == Rational::fraction(331, 4));
}

TEST_CASE("sheets: exact until the one rounding (1/3 of a point is not rounded twice)") {
  World w(scheme_text("    - id: review\n"
                      "      name: 评议\n"
                      "      points: 10\n"
                      "      sheets: {scale: 3}\n"),
          {{"U1"}});
  // Without groups, rows have no key: one plain mean. (1 + 1 + 0) ÷ 3 =
  // 2/3 out of 3; × 10 ÷ 3 = 20/9 = 2.222… → 2.22.
  w.measure("U1", "review", "1");
  w.measure("U1", "review", "1");
  w.measure("U1", "review", "0");
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "review") == "2.22");
}

TEST_CASE("sheets: drop high_low leaves out one highest and one lowest sheet per group") {
  World w(two_groups(", drop: high_low"), {{"U1"}, {"U2"}});
  // 领导班子 95 80 88 60: drop 95 and 60 → (80 + 88) ÷ 2 = 84.
  for (const char* v : {"95", "80", "88", "60"}) w.measure("U1", "review", v, "领导班子");
  // 干部职工 70 70 70: all equal, two of them dropped → 70.
  for (const char* v : {"70", "70", "70"}) w.measure("U1", "review", v, "干部职工");
  // 50% × 84 + 50% × 70 = 77; × 20 ÷ 100 = 15.4.
  // U2: 100 100 0 in each group: drop one 100 and the 0 → 100; 20.
  for (const char* v : {"100", "0", "100"}) {
    w.measure("U2", "review", v, "领导班子");
    w.measure("U2", "review", v, "干部职工");
  }
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "review") == "15.40");
  CHECK(r.score("U2", "review") == "20.00");

  const Rule& rule = w.scheme.nodes[static_cast<std::size_t>(w.scheme.find("review"))].rule;
  SheetsTally t = tally_sheets(rule, *w.measures.find(0, w.scheme.find("review")));
  REQUIRE(t.groups.size() == 2);
  CHECK(t.groups[0].dropped_high == 0);  // 95
  CHECK(t.groups[0].dropped_low == 3);   // 60
  CHECK(t.groups[1].dropped_high == 0);  // the first of the equal 70s
  CHECK(t.groups[1].dropped_low == 1);   // the next one, never the same sheet
  CHECK(t.groups[0].mean == Rational(84));
  // U2's first 100 is dropped, the second kept.
  SheetsTally t2 = tally_sheets(rule, *w.measures.find(1, w.scheme.find("review")));
  CHECK(t2.groups[0].dropped_high == 0);
  CHECK(t2.groups[0].dropped_low == 1);
}

TEST_CASE("sheets: a group with no sheets, or fewer than needed, is an error by default") {
  World w(two_groups(", drop: high_low"), {{"U1"}, {"U2"}, {"U3"}});
  // U1: 干部职工 has none.
  for (const char* v : {"90", "80", "85"}) w.measure("U1", "review", v, "领导班子");
  // U2: 干部职工 has 2: dropping needs 3.
  for (const char* v : {"90", "80", "85"}) w.measure("U2", "review", v, "领导班子");
  for (const char* v : {"90", "80"}) w.measure("U2", "review", v, "干部职工");
  // U3: fine.
  for (const char* v : {"90", "80", "85"}) {
    w.measure("U3", "review", v, "领导班子");
    w.measure("U3", "review", v, "干部职工");
  }
  auto r = w.run();
  CHECK(r.diags.error_count() == 2);
  const std::string m = r.messages();
  CHECK(test::contains(m, "item \"review\" (述职评议): group 干部职工 has no sheets"));
  CHECK(test::contains(m, "group 干部职工 has 2 sheets: dropping the highest and the lowest "
                          "needs at least 3"));
  CHECK(test::contains(m, "declare 'too_few: na|zero|full'"));
}

TEST_CASE("sheets: min_sheets per group, and the too_few policies") {
  const std::string few = ", min_sheets: 3";
  SUBCASE("error names the group and the minimum") {
    World w(two_groups(few), {{"U1"}});
    for (const char* v : {"90", "80", "85"}) w.measure("U1", "review", v, "领导班子");
    w.measure("U1", "review", "85", "干部职工");
    auto r = w.run();
    CHECK(test::contains(r.messages(), "group 干部职工 has 1 sheet, fewer than min_sheets 3"));
  }
  SUBCASE("zero scores 0, full the points, na drops the item") {
    for (const auto& [policy, expected] : {std::pair<std::string, std::string>{"zero", "0.00"},
                                           {"full", "20.00"},
                                           {"na", "NA"}}) {
      World w(two_groups(few + ", too_few: " + policy), {{"U1"}, {"U2"}});
      for (const char* v : {"90", "80", "85"}) {
        w.measure("U1", "review", v, "领导班子");
        w.measure("U2", "review", v, "领导班子");
        w.measure("U2", "review", v, "干部职工");
      }
      w.measure("U1", "review", "85", "干部职工");
      w.measure("U1", "review", "86", "干部职工");
      auto r = w.run();
      CHECK(r.diags.error_count() == 0);
      CHECK(r.score("U1", "review") == expected);
      CHECK(r.score("U2", "review") == "17.00");  // 85 × 20 ÷ 100
      // Besides `rest`'s missing: full for both units, one default: U1's.
      std::vector<DefaultUsed> review;
      for (const DefaultUsed& d : r.sheet.defaults) {
        if (d.node == r.node("review")) review.push_back(d);
      }
      REQUIRE(review.size() == 1);
      CHECK(review[0].unit == r.unit("U1"));
      CHECK(test::contains(review[0].what,
                           "group 干部职工 has 2 sheets, fewer than min_sheets 3"));
    }
  }
}

TEST_CASE("sheets: no rows at all follows 'missing'; NA drops the item") {
  World w(scheme_text("    - id: review\n"
                      "      name: 评议\n"
                      "      points: 20\n"
                      "      sheets: {scale: 100, missing: zero}\n"
                      "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.measure("U2", "review", "NA");
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "review") == "0.00");
  CHECK(r.score("U2", "review") == "NA");
  CHECK(r.total("U2") == "80.00");
}

TEST_CASE("sheets: row order never changes the score, dropping included") {
  // The same 9 sheets of each group in 3 orders (values repeat, so which
  // equal sheet is dropped depends on the order; the score must not).
  const std::vector<std::string> lead = {"90", "85", "85", "70", "99.5", "70", "88", "99.5", "60"};
  const std::vector<std::string> peer = {"75", "75", "75", "80", "62.25", "91", "80", "62.25", "77"};
  std::vector<std::string> scores;
  for (int order = 0; order < 3; ++order) {
    World w(two_groups(", drop: high_low, min_sheets: 3"), {{"U1"}});
    for (std::size_t k = 0; k < lead.size(); ++k) {
      // order 0: as listed; 1: reversed; 2: every third, interleaved.
      const std::size_t i = order == 0 ? k : order == 1 ? lead.size() - 1 - k : (k * 4) % lead.size();
      w.measure("U1", "review", peer[i], "干部职工");
      w.measure("U1", "review", lead[i], "领导班子");
    }
    auto r = w.run();
    CHECK(r.diags.error_count() == 0);
    scores.push_back(r.score("U1", "review"));
  }
  // 领导班子: drop 99.5 and 60 → 90 + 85 + 85 + 70 + 70 + 88 + 99.5 = 587.5 ÷ 7
  // = 83.928571…; 干部职工: drop 91 and 62.25 → 75 × 3 + 80 × 2 + 62.25 + 77 =
  // 524.25 ÷ 7 = 74.892857…; 50% each: 1111.75 ÷ 14 = 79.410714…; × 20 ÷ 100
  // = 15.882142… → 15.88.
  CHECK(scores[0] == "15.88");
  CHECK(scores[1] == scores[0]);
  CHECK(scores[2] == scores[0]);
}

TEST_CASE("sheets: a thousand sheets of six decimals stay exact") {
  World w(scheme_text("    - {id: review, name: 评议, points: 20, sheets: {scale: 100}}\n"
                      "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  for (int i = 0; i < 1000; ++i) {
    w.measure("U1", "review", "99.999999");
    // U2: 999 sheets of 100 and one of 0.000001 → mean 99.900000001, below
    // six decimals: × 20 ÷ 100 = 19.9800000002 → 19.98.
    w.measure("U2", "review", i == 0 ? "0.000001" : "100");
  }
  auto r = w.run();
  CHECK(r.diags.error_count() == 0);
  CHECK(r.score("U1", "review") == "20.00");  // 19.9999998 rounds up
  CHECK(r.score("U2", "review") == "19.98");
  const int n = w.scheme.find("review");
  SheetsTally t = tally_sheets(w.scheme.nodes[static_cast<std::size_t>(n)].rule,
                               *w.measures.find(1, n));
  CHECK(t.mean == Rational::fraction(99900000001LL, 1000000000LL));
}

TEST_CASE("sheets: describe_rule spells every parameter, so diff sees a change") {
  World a(two_groups(", drop: high_low, min_sheets: 5"), {{"U1"}});
  const Rule& r = a.scheme.nodes[static_cast<std::size_t>(a.scheme.find("review"))].rule;
  CHECK(describe_rule(r) == "sheets 领导班子 50%, 干部职工 50%, drop high_low, min 5, scale 100");
  World b(scheme_text("    - {id: review, name: 评议, points: 20, sheets: {scale: 10, "
                      "too_few: zero}}\n"),
          {{"U1"}});
  CHECK(describe_rule(b.scheme.nodes[1].rule) == "sheets mean, too_few zero, scale 10");
  World c(two_groups(", min_sheets: 5"), {{"U1"}});
  CHECK(describe_rule(c.scheme.nodes[1].rule) != describe_rule(r));
}

}  // namespace
}  // namespace kaohe
