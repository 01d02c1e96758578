// Unit tests of the scheme loader (parse_scheme / load_scheme): a valid
// scheme into the model, and every rejected construct with its exit code
// (65), line, column and message.
#include "scheme/scheme_loader.h"

#include <doctest/doctest.h>

#include <string>

#include "base/diagnostic.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::find_diag;
using test::scheme_text;

Error load_fail(const std::string& text) {
  return test::expect_error([&] { (void)parse_scheme("s.yaml", text); });
}

// The diagnostic mentioning `needle`; fails the test when there is none.
Diagnostic diag(const Error& e, const std::string& needle) {
  CHECK(e.exit_code() == 65);
  const Diagnostic* d = find_diag(e.diagnostics(), needle);
  if (d == nullptr) {
    FAIL_CHECK("no diagnostic mentions '" << needle << "'; got:\n"
                                          << std::string(e.what()));
    return {};
  }
  CHECK(d->file == "s.yaml");
  return *d;
}

// A minimal valid scheme (line numbers in the comments).
const char* const kMinimal =
    "kaohe: 1\n"                                            // 1
    "title: 测试\n"                                          // 2
    "root:\n"                                               // 3
    "  id: total\n"                                         // 4
    "  name: 总分\n"                                         // 5
    "  points: 100\n"                                       // 6
    "  children:\n"                                         // 7
    "    - id: late\n"                                      // 8
    "      name: 迟报\n"                                     // 9
    "      points: 40\n"                                    // 10
    "      per_event: {deduct: 2}\n"                        // 11
    "    - id: judged\n"                                    // 12
    "      name: 评定\n"                                     // 13
    "      points: 60\n"                                    // 14
    "      direct: {}\n";                                   // 15

TEST_CASE("a minimal scheme loads into the model") {
  Scheme s = parse_scheme("s.yaml", kMinimal);
  CHECK(s.version == 1);
  CHECK(s.file == "s.yaml");
  CHECK(s.title == "测试");
  CHECK(s.precision == 2);
  CHECK(s.rounding == RoundingMode::kHalfUp);
  CHECK_FALSE(s.period.has_value());
  REQUIRE(s.nodes.size() == 3);
  CHECK(s.root().id == "total");
  CHECK(s.root().name == "总分");
  CHECK(s.root().points == Decimal::from_int(100));
  CHECK(s.root().parent == -1);
  REQUIRE(s.parts().size() == 2);
  const Node& late = s.nodes[static_cast<std::size_t>(s.find("late"))];
  CHECK(late.parent == 0);
  CHECK(late.depth == 1);
  CHECK(late.is_leaf());
  CHECK(late.rule.kind == RuleKind::kPerEvent);
  CHECK(late.rule.direction == Direction::kDeduct);
  CHECK(late.rule.amount == Decimal::from_int(2));
  CHECK(late.pos.line == 8);
  const Node& judged = s.nodes[static_cast<std::size_t>(s.find("judged"))];
  CHECK(judged.rule.kind == RuleKind::kDirect);
  CHECK(judged.rule.missing == MissingPolicy::kError);
  CHECK(s.find("nope") == -1);
  CHECK_FALSE(s.root().weighted_children);
}

TEST_CASE("the party-building scheme in schemes/ loads") {
  std::string here = __FILE__;  // …/tests/scheme/scheme_loader_test.cpp
  std::string root = here.substr(0, here.rfind("/tests/scheme/"));
  Scheme s = load_scheme(root + "/schemes/party-building.yaml");
  CHECK(s.root().weighted_children);
  REQUIRE(s.parts().size() == 3);
  const Node& target = s.nodes[static_cast<std::size_t>(s.find("target"))];
  CHECK(target.weight == Rational::fraction(3, 5));
  CHECK(target.weight_text == "60%");
  CHECK(target.rule.kind == RuleKind::kMean);
  CHECK(target.rule.keys == std::vector<std::string>{"self", "group"});
  CHECK(target.rule.scale == Decimal::from_int(100));  // defaults to points
  const Node& dem = s.nodes[static_cast<std::size_t>(s.find("democratic"))];
  CHECK(dem.rule.kind == RuleKind::kVotes);
  CHECK(dem.rule.min_votes == 50);
  REQUIRE(dem.rule.named.size() == 4);
  CHECK(dem.rule.named[0].name == "优秀");
  CHECK(dem.rule.named[3].amount == Decimal::from_int(40));
  REQUIRE(s.grades.size() == 4);
  CHECK(s.grades[0].min == Decimal::from_int(90));
  CHECK_FALSE(s.grades[3].min.has_value());
  REQUIRE(s.gates.size() == 1);
  REQUIRE(s.gates[0].conditions.size() == 1);
  CHECK(s.gates[0].conditions[0].node == "review");
  CHECK(s.gates[0].conditions[0].op == Compare::kLess);
  CHECK(s.gates[0].conditions[0].value == Decimal::from_int(80));
  CHECK(s.gates[0].below_form);
  CHECK(s.gates[0].at_most == "良好");
}

TEST_CASE("top-level options: precision, rounding, period, ranking") {
  Scheme s = parse_scheme(
      "s.yaml",
      scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "",
                  "precision: 1\nrounding: half_even\n"
                  "period: {from: 2025-01-01, to: 2025-12-31}\n"
                  "ranking: {tie_breakers: [a], within: category}\n"));
  CHECK(s.precision == 1);
  CHECK(s.rounding == RoundingMode::kHalfEven);
  REQUIRE(s.period.has_value());
  CHECK(s.period->from.to_string() == "2025-01-01");
  CHECK(s.period->to.to_string() == "2025-12-31");
  CHECK(s.ranking.tie_breakers == std::vector<std::string>{"a"});
  CHECK(s.ranking.within_category);
}

TEST_CASE("rule parameters land in the model") {
  Scheme s = parse_scheme(
      "s.yaml",
      scheme_text(
          "    - {id: t, name: 表彰, tiered: {add: {国家级: 3, 省级: 2}}}\n"
          "    - {id: r, name: 扣分, points: 5, ranged: {deduct: [0.1, 0.5]}}\n"
          "    - {id: s, name: 未完成, points: 5,"
          " per_event: {deduct: 1, surcharge: {at: 3, deduct: 2, every: true}}}\n"
          "    - {id: q, name: 信息, points: 5, quota: {required: 2, per: month, deduct: 0.2}}\n"
          "    - {id: v, name: 测评, points: 10,"
          " votes: {levels: {好: 100, 差: 0}, min_votes: 5, too_few: na, missing: zero}}\n"
          "    - {id: d, name: 安全, scaled_deduction: {max: 8, scale: 100}}\n"
          "    - {id: p, name: 互评, points: 10, relative: {within: category}}\n"
          "    - {id: c, name: 清单, points: 1, checklist: {criteria: {a: 0.5, b: 0.5}}}\n"
          "    - {id: g, name: 折算, points: 60, scaled: {scale: 120, missing: full}}\n",
          "", "period: {from: 2025-01-01, to: 2025-06-30}\n"));
  auto rule = [&](const char* id) -> const Rule& {
    return s.nodes[static_cast<std::size_t>(s.find(id))].rule;
  };
  CHECK(rule("t").kind == RuleKind::kTiered);
  CHECK(rule("t").direction == Direction::kAdd);
  CHECK(rule("t").find_named("省级") == 1);
  CHECK(rule("r").range_min == *Decimal::parse("0.1"));
  CHECK(rule("r").range_max == *Decimal::parse("0.5"));
  REQUIRE(rule("s").surcharge.has_value());
  CHECK(rule("s").surcharge->at == 3);
  CHECK(rule("s").surcharge->amount == Decimal::from_int(2));
  CHECK(rule("s").surcharge->every);
  CHECK(rule("q").quota.required == 2);
  CHECK(rule("q").amount == *Decimal::parse("0.2"));
  CHECK(rule("v").min_votes == 5);
  CHECK(rule("v").too_few == MissingPolicy::kNotApplicable);
  CHECK(rule("v").missing == MissingPolicy::kZero);
  CHECK(rule("v").scale == Decimal::from_int(100));
  CHECK(rule("d").max == Decimal::from_int(8));
  CHECK(rule("p").within_category);
  CHECK(rule("g").scale == Decimal::from_int(120));
  CHECK(rule("g").missing == MissingPolicy::kFull);
}

// --- errors -------------------------------------------------------------------

TEST_CASE("unknown key with did-you-mean, at the key's line and column") {
  std::string text = kMinimal;
  text.replace(text.find("      points: 40"), 16, "      pionts: 40");  // line 10
  Error e = load_fail(text);
  Diagnostic d = diag(e, "unknown key 'pionts'");
  CHECK(d.line == 10);
  CHECK(d.col == 7);
  CHECK(contains(d.hint, "did you mean \"points\"?"));
  CHECK(d.source_line == "      pionts: 40");
  CHECK(contains(e.what(), "s.yaml:10:7: error:"));
}

TEST_CASE("unknown top-level key") {
  std::string text = std::string(kMinimal) + "grade:\n  - {name: 优秀, min: 90}\n";  // 16
  Diagnostic d = diag(load_fail(text), "unknown key 'grade'");
  CHECK(d.line == 16);
  CHECK(d.col == 1);
  CHECK(contains(d.hint, "\"grades\""));
}

TEST_CASE("duplicate node id names the first line") {
  std::string text = kMinimal;
  text.replace(text.find("id: judged"), 10, "id: late");  // line 12
  Diagnostic d = diag(load_fail(text), "duplicate node id 'late'");
  CHECK(d.line == 12);
  CHECK(d.col == 11);
  CHECK(contains(d.message, "line 8"));
}

TEST_CASE("weights that do not add up to 100% (60/30/20)") {
  std::string text =
      "kaohe: 1\n"             // 1
      "root:\n"                // 2
      "  id: total\n"          // 3
      "  name: 总分\n"          // 4
      "  points: 100\n"        // 5
      "  children:\n"          // 6
      "    - {id: a, name: 甲, points: 100, weight: 60%, direct: {}}\n"
      "    - {id: b, name: 乙, points: 100, weight: 30%, direct: {}}\n"
      "    - {id: c, name: 丙, points: 100, weight: 20%, direct: {}}\n";
  Diagnostic d = diag(load_fail(text), "add up to 110%, not 100%");
  CHECK(d.line == 3);  // the node whose children they are
  CHECK(contains(d.message, "'total'"));
}

TEST_CASE("a weight without a percent sign") {
  std::string text = scheme_text(
      "    - {id: a, name: A, points: 100, weight: 60, direct: {}}\n"     // 7
      "    - {id: b, name: B, points: 100, weight: 40%, direct: {}}\n");  // 8
  Diagnostic d = diag(load_fail(text), "must be a percentage");
  CHECK(d.line == 7);
  CHECK(d.col == 45);
  CHECK(contains(d.message, "'60'"));
  CHECK(contains(d.hint, "60%"));
}

TEST_CASE("some children weighted and some not") {
  std::string text = scheme_text(
      "    - {id: a, name: 甲, points: 60, weight: 100%, direct: {}}\n"
      "    - {id: b, name: 乙, points: 40, direct: {}}\n");
  diag(load_fail(text), "some children of 'total' have weights");
}

TEST_CASE("numbers: 010, yes and 1,5 are not numbers") {
  SUBCASE("010") {
    std::string text = scheme_text("    - id: a\n"          // 7
                                   "      name: 甲\n"        // 8
                                   "      points: 010\n"    // 9
                                   "      direct: {}\n");
    Diagnostic d = diag(load_fail(text), "'points' must be a number, got '010'");
    CHECK(d.line == 9);
    CHECK(d.col == 15);
    CHECK(contains(d.hint, "leading zeros"));
  }
  SUBCASE("yes") {
    std::string text = scheme_text("    - {id: a, name: 甲, points: yes, direct: {}}\n");
    Diagnostic d = diag(load_fail(text), "'points' must be a number, got 'yes'");
    CHECK(d.line == 7);
  }
  SUBCASE("1,5") {
    std::string text = scheme_text("    - id: a\n"
                                   "      name: 甲\n"
                                   "      points: 100\n"
                                   "      per_event:\n"        // 10
                                   "        deduct: 1,5\n");   // 11
    Diagnostic d = diag(load_fail(text), "got '1,5'");
    CHECK(d.line == 11);
    CHECK(d.col == 17);
    CHECK(contains(d.hint, "'.'"));
  }
  SUBCASE("a percent outside weights") {
    std::string text = scheme_text("    - {id: a, name: 甲, points: 100%, direct: {}}\n");
    Diagnostic d = diag(load_fail(text), "got '100%'");
    CHECK(contains(d.hint, "weights"));
  }
  SUBCASE("a negative amount") {
    std::string text =
        scheme_text("    - {id: a, name: 甲, points: 100, per_event: {deduct: -2}}\n");
    diag(load_fail(text), "'amount' must not be negative");
  }
}

TEST_CASE("grammar version: missing, wrong, not a number") {
  SUBCASE("missing") {
    std::string text = kMinimal;
    text.erase(0, text.find('\n') + 1);  // drop "kaohe: 1"
    Diagnostic d = diag(load_fail(text), "does not say which grammar version");
    CHECK(d.line == 1);
    CHECK(contains(d.hint, "kaohe: 1"));
  }
  SUBCASE("wrong") {
    std::string text = kMinimal;
    text.replace(0, 8, "kaohe: 2");
    Diagnostic d = diag(load_fail(text), "grammar version 2 is not supported");
    CHECK(d.line == 1);
    CHECK(d.col == 8);
    CHECK(contains(d.hint, "upgrade"));
  }
  SUBCASE("not a number") {
    std::string text = kMinimal;
    text.replace(0, 8, "kaohe: one");
    diag(load_fail(text), "'kaohe' must be a number");
  }
}

TEST_CASE("two rules on one leaf") {
  std::string text = scheme_text(
      "    - id: a\n"                        // 7
      "      name: 甲\n"                      // 8
      "      points: 100\n"                  // 9
      "      per_event: {deduct: 1}\n"       // 10
      "      direct: {}\n");                 // 11
  Diagnostic d = diag(load_fail(text), "has two rules");
  CHECK(d.line == 11);
  CHECK(contains(d.message, "'per_event'"));
  CHECK(contains(d.message, "'direct'"));
}

TEST_CASE("a leaf without a rule") {
  std::string text = scheme_text("    - id: a\n"          // 7
                                 "      name: 甲\n"
                                 "      points: 100\n");
  Diagnostic d = diag(load_fail(text), "leaf 'a' has no rule");
  CHECK(d.line == 7);
  CHECK(d.col == 7);
}

TEST_CASE("children and a rule on one node") {
  std::string text = scheme_text("    - id: a\n"
                                 "      name: 甲\n"
                                 "      points: 100\n"
                                 "      direct: {}\n"   // 10
                                 "      children:\n"
                                 "        - {id: b, name: 乙, points: 100, direct: {}}\n");
  Diagnostic d = diag(load_fail(text), "has children and a 'direct' rule");
  CHECK(d.line == 10);
}

TEST_CASE("anchors and aliases are rejected") {
  SUBCASE("anchor") {
    std::string text = scheme_text("    - id: a\n"                 // 7
                                   "      name: &n 甲\n"           // 8
                                   "      points: 100\n"
                                   "      direct: {}\n");
    Diagnostic d = diag(load_fail(text), "anchors (&name) are not allowed");
    CHECK(d.line == 8);
  }
  SUBCASE("alias bomb") {
    std::string text =
        "kaohe: 1\n"
        "a: &a [x, x, x, x, x, x, x, x, x]\n"     // 2
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    Error e = load_fail(text);
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics()[0];
    CHECK(contains(d.message, "not allowed"));
    CHECK(d.line == 2);
  }
  SUBCASE("alias of an undefined anchor") {
    std::string text = scheme_text("    - {id: a, name: *n, points: 100, direct: {}}\n");
    Error e = load_fail(text);
    CHECK(e.exit_code() == 65);
    REQUIRE_FALSE(e.diagnostics().empty());
    CHECK(e.diagnostics()[0].line == 7);
  }
}

TEST_CASE("tags such as !!binary are rejected") {
  std::string text = scheme_text("    - id: a\n"
                                 "      name: !!binary 5Lit5paH\n"   // 8
                                 "      points: 100\n"
                                 "      direct: {}\n");
  Diagnostic d = diag(load_fail(text), "tags like '!!binary' are not allowed");
  CHECK(d.line == 8);
  CHECK(contains(d.hint, "remove the tag"));
}

TEST_CASE("a !!str tag on a number is rejected too") {
  std::string text = scheme_text("    - {id: a, name: 甲, points: !!str 100, direct: {}}\n");
  diag(load_fail(text), "tags like '!!str'");
}

TEST_CASE("duplicate YAML keys name both lines") {
  std::string text = scheme_text("    - id: a\n"           // 7
                                 "      name: 甲\n"         // 8
                                 "      points: 100\n"     // 9
                                 "      name: 乙\n"         // 10
                                 "      direct: {}\n");
  Diagnostic d = diag(load_fail(text), "duplicate key 'name'");
  CHECK(d.line == 10);
  CHECK(d.col == 7);
  CHECK(contains(d.message, "line 8"));
}

TEST_CASE("several YAML documents in one file") {
  std::string text = std::string(kMinimal) + "---\n" + kMinimal;  // '---' on line 16
  Diagnostic d = diag(load_fail(text), "one YAML document");
  CHECK(d.line == 16);
}

TEST_CASE("deep nesting (100000 open brackets) ends in a kaohe::Error, not a crash") {
  SUBCASE("unterminated") {
    std::string text = "kaohe: 1\nroot: " + std::string(100000, '[');
    Error e = load_fail(text);
    CHECK(e.exit_code() == 65);
    REQUIRE_FALSE(e.diagnostics().empty());
    CHECK(e.diagnostics()[0].line == 2);
    CHECK(e.diagnostics()[0].file == "s.yaml");
  }
  SUBCASE("closed") {
    std::string text = "kaohe: 1\nroot: " + std::string(100000, '[') +
                       std::string(100000, ']') + "\n";
    Error e = load_fail(text);
    CHECK(e.exit_code() == 65);
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(contains(e.diagnostics()[0].message, "nesting deeper than 64 levels"));
    CHECK(e.diagnostics()[0].line == 2);
  }
  SUBCASE("flow mappings") {
    std::string text = "kaohe: 1\nroot: ";
    for (int i = 0; i < 100000; ++i) text += "{a: ";
    text += "1";
    text += std::string(100000, '}');
    Error e = load_fail(text);
    CHECK(e.exit_code() == 65);
    REQUIRE_FALSE(e.diagnostics().empty());
    CHECK(contains(e.diagnostics()[0].message, "nesting deeper than 64 levels"));
  }
}

TEST_CASE("deep nesting of block mappings is bounded too") {
  std::string text = "kaohe: 1\n";
  std::string indent;
  for (int i = 0; i < 200; ++i) {
    text += indent + "k" + std::to_string(i) + ":\n";
    indent += " ";
  }
  text += indent + "v\n";
  Error e = load_fail(text);
  CHECK(e.exit_code() == 65);
}

TEST_CASE("empty file, NUL byte, CR-only line endings, not a mapping") {
  CHECK(contains(diag(load_fail(""), "empty").message, "empty"));
  std::string nul = std::string(kMinimal) + '\0';
  diag(load_fail(nul), "NUL byte");
  diag(load_fail("kaohe: 1\rroot: x\r"), "CR-only");
  diag(load_fail("- a\n- b\n"), "a scheme is a mapping");
}

TEST_CASE("a UTF-8 BOM and CRLF line endings are accepted, lines still count") {
  Scheme bom = parse_scheme("s.yaml", std::string("\xEF\xBB\xBF") + kMinimal);
  CHECK(bom.nodes.size() == 3);
  std::string crlf;
  for (char c : std::string(kMinimal)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Scheme s = parse_scheme("s.yaml", crlf);
  CHECK(s.nodes.size() == 3);
  CHECK(s.nodes[static_cast<std::size_t>(s.find("judged"))].pos.line == 12);
  std::string bad = crlf;
  bad.replace(bad.find("points: 40"), 6, "pionts");
  Diagnostic d = diag(load_fail(bad), "unknown key 'pionts'");
  CHECK(d.line == 10);
  CHECK(d.source_line == "      pionts: 40");  // without the CR
}

TEST_CASE("YAML syntax errors carry a position") {
  std::string text = "kaohe: 1\nroot: {id: a, name: 甲\n";  // unclosed flow map
  Error e = load_fail(text);
  CHECK(e.exit_code() == 65);
  REQUIRE_FALSE(e.diagnostics().empty());
  CHECK(contains(e.diagnostics()[0].message, "YAML syntax"));
  CHECK(e.diagnostics()[0].line >= 2);
}

TEST_CASE("grades must be listed best first with descending thresholds") {
  std::string text = std::string(kMinimal) +
                     "grades:\n"                       // 16
                     "  - {name: 良好, min: 80}\n"      // 17
                     "  - {name: 优秀, min: 90}\n"      // 18
                     "  - {name: 较差}\n";
  Diagnostic d = diag(load_fail(text), "must have a lower threshold");
  CHECK(d.line == 18);
  CHECK(contains(d.message, "优秀"));
  CHECK(contains(d.message, "良好"));
}

TEST_CASE("equal thresholds are not descending, a grade without min must be last") {
  diag(load_fail(std::string(kMinimal) +
                 "grades:\n  - {name: 甲, min: 80}\n  - {name: 乙, min: 80}\n"),
       "must have a lower threshold");
  diag(load_fail(std::string(kMinimal) +
                 "grades:\n  - {name: 甲}\n  - {name: 乙, min: 80}\n"),
       "has no 'min' but is not the last");
  diag(load_fail(std::string(kMinimal) +
                 "grades:\n  - {name: 甲, min: 90}\n  - {name: 甲, min: 80}\n"),
       "listed twice");
}

TEST_CASE("a gate naming an unknown node or grade") {
  std::string grades =
      "grades:\n"                   // 16
      "  - {name: 优秀, min: 90}\n"  // 17
      "  - {name: 良好, min: 80}\n"  // 18
      "gates:\n";                   // 19
  SUBCASE("node") {
    std::string text = std::string(kMinimal) + grades +
                       "  - {node: judgd, below: 80, at_most: 良好}\n";  // 20
    Diagnostic d = diag(load_fail(text), "unknown node 'judgd'");
    CHECK(d.line == 20);
    CHECK(d.col == 12);
    CHECK(contains(d.hint, "\"judged\""));
  }
  SUBCASE("grade") {
    std::string text = std::string(kMinimal) + grades +
                       "  - {node: judged, below: 80, at_most: 及格}\n";  // 20
    Diagnostic d = diag(load_fail(text), "unknown grade '及格'");
    CHECK(d.line == 20);
  }
  SUBCASE("incomplete") {
    std::string text = std::string(kMinimal) + grades + "  - {node: judged, below: 80}\n";
    diag(load_fail(text), "a gate needs exactly one of 'at_most' or 'force'");
  }
  SUBCASE("node without below") {
    std::string text = std::string(kMinimal) + grades + "  - {node: judged, at_most: 良好}\n";
    diag(load_fail(text), "a gate tests either a node");
  }
  SUBCASE("unknown flag") {
    std::string text = std::string(kMinimal) + grades + "  - {flag: veto, force: 良好}\n";
    diag(load_fail(text), "unknown flag 'veto'");
  }
}

TEST_CASE("a tie breaker naming an unknown node") {
  std::string text = std::string(kMinimal) + "ranking: {tie_breakers: [judgd]}\n";
  Diagnostic d = diag(load_fail(text), "tie breaker names unknown node 'judgd'");
  CHECK(d.line == 16);
}

TEST_CASE("checklist criteria must add up to the node's points") {
  std::string text = scheme_text(
      "    - {id: c, name: 清单, points: 2, checklist: {criteria: {a: 0.5, b: 1}}}\n"  // 7
      "    - {id: r, name: 其他, points: 98, direct: {}}\n");
  Diagnostic d = diag(load_fail(text), "the criteria of 'c' add up to 1.5, not its points 2");
  CHECK(d.line == 7);
}

TEST_CASE("a quota without the scheme's period") {
  std::string text = scheme_text(
      "    - {id: q, name: 信息, points: 5, quota: {required: 2, deduct: 0.2}}\n"  // 7
      "    - {id: r, name: 其他, points: 95, direct: {}}\n");
  Diagnostic d = diag(load_fail(text), "quota 'q' needs the scheme's 'period'");
  CHECK(d.line == 7);
  CHECK(contains(d.hint, "period"));
}

TEST_CASE("quota parameters: what a bucket, a count and a tier may be") {
  std::string top = "period: {from: 2025-01-01, to: 2025-12-31}\n";
  auto fails = [&](const std::string& quota, const char* message) {
    CAPTURE(quota);
    diag(load_fail(scheme_text("    - {id: q, name: 信息, points: 5, quota: " + quota + "}\n",
                               "", top)),
         message);
  };
  fails("{required: 2, add: 1}", "a quota shortfall deducts");
  fails("{required: 2, per: months, deduct: 1}",
        "'per' is one of day, week, month, quarter, half, year, period, got 'months'");
  fails("{required: 2, per: month, count: dats, deduct: 1}",
        "'count' is one of rows, dates, got 'dats'");
  fails("{required: 2, per: month, partial: pro_rata, deduct: 1}",
        "'partial' is one of prorate, skip, full");
  fails("{required: 2, per: day, count: dates, deduct: 1}", "a day holds one date");
  fails("{required: 1, per: week, days: working, deduct: 1}",
        "'days: working' chooses the day buckets: it needs per: day");
  fails("{required: 1, per: day, days: working, deduct: 1}",
        "'days: working' needs the scheme's working-day calendar");
  fails("{required: 4, per: year, tiers: {扩大学习: 5}, deduct: 1}",
        "the tiers need 5 rows, more than the 4 'required' in all");
  fails("{required: 4, per: year, tiers: {扩大学习: 1.5}, deduct: 1}",
        "tier '扩大学习' needs a whole number of rows, at least 1, got 1.5");
  fails("{per: year, deduct: 1}", "a quota needs 'required'");
  fails("{required: 1, every: year, deduct: 1}", "unknown key 'every'");
}

TEST_CASE("quota parameters are read") {
  const Scheme s = test::scheme_of(
      scheme_text("    - {id: q, name: 学习, points: 5, quota: {required: 12, per: year, "
                  "count: dates, partial: skip, tiers: {扩大学习: 4}, deduct: 0.5}}\n"
                  "    - {id: d, name: 巡查, points: 5, quota: {required: 1, per: day, "
                  "days: all, deduct: 0.1}}\n",
                  "", "period: {from: 2025-01-01, to: 2025-12-31}\n"));
  const Rule& q = s.nodes[static_cast<std::size_t>(s.find("q"))].rule;
  CHECK(q.quota.required == 12);
  CHECK(q.quota.per == Every::kYear);
  CHECK(q.quota.distinct_dates);
  CHECK_FALSE(q.quota.working_days);
  CHECK(q.quota.partial == QuotaSpec::Partial::kSkip);
  REQUIRE(q.named.size() == 1);
  CHECK(q.named[0].name == "扩大学习");
  CHECK(describe_rule(q) ==
        "quota 12 per year, deduct 0.5, count dates, partial skip, of which 扩大学习 4");
  const Rule& d = s.nodes[static_cast<std::size_t>(s.find("d"))].rule;
  CHECK(d.quota.per == Every::kDay);
  CHECK(describe_rule(d) == "quota 1 per day, deduct 0.1");
}

// Deadlines (每延迟1天扣1分): the late rule and its parameters.
const char* const kPeriod = "period: {from: 2025-01-01, to: 2025-12-31}\n";
const char* const kCalendar =
    "calendar: " KAOHE_SOURCE_DIR "/schemes/calendars/cn-2025.csv\n";

TEST_CASE("late: deduct per day or working day, a fixed due date, row_max") {
  const Scheme s = test::scheme_of(scheme_text(
      "    - {id: a, name: 迟报, points: 10, floor: 0, late: {deduct: 1}}\n"
      "    - {id: b, name: 迟办, late: {deduct: 0.5, per: working_day, due: 2025-03-31, "
      "row_max: 10}}\n"
      "    - {id: c, name: 其他, points: 90, direct: {}}\n",
      "", std::string(kPeriod) + kCalendar));
  const Rule& a = s.nodes[static_cast<std::size_t>(s.find("a"))].rule;
  CHECK(a.kind == RuleKind::kLate);
  CHECK(rule_reads_events(a.kind));
  CHECK(a.direction == Direction::kDeduct);
  CHECK_FALSE(a.late_per_working_day);
  CHECK_FALSE(a.late_due);
  CHECK_FALSE(a.late_row_max);
  CHECK(describe_rule(a) == "late deduct 1 per day");
  const Rule& b = s.nodes[static_cast<std::size_t>(s.find("b"))].rule;
  CHECK(b.late_per_working_day);
  CHECK(b.late_due == Date{2025, 3, 31});
  CHECK(b.late_row_max == Decimal::parse("10"));
  CHECK(describe_rule(b) == "late deduct 0.5 per working_day, due 2025-03-31, row_max 10");
}

TEST_CASE("late: a bonus is refused, per is day or working_day, due is a date") {
  const std::string top = kPeriod;
  Diagnostic d = diag(load_fail(scheme_text(
                          "    - {id: a, name: 迟报, late: {add: 1}}\n", "", top)),
                      "a 'late' rule deducts per day late: write 'deduct'");
  CHECK(d.line == 8);
  CHECK(contains(d.hint, "每延迟1天扣1分"));
  diag(load_fail(scheme_text("    - {id: a, name: 迟报, late: {deduct: 1, per: week}}\n", "",
                             top)),
       "'per' must be day or working_day, got 'week'");
  diag(load_fail(scheme_text(
           "    - {id: a, name: 迟报, late: {deduct: 1, due: 2025/03/31}}\n", "", top)),
       "'due' must be a date YYYY-MM-DD, got '2025/03/31'");
  diag(load_fail(scheme_text(
           "    - {id: a, name: 迟报, late: {deduct: 1, row_max: -2}}\n", "", top)),
       "'row_max' must not be negative");
  diag(load_fail(scheme_text(
           "    - {id: a, name: 迟报, late: {deduct: 1, raise: x}}\n", "", top)),
       "unknown key 'raise' in rule 'late'");
}

TEST_CASE("late: working days need the scheme's calendar, every late item a period") {
  Diagnostic d = diag(load_fail(scheme_text(
                          "    - {id: a, name: 迟报, late: {deduct: 1, per: working_day}}\n",
                          "", kPeriod)),
                      "late 'a' counts working days and needs the scheme's 'calendar'");
  CHECK(d.line == 8);
  CHECK(contains(d.hint, "calendar: calendars/cn-2025.csv"));
  diag(load_fail(scheme_text("    - {id: a, name: 迟报, late: {deduct: 1}}\n")),
       "late 'a' needs the scheme's 'period'");
  // A fixed due date outside the period would leave every undated row out.
  diag(load_fail(scheme_text(
           "    - {id: a, name: 迟报, late: {deduct: 1, due: 2026-01-05}}\n", "", kPeriod)),
       "late 'a' is due 2026-01-05, outside the period 2025-01-01 to 2025-12-31");
}

TEST_CASE("applies_to names declared categories, not_applicable policies") {
  SUBCASE("unknown category") {
    // 'categories' is line 2, so the node starts on line 8.
    std::string text = scheme_text("    - id: a\n"                 // 8
                                   "      name: 甲\n"
                                   "      points: 100\n"
                                   "      applies_to: [A, D]\n"    // 11
                                   "      direct: {}\n",
                                   "", "categories: {A: 100, B: 95}\n");
    Diagnostic d = diag(load_fail(text), "unknown category 'D'");
    CHECK(d.line == 11);
    CHECK(d.col == 19);
  }
  SUBCASE("no categories declared") {
    std::string text = scheme_text(
        "    - {id: a, name: 甲, points: 100, applies_to: [A], direct: {}}\n");
    Diagnostic d = diag(load_fail(text), "unknown category 'A'");
    CHECK(contains(d.hint, "categories"));
  }
  SUBCASE("not_applicable misspelt") {
    Diagnostic d = diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 100,"
                                              " not_applicable: ful, direct: {}}\n")),
                        "not_applicable must be");
    CHECK(contains(d.hint, "\"full\""));
  }
  SUBCASE("move_to a node that is not a sibling") {
    std::string text = scheme_text(
        "    - {id: a, name: 甲, points: 50, not_applicable: {move_to: bb}, direct: {}}\n"
        "    - {id: b, name: 乙, points: 50, direct: {}}\n");
    Diagnostic d = diag(load_fail(text), "move_to 'bb' is not a sibling of 'a'");
    CHECK(contains(d.hint, "\"b\""));
  }
  SUBCASE("valid policies load") {
    Scheme s = parse_scheme(
        "s.yaml",
        scheme_text("    - {id: a, name: 甲, points: 40, applies_to: [A],"
                    " not_applicable: {move_to: b}, direct: {}}\n"
                    "    - {id: b, name: 乙, points: 30, not_applicable: mean, direct: {}}\n"
                    "    - {id: c, name: 丙, points: 30, applies_to: B,"
                    " not_applicable: redistribute, direct: {}}\n",
                    "", "categories: {A: 100, B: 95}\n"));
    const Node& a = s.nodes[static_cast<std::size_t>(s.find("a"))];
    CHECK(a.applies_to == std::vector<std::string>{"A"});
    CHECK(a.na_policy == NaPolicy::kMoveTo);
    CHECK(a.move_to == "b");
    CHECK(s.nodes[static_cast<std::size_t>(s.find("b"))].na_policy == NaPolicy::kMean);
    CHECK(s.nodes[static_cast<std::size_t>(s.find("c"))].na_policy ==
          NaPolicy::kRedistribute);
    CHECK(s.normalised());
    CHECK(s.applies_to_category(s.find("a"), "A"));
    CHECK_FALSE(s.applies_to_category(s.find("a"), "B"));
    CHECK(s.applies_to_category(s.find("b"), "B"));
  }
}

TEST_CASE("every problem is reported at once") {
  std::string text = scheme_text(
      "    - {id: a, name: 甲, pionts: 100, direct: {}}\n"            // 7: unknown key
      "    - {id: a, name: 乙, points: 5, per_event: {deduct: x}}\n"  // 8: dup id, bad number
      "    - {id: c, name: 丙, points: 5}\n");                        // 9: no rule
  Error e = load_fail(text);
  CHECK(e.exit_code() == 65);
  CHECK(find_diag(e.diagnostics(), "unknown key 'pionts'") != nullptr);
  CHECK(find_diag(e.diagnostics(), "duplicate node id 'a'") != nullptr);
  CHECK(find_diag(e.diagnostics(), "'amount' must be a number") != nullptr);
  CHECK(find_diag(e.diagnostics(), "leaf 'c' has no rule") != nullptr);
  CHECK(e.diagnostics().size() >= 4);
}

TEST_CASE("rule shape errors") {
  SUBCASE("add and deduct together") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, per_event: {add: 1, deduct: 1}}\n")),
         "exactly one of 'add' or 'deduct'");
  }
  SUBCASE("ranged amount not a pair") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, ranged: {deduct: 0.5}}\n")),
         "a ranged amount is a list [min, max]");
  }
  SUBCASE("ranged max below min") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, ranged: {deduct: [0.5, 0.1]}}\n")),
         "maximum is below its minimum");
  }
  SUBCASE("unknown rule parameter") {
    Diagnostic d = diag(
        load_fail(scheme_text("    - {id: a, name: 甲, points: 9, scaled: {scal: 100}}\n")),
        "unknown key 'scal'");
    CHECK(contains(d.hint, "\"scale\""));
  }
  SUBCASE("scaled without a scale") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 9, scaled: {}}\n")),
         "needs 'scale'");
  }
  SUBCASE("measure leaf without points") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, completion: {}}\n")),
         "leaf 'a' (completion) needs 'points'");
  }
  SUBCASE("scaled_deduction with points") {
    diag(load_fail(scheme_text(
             "    - {id: a, name: 甲, points: 5, scaled_deduction: {max: 5, scale: 100}}\n")),
         "takes 'max', not 'points'");
  }
  SUBCASE("a base on a leaf") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, base: 5, per_event: {add: 1}}\n")),
         "leaf 'a' takes no 'base'");
  }
  SUBCASE("cap below floor") {
    diag(load_fail(scheme_text(
             "    - {id: a, name: 甲, floor: 5, cap: 1, per_event: {add: 1}}\n")),
         "cap below its floor");
  }
  SUBCASE("missing policy misspelt") {
    Diagnostic d = diag(
        load_fail(scheme_text("    - {id: a, name: 甲, points: 5, direct: {missing: zer}}\n")),
        "'missing' must be one of");
    CHECK(contains(d.hint, "\"zero\""));
  }
  SUBCASE("surcharge in the other direction") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲,"
                               " per_event: {deduct: 1, surcharge: {at: 3, add: 2}}}\n")),
         "same way as its rule");
  }
  SUBCASE("mean without keys") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 5, mean: {}}\n")),
         "mean needs 'keys'");
  }
  SUBCASE("votes without levels") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 5, votes: {}}\n")),
         "votes need 'levels'");
  }
  SUBCASE("a node id with a comma") {
    diag(load_fail(scheme_text("    - {id: 'a,b', name: 甲, points: 5, direct: {}}\n")),
         "node id 'a,b'");
  }
  SUBCASE("a period that ends before it starts") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 5, direct: {}}\n", "",
                               "period: {from: 2025-12-31, to: 2025-01-01}\n")),
         "ends before it starts");
  }
  SUBCASE("a period with an impossible date") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 5, direct: {}}\n", "",
                               "period: {from: 2025-02-30, to: 2025-12-31}\n")),
         "'from' must be a date");
  }
  SUBCASE("precision out of range") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 5, direct: {}}\n", "",
                               "precision: 7\n")),
         "precision must be between 0 and 6");
  }
  SUBCASE("rounding misspelt") {
    diag(load_fail(scheme_text("    - {id: a, name: 甲, points: 5, direct: {}}\n", "",
                               "rounding: half_evn\n")),
         "rounding must be half_up or half_even");
  }
  SUBCASE("weighted children under a node without points") {
    diag(load_fail("kaohe: 1\nroot:\n  id: t\n  name: 总\n  children:\n"
                   "    - {id: a, name: 甲, points: 100, weight: 100%, direct: {}}\n"),
         "combines weights but has no points");
  }
}

TEST_CASE("load_scheme: a missing file is exit 66") {
  Error e = test::expect_error([] { (void)load_scheme("/nonexistent/kaohe/s.yaml"); });
  CHECK(e.exit_code() == 66);
}

TEST_CASE("load_scheme reads a file and names it in diagnostics") {
  test::TempFile f("kaohe: 1\nroot: {id: t, name: 总, points: 100, direct: {}, pionts: 1}\n",
                   ".yaml");
  Error e = test::expect_error([&] { (void)load_scheme(f.path()); });
  CHECK(e.exit_code() == 65);
  REQUIRE_FALSE(e.diagnostics().empty());
  CHECK(e.diagnostics()[0].file == f.path());
  CHECK(e.diagnostics()[0].line == 2);
}

// --- general grades and gates (issue 17) -------------------------------------------

TEST_CASE("conditions: every comparison, the total, flags and not-flags, all and any") {
  std::string text = std::string(kMinimal) +
                     "flags:\n  - {id: veto, name: 一票否决}\n"  // 16, 17
                     "grades:\n"                                // 18
                     "  - {name: 先进, quota: true, min: 85}\n"  // 19
                     "  - {name: 合格, min: 60}\n"               // 20
                     "  - {name: \"\"}\n"                        // 21
                     "  - {name: 不合格, gate: true}\n"           // 22
                     "gates:\n"                                 // 23
                     "  - {when: judged <= 59.5, at_most: \"\"}\n"
                     "  - {all: [total < 60, not veto], at_most: \"\"}\n"
                     "  - {any: [veto, late != 40, judged == 0, judged > 1, judged >= 2], "
                     "force: 不合格}\n"
                     "quotas:\n"
                     "  - {grade: 先进, percent: 30%, require: [judged >= 50, not veto]}\n";
  Scheme s = parse_scheme("s.yaml", text);
  REQUIRE(s.grades.size() == 4);
  CHECK(s.grades[0].quota_only);
  CHECK(s.grades[0].min == Decimal::from_int(85));
  CHECK(s.grades[2].name.empty());
  CHECK(s.grades[2].is_threshold());
  CHECK(s.grades[3].gate_only);
  CHECK(s.grades[3].pos.line == 22);
  REQUIRE(s.gates.size() == 3);
  const Condition& le = s.gates[0].conditions.at(0);
  CHECK(le.node == "judged");
  CHECK(le.op == Compare::kLessEqual);
  CHECK(le.value == *Decimal::parse("59.5"));
  CHECK(s.gates[0].at_most == std::string());
  CHECK_FALSE(s.gates[0].force.has_value());
  CHECK_FALSE(s.gates[1].any);
  REQUIRE(s.gates[1].conditions.size() == 2);
  CHECK(s.gates[1].conditions[0].total);
  CHECK(s.gates[1].conditions[0].op == Compare::kLess);
  CHECK(s.gates[1].conditions[1].flag == "veto");
  CHECK(s.gates[1].conditions[1].negated);
  CHECK(s.gates[2].any);
  REQUIRE(s.gates[2].conditions.size() == 5);
  CHECK(s.gates[2].conditions[0].flag == "veto");
  CHECK_FALSE(s.gates[2].conditions[0].negated);
  CHECK(s.gates[2].conditions[1].op == Compare::kNotEqual);
  CHECK(s.gates[2].conditions[2].op == Compare::kEqual);
  CHECK(s.gates[2].conditions[3].op == Compare::kGreater);
  CHECK(s.gates[2].conditions[4].op == Compare::kGreaterEqual);
  CHECK(s.gates[2].force == "不合格");
  REQUIRE(s.quotas.size() == 1);
  REQUIRE(s.quotas[0].require.size() == 2);
  CHECK(s.quotas[0].require[0].op == Compare::kGreaterEqual);
  CHECK(s.quotas[0].require[1].negated);
}

TEST_CASE("a condition naming an unknown node, an unknown flag, or a node alone") {
  std::string top = std::string(kMinimal) +
                    "flags:\n  - {id: veto, name: 一票否决}\n"  // 16, 17
                    "grades:\n  - {name: 合格}\n"                // 18, 19
                    "gates:\n";                                 // 20
  SUBCASE("unknown node, with a did-you-mean") {
    Diagnostic d = diag(load_fail(top + "  - {when: judgd < 60, at_most: 合格}\n"),
                        "condition names unknown node 'judgd'");
    CHECK(d.line == 21);
    CHECK(d.col == 12);
    CHECK(contains(d.hint, "\"judged\""));
  }
  SUBCASE("unknown node inside 'any'") {
    Diagnostic d = diag(load_fail(top + "  - {any: [veto, lte < 1], force: 合格}\n"),
                        "condition names unknown node 'lte'");
    CHECK(d.col == 18);
  }
  SUBCASE("unknown flag") {
    Diagnostic d = diag(load_fail(top + "  - {when: not vto, force: 合格}\n"),
                        "unknown flag 'vto'");
    CHECK(contains(d.hint, "\"veto\""));
  }
  SUBCASE("a node without a comparison") {
    Diagnostic d = diag(load_fail(top + "  - {when: judged, force: 合格}\n"),
                        "condition 'judged' names node 'judged' without comparing it");
    CHECK(contains(d.hint, "judged < 80"));
  }
  SUBCASE("the total without a comparison") {
    diag(load_fail(top + "  - {when: total, force: 合格}\n"),
         "condition 'total' names the total without comparing it");
  }
}

TEST_CASE("a condition written wrong") {
  std::string top = std::string(kMinimal) + "grades:\n  - {name: 合格}\n" + "gates:\n";
  SUBCASE("no spaces around the comparison") {
    diag(load_fail(top + "  - {when: judged<60, force: 合格}\n"),
         "condition 'judged<60' needs spaces around its comparison");
  }
  SUBCASE("an unknown comparison, with a did-you-mean") {
    Diagnostic d = diag(load_fail(top + "  - {when: judged => 60, force: 合格}\n"),
                        "compares with '=>', which is no comparison");
    CHECK(contains(d.hint, "\">=\""));
  }
  SUBCASE("a bound that is not a number") {
    diag(load_fail(top + "  - {when: judged < 6O, force: 合格}\n"),
         "compares with '6O', which is not a number");
  }
  SUBCASE("too many words") {
    diag(load_fail(top + "  - {when: judged < 60 or late < 30, force: 合格}\n"),
         "'judged < 60 or late < 30' is not a condition");
  }
  SUBCASE("a condition that is not a text") {
    diag(load_fail(top + "  - {any: [{node: judged}], force: 合格}\n"),
         "a condition is a text such as 'review < 80'");
  }
  SUBCASE("an empty list") {
    diag(load_fail(top + "  - {all: [], force: 合格}\n"),
         "'all' is a non-empty list of conditions");
  }
  SUBCASE("two tests in one gate") {
    diag(load_fail(top + "  - {when: judged < 60, any: [judged < 50], force: 合格}\n"),
         "a gate tests either a node ('node' and 'below'), a 'flag', or conditions");
  }
  SUBCASE("a quota's condition") {
    diag(load_fail(std::string(kMinimal) +
                   "grades:\n  - {name: 先进, quota: true}\n  - {name: 合格}\n"
                   "quotas:\n  - {grade: 先进, percent: 30%, require: [judgd >= 60]}\n"),
         "condition names unknown node 'judgd'");
  }
}

TEST_CASE("grades: quota and gate grades around the catch-all, and their misuse") {
  SUBCASE("a quota grade may have a min; quota and gate grades may follow the catch-all") {
    Scheme s = parse_scheme("s.yaml", std::string(kMinimal) +
                            "grades:\n"
                            "  - {name: 合格, min: 60}\n"
                            "  - {name: 不合格}\n"
                            "  - {name: 先进, quota: true, min: 95}\n"
                            "  - {name: 否决, gate: true}\n");
    CHECK(s.grades.size() == 4);
  }
  SUBCASE("a threshold grade after the catch-all") {
    diag(load_fail(std::string(kMinimal) +
                   "grades:\n  - {name: 甲}\n  - {name: 否决, gate: true}\n"
                   "  - {name: 乙, min: 80}\n"),
         "grade '甲' has no 'min' but is not the last");
  }
  SUBCASE("a gate grade takes no min") {
    Diagnostic d = diag(load_fail(std::string(kMinimal) +
                                  "grades:\n  - {name: 不合格, gate: true, min: 60}\n"),
                        "gate grade '不合格' takes no 'min'");
    CHECK(d.line == 17);
  }
  SUBCASE("both a quota and a gate grade") {
    diag(load_fail(std::string(kMinimal) +
                   "grades:\n  - {name: 先进, quota: true, gate: true}\n"),
         "grade '先进' cannot be both a quota grade and a gate grade");
  }
  SUBCASE("a grade without the key 'name'") {
    Diagnostic d = diag(load_fail(std::string(kMinimal) + "grades:\n  - {min: 60}\n"),
                        "a grade needs a 'name'");
    CHECK(contains(d.hint, "name: \"\""));
  }
  SUBCASE("two grades with an empty name") {
    diag(load_fail(std::string(kMinimal) +
                   "grades:\n  - {name: \"\", min: 60}\n  - {name: \"\"}\n"),
         "grade '' is listed twice");
  }
}

// --- general quotas and tie-breakers (issue 17, point 2) ---------------------------

TEST_CASE("quotas: count, bottom, flag, base, several grades, rounding; tie-breaker order") {
  Scheme s = parse_scheme(
      "s.yaml", std::string(kMinimal) +
                    "flags:\n  - {id: admonish, name: 诫勉谈话}\n"
                    "grades:\n"
                    "  - {name: 先进, quota: true}\n"
                    "  - {name: 优秀, min: 90}\n"
                    "  - {name: 良好, min: 80}\n"
                    "  - {name: 较差, quota: true}\n"
                    "  - {name: 一般}\n"
                    "quotas:\n"
                    "  - {grade: 先进, count: 3, from: [优秀, 良好]}\n"
                    "  - {grade: 较差, bottom: true, percent: 10%, base: eligible,"
                    " round: half_even}\n"
                    "  - {bottom: true, count: 5, flag: admonish}\n"
                    "ranking: {tie_breakers: [judged, {node: late, order: ascending},"
                    " {node: judged, order: descending}]}\n");
  REQUIRE(s.quotas.size() == 3);
  CHECK(s.quotas[0].count == 3);
  CHECK(s.quotas[0].from == std::vector<std::string>{"优秀", "良好"});
  CHECK_FALSE(s.quotas[0].bottom);
  CHECK(s.quotas[1].bottom);
  CHECK(s.quotas[1].base_eligible);
  CHECK(s.quotas[1].round == Quota::Round::kHalfEven);
  CHECK_FALSE(s.quotas[1].count.has_value());
  CHECK(s.quotas[2].flag == "admonish");
  CHECK(s.quotas[2].grade.empty());
  CHECK(s.ranking.tie_breakers == std::vector<std::string>{"judged", "late", "judged"});
  CHECK(s.ranking.ascending == std::vector<bool>{false, true, false});
}

TEST_CASE("quotas written wrong") {
  const std::string top = std::string(kMinimal) +
                          "flags:\n  - {id: admonish, name: 诫勉谈话}\n"
                          "grades:\n  - {name: 先进, quota: true}\n  - {name: 合格}\n"
                          "quotas:\n";
  auto fails = [&](const std::string& quota, const std::string& needle) {
    CAPTURE(quota);
    diag(load_fail(top + "  - " + quota + "\n"), needle);
  };
  fails("{grade: 先进, percent: 30%, count: 3}", "a quota takes 'percent' or 'count', not both");
  fails("{grade: 先进}", "a quota needs 'grade' and 'percent'");
  fails("{grade: 先进, count: 0}", "'count' must be at least 1");
  fails("{grade: 先进, count: 2.5}", "'count' must be a whole number");
  fails("{count: 5, flag: admonish}", "only a bottom quota raises a 'flag'");
  fails("{bottom: true, count: 5, flag: admonsh}", "unknown flag 'admonsh'");
  fails("{grade: 先进, bottom: true, count: 5, flag: admonish}",
        "a quota gives a 'grade' or raises a 'flag', not both");
  fails("{grade: 先进, percent: 30%, base: eligable}", "base must be all or eligible");
  fails("{grade: 先进, count: 3, base: eligible}", "a 'count' needs none");
  fails("{grade: 先进, percent: 30%, round: half_odd}", "round must be floor, ceil");
  fails("{grade: 先进, count: 3, round: ceil}", "a 'count' is whole: it needs no 'round'");
  fails("{grade: 先进, percent: 30%, from: [合格, 及格]}", "unknown grade '及格'");
}

TEST_CASE("tie-breakers written wrong") {
  Diagnostic d = diag(load_fail(std::string(kMinimal) +
                                "ranking: {tie_breakers: [{node: late, order: up}]}\n"),
                      "order must be ascending or descending; got 'up'");
  CHECK(d.line == 16);
  diag(load_fail(std::string(kMinimal) + "ranking: {tie_breakers: [{order: ascending}]}\n"),
       "a tie breaker needs 'node'");
  diag(load_fail(std::string(kMinimal) + "ranking: {tie_breakers: [{node: lat}]}\n"),
       "tie breaker names unknown node 'lat'");
}

}  // namespace
}  // namespace kaohe
