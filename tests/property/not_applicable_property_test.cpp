// Property of SPEC §10 ("Not applicable, in every combination") over
// generated schemes: a unit at full value on every leaf that applies to it
// reaches exactly its full marks, under any mix of sum and weighted nodes,
// NA rows on leaves and groups, applies_to by category, and the policies
// exclude, full, mean (on leaves), redistribute and move_to. With `zero`
// in the mix too, a perfect unit never exceeds its full marks.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "scoring/fixture.h"

namespace kaohe::test {
namespace {

// One generated scheme, with what a perfect unit writes for each leaf.
struct Generated {
  std::string yaml;
  std::vector<std::string> leaves;         // ids of the measure leaves
  std::vector<std::string> leaf_full;      // the value that is full marks
  std::vector<std::string> groups;         // ids of the inner nodes (not root)
};

class SchemeGenerator {
 public:
  SchemeGenerator(unsigned seed, bool with_zero) : rng_(seed), with_zero_(with_zero) {}

  Generated run() {
    Generated g;
    g_ = &g;
    std::string children = node_list(1, "    ");
    g.yaml = "kaohe: 1\ncategories: {A: 100, B: 100}\n"
             "root:\n  id: total\n  name: 总分\n  points: 100\n  children:\n" +
             children;
    return g;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return pick(100) < percent; }

  // Integer weights adding up to 100, each at least 5.
  std::vector<int> weights(int n) {
    std::vector<int> w(n, 5);
    for (int left = 100 - 5 * n; left > 0; --left) ++w[pick(n)];
    return w;
  }

  // The children of a node at `depth`, as a YAML block list.
  std::string node_list(int depth, const std::string& indent) {
    const int n = 1 + pick(depth == 1 ? 4 : 3);
    const bool weighted = chance(40);
    std::vector<int> w = weighted ? weights(n) : std::vector<int>{};
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back(fmt::format("n{}", next_id_ + i));
    next_id_ += n;
    std::string out;
    for (int i = 0; i < n; ++i) {
      out += indent + "- id: " + ids[i] + "\n";
      const std::string in = indent + "  ";
      out += in + "name: 项" + ids[i] + "\n";
      const bool leaf = depth >= 3 || chance(55);
      const int points = 5 * (1 + pick(8));
      out += in + fmt::format("points: {}\n", points);
      if (weighted) out += in + fmt::format("weight: {}%\n", w[i]);
      if (chance(12)) out += in + (chance(50) ? "applies_to: [A]\n" : "applies_to: [B]\n");
      // The policy when the node does not apply to a unit.
      switch (pick(with_zero_ ? 6 : 5)) {
        case 0: break;  // exclude
        case 1: out += in + "not_applicable: full\n"; break;
        case 2: out += in + "not_applicable: redistribute\n"; break;
        case 3:
          if (n > 1) {
            out += in + "not_applicable: {move_to: " + ids[(i + 1 + pick(n - 1)) % n] + "}\n";
          }
          break;
        case 4:
          if (leaf) out += in + "not_applicable: mean\n";
          break;
        case 5: out += in + "not_applicable: zero\n"; break;
      }
      if (leaf) {
        if (chance(50)) {
          out += in + "direct: {missing: na}\n";
          g_->leaf_full.push_back(fmt::format("{}", points));
        } else {
          out += in + "completion: {missing: na}\n";
          g_->leaf_full.push_back("1");
        }
        g_->leaves.push_back(ids[i]);
      } else {
        g_->groups.push_back(ids[i]);
        out += in + "children:\n" + node_list(depth + 1, in + "  ");
      }
    }
    // A bonus item beside the scored ones: 0 with no events, and it must
    // go with its group when every scored child drops out.
    if (!weighted && chance(30)) {
      out += indent + fmt::format("- {{id: bonus{}, name: 加分, per_event: {{add: 1}}}}\n",
                                  next_id_++);
    }
    return out;
  }

  std::mt19937 rng_;
  bool with_zero_;
  Generated* g_ = nullptr;
  int next_id_ = 1;
};

// Scores `units` perfect units on a generated scheme: each leaf is NA
// (measure row NA, or no row: missing: na) with some chance, else at its
// full value; some groups are NA as a whole.
void check_perfect_units(unsigned seed, bool with_zero, int& scored) {
  SchemeGenerator gen(seed, with_zero);
  Generated g = gen.run();
  CAPTURE(seed);
  CAPTURE(g.yaml);
  std::vector<UnitSpec> units;
  for (int u = 0; u < 6; ++u) units.push_back({fmt::format("U{}", u), "", u % 2 ? "B" : "A"});
  World w(g.yaml, units, true);
  std::mt19937 rng(seed * 7919u + 1);
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  for (const UnitSpec& u : units) {
    std::vector<char> group_na(w.scheme.nodes.size(), 0);
    for (const std::string& grp : g.groups) {
      if (chance(10)) {
        w.measure(u.id, grp, "NA");
        group_na[static_cast<std::size_t>(w.scheme.find(grp))] = 1;
      }
    }
    for (std::size_t i = 0; i < g.leaves.size(); ++i) {
      int n = w.scheme.find(g.leaves[i]);
      // Rows for a node that does not apply are errors: none under an NA
      // group or outside the unit's categories.
      bool applies = w.scheme.applies_to_category(n, u.category);
      for (int a = w.scheme.nodes[n].parent; a > 0; a = w.scheme.nodes[a].parent) {
        applies &= group_na[static_cast<std::size_t>(a)] == 0;
      }
      if (!applies) continue;
      const int r = std::uniform_int_distribution<int>(0, 99)(rng);
      if (r < 20) {
        w.measure(u.id, g.leaves[i], "NA");
      } else if (r < 30) {
        // no row: missing: na
      } else {
        w.measure(u.id, g.leaves[i], g.leaf_full[i]);
      }
    }
  }
  Result r = w.run();
  for (const Diagnostic& d : r.diags.list()) {
    // The one accepted failure: nothing of the scheme applies to a unit.
    REQUIRE_MESSAGE(d.message.find("no item of the scheme applies") != std::string::npos,
                    d.message);
  }
  for (const UnitSpec& u : units) {
    const int ui = r.unit(u.id);
    const NodeScore& root = r.sheet.at(ui, 0);
    if (!root.applicable) continue;
    CAPTURE(u.id);
    const Decimal full = r.sheet.full_marks(ui);
    if (with_zero) {
      CHECK(root.score <= full);
    } else {
      CHECK(root.score.to_string() == full.to_string());
      CHECK(r.sheet.total(ui) == Decimal::from_int(100));
    }
    ++scored;
  }
}

TEST_CASE("property: a unit perfect on every leaf that applies reaches exactly its full marks, under any mix of policies") {
  int scored = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) check_perfect_units(seed, false, scored);
  // Guards the property against passing on nothing.
  CHECK(scored > 1500);
}

TEST_CASE("property: with zero in the mix, a perfect unit never exceeds its full marks") {
  int scored = 0;
  for (unsigned seed = 1001; seed <= 1200; ++seed) check_perfect_units(seed, true, scored);
  CHECK(scored > 700);
}

}  // namespace
}  // namespace kaohe::test
