// Atomic file output and checked stdout output.
#include "io/output_file.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/diagnostic.h"

namespace kaohe {
namespace {

void write_stdout(const std::string& text) {
  std::size_t n = std::fwrite(text.data(), 1, text.size(), stdout);
  if (n != text.size() || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    int err = errno;
    throw Error(kExitIoErr, fmt::format("cannot write to standard output: {}",
                                        std::strerror(err)));
  }
}

}  // namespace

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    write_stdout(text);
    return;
  }
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
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    return Error::in_file(kExitIoErr, path,
                          fmt::format("cannot write output file: {}", std::strerror(err)));
  };
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw fail(errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) throw fail(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error::in_file(kExitIoErr, path,
                         fmt::format("cannot write output file: {}", std::strerror(err)));
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error::in_file(kExitCantCreate, path,
                         fmt::format("cannot create output file: {}", std::strerror(err)));
  }
}

}  // namespace kaohe
