// Reads a saved `kaohe score -O json` result back into a Snapshot, so that
// `diff` can compare this year's published table with a new run.
#pragma once

#include <string>

#include "diff/snapshot.h"

namespace kaohe {

// True when `text` looks like a saved JSON result rather than a scheme.
bool looks_like_json_result(const std::string& text);

// Parses a saved result. The scheme's keys are read section by section
// (scheme_sections); a section the file lacks, as in results saved by an
// older kaohe, is left out of Snapshot::known_sections, and a key an entry
// lacks is left out of its fields: diff then does not compare them.
// Throws kaohe::Error 65 naming the file when it is not valid JSON or not a
// kaohe result of a schema_version this build reads.
Snapshot read_result(const std::string& path, const std::string& text);

}  // namespace kaohe
