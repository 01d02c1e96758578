// Unit tests of the `result` leaf (scoring/result_leaf.cpp) on in-memory
// sources: the exact conversion (points × score ÷ scale, or −deduct ×
// shortfall ÷ scale), each missing policy, a source node that does not
// apply, scores outside 0..scale, and the leaf inside a scored tree
// (rounded once; a not-applicable policy of `mean`).
#include "scoring/result_leaf.h"

#include <doctest/doctest.h>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;

Decimal dec(const char* s) { return *Decimal::parse(s); }

const char* const kChildren =
    "    - {id: party, name: 党建, points: 20, result: {from: p.json}}\n"
    "    - {id: safety, name: 安全, result: {from: s.json, deduct: 2}}\n"
    "    - {id: rest, name: 其他, points: 80, direct: {}}\n";

ResultLeafSource source(std::vector<SourceScore> units, const char* scale = "100") {
  ResultLeafSource s;
  s.file = "p.json";
  s.node = "total";
  s.scale = dec(scale);
  s.units = std::move(units);
  return s;
}

SourceScore scored(const char* v) {
  SourceScore s;
  s.state = SourceScore::State::kScored;
  s.score = dec(v);
  return s;
}

TEST_CASE("result leaf: points × score ÷ scale, exactly") {
  Scheme scheme = test::scheme_of(test::scheme_text(kChildren));
  const Node& party = scheme.nodes[static_cast<std::size_t>(scheme.find("party"))];
  ResultLeafSource src = source({scored("89.38"), scored("0"), scored("100")});
  LeafOutcome a = score_result_leaf(party, &src, 0);
  CHECK(a.error.empty());
  CHECK(a.value == Rational(dec("17.876")));  // 20 × 89.38 ÷ 100, not rounded here
  CHECK(score_result_leaf(party, &src, 1).value == Rational());
  CHECK(score_result_leaf(party, &src, 2).value == Rational(20));
  // A source on 170 points (legal-education): 20 × 153 ÷ 170 = 18.
  ResultLeafSource legal = source({scored("153")}, "170");
  CHECK(score_result_leaf(party, &legal, 0).value == Rational(18));
  // Thirds stay exact until the one rounding: 20 × 1 ÷ 3.
  ResultLeafSource third = source({scored("1")}, "3");
  CHECK(score_result_leaf(party, &third, 0).value == Rational(20) / Rational(3));
}

TEST_CASE("result leaf: deduct × (scale − score) ÷ scale (倒扣分)") {
  Scheme scheme = test::scheme_of(test::scheme_text(kChildren));
  const Node& safety = scheme.nodes[static_cast<std::size_t>(scheme.find("safety"))];
  ResultLeafSource src = source({scored("85"), scored("100"), scored("0")});
  CHECK(score_result_leaf(safety, &src, 0).value == -Rational(dec("0.3")));
  CHECK(score_result_leaf(safety, &src, 1).value == Rational());
  CHECK(score_result_leaf(safety, &src, 2).value == -Rational(2));
}

TEST_CASE("result leaf: a unit missing from the source takes the rule's missing") {
  Scheme scheme = test::scheme_of(test::scheme_text(kChildren));
  Node party = scheme.nodes[static_cast<std::size_t>(scheme.find("party"))];
  Node safety = scheme.nodes[static_cast<std::size_t>(scheme.find("safety"))];
  ResultLeafSource src = source({SourceScore{}});
  LeafOutcome err = score_result_leaf(party, &src, 0);
  CHECK(contains(err.error, "not in the result of p.json"));
  CHECK(contains(err.hint, "missing: na|zero|full"));
  party.rule.missing = MissingPolicy::kNotApplicable;
  LeafOutcome na = score_result_leaf(party, &src, 0);
  CHECK(na.error.empty());
  CHECK(!na.applicable);
  CHECK(contains(na.default_used, "does not apply (na)"));
  party.rule.missing = MissingPolicy::kZero;
  CHECK(score_result_leaf(party, &src, 0).value == Rational());
  party.rule.missing = MissingPolicy::kFull;
  CHECK(score_result_leaf(party, &src, 0).value == Rational(20));
  // On a deduction: zero reads the score 0 (the whole deduction), full
  // reads full marks (nothing deducted).
  safety.rule.missing = MissingPolicy::kZero;
  CHECK(score_result_leaf(safety, &src, 0).value == -Rational(2));
  safety.rule.missing = MissingPolicy::kFull;
  CHECK(score_result_leaf(safety, &src, 0).value == Rational());
  CHECK(contains(score_result_leaf(safety, &src, 0).default_used, "read as 100, full marks"));
}

TEST_CASE("result leaf: n/a in the source, outside 0..scale, a failed source") {
  Scheme scheme = test::scheme_of(test::scheme_text(kChildren));
  const Node& party = scheme.nodes[static_cast<std::size_t>(scheme.find("party"))];
  SourceScore na;
  na.state = SourceScore::State::kNotApplicable;
  ResultLeafSource src = source({na, scored("100.01"), scored("-0.5")});
  LeafOutcome a = score_result_leaf(party, &src, 0);
  CHECK(a.error.empty());
  CHECK(!a.applicable);
  CHECK(contains(a.default_used, "the total of p.json does not apply to the unit"));
  CHECK(contains(score_result_leaf(party, &src, 1).error, "scores 100.01 in the total of "
                                                          "p.json, outside 0..100"));
  CHECK(contains(score_result_leaf(party, &src, 2).error, "outside 0..100"));
  src.failed = true;  // reported once at the scheme's line: nothing per unit
  CHECK(score_result_leaf(party, &src, 1).error.empty());
  CHECK(contains(score_result_leaf(party, nullptr, 0).error, "was not read"));
}

TEST_CASE("result leaf in the tree: rounded once, n/a in the source gets the mean") {
  Scheme scheme = test::scheme_of(test::scheme_text(
      "    - {id: party, name: 党建, points: 20, not_applicable: mean,\n"
      "       result: {from: p.json}}\n"
      "    - {id: rest, name: 其他, points: 80, direct: {}}\n"));
  Roster roster = test::roster_of({{"V1"}, {"V2"}, {"V3"}});
  MeasureTable measures;
  const int rest = scheme.find("rest");
  for (int u = 0; u < 3; ++u) {
    Measure m;
    m.value = Decimal::from_int(80);
    measures.slot(u, rest).push_back(m);
  }
  SourceScore na;
  na.state = SourceScore::State::kNotApplicable;
  ResultScores results;
  results.leaves[scheme.find("party")] = source({scored("89.38"), scored("93.75"), na});
  Tallies tallies(scheme, roster.size());
  tallies.finish();
  Diagnostics diags;
  ScoreSheet sheet = score_units(scheme, roster, tallies, measures, diags, 1, &results);
  CHECK(diags.error_count() == 0);
  const int party = scheme.find("party");
  CHECK(sheet.at(0, party).score == dec("17.88"));  // 17.876
  CHECK(sheet.at(1, party).score == dec("18.75"));
  // V3: not assessed there → the mean of the printed 17.88 and 18.75.
  CHECK(sheet.at(2, party).score == dec("18.32"));  // 18.315 → 18.32
  CHECK(sheet.at(0, 0).score == dec("97.88"));
}

}  // namespace
}  // namespace kaohe
