// Reads a saved `kaohe score -O json` result back into a Snapshot, so that
// `diff` can compare this year's published table with a new run.
#pragma once

#include <string>

#include "diff/snapshot.h"

namespace kaohe {

// True when `text` looks like a saved JSON result rather than a scheme.
bool looks_like_json_result(const std::string& text);

// Parses a saved result. Throws kaohe::Error 65 naming the file when it is
// not valid JSON or not a kaohe result of a schema_version this build reads.
Snapshot read_result(const std::string& path, const std::string& text);

}  // namespace kaohe
