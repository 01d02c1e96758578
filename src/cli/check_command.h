// `kaohe check SCHEME [DATA]`: validate without scoring; silent when all is
// well, otherwise every problem at once and exit 65 on any error (with
// --strict, on any warning too).
#pragma once

#include <string>

#include "cli/score_command.h"

namespace CLI {
class App;
}

namespace kaohe {

struct CheckOptions {
  std::string scheme;
  DataOptions data;
  bool strict = false;  // warnings count as errors (exit 65)
};

void add_check_command(CLI::App& app, CheckOptions& opts);
int run_check(const CheckOptions& opts);

}  // namespace kaohe
