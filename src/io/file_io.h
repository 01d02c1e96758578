// Reading whole small files and opening input streams, with the exit codes
// of SPEC §9 (66 for a missing or unreadable input, 74 for an I/O error).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace kaohe {

// The whole contents of `path` ("-" is stdin). Throws kaohe::Error 66 when
// it cannot be opened, 74 on a read error, 65 when larger than `max_bytes`.
std::string read_whole_file(const std::string& path, std::size_t max_bytes);

struct FileCloser {
  void operator()(std::FILE* f) const;
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` for reading ("-" is stdin, which is not closed). Throws
// kaohe::Error 66 naming the path when it cannot be opened.
FilePtr open_input(const std::string& path);

// Entries of `dir` whose names start with `prefix` and end with ".csv",
// sorted in byte order. Throws kaohe::Error 66 when `dir` is unreadable.
std::vector<std::string> list_csv_files(const std::string& dir,
                                        const std::string& prefix);

// True when `path` names an existing directory.
bool is_directory(const std::string& path);

}  // namespace kaohe
