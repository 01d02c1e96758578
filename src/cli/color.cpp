// The colour decision of the terminal table.
#include "cli/color.h"

#include <unistd.h>

#include <cstdlib>

namespace kaohe {

bool use_color(const std::string& mode, const std::string& output) {
  if (mode == "always") return true;
  if (mode == "never" || output != "-") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace kaohe
