// Unit tests of the loader on `sheets:` (score sheets of several raters):
// the model it builds, every parameter it refuses with its line and hint,
// and the findings `check` adds for a sheets item that cannot do what it
// says (lint_scheme).
#include <doctest/doctest.h>

#include <string>

#include "base/diagnostic.h"
#include "scheme/scheme_lint.h"
#include "scheme/scheme_loader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::find_diag;
using test::scheme_text;

// A scheme whose one child (line 7) is a sheets leaf with `params`.
std::string sheets(const std::string& params) {
  return scheme_text("    - id: review\n"                           // 7
                     "      name: 述职评议\n"                        // 8
                     "      points: 100\n"                          // 9
                     "      sheets:\n" +                            // 10
                     params);                                       // 11…
}

Diagnostic load_error(const std::string& text, const std::string& needle) {
  Error e = test::expect_error([&] { (void)parse_scheme("s.yaml", text); });
  CHECK(e.exit_code() == 65);
  const Diagnostic* d = find_diag(e.diagnostics(), needle);
  if (d == nullptr) {
    FAIL_CHECK("no diagnostic mentions '" << needle << "'; got:\n" << std::string(e.what()));
    return {};
  }
  return *d;
}

TEST_CASE("sheets load into the model") {
  Scheme s = test::scheme_of(sheets("        scale: 100\n"
                                    "        groups: {领导评价: 50%, 同级评价: 50.0%}\n"
                                    "        drop: high_low\n"
                                    "        min_sheets: 5\n"
                                    "        too_few: na\n"
                                    "        missing: zero\n"));
  const Rule& r = s.nodes[1].rule;
  CHECK(r.kind == RuleKind::kSheets);
  CHECK(rule_reads_measures(r.kind));
  CHECK(r.scale == Decimal::from_int(100));
  REQUIRE(r.sheets.groups.size() == 2);
  CHECK(r.sheets.groups[0].name == "领导评价");
  CHECK(r.sheets.groups[1].weight == Rational::fraction(1, 2));
  CHECK(r.sheets.groups[1].weight_text == "50.0%");
  CHECK(r.sheets.drop_high_low);
  CHECK(r.sheets.min_sheets == 5);
  CHECK(r.sheets.needed() == 5);
  CHECK(r.too_few == MissingPolicy::kNotApplicable);
  CHECK(r.missing == MissingPolicy::kZero);
  CHECK(r.measure_keys() == std::vector<std::string>{"领导评价", "同级评价"});
  CHECK(describe_rule(r) == "sheets 领导评价 50%, 同级评价 50%, drop high_low, min 5, "
                            "too_few na, scale 100");
}

TEST_CASE("sheets: the fewest sheets a group needs") {
  SheetsSpec spec;
  CHECK(spec.needed() == 1);
  spec.drop_high_low = true;
  CHECK(spec.needed() == 3);
  spec.min_sheets = 2;
  CHECK(spec.needed() == 3);
  spec.min_sheets = 4;
  CHECK(spec.needed() == 4);
  spec.drop_high_low = false;
  spec.min_sheets = 2;
  CHECK(spec.needed() == 2);
}

TEST_CASE("sheets: refused parameters, each at its line") {
  SUBCASE("scale is required") {
    Diagnostic d = load_error(sheets("        groups: {甲: 100%}\n"), "needs 'scale'");
    CHECK(d.line == 11);
  }
  SUBCASE("weights must add up to 100%") {
    Diagnostic d = load_error(sheets("        scale: 100\n"
                                     "        groups: {领导评价: 50%, 同级评价: 40%}\n"),
                              "the weights of the rater groups add up to 90%, not 100%");
    CHECK(d.line == 12);
    CHECK(contains(d.hint, "各占50%的权重"));
  }
  SUBCASE("a weight is a percentage") {
    Diagnostic d = load_error(sheets("        scale: 100\n"
                                     "        groups: {领导评价: 0.5, 同级评价: 50%}\n"),
                              "'weight of group 领导评价' must be a percentage");
    CHECK(d.line == 12);
    // No second error about the sum of the weights that were read.
    Error e = test::expect_error([&] {
      (void)parse_scheme("s.yaml", sheets("        scale: 100\n"
                                          "        groups: {领导评价: 0.5, 同级评价: 50%}\n"));
    });
    CHECK(e.diagnostics().size() == 1);
  }
  SUBCASE("groups is a mapping") {
    load_error(sheets("        scale: 100\n        groups: [领导评价, 同级评价]\n"),
               "'groups' must be a mapping of rater groups to weights");
  }
  SUBCASE("drop is high_low, with a did-you-mean") {
    Diagnostic d = load_error(sheets("        scale: 100\n        drop: high_lo\n"),
                              "'drop' must be 'high_low', got 'high_lo'");
    CHECK(d.line == 12);
    CHECK(contains(d.hint, "high_low"));
    Diagnostic d2 = load_error(sheets("        scale: 100\n        drop: 最高分\n"),
                               "'drop' must be 'high_low'");
    CHECK(contains(d2.hint, "去掉一个最高分和一个最低分"));
  }
  SUBCASE("min_sheets is a whole number of at least 1") {
    load_error(sheets("        scale: 100\n        min_sheets: 0\n"),
               "'min_sheets' must be at least 1, got 0");
    load_error(sheets("        scale: 100\n        min_sheets: 2.5\n"),
               "'min_sheets' must be a whole number");
  }
  SUBCASE("an unknown key has a did-you-mean") {
    Diagnostic d = load_error(sheets("        scale: 100\n        min_sheet: 3\n"),
                              "min_sheet");
    CHECK(contains(d.hint, "min_sheets"));
  }
  SUBCASE("too_few is a policy") {
    load_error(sheets("        scale: 100\n        too_few: skip\n"),
               "'too_few' must be one of error, na, zero, full");
  }
  SUBCASE("a sheets leaf needs points") {
    load_error(scheme_text("    - {id: review, name: 评议, sheets: {scale: 100}}\n"),
               "leaf 'review' (sheets) needs 'points'");
  }
}

TEST_CASE("check: sheets that cannot do what they say") {
  SUBCASE("a group of weight 0%") {
    auto out = lint_scheme(test::scheme_of(
        sheets("        scale: 100\n        groups: {领导评价: 100%, 同级评价: 0%}\n")));
    REQUIRE(out.size() == 1);
    CHECK(out[0].message == "rater group '同级评价' of 'review' weighs 0%: its sheets count "
                            "for nothing");
    CHECK(out[0].line == 12);
  }
  SUBCASE("a single group") {
    auto out = lint_scheme(
        test::scheme_of(sheets("        scale: 100\n        groups: {领导评价: 100%}\n")));
    REQUIRE(out.size() == 1);
    CHECK(contains(out[0].message, "'review' has one rater group ('领导评价')"));
    CHECK(contains(out[0].hint, "omit 'groups'"));
  }
  SUBCASE("min_sheets below the 3 that dropping needs") {
    auto out = lint_scheme(test::scheme_of(
        sheets("        scale: 100\n        drop: high_low\n        min_sheets: 2\n")));
    REQUIRE(out.size() == 1);
    CHECK(out[0].message == "min_sheets 2 of 'review' is below 3, which drop: high_low "
                            "needs anyway to keep a sheet");
    CHECK(out[0].line == 13);
  }
  SUBCASE("none for a sound sheets item") {
    auto out = lint_scheme(test::scheme_of(
        sheets("        scale: 100\n        groups: {甲: 50%, 乙: 50%}\n"
               "        drop: high_low\n        min_sheets: 3\n")));
    CHECK(out.empty());
  }
}

}  // namespace
}  // namespace kaohe
