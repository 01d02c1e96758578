// One file `kaohe init` or `kaohe template` writes: its path relative to
// the target folder and its whole text.
#pragma once

#include <string>

namespace kaohe {

struct ScaffoldFile {
  std::string path;  // relative, '/'-separated ("data/units.csv")
  std::string text;  // the whole content, UTF-8, ending with a newline
};

}  // namespace kaohe
