// Unit tests of the per-unit event accumulators (Tallies): sums, monthly
// buckets, 取最高分 groups, and that row order never matters.
#include "scoring/tally.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::Ev;
using test::scheme_text;
using test::World;

TEST_CASE("Tallies sum rows, occurrences and amounts per unit and leaf") {
  World w(scheme_text("    - {id: late, name: 迟报, points: 10, per_event: {deduct: 2}}\n"
                      "    - {id: info, name: 信息, ranged: {deduct: [0.1, 0.5]}}\n"
                      "    - {id: q, name: 报送, points: 5, quota: {required: 2, deduct: 0.2}}\n"
                      "    - {id: rest, name: 其他, points: 85, direct: {}}\n",
                      "", "period: {from: 2025-01-10, to: 2025-04-05}\n"),
          {{"U1"}, {"U2"}});
  Tallies t(w.scheme, w.roster.size());
  CHECK(t.quota(w.scheme.find("q")).buckets().count() == 4);  // January to April
  auto feed = [&](const Ev& e) { t.on_event(w.to_event(e, 2)); };
  feed({"U1", "late", 3});
  feed({"U1", "late", 2});
  feed({"U2", "info", 4, "", "", "0.25"});
  feed({"U1", "q", 1, "", "", "", "2025-01-10"});
  feed({"U1", "q", 3, "", "", "", "2025-04-05"});
  feed({"U1", "q", 1, "", "", "", "2025-04-01"});
  t.finish();
  const int late = w.scheme.find("late");
  const int info = w.scheme.find("info");
  const int q = w.scheme.find("q");
  CHECK(t.has_rows(0, late));
  CHECK(t.at(0, late).count == 5);
  CHECK(t.at(0, late).amount == Decimal::from_int(10));
  CHECK_FALSE(t.has_rows(1, late));
  CHECK(t.at(1, info).count == 4);
  CHECK(t.at(1, info).amount == Decimal::from_int(1));
  CHECK(t.quota(q).have(0, 0, -1) == 1);
  CHECK(t.quota(q).have(0, 1, -1) == 0);
  CHECK(t.quota(q).have(0, 3, -1) == 4);
  CHECK(t.quota(q).have(1, 3, -1) == 0);
}

// Rows reach the sums in any order and any number:
// many rows, over many units, must all be counted once finish() is called.
TEST_CASE("Tallies count every row of a long stream, whatever the order") {
  World w(scheme_text("    - {id: late, name: 迟报, points: 10, per_event: {deduct: 2}}\n"
                      "    - {id: q, name: 报送, points: 5, quota: {required: 2, deduct: 0.2}}\n"
                      "    - {id: rest, name: 其他, points: 85, direct: {}}\n",
                      "", "period: {from: 2025-01-01, to: 2025-12-31}\n"),
          {{"U1"}, {"U2"}, {"U3"}, {"U4"}, {"U5"}});
  const char* const units[] = {"U1", "U2", "U3", "U4", "U5"};
  std::vector<Ev> rows;
  for (int i = 0; i < 1000; ++i) {
    std::string month = std::to_string(1 + i % 12);
    if (month.size() == 1) month.insert(0, "0");
    rows.push_back({units[i % 5], "q", 1 + i % 3, "", "", "", "2025-" + month + "-15"});
    rows.push_back({units[i % 5], "late", 1 + i % 2});
  }
  auto sums = [&](const std::vector<Ev>& order) {
    Tallies t(w.scheme, w.roster.size());
    for (const Ev& e : order) t.on_event(w.to_event(e, 2));
    t.finish();
    std::vector<std::int64_t> out;
    for (int u = 0; u < 5; ++u) {
      out.push_back(t.has_rows(u, w.scheme.find("late")));
      out.push_back(t.at(u, w.scheme.find("late")).count);
      out.push_back(t.at(u, w.scheme.find("late")).amount.units());
      for (int m = 0; m < 12; ++m) out.push_back(t.quota(w.scheme.find("q")).have(u, m, -1));
    }
    return out;
  };
  const std::vector<std::int64_t> forward = sums(rows);
  // U1 has rows i = 0, 5, 10, …: 200 late rows of count 1 or 2, alternating.
  CHECK(forward[0] == 1);  // it has rows
  CHECK(forward[1] == 300);
  CHECK(forward[2] == Decimal::from_int(600).units());
  std::int64_t months = 0;
  for (int m = 0; m < 12; ++m) months += forward[3 + m];
  CHECK(months == 400);  // Σ count of U1's quota rows: 1, 3, 2, 1, 3, …
  std::vector<Ev> reversed(rows.rbegin(), rows.rend());
  CHECK(sums(reversed) == forward);
  std::vector<Ev> three(rows.begin(), rows.begin() + 3);  // a short stream
  CHECK(sums(three)[0] == 1);
}

TEST_CASE("amount_of per rule kind") {
  Scheme s = test::scheme_of(
      scheme_text("    - {id: p, name: 甲, per_event: {add: 1.5}}\n"
                  "    - {id: t, name: 乙, tiered: {deduct: {x: 3, y: 0.5}}}\n"
                  "    - {id: r, name: 丙, role: {add: {承办: 2, 协办: 1}}}\n"
                  "    - {id: g, name: 丁, ranged: {add: [1, 2]}}\n"
                  "    - {id: rest, name: 其他, points: 100, direct: {}}\n"));
  auto node = [&](const char* id) -> const Node& {
    return s.nodes[static_cast<std::size_t>(s.find(id))];
  };
  Event e;
  CHECK(Tallies::amount_of(node("p"), e) == *Decimal::parse("1.5"));
  e.tier = 1;
  CHECK(Tallies::amount_of(node("t"), e) == *Decimal::parse("0.5"));
  e.role = 0;
  CHECK(Tallies::amount_of(node("r"), e) == Decimal::from_int(2));
  e.points = *Decimal::parse("1.75");
  CHECK(Tallies::amount_of(node("g"), e) == *Decimal::parse("1.75"));
}

TEST_CASE("取最高分: a row dropped for its ref does not count toward a surcharge") {
  World w(scheme_text("    - id: part\n"
                      "      name: 分项\n"
                      "      same_ref: highest\n"
                      "      children:\n"
                      "        - {id: a, name: 甲,"
                      " per_event: {deduct: 1, surcharge: {at: 2, deduct: 5}}}\n"
                      "        - {id: b, name: 乙, per_event: {deduct: 3}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "a", 1, "", "", "", "", "R1"});  // loses to b (3) under R1
  w.event({"U1", "b", 1, "", "", "", "", "R1"});
  w.event({"U1", "a", 1});                        // no ref: counts
  auto r = w.run();
  // a: one counted occurrence (< 2): −1; b: −3.
  CHECK(r.score("U1", "a") == "-1.00");
  CHECK(r.score("U1", "b") == "-3.00");
  CHECK(r.score("U1", "part") == "-4.00");
}

TEST_CASE("取最高分 groups are per unit and per ref") {
  World w(scheme_text("    - id: part\n"
                      "      name: 分项\n"
                      "      same_ref: highest\n"
                      "      children:\n"
                      "        - {id: a, name: 甲, per_event: {add: 2}}\n"
                      "        - {id: b, name: 乙, per_event: {add: 1}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}, {"U2"}});
  w.event({"U1", "a", 1, "", "", "", "", "R1"});
  w.event({"U2", "b", 1, "", "", "", "", "R1"});  // another unit: its own group
  w.event({"U1", "b", 1, "", "", "", "", "R2"});  // another ref
  w.event({"U1", "a", 2, "", "", "", "", "R3"});  // 4 beats b's 1 under R3
  w.event({"U1", "b", 1, "", "", "", "", "R3"});
  auto r = w.run();
  CHECK(r.score("U1", "a") == "6.00");
  CHECK(r.score("U1", "b") == "1.00");
  CHECK(r.score("U2", "b") == "1.00");
}

TEST_CASE("rows outside a 取最高分 group count in full even when refs repeat") {
  World w(scheme_text("    - {id: a, name: 甲, per_event: {add: 2}}\n"
                      "    - {id: b, name: 乙, per_event: {add: 1}}\n"
                      "    - {id: rest, name: 其他, points: 100, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "a", 1, "", "", "", "", "R1"});
  w.event({"U1", "a", 1, "", "", "", "", "R1"});
  w.event({"U1", "b", 1, "", "", "", "", "R1"});
  auto r = w.run();
  CHECK(r.score("U1", "a") == "4.00");
  CHECK(r.score("U1", "b") == "1.00");
}

// Σcount is checked: two rows of count 2^62 fed straight to the tallies
// (the event reader caps count at 10^9) end in an overflow error, never in
// a wrapped sum that silently skips the surcharge.
TEST_CASE("Σ count beyond int64 is an overflow error, never a wrong score") {
  World w(scheme_text("    - {id: s, name: 附加, points: 5,"
                      " per_event: {deduct: 0, surcharge: {at: 3, deduct: 2}}}\n"
                      "    - {id: rest, name: 其他, points: 95, direct: {missing: full}}\n"),
          {{"U1"}});
  w.event({"U1", "s", 4611686018427387904LL});
  w.event({"U1", "s", 4611686018427387904LL});
  bool threw = false;
  std::string score;
  try {
    auto r = w.run();
    score = r.score("U1", "s");
  } catch (const Error& e) {
    threw = true;
    CHECK(e.exit_code() == 65);
  }
  CHECK((threw || score == "3.00"));
}

}  // namespace
}  // namespace kaohe
