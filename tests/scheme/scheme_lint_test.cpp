// Unit tests of lint_scheme (the findings `kaohe check` adds to a scheme
// that loads) and of the loader's rule-range diagnostics that `check`
// reports: each with its line, column, message and hint (SPEC §9).
#include "scheme/scheme_lint.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "scheme/scheme_loader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::find_diag;
using test::scheme_of;
using test::scheme_text;

std::vector<Diagnostic> lint(const std::string& yaml) {
  return lint_scheme(scheme_of(yaml));
}

Error load_fail(const std::string& text) {
  return test::expect_error([&] { (void)parse_scheme("s.yaml", text); });
}

// Grades and a gate on node `node` below `below`, appended after the root.
std::string gate_on(const std::string& node, const std::string& below) {
  return "grades:\n"
         "  - {name: 优秀, min: 90}\n"
         "  - {name: 良好}\n"
         "gates:\n"
         "  - {node: " + node + ", below: " + below + ", at_most: 良好}\n";
}

}  // namespace

TEST_CASE("lint: a clean scheme has no findings") {
  CHECK(lint(scheme_text("    - {id: a, name: 甲, points: 40, per_event: {deduct: 2}}\n"
                         "    - {id: b, name: 乙, points: 60, direct: {}}\n"))
            .empty());
}

TEST_CASE("lint: children's points against the parent's") {
  SUBCASE("a sum that falls short") {
    auto found = lint(scheme_text("    - {id: a, name: 甲, points: 40, direct: {}}\n"
                                  "    - {id: b, name: 乙, points: 50, direct: {}}\n"));
    REQUIRE(found.size() == 1);
    const Diagnostic& d = found[0];
    CHECK(d.file == "t.yaml");
    CHECK(d.line == 3);  // "  id: total"
    CHECK(d.col == 3);
    CHECK(d.severity == Severity::kError);
    CHECK(d.message == "the children of 'total' (总分) add up to 90, but it has 100 points");
    CHECK(d.source_line == "  id: total");
    CHECK(contains(d.hint, "'base'"));
  }
  SUBCASE("a base makes up the difference") {
    CHECK(lint(scheme_text("    - {id: a, name: 甲, points: 40, direct: {}}\n"
                           "    - {id: b, name: 乙, points: 50, direct: {}}\n",
                           "  base: 10\n"))
              .empty());
  }
  SUBCASE("a base that overshoots is named in the message") {
    auto found = lint(scheme_text("    - {id: a, name: 甲, points: 40, direct: {}}\n"
                                  "    - {id: b, name: 乙, points: 60, direct: {}}\n",
                                  "  base: 10\n"));
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "add up to 110 with its base"));
  }
  SUBCASE("adjustments without points are not counted") {
    CHECK(lint(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n"
                           "    - {id: bonus, name: 奖励, cap: 5, per_event: {add: 1}}\n"))
              .empty());
  }
}

TEST_CASE("lint: declared category full marks against the items that apply") {
  std::string yaml = scheme_text(
      "    - {id: a, name: 甲, points: 30, direct: {}}\n"
      "    - {id: b, name: 乙, points: 25, direct: {}}\n"
      "    - {id: c, name: 丙, points: 18, applies_to: [A], direct: {}}\n"
      "    - {id: d, name: 丁, points: 27, direct: {}}\n",
      "", "categories: {A: 100, B: 80}\n");
  auto found = lint(yaml);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 2);
  CHECK(found[0].col == 22);
  CHECK(found[0].message ==
        "category B declares full marks 80, but the items that apply to it add up to 82");
  CHECK(!found[0].hint.empty());
}

TEST_CASE("lint: a gate that always fires") {
  const std::string parts =
      "    - {id: target, name: 目标考核, points: 90, direct: {}}\n"
      "    - {id: review, name: 述职评议, points: 10, direct: {}}\n";
  SUBCASE("below a node's points: may fire, not reported") {
    CHECK(lint(scheme_text(parts) + gate_on("review", "8")).empty());
  }
  SUBCASE("below exactly the points: fires only when points are lost") {
    CHECK(lint(scheme_text(parts) + gate_on("review", "10")).empty());
  }
  SUBCASE("above a node's points") {
    auto found = lint(scheme_text(parts) + gate_on("review", "80"));
    REQUIRE(found.size() == 1);
    const Diagnostic& d = found[0];
    CHECK(d.line == 13);
    CHECK(d.col == 5);
    CHECK(d.message ==
          "the gate on 'review' (述职评议) fires below 80, but the node scores at "
          "most 10 (its points): the gate always fires");
    CHECK(d.source_line == "  - {node: review, below: 80, at_most: 良好}");
    CHECK(d.hint == "write 'below' on the node's own scale, from 0 to 10");
  }
  SUBCASE("a bonus without a cap can lift a node above its points") {
    std::string yaml = scheme_text(
        "    - id: part\n"
        "      name: 工作\n"
        "      points: 100\n"
        "      children:\n"
        "        - {id: work, name: 实绩, points: 100, direct: {}}\n"
        "        - {id: bonus, name: 加分, per_event: {add: 5}}\n");
    CHECK(lint(yaml + gate_on("part", "105")).empty());
  }
  SUBCASE("a cap bounds the bonus") {
    std::string yaml = scheme_text(
        "    - id: part\n"
        "      name: 工作\n"
        "      points: 100\n"
        "      cap: 104\n"
        "      children:\n"
        "        - {id: work, name: 实绩, points: 100, direct: {}}\n"
        "        - {id: bonus, name: 加分, per_event: {add: 5}}\n");
    auto found = lint(yaml + gate_on("part", "105"));
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "scores at most 104: the gate always fires"));
  }
  SUBCASE("a weighted node scores at most its points") {
    std::string yaml = scheme_text(
        "    - {id: a, name: 甲, points: 100, weight: 60%, direct: {}}\n"
        "    - {id: b, name: 乙, points: 50, weight: 40%, direct: {}}\n");
    CHECK(lint(yaml + gate_on("total", "100")).empty());
    auto found = lint(yaml + gate_on("total", "100.01"));
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "at most 100 (its points)"));
  }
  SUBCASE("the printed score is what the gate tests") {
    // 9.995 prints as 10.00 at precision 2: a gate below 10 can miss.
    std::string yaml = scheme_text(
        "    - {id: target, name: 目标考核, points: 90.005, direct: {}}\n"
        "    - {id: review, name: 述职评议, points: 9.995, direct: {}}\n");
    CHECK(lint(yaml + gate_on("review", "10")).empty());
    CHECK(lint(yaml + gate_on("review", "10.01")).size() == 1);
  }
  SUBCASE("flag gates are not judged") {
    std::string yaml = scheme_text(parts, "", "flags: [{id: veto, name: 一票否决}]\n");
    yaml += "grades:\n  - {name: 合格}\ngates:\n  - {flag: veto, force: 合格}\n";
    CHECK(lint(yaml).empty());
  }
}

TEST_CASE("lint: findings come in the order of the scheme's lines") {
  std::string yaml = scheme_text(
      "    - {id: a, name: 甲, points: 40, direct: {}}\n"
      "    - {id: b, name: 乙, points: 50, direct: {}}\n") +
      gate_on("b", "60");
  auto found = lint(yaml);
  REQUIRE(found.size() == 2);
  CHECK(found[0].line < found[1].line);
  CHECK(contains(found[0].message, "add up to 90"));
  CHECK(contains(found[1].message, "always fires"));
}

// The loader refuses these; `check` reports them in the same form.
TEST_CASE("rule parameters out of range carry a hint") {
  SUBCASE("a ranged rule whose maximum is below its minimum") {
    Error e = load_fail(scheme_text("    - {id: a, name: 甲, ranged: {deduct: [20, 10]}}\n"));
    const Diagnostic* d = find_diag(e.diagnostics(), "maximum is below its minimum");
    REQUIRE(d != nullptr);
    CHECK(e.exit_code() == 65);
    CHECK(d->line == 7);
    CHECK(d->hint == "write the smaller amount first: [10, 20]");
  }
  SUBCASE("a negative tier amount names the tier") {
    Error e = load_fail(scheme_text(
        "    - {id: a, name: 甲, points: 20, tiered: {deduct: {第二次: 3, 第三次: -10}}}\n"));
    const Diagnostic* d =
        find_diag(e.diagnostics(), "the amount of tier '第三次' must not be negative, got -10");
    REQUIRE(d != nullptr);
    CHECK(contains(d->hint, "'add' or 'deduct' gives the sign"));
  }
  SUBCASE("a negative role amount names the role") {
    Error e = load_fail(scheme_text(
        "    - {id: a, name: 甲, role: {add: {主办: 1, 协办: -0.5}}}\n"));
    CHECK(find_diag(e.diagnostics(), "the amount of role '协办' must not be negative") !=
          nullptr);
  }
  SUBCASE("a vote level above the scale") {
    Error e = load_fail(scheme_text(
        "    - {id: v, name: 测评, points: 30, votes: {levels: {优秀: 120, 良好: 80}}}\n"));
    const Diagnostic* d = find_diag(e.diagnostics(), "level '优秀' scores 120, above the scale 100");
    REQUIRE(d != nullptr);
    CHECK(e.diagnostics().size() == 1);
    CHECK(d->line == 7);
    CHECK(contains(d->hint, "'scale'"));
  }
  SUBCASE("a vote level within a larger scale loads") {
    Scheme s = scheme_of(scheme_text(
        "    - {id: v, name: 测评, points: 100,"
        " votes: {levels: {优秀: 120, 良好: 80}, scale: 120}}\n"));
    CHECK(s.nodes[1].rule.named.size() == 2);
  }
  SUBCASE("a vote level at the scale loads") {
    Scheme s = scheme_of(scheme_text(
        "    - {id: v, name: 测评, points: 100, votes: {levels: {优秀: 100, 较差: 0}}}\n"));
    CHECK(s.nodes[1].rule.named.size() == 2);
  }
}

// --- issue 17: general grades, gates, quotas and tie-breakers ----------------------

const char* const kTwoParts =
    "    - {id: target, name: 目标考核, points: 90, direct: {}}\n"
    "    - {id: review, name: 述职评议, points: 10, direct: {}}\n";

// The messages of every finding, in order.
std::vector<std::string> messages(const std::vector<Diagnostic>& found) {
  std::vector<std::string> out;
  for (const Diagnostic& d : found) out.push_back(d.message);
  return out;
}

TEST_CASE("lint: a gate condition 'node < N' or 'node <= N' that always holds") {
  auto found = lint(scheme_text(kTwoParts) +
                    "grades:\n  - {name: 优秀, min: 90}\n  - {name: 良好}\n"
                    "gates:\n"
                    "  - {when: review <= 10, at_most: 良好}\n"  // 13: 10 <= 10 always
                    "  - {when: review < 10, at_most: 良好}\n"   // may miss: not reported
                    "  - {when: review > 80, at_most: 良好}\n"   // never holds: not this check
                    "  - {all: [review < 80, target < 100], at_most: 良好}\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 13);
  CHECK(found[0].message ==
        "the gate on 'review' (述职评议) fires when review <= 10, but the node scores at "
        "most 10 (its points): the gate always fires");
  CHECK(found[0].hint == "write the bound on the node's own scale, from 0 to 10");
}

TEST_CASE("lint: grades no unit can reach") {
  SUBCASE("a gate grade no gate gives; one a cap gives is reachable") {
    auto found = lint(scheme_text(kTwoParts) +
                      "grades:\n"
                      "  - {name: 合格}\n"
                      "  - {name: 待定, gate: true}\n"        // 11: at_most gives it
                      "  - {name: 不合格, gate: true}\n"       // 12: nothing gives it
                      "gates:\n  - {when: review < 6, at_most: 待定}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 12);
    CHECK(contains(found[0].message, "grade '不合格' is given only by a gate"));
  }
  SUBCASE("a quota grade no quota gives; a bottom quota gives one") {
    auto found = lint(scheme_text(kTwoParts) +
                      "grades:\n"
                      "  - {name: 先进, quota: true}\n"        // 10
                      "  - {name: 合格}\n"
                      "  - {name: 较差, quota: true}\n"
                      "quotas:\n  - {grade: 较差, bottom: true, count: 1}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 10);
    CHECK(contains(found[0].message, "grade '先进' is a quota grade, but no quota gives it"));
  }
  SUBCASE("a min above the most the total prints, also a quota grade's own min") {
    auto found = lint(scheme_text(kTwoParts) +
                      "grades:\n"
                      "  - {name: 先进, quota: true, min: 100.01}\n"  // 10
                      "  - {name: 优秀, min: 100}\n"                  // 11: reachable
                      "  - {name: 合格}\n"
                      "quotas:\n  - {grade: 先进, count: 1}\n");
    CHECK(messages(found) ==
          std::vector<std::string>{"grade '先进' needs a total of at least 100.01, but the "
                                   "total is at most 100: no unit can reach it"});
  }
  SUBCASE("not checked when totals are normalised by category") {
    CHECK(lint(scheme_text("    - {id: a, name: 甲, points: 100, direct: {}}\n", "",
                           "categories: {A: 100}\n") +
               "grades:\n  - {name: 优秀, min: 110}\n  - {name: 合格}\n")
              .empty());
  }
}

TEST_CASE("lint: a quota from its own grade, tie-breakers that never decide") {
  auto found = lint(scheme_text(kTwoParts) +
                    "grades:\n  - {name: 先进, quota: true}\n  - {name: 合格}\n"
                    "quotas:\n  - {grade: 先进, count: 1, from: [合格, 先进]}\n"  // 13
                    "ranking: {tie_breakers: [review, total, review]}\n");       // 14
  REQUIRE(found.size() == 3);
  CHECK(found[0].line == 13);
  CHECK(contains(found[0].message, "draws from '先进' itself"));
  CHECK(found[1].line == 14);
  CHECK(contains(found[1].message, "tie breaker 'total' is the root"));
  CHECK(contains(found[2].message, "tie breaker 'review' is listed twice"));
}

}  // namespace kaohe

// --- bands and amounts of both signs (issue 17 point 4) ---------------------

namespace kaohe {
namespace {

// The load error of a scheme with these children whose message contains
// `needle` (a copy: the Error is gone when this returns).
std::optional<Diagnostic> load_diag(const std::string& children, const std::string& needle) {
  Error e = load_fail(scheme_text(children));
  CHECK(e.exit_code() == 65);
  const Diagnostic* d = find_diag(e.diagnostics(), needle);
  if (d == nullptr) {
    for (const auto& x : e.diagnostics()) MESSAGE(x.message);
    return std::nullopt;
  }
  return *d;
}

TEST_CASE("load: bands written wrong") {
  SUBCASE("no table") {
    auto d = load_diag(
        "    - {id: a, name: 甲, points: 20, bands: {below: 0}}\n", "bands need 'table'");
    REQUIRE(d != std::nullopt);
    CHECK(d->line == 7);
    CHECK(contains(d->hint, "达到90%(20分)"));
  }
  SUBCASE("bounds not descending") {
    auto d = load_diag(
        "    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 80%, points: 15},"
        " {at_least: 90%, points: 20}]}}\n",
        "band bound '90%' is not below the band before it ('80%')");
    REQUIRE(d != std::nullopt);
    CHECK(d->hint == "write the bands highest first, each bound lower than the one before");
  }
  SUBCASE("a bound listed twice") {
    CHECK(load_diag("    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 90, points: 20},"
                    " {at_least: 90, points: 15}]}}\n",
                    "band bound '90' is not below the band before it ('90')") != std::nullopt);
  }
  SUBCASE("percentages mixed with numbers") {
    auto d = load_diag(
        "    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 90%, points: 20},"
        " {at_least: 80, points: 15}]}}\n",
        "band bound '80' is a number but the first band's is a percentage");
    REQUIRE(d != std::nullopt);
    CHECK(contains(d->hint, "ratio such as 0.9"));
  }
  SUBCASE("a band without points") {
    CHECK(load_diag("    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 90%}]}}\n",
                    "a band needs 'at_least' and 'points'").has_value());
  }
  SUBCASE("an unknown key in a band") {
    CHECK(load_diag("    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 90%, "
                    "points: 20, at_most: 95%}]}}\n",
                    "unknown key 'at_most' in a band") != std::nullopt);
  }
  SUBCASE("a band above the leaf's points") {
    auto d = load_diag(
        "    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 90%, points: 25}]}}\n",
        "band '90%' of 'a' scores 25, outside 0..20 (its points)");
    REQUIRE(d != std::nullopt);
    CHECK(contains(d->hint, "drop 'points'"));
  }
  SUBCASE("a negative below on a leaf with points") {
    CHECK(load_diag("    - {id: a, name: 甲, points: 20, bands: {below: -1, table: [{at_least: "
                    "90%, points: 20}]}}\n",
                    "'below' of 'a' scores -1, outside 0..20 (its points)") != std::nullopt);
  }
  SUBCASE("a percentage above 100%") {
    CHECK(load_diag("    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 120%, "
                    "points: 20}]}}\n",
                    "'at_least' must be a percentage between 0% and 100%") != std::nullopt);
  }
}

TEST_CASE("load: amounts of both signs written wrong") {
  SUBCASE("on a leaf with points") {
    auto d = load_diag(
        "    - {id: a, name: 甲, points: 5, tiered: {add: {好: 1}, deduct: {差: 2}}}\n",
        "leaf 'a' both adds and deducts (tiered): it is an adjustment and takes no 'points'");
    REQUIRE(d != std::nullopt);
    CHECK(d->line == 7);
  }
  SUBCASE("a name under both signs") {
    CHECK(load_diag("    - {id: a, name: 甲, role: {add: {主办: 1}, deduct: {主办: 2}}}\n",
                    "'主办' is named twice") != std::nullopt);
  }
  SUBCASE("with a surcharge") {
    CHECK(load_diag("    - {id: a, name: 甲, tiered: {add: {好: 1}, deduct: {差: 2}, "
                    "surcharge: {at: 3, deduct: 2}}}\n",
                    "a surcharge needs one direction") != std::nullopt);
  }
  SUBCASE("under same_ref: highest") {
    Error e = load_fail(scheme_text(
        "    - {id: a, name: 甲, role: {add: {主办: 1}, deduct: {未反馈: 2}}}\n",
        "  same_ref: highest\n"));
    const Diagnostic* d = find_diag(e.diagnostics(), "not supported yet");
    REQUIRE(d != nullptr);
    CHECK(contains(d->message, "under 'total' with same_ref: highest"));
  }
  SUBCASE("per_event still takes one direction") {
    CHECK(load_diag("    - {id: a, name: 甲, per_event: {add: 1, deduct: 2}}\n",
                    "'per_event' needs exactly one of 'add' or 'deduct'") != std::nullopt);
  }
}

TEST_CASE("load: both signs and bands are described for diff and JSON") {
  Scheme s = scheme_of(scheme_text(
      "    - {id: a, name: 甲, tiered: {deduct: {差: 2}, add: {好: 1, 优: 1.5}}}\n"
      "    - {id: b, name: 乙, points: 20, bands: {below: 1, table: [{at_least: 90%, points: 20},"
      " {at_least: 80%, points: 15}]}}\n"
      "    - {id: c, name: 丙, points: 80, direct: {}}\n"));
  CHECK(describe_rule(s.nodes[static_cast<std::size_t>(s.find("a"))].rule) ==
        "tiered add 好 1, 优 1.5, deduct 差 2");
  CHECK(describe_rule(s.nodes[static_cast<std::size_t>(s.find("b"))].rule) ==
        "bands 90% 20, 80% 15, below 1");
}

TEST_CASE("lint: bands where a higher value scores less") {
  SUBCASE("two bands swapped") {
    auto found = lint(scheme_text(
        "    - {id: a, name: 甲, points: 20, bands: {table: [{at_least: 90%, points: 15},\n"
        "       {at_least: 80%, points: 20}]}}\n"
        "    - {id: b, name: 乙, points: 80, direct: {}}\n"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          "band '90%' of 'a' scores 15, less than band '80%' 20: a higher value scores less");
    CHECK(found[0].line == 7);
  }
  SUBCASE("below above the lowest band") {
    auto found = lint(scheme_text(
        "    - {id: a, name: 甲, points: 20, bands: {below: 10, table: [{at_least: 90%, points: 5}]}}\n"
        "    - {id: b, name: 乙, points: 80, direct: {}}\n"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          "band '90%' of 'a' scores 5, less than 'below' 10: a higher value scores less");
  }
  SUBCASE("deduction bands in order are clean") {
    CHECK(lint(scheme_text(
                   "    - {id: a, name: 甲, bands: {below: -0.3, table: [{at_least: 100, points: 0},"
                   " {at_least: 98, points: -0.1}]}}\n"
                   "    - {id: b, name: 乙, points: 100, direct: {}}\n"))
              .empty());
  }
}

}  // namespace
}  // namespace kaohe

// --- one_of (issue 17 point 5) ----------------------------------------------

namespace kaohe {
namespace {

std::string one_of(const std::string& node_extra, const std::string& a, const std::string& b) {
  return "    - id: nc\n"
         "      name: 共建新农村\n"
         "      points: 2\n" + node_extra +
         "      children:\n"
         "        - " + a + "\n"
         "        - " + b + "\n"
         "    - {id: rest, name: 其他, points: 98, direct: {}}\n";
}
const std::string kMember = "{id: member, name: 成员, points: 2, direct: {}}";
const std::string kOther = "{id: other, name: 非成员, points: 2, direct: {}}";

TEST_CASE("load: one_of written wrong") {
  SUBCASE("a value other than rows") {
    auto d = load_diag(one_of("      one_of: column\n", kMember, kOther),
                       "'one_of' must be 'rows' or {column: …}, got 'column'");
    REQUIRE(d != std::nullopt);
    CHECK(d->line == 10);
    CHECK(contains(d->hint, "one_of: {column: 成员单位"));
  }
  SUBCASE("chosen by a measure: not supported yet") {
    auto d = load_diag(one_of("      one_of: {measure: x}\n", kMember, kOther),
                       "one_of chosen by a measure is not supported yet");
    REQUIRE(d != std::nullopt);
    CHECK(d->line == 10);
  }
  SUBCASE("a column without choose loads; with choose, every child is chosen") {
    Scheme s = parse_scheme("t.yaml", scheme_text(one_of("      one_of: {column: 成员单位}\n",
                                                          kMember, kOther)));
    CHECK(s.roster_columns() == std::vector<std::string>{"成员单位"});
    CHECK(load_diag(one_of("      one_of: {column: 成员单位, choose: {是: member}}\n", kMember,
                           kOther),
                    "alternative 'other' of 'nc' is chosen by no value of column '成员单位'") !=
          std::nullopt);
    auto d = load_diag(one_of("      one_of: {column: 成员单位, choose: {是: membr, 否: other}}\n",
                              kMember, kOther),
                       "'membr' is not a child of 'nc'");
    REQUIRE(d != std::nullopt);
    CHECK(contains(d->hint, "member"));
    CHECK(load_diag(one_of("      one_of: {column: category}\n", kMember, kOther),
                    "one_of's column 'category' is a roster column kaohe reads itself") !=
          std::nullopt);
  }
  SUBCASE("on a leaf") {
    CHECK(load_diag("    - {id: a, name: 甲, points: 100, one_of: rows, direct: {}}\n",
                    "'one_of' on 'a', which has no children") != std::nullopt);
  }
  SUBCASE("an alternative with other points") {
    auto d = load_diag(
        one_of("      one_of: rows\n", kMember, "{id: other, name: 非成员, points: 1, direct: {}}"),
        "alternative 'other' of 'nc' has 1 points, but 'nc' has 2");
    REQUIRE(d != std::nullopt);
    CHECK(d->line == 13);
  }
  SUBCASE("a weighted alternative") {
    CHECK(load_diag(one_of("      one_of: rows\n",
                           "{id: member, name: 成员, points: 2, weight: 50%, direct: {}}",
                           "{id: other, name: 非成员, points: 2, weight: 50%, direct: {}}"),
                    "'member' is an alternative of 'nc' (one_of) and takes no weight") !=
          std::nullopt);
  }
  SUBCASE("an alternative with a not_applicable") {
    CHECK(load_diag(one_of("      one_of: rows\n", kMember,
                           "{id: other, name: 非成员, points: 2, not_applicable: full, direct: {}}"),
                    "'other' is an alternative of 'nc' (one_of): an alternative a unit did "
                    "not choose drops out") != std::nullopt);
  }
  SUBCASE("only one child") {
    Error e = load_fail(scheme_text(
        "    - id: nc\n      name: 共建新农村\n      points: 2\n      one_of: rows\n"
        "      children:\n        - " + kMember + "\n"
        "    - {id: rest, name: 其他, points: 98, direct: {}}\n"));
    CHECK(find_diag(e.diagnostics(), "'one_of' on 'nc', which has only one child") != nullptr);
  }
}

TEST_CASE("lint: one_of alternatives count once") {
  // Without one_of the two alternatives add up to 4 against 2; with it,
  // nothing to report, and the total's most is 100.
  CHECK(lint(scheme_text(one_of("      one_of: rows\n", kMember, kOther))).empty());
  auto found = lint(scheme_text(one_of("", kMember, kOther)));
  REQUIRE(found.size() == 1);
  CHECK(contains(found[0].message, "add up to 4, but it has 2 points"));
}

}  // namespace
}  // namespace kaohe
