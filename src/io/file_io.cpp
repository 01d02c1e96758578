// Whole-file reads, input opening and data-folder listing.
#include "io/file_io.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/diagnostic.h"

namespace kaohe {

void FileCloser::operator()(std::FILE* f) const {
  if (f != nullptr && f != stdin) std::fclose(f);
}

FilePtr open_input(const std::string& path) {
  if (path == "-") return FilePtr(stdin);
  if (is_directory(path)) {
    throw Error::in_file(kExitNoInput, path, "is a directory, not a file");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    throw Error::in_file(kExitNoInput, path,
                         fmt::format("cannot open: {}", std::strerror(err)));
  }
  return FilePtr(f);
}

std::string read_whole_file(const std::string& path, std::size_t max_bytes) {
  FilePtr f = open_input(path);
  std::string out;
  char buf[65536];
  for (;;) {
    std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
    out.append(buf, n);
    if (out.size() > max_bytes) {
      throw Error::in_file(kExitDataErr, path,
                           fmt::format("file is larger than {} bytes", max_bytes));
    }
    if (n < sizeof buf) break;
  }
  if (std::ferror(f.get())) {
    throw Error::in_file(kExitIoErr, path, "read error");
  }
  return out;
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

std::vector<std::string> list_csv_files(const std::string& dir,
                                        const std::string& prefix) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    throw Error::in_file(kExitNoInput, dir,
                         fmt::format("cannot read directory: {}", ec.message()));
  }
  std::vector<std::string> names;
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (name.size() >= prefix.size() + 4 && name.rfind(prefix, 0) == 0 &&
        name.compare(name.size() - 4, 4, ".csv") == 0) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> paths;
  paths.reserve(names.size());
  for (const auto& n : names) paths.push_back((std::filesystem::path(dir) / n).string());
  return paths;
}

}  // namespace kaohe
