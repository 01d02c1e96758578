// Property of the fitted table (issue 20) on every bundled example: at 80
// columns — where 6 of the 9 tables used to wrap — and at 100, no line is
// wider than the width but where the table says so (`note: the table is
// wider…`); every unit keeps its rank, unit id, total and grade on the
// first line of its row; the rule has one run of dashes per shown column;
// and with no limit the table is the one of before (render_table(ev)).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "property/bundled.h"
#include "report/render.h"
#include "report/result_rows.h"
#include "report/text_width.h"

namespace kaohe::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST_CASE("property: every bundled table fits 80 and 100 columns, keeping rank, unit, total and grade") {
  int fitted = 0;
  for (const Bundled& b : bundled_examples()) {
    CAPTURE(b.name);
    std::optional<Evaluation> ev = score_bundled(b);
    if (!ev) continue;
    CHECK(render_table(*ev, false, 0) == render_table(*ev));
    const ResultRows rows = result_rows(*ev, "-");
    for (int width : {80, 100}) {
      CAPTURE(width);
      const std::string text = render_table(*ev, false, width);
      const std::vector<std::string> lines = lines_of(text);
      const bool overflow = text.find("note: the table is wider") != std::string::npos;
      CHECK_FALSE(overflow);
      for (const std::string& l : lines) {
        CAPTURE(l);
        CHECK(display_width(l) <= width);
      }
      // Each unit's row starts with its rank and id, and holds its total
      // and grade, in output order.
      std::size_t at = 0;
      for (const auto& row : rows.rows) {
        while (at < lines.size() && lines[at].find("  " + row[1] + "  ") == std::string::npos) ++at;
        REQUIRE(at < lines.size());
        const std::string& l = lines[at];
        CHECK(l.rfind(std::string(4 - row[0].size(), ' ') + row[0] + "  " + row[1], 0) == 0);
        const std::size_t total = rows.ids.size() - 3 - (ev->reasons.empty() ? 0 : 1) -
                                  (ev->near_boundary.empty() ? 0 : 1);
        CHECK(rows.ids[total] == "total");
        CHECK(l.find(row[total]) != std::string::npos);
        CHECK(l.find(row[total + 1]) != std::string::npos);
        ++at;
      }
      if (text.find("note:") != std::string::npos) ++fitted;
    }
  }
  // Some tables were too wide and are fitted with a note.
  CHECK(fitted >= 6);
}

}  // namespace
}  // namespace kaohe::test
