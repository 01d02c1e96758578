// Reading whole small files and opening input streams, with the exit codes
// of SPEC §9 (66 for a missing or unreadable input, 74 for an I/O error).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
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

// One entry of a directory: its name, and whether it is a regular file
// (a symbolic link is followed; a dangling one is not regular).
struct DirEntry {
  std::string name;
  bool regular = false;
};

// The entries of `dir` (not its subdirectories' entries), sorted by name
// in byte order. Throws kaohe::Error 66 when `dir` is unreadable.
std::vector<DirEntry> list_directory(const std::string& dir);

// Which file a path names, for telling whether two paths are one file (a
// hard or symbolic link): device and inode, after following links.
struct FileId {
  unsigned long long device = 0;
  unsigned long long inode = 0;
  friend bool operator==(const FileId&, const FileId&) = default;
};

// The identity of the file `path` names; nullopt when it cannot be
// stat()ed (missing, unreadable directory on the way).
std::optional<FileId> file_id(const std::string& path);

// True when `path` names an existing directory.
bool is_directory(const std::string& path);

}  // namespace kaohe
