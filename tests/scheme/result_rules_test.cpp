// Unit tests of the loader's `result` rule (scheme/load_result_rules.cpp):
// what it reads, every error it reports, and how describe_rule spells it so
// that diff sees a changed source, node, scale or deduction.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

#include "scheme/model.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;

// The messages of the scheme's load errors, one per line.
std::string load_errors(const std::string& children, const std::string& top = "") {
  try {
    (void)parse_scheme("t.yaml", test::scheme_text(children, "", top));
  } catch (const Error& e) {
    std::string out;
    for (const Diagnostic& d : e.diagnostics()) {
      out += fmt::format("{}:{}: {} | {}\n", d.line, d.col, d.message, d.hint);
    }
    return out;
  }
  return "";
}

TEST_CASE("result: a saved result, a node, a scale and a missing policy") {
  Scheme s = test::scheme_of(test::scheme_text(
      "    - {id: party, name: 党建, points: 20,\n"
      "       result: {from: ../results/party.json, node: democratic, scale: 30, missing: zero}}\n"
      "    - {id: safety, name: 安全生产,\n"
      "       result: {scheme: safety.yaml, data: safety-2025, deduct: 2}}\n"
      "    - {id: rest, name: 其他, points: 80, direct: {}}\n"));
  const Node& party = s.nodes[static_cast<std::size_t>(s.find("party"))];
  REQUIRE(party.rule.kind == RuleKind::kResult);
  REQUIRE(party.rule.result.has_value());
  CHECK(party.rule.result->from == "../results/party.json");
  CHECK(party.rule.result->scheme.empty());
  CHECK(party.rule.result->node == "democratic");
  CHECK(party.rule.result->scale == Decimal::from_int(30));
  CHECK(!party.rule.result->deduct);
  CHECK(party.rule.missing == MissingPolicy::kZero);
  CHECK(party.rule.result->node_pos.line == 8);
  CHECK(describe_rule(party.rule) ==
        "result democratic of ../results/party.json, scale 30");
  const Node& safety = s.nodes[static_cast<std::size_t>(s.find("safety"))];
  CHECK(safety.rule.result->scheme == "safety.yaml");
  CHECK(safety.rule.result->data == "safety-2025");
  CHECK(safety.rule.result->node == "total");  // the default
  CHECK(!safety.rule.result->scale);           // the source's points, later
  CHECK(safety.rule.result->deduct == Decimal::from_int(2));
  CHECK(safety.rule.missing == MissingPolicy::kError);
  CHECK(describe_rule(safety.rule) ==
        "result total of safety.yaml on safety-2025, deduct 2");
  // Neither events nor measures feed it.
  CHECK(!rule_reads_events(RuleKind::kResult));
  CHECK(!rule_reads_measures(RuleKind::kResult));
}

TEST_CASE("result: where the score comes from must be said once, and rightly") {
  auto err = [](const std::string& result, const std::string& extra = "points: 5, ") {
    return load_errors("    - {id: x, name: 甲, " + extra + "result: " + result + "}\n");
  };
  CHECK(contains(err("{node: total}"), "needs 'from' (a saved result) or 'scheme'"));
  CHECK(contains(err("{from: a.json, scheme: b.yaml, data: d}"),
                 "one source: 'from' or 'scheme', not both"));
  CHECK(contains(err("{scheme: b.yaml}"), "needs 'data', its data folder"));
  CHECK(contains(err("{from: a.json, data: d}"), "'data' goes with 'scheme'"));
  CHECK(contains(err("{from: a.yaml}"), "looks like a scheme"));
  CHECK(contains(err("{from: a.yml}"), "looks like a scheme"));
  CHECK(contains(err("{scheme: a.json, data: d}"), "looks like a saved result"));
  CHECK(contains(err("{from: ''}"), "'from' names a saved result file"));
  CHECK(contains(err("{from: a.json, node: ''}"), "'node' names a node of the source"));
  CHECK(contains(err("{from: a.json, scale: 0}"), "'scale' must be greater than 0"));
  CHECK(contains(err("{from: a.json, scale: -5}"), "'scale' must be greater than 0"));
  CHECK(contains(err("{from: a.json, scale: '1,5'}"), "'scale' must be a number"));
  CHECK(contains(err("{from: a.json, missing: none}"),
                 "'missing' must be one of error, na, zero, full"));
  CHECK(contains(err("{from: a.json, nod: total}"), "unknown key 'nod' in rule 'result'"));
  CHECK(contains(err("{from: a.json, nod: total}"), "did you mean \"node\"?"));
  CHECK(contains(err("a.json"), "rule 'result' takes a mapping"));
  CHECK(contains(err("{from: a.json, deduct: 0}", ""), "'deduct' must be greater than 0"));
  CHECK(contains(err("{from: a.json, deduct: -2}", ""), "'deduct' must not be negative"));
}

TEST_CASE("result: points or deduct, one of them") {
  CHECK(contains(load_errors("    - {id: x, name: 甲, result: {from: a.json}}\n"),
                 "leaf 'x' (result) needs 'points' or a 'deduct'"));
  CHECK(contains(
      load_errors("    - {id: x, name: 甲, points: 5, result: {from: a.json, deduct: 5}}\n"),
      "has both 'points' and 'deduct'"));
  CHECK(load_errors("    - {id: x, name: 甲, result: {from: a.json, deduct: 5}}\n").empty());
  CHECK(load_errors("    - {id: x, name: 甲, points: 5, result: {from: a.json}}\n").empty());
}

TEST_CASE("result: not per sub-period, not an alternative of one_of") {
  const std::string periodic = load_errors(
      "    - id: p\n"
      "      name: 分期\n"
      "      points: 10\n"
      "      periods: {per: half, combine: mean}\n"
      "      children:\n"
      "        - {id: x, name: 甲, points: 10, result: {from: a.json}}\n",
      "period: {from: 2025-01-01, to: 2025-12-31}\n");
  CHECK(contains(periodic, "scored per sub-period ('periods' of 'p'), and a result is not"));
  const std::string one_of = load_errors(
      "    - id: g\n"
      "      name: 二选一\n"
      "      points: 5\n"
      "      one_of: rows\n"
      "      children:\n"
      "        - {id: x, name: 甲, points: 5, result: {from: a.json}}\n"
      "        - {id: y, name: 乙, points: 5, direct: {}}\n");
  CHECK(contains(one_of, "is an alternative of 'g' (one_of: rows), but a result has no rows"));
}

}  // namespace
}  // namespace kaohe

namespace kaohe {
namespace {

TEST_CASE("result: describe_rule changes with every parameter, so diff sees it") {
  auto rule_of = [](const std::string& leaf) {
    Scheme s = test::scheme_of(test::scheme_text("    - " + leaf + "\n"));
    return describe_rule(s.nodes[1].rule);
  };
  const std::vector<std::string> texts = {
      rule_of("{id: x, name: 甲, points: 5, result: {from: a.json}}"),
      rule_of("{id: x, name: 甲, points: 5, result: {from: b.json}}"),
      rule_of("{id: x, name: 甲, points: 5, result: {from: a.json, node: part}}"),
      rule_of("{id: x, name: 甲, points: 5, result: {from: a.json, scale: 80}}"),
      rule_of("{id: x, name: 甲, result: {from: a.json, deduct: 2}}"),
      rule_of("{id: x, name: 甲, result: {from: a.json, deduct: 3}}"),
      rule_of("{id: x, name: 甲, points: 5, result: {scheme: a.yaml, data: d}}"),
      rule_of("{id: x, name: 甲, points: 5, result: {scheme: a.yaml, data: e}}"),
  };
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      CHECK_MESSAGE(texts[i] != texts[j], texts[i]);
    }
  }
  CHECK(texts[0] == "result total of a.json");
  CHECK(texts[7] == "result total of a.yaml on e");
}

}  // namespace
}  // namespace kaohe
