// Writing results: to stdout, or atomically to a file (a temporary file in
// the target's directory, flushed, synced and renamed over the target), so
// that a failed run never leaves a half-written or altered report.
#pragma once

#include <string>

namespace kaohe {

// Writes `text` to `path` ("-" is stdout). Throws kaohe::Error 73 when the
// file cannot be created, 74 on a write error (a full disk, a closed
// stdout); an existing file at `path` is then untouched.
void write_output(const std::string& path, const std::string& text);

}  // namespace kaohe
