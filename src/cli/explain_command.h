// `kaohe explain SCHEME UNIT [DATA]`: every point a unit gained or lost,
// down to the input rows (file:line, ref) that caused it.
#pragma once

#include <string>

#include "cli/score_command.h"

namespace CLI {
class App;
}

namespace kaohe {

struct ExplainOptions {
  std::string scheme;
  std::string unit;
  DataOptions data;
  std::string format;
  std::string output = "-";
  int rows = 10;
  bool no_pager = false;  // --no-pager: the tree never through $PAGER
};

void add_explain_command(CLI::App& app, ExplainOptions& opts);
int run_explain(const ExplainOptions& opts);

}  // namespace kaohe
