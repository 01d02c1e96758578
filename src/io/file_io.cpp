// Whole-file reads, input opening and data-folder listing.
#include "io/file_io.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <sys/stat.h>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {

void FileCloser::operator()(std::FILE* f) const {
  if (f != nullptr && f != stdin) std::fclose(f);
}

FilePtr open_input(const std::string& path) {
  if (path == "-") return FilePtr(stdin);
  if (is_directory(path)) {
    throw Error::in_file(kExitNoInput, path, tr("is a directory, not a file"));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    throw Error::in_file(kExitNoInput, path,
                         trf("cannot open: {}", system_error_text(err)));
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
                           trf("file is larger than {} bytes", max_bytes));
    }
    if (n < sizeof buf) break;
  }
  if (std::ferror(f.get())) {
    throw Error::in_file(kExitIoErr, path, tr("read error"));
  }
  return out;
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

std::vector<DirEntry> list_directory(const std::string& dir) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    throw Error::in_file(kExitNoInput, dir,
                         trf("cannot read directory: {}", system_error_text(ec.value()))
);
  }
  std::vector<DirEntry> entries;
  for (const auto& entry : it) {
    std::error_code type_ec;  // a dangling link: not regular
    entries.push_back(
        DirEntry{entry.path().filename().string(), entry.is_regular_file(type_ec)});
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{static_cast<unsigned long long>(st.st_dev),
                static_cast<unsigned long long>(st.st_ino)};
}

}  // namespace kaohe
