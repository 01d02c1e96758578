// `kaohe explain SCHEME UNIT [DATA]`: every point a unit gained or lost,
// down to the input rows (file:line, ref) that caused it; with -O html,
// of more units on one page (--unit).
#pragma once

#include <string>
#include <vector>

#include "cli/score_command.h"

namespace CLI {
class App;
}

namespace kaohe {

// The rows explain lists per item unless --rows says otherwise; the score
// page's waterfalls list as many.
inline constexpr int kDefaultExplainRows = 10;

struct ExplainOptions {
  std::string scheme;
  std::string unit;
  std::vector<std::string> more_units;  // --unit, repeatable: -O html only
  DataOptions data;
  std::string format;
  std::string output = "-";
  int rows = kDefaultExplainRows;
  bool no_pager = false;  // --no-pager: the tree never through $PAGER
};

void add_explain_command(CLI::App& app, ExplainOptions& opts);
int run_explain(const ExplainOptions& opts);

}  // namespace kaohe
