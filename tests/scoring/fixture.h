// Shared helpers for the scoring, grading, scheme and input unit tests:
// a scheme from YAML text, a roster in memory, events fed straight into
// Tallies, measures put straight into a MeasureTable, and one call that
// scores, grades and ranks. Also a temporary file for the reader tests.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "base/decimal.h"
#include "base/diagnostic.h"
#include "grading/standing.h"
#include "input/event.h"
#include "input/measure_reader.h"
#include "input/roster.h"
#include "scheme/model.h"
#include "scheme/scheme_loader.h"
#include "scoring/score_sheet.h"
#include "scoring/score_tree.h"
#include "scoring/tally.h"

namespace kaohe::test {

// A scheme whose root `total` (总分, 100 points) has the given children.
// `children` holds YAML lines indented by four spaces ("    - {…}\n");
// `root_extra` lines indented by two ("  base: 80\n") go into the root;
// `top` lines go before the root (period, rounding, grades …).
inline std::string scheme_text(const std::string& children,
                               const std::string& root_extra = "",
                               const std::string& top = "") {
  return "kaohe: 1\n" + top +
         "root:\n"
         "  id: total\n"
         "  name: 总分\n"
         "  points: 100\n" +
         root_extra + "  children:\n" + children;
}

inline Scheme scheme_of(const std::string& yaml) {
  try {
    return parse_scheme("t.yaml", yaml);
  } catch (const Error& e) {
    FAIL("the test scheme does not load:\n" << e.what() << "\n" << yaml);
    throw;
  }
}

struct UnitSpec {
  std::string id;
  std::string name = {};
  std::string category = {};
};

inline Roster roster_of(const std::vector<UnitSpec>& units,
                        bool categories = false) {
  Roster r;
  r.file = "units.csv";
  r.has_categories = categories;
  int line = 2;
  for (const auto& u : units) {
    r.add(Unit{u.id, u.name.empty() ? u.id : u.name, u.category, line++});
  }
  return r;
}

// One event row by ids. Empty strings mean "not given".
struct Ev {
  std::string unit;
  std::string item;
  std::int64_t count = 1;
  std::string tier = {};
  std::string role = {};
  std::string points = {};
  std::string date = {};
  std::string ref = {};
};

struct Result {
  const Scheme* scheme = nullptr;
  const Roster* roster = nullptr;
  ScoreSheet sheet;
  Diagnostics diags;
  std::vector<Standing> graded;  // roster order
  std::vector<Standing> ranked;  // output order

  int unit(const std::string& id) const {
    int u = roster->find(id);
    REQUIRE_MESSAGE(u >= 0, "no unit " << id);
    return u;
  }
  int node(const std::string& id) const {
    int n = scheme->find(id);
    REQUIRE_MESSAGE(n >= 0, "no node " << id);
    return n;
  }
  // The printed score of a node, or "NA" when it does not apply.
  std::string score(const std::string& u, const std::string& n) const {
    const NodeScore& s = sheet.at(unit(u), node(n));
    if (!s.applicable) return "NA";
    return s.score.format(scheme->precision);
  }
  std::string total(const std::string& u) const { return score(u, "total"); }
  const Standing& standing(const std::string& u) const {
    return graded.at(static_cast<std::size_t>(unit(u)));
  }
  std::string grade(const std::string& u) const {
    int g = standing(u).grade;
    return g < 0 ? std::string("-") : scheme->grades.at(static_cast<std::size_t>(g)).name;
  }
  // The rank of a unit (from the ranked list).
  int rank(const std::string& u) const {
    int idx = unit(u);
    for (const auto& s : ranked) {
      if (s.unit == idx) return s.rank;
    }
    FAIL("unit not ranked: " << u);
    return 0;
  }
  // Unit ids in output order.
  std::vector<std::string> order() const {
    std::vector<std::string> out;
    for (const auto& s : ranked) out.push_back(roster->units[s.unit].id);
    return out;
  }
  // All diagnostic messages joined, for substring checks.
  std::string messages() const {
    std::string out;
    for (const auto& d : diags.list()) {
      out += d.message;
      out += " | ";
      out += d.hint;
      out += "\n";
    }
    return out;
  }
};

// A scheme, a roster, events and measures in memory.
class World {
 public:
  World(const std::string& yaml, const std::vector<UnitSpec>& units,
        bool categories = false)
      : scheme(scheme_of(yaml)), roster(roster_of(units, categories)) {}

  Scheme scheme;
  Roster roster;
  std::vector<Ev> events;
  MeasureTable measures;
  int scoring_threads = 1;  // score_units' threads

  void event(Ev e) { events.push_back(std::move(e)); }

  // A measure row; value "NA" says the item does not apply.
  void measure(const std::string& unit, const std::string& item,
               const std::string& value, const std::string& key = "") {
    int u = roster.find(unit);
    int n = scheme.find(item);
    REQUIRE_MESSAGE(u >= 0, "no unit " << unit);
    REQUIRE_MESSAGE(n >= 0, "no node " << item);
    Measure m;
    m.key = key;
    if (value != "NA") {
      auto v = Decimal::parse(value);
      REQUIRE_MESSAGE(v.has_value(), "bad value " << value);
      m.value = *v;
    }
    m.file = 0;
    m.line = ++measure_line_;
    // As the reader does: an NA row on a node other than a measure leaf
    // marks a subtree.
    if (value == "NA" && !rule_reads_measures(scheme.nodes[n].rule.kind)) {
      measures.mark_node_na();
    }
    measures.slot(u, n).push_back(std::move(m));
  }

  Event to_event(const Ev& x, int line) const {
    Event e;
    e.unit = roster.find(x.unit);
    e.node = scheme.find(x.item);
    REQUIRE_MESSAGE(e.unit >= 0, "no unit " << x.unit);
    REQUIRE_MESSAGE(e.node >= 0, "no node " << x.item);
    const Rule& r = scheme.nodes[static_cast<std::size_t>(e.node)].rule;
    e.count = x.count;
    if (!x.tier.empty()) {
      e.tier = r.find_named(x.tier);
      REQUIRE_MESSAGE(e.tier >= 0, "no tier " << x.tier);
    }
    if (!x.role.empty()) {
      e.role = r.find_named(x.role);
      REQUIRE_MESSAGE(e.role >= 0, "no role " << x.role);
    }
    if (!x.points.empty()) {
      auto p = Decimal::parse(x.points);
      REQUIRE(p.has_value());
      e.points = *p;
    }
    if (!x.date.empty()) {
      e.date = Date::parse(x.date);
      REQUIRE(e.date.has_value());
    }
    e.ref = x.ref;
    e.file = 0;
    e.line = line;
    return e;
  }

  // Feeds the events (in the given order of indices, or as stored),
  // scores, grades and ranks.
  Result run(const std::vector<std::size_t>& order = {}) const {
    Result res;
    res.scheme = &scheme;
    res.roster = &roster;
    Tallies tallies(scheme, roster.size());
    auto feed = [&](std::size_t i) {
      tallies.on_event(to_event(events[i], static_cast<int>(i) + 2));
    };
    if (order.empty()) {
      for (std::size_t i = 0; i < events.size(); ++i) feed(i);
    } else {
      for (std::size_t i : order) feed(i);
    }
    tallies.finish();
    res.sheet = score_units(scheme, roster, tallies, measures, res.diags, scoring_threads);
    res.graded = grade_units(scheme, roster, res.sheet);
    res.ranked = res.graded;
    rank_units(scheme, roster, res.sheet, res.ranked);
    return res;
  }

 private:
  int measure_line_ = 1;
};

// Runs `f` expecting a kaohe::Error and returns it.
template <typename F>
Error expect_error(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected a kaohe::Error");
  return Error(0, "unreachable");
}

// The first diagnostic whose message contains `needle`, or nullptr.
inline const Diagnostic* find_diag(const std::vector<Diagnostic>& ds,
                                   const std::string& needle) {
  for (const auto& d : ds) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

inline bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// A file in /tmp holding `content`, removed on destruction.
class TempFile {
 public:
  explicit TempFile(const std::string& content, const std::string& suffix = ".csv") {
    std::string tmpl = "/tmp/kaohe_test_XXXXXX" + suffix;
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    int fd = ::mkstemps(buf.data(), static_cast<int>(suffix.size()));
    REQUIRE(fd >= 0);
    path_ = buf.data();
    std::size_t off = 0;
    while (off < content.size()) {
      ssize_t n = ::write(fd, content.data() + off, content.size() - off);
      REQUIRE(n > 0);
      off += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace kaohe::test
