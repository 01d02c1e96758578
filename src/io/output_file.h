// Writing results: to stdout, or atomically to a file (a temporary file in
// the target's directory, flushed, synced and renamed over the target), so
// that a failed run never leaves a half-written or altered report.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace kaohe {

// Writes `text` to `path` ("-" is stdout). Throws kaohe::Error 73 when the
// file cannot be created, 74 on a write error (a full disk, a closed
// stdout); an existing file at `path` is then untouched.
void write_output(const std::string& path, const std::string& text);

// Writes the file `path` (not stdout) atomically with `write`, which is
// given the path of a new, empty temporary file beside `path` and writes
// the whole content there itself (a library that writes by file name, as
// libxlsxwriter does); it returns an empty string, or what went wrong,
// and the temporary file is then removed. `write` runs in a child
// process, so that a library crashing inside it (out of memory) ends in
// an error (74), not in a crash. Errors as write_output.
void write_output_with(const std::string& path,
                       const std::function<std::string(const std::string& temp_path)>& write);

// Throws kaohe::Error 64 when `path` (-o; "-" never) names the same file
// as one of `inputs` (the scheme and data files of the run; "-" skipped),
// by name or through a link: the run would replace what it reads, and the
// next run would read its own table as data.
void refuse_input_as_output(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace kaohe
