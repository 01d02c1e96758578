// Writing the files of `kaohe init` and `kaohe template` into a folder:
// never over an existing file unless asked, every file atomically.
#pragma once

#include <string>
#include <vector>

#include "scaffold/scaffold_file.h"

namespace kaohe {

// The path `file` takes under `dir` ("." writes "scheme.yaml", not
// "./scheme.yaml").
std::string scaffold_path(const std::string& dir, const ScaffoldFile& file);

// Writes every file under `dir`, creating folders as needed, each through
// write_output (atomic; a workbook through write_output_with). Unless `force`, first checks that none of them
// exists and, if any does, writes nothing and throws kaohe::Error 73 with
// one diagnostic per existing file (`PATH: error: … already exists`), the
// last hinting at --force. Throws 73 too when a folder cannot be created
// (or a path is taken by a folder), 74 on a write error.
void write_scaffold(const std::string& dir, const std::vector<ScaffoldFile>& files, bool force);

}  // namespace kaohe
