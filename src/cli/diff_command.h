// `kaohe diff OLD NEW [DATA]`: which units change total, rank or grade
// between two schemes on the same data, or two saved JSON results. Exit 0
// when nothing differs, 1 when something does, as diff(1).
#pragma once

#include <string>

#include "cli/score_command.h"

namespace CLI {
class App;
}

namespace kaohe {

struct DiffOptions {
  std::string old_path;
  std::string new_path;
  DataOptions data;
  std::string format;
  std::string output = "-";
  std::string tolerance = "0";
  bool no_formula_guard = false;  // --no-formula-guard (CSV/TSV)
  bool no_pager = false;          // --no-pager: the table never through $PAGER
};

void add_diff_command(CLI::App& app, DiffOptions& opts);
int run_diff(const DiffOptions& opts);

}  // namespace kaohe
