// Atomic file output and checked stdout output.
#include "io/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include "base/diagnostic.h"

namespace kaohe {
namespace {

// Writes all of `text` to `fd`, retrying after signals; 0, or the errno
// of the write that failed.
int write_all(int fd, const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return 0;
}

void write_stdout(const std::string& text) {
  std::size_t n = std::fwrite(text.data(), 1, text.size(), stdout);
  if (n != text.size() || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    int err = errno;
    throw Error(kExitIoErr, fmt::format("cannot write to standard output: {}",
                                        std::strerror(err)));
  }
}

// Writes `text` in place to `path`, an existing file that is neither a
// regular file nor a directory (a device such as /dev/null or /dev/full, a
// FIFO), as a shell redirection would: renaming a temporary file over it
// would replace the device node itself (as root) or fail for want of
// rights on its directory.
void write_in_place(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    throw Error::in_file(kExitCantCreate, path,
                         fmt::format("cannot create output file: {}", std::strerror(err)));
  }
  if (int err = write_all(fd, text)) {
    ::close(fd);
    throw Error::in_file(kExitIoErr, path,
                         fmt::format("cannot write output file: {}", std::strerror(err)));
  }
  if (::close(fd) != 0) {
    int err = errno;
    throw Error::in_file(kExitIoErr, path,
                         fmt::format("cannot write output file: {}", std::strerror(err)));
  }
}

// What `-o path` replaces: `path`, or the file a symbolic link `path`
// points to (as `>` writes it; never the link itself, which may be
// /dev/stdout). Empty when `path` exists and is neither a regular file nor
// a directory: it is then written in place (write_in_place).
std::string replace_target(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return path;  // a new file
  if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return {};
  struct stat link;
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      std::string resolved(real);
      std::free(real);
      return resolved;
    }
  }
  return path;
}

// A new temporary file beside `path`: its descriptor and name. Throws
// kaohe::Error 73 when it cannot be created.
std::pair<int, std::string> make_temp(const std::string& path) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ("." + target.filename().string() + ".kaohe-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    int err = errno;
    throw Error::in_file(kExitCantCreate, path,
                         fmt::format("cannot create output file: {}", std::strerror(err)));
  }
  return {fd, tmpl};
}

Error write_error(const std::string& path, const std::string& what) {
  return Error::in_file(kExitIoErr, path, fmt::format("cannot write output file: {}", what));
}

// Makes the written temporary file `tmpl` (open as `fd`) readable, syncs
// it, closes it and renames it over `path`; on failure removes it.
void commit(int fd, const std::string& tmpl, const std::string& path) {
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw write_error(path, std::strerror(err));
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw write_error(path, std::strerror(err));
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error::in_file(kExitCantCreate, path,
                         fmt::format("cannot create output file: {}", std::strerror(err)));
  }
}

}  // namespace

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    write_stdout(text);
    return;
  }
  std::string target = replace_target(path);
  if (target.empty()) {
    write_in_place(path, text);
    return;
  }
  auto [fd, tmpl] = make_temp(target);
  if (int err = write_all(fd, text)) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw write_error(path, std::strerror(err));
  }
  commit(fd, tmpl, target);
}

void write_output_with(const std::string& path,
                       const std::function<std::string(const std::string& temp_path)>& write) {
  std::string target = replace_target(path);
  if (target.empty()) {
    // A device or FIFO: write a temporary file elsewhere, then copy it in.
    auto [fd, scratch] =
        make_temp((std::filesystem::temp_directory_path() / "kaohe").string());
    ::close(fd);
    std::string failed;
    try {
      failed = write(scratch);
    } catch (...) {
      ::unlink(scratch.c_str());
      throw;
    }
    std::string text;
    std::FILE* f = failed.empty() ? std::fopen(scratch.c_str(), "rb") : nullptr;
    if (f) {
      char buf[1 << 16];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
      if (std::ferror(f)) failed = "cannot read back the temporary file";
      std::fclose(f);
    } else if (failed.empty()) {
      failed = std::strerror(errno);
    }
    ::unlink(scratch.c_str());
    if (!failed.empty()) throw write_error(path, failed);
    write_in_place(path, text);
    return;
  }
  auto [fd, tmpl] = make_temp(target);
  ::close(fd);
  std::string failed;
  try {
    failed = write(tmpl);
  } catch (...) {
    ::unlink(tmpl.c_str());
    throw;
  }
  if (!failed.empty()) {
    ::unlink(tmpl.c_str());
    throw write_error(path, failed);
  }
  fd = ::open(tmpl.c_str(), O_RDONLY);
  if (fd < 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw write_error(path, std::strerror(err));
  }
  commit(fd, tmpl, target);
}

}  // namespace kaohe
