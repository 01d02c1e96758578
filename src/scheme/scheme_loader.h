// Reads a scheme file (YAML, grammar in DESIGN.md) into the Scheme model,
// validating everything that makes a scheme unusable. Every problem found
// is reported at once, each as `file:line:col: error: …` with a hint.
#pragma once

#include <string>

#include "scheme/model.h"

namespace kaohe {

// Reads and loads the scheme at `path`. Throws kaohe::Error: exit 66 when
// the file cannot be read, 65 listing every problem when it is invalid.
Scheme load_scheme(const std::string& path);

// Loads a scheme from `text`; `file` names it in diagnostics.
Scheme parse_scheme(const std::string& file, const std::string& text);

}  // namespace kaohe
