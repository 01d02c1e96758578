// Atomic file output and checked stdout output.
#include "io/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "io/file_io.h"
#include "io/temp_cleanup.h"

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
    throw Error(kExitIoErr, trf("cannot write to standard output: {}", system_error_text(err)));
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
                         trf("cannot create output file: {}", system_error_text(err)));
  }
  if (int err = write_all(fd, text)) {
    ::close(fd);
    throw Error::in_file(kExitIoErr, path,
                         trf("cannot write output file: {}", system_error_text(err)));
  }
  if (::close(fd) != 0) {
    int err = errno;
    throw Error::in_file(kExitIoErr, path,
                         trf("cannot write output file: {}", system_error_text(err)));
  }
}

// The descriptor `path` names when it is one this process already has
// open for writing: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N,
// or any name of the file that standard output or standard error is
// redirected to. Writing through it keeps what the shell set up (`>>`
// appends; a log's earlier lines stay), where opening the name again or
// renaming a file over it would not. -1 otherwise.
int open_descriptor_of(const std::string& path) {
  auto number_after = [&](std::string_view prefix) -> int {
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) {
      return -1;
    }
    int n = 0;
    for (std::size_t i = prefix.size(); i < path.size(); ++i) {
      if (path[i] < '0' || path[i] > '9' || n > 100000) return -1;
      n = n * 10 + (path[i] - '0');
    }
    return n;
  };
  int fd = -1;
  if (path == "/dev/stdout") fd = 1;
  if (path == "/dev/stderr") fd = 2;
  if (fd < 0) fd = number_after("/dev/fd/");
  if (fd < 0) fd = number_after("/proc/self/fd/");
  if (fd >= 0) {
    int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) return -1;  // opened as a file
    return fd;
  }
  struct stat target;
  if (::stat(path.c_str(), &target) != 0 || !S_ISREG(target.st_mode)) return -1;
  for (int std_fd : {1, 2}) {
    struct stat st;
    if (::fstat(std_fd, &st) == 0 && st.st_dev == target.st_dev &&
        st.st_ino == target.st_ino) {
      return std_fd;
    }
  }
  return -1;
}

// Writes all of `text` to the open descriptor `fd` (open_descriptor_of).
void write_to_descriptor(int fd, const std::string& path, const std::string& text) {
  if (fd == 1) std::fflush(stdout);
  if (int err = write_all(fd, text)) {
    throw Error::in_file(kExitIoErr, path,
                         trf("cannot write output file: {}", system_error_text(err)));
  }
}

// What `-o path` replaces.
struct Target {
  std::string path;         // the file renamed over: `path`, or where its link points
  bool exists = false;      // a regular file is there now
  struct stat st {};        // its mode and owner, kept by the new file
};

// What `-o path` replaces: `path`, or the file a symbolic link `path`
// points to (as `>` writes it; never the link itself). nullopt when `path`
// exists and is neither a regular file nor a directory: it is then written
// in place (write_in_place). A link to nothing is an error (73): writing
// through it would create a file wherever it points.
std::optional<Target> replace_target(const std::string& path) {
  Target t;
  t.path = path;
  struct stat link;
  const bool is_link = ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  if (::stat(path.c_str(), &t.st) != 0) {
    if (is_link) {
      throw Error::in_file(kExitCantCreate, path,
                           tr("cannot create output file: it is a symbolic link to a "
                              "file that does not exist"),
                           tr("remove the link, or create the file it points to"));
    }
    return t;  // a new file
  }
  if (!S_ISREG(t.st.st_mode) && !S_ISDIR(t.st.st_mode)) return std::nullopt;
  t.exists = S_ISREG(t.st.st_mode);
  if (is_link) {
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      t.path = real;
      std::free(real);
    }
  }
  return t;
}

// A new temporary file beside `path`: its descriptor and name. The name
// is short (`.kaohe-XXXXXX`), so it is legal wherever `path` is, however
// long that name. Throws kaohe::Error 73 when it cannot be created.
std::pair<int, std::string> make_temp(const std::string& path) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ".kaohe-XXXXXX").string();
  int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    throw Error::in_file(kExitCantCreate, path,
                         trf("cannot create output file: {}", system_error_text(err)));
  }
  return {fd, std::move(tmpl)};  // no allocation once the file exists
}

// The mode of a new output file: 0666 less the umask, as `>` gives it.
mode_t new_file_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Runs write(temp) in a child process and returns what it returned, or
// what went wrong with the child. A library that writes by file name
// (libxlsxwriter) does not survive every failure: out of memory, it
// dereferences null pointers. In a child, its crash is an error message
// of kaohe's (exit 74 from the caller), never kaohe's own crash, and the
// temporary file is removed by the caller as for any failed write.
std::string write_in_child(const std::function<std::string(const std::string&)>& write,
                           const std::string& temp) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return system_error_text(errno);
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return system_error_text(err);
  }
  if (pid == 0) {
    ::close(pipe_fds[0]);
    std::string failed;
    try {
      failed = write(temp);
    } catch (const std::exception& e) {
      failed = e.what();
    } catch (...) {
      failed = tr("unknown error");
    }
    (void)write_all(pipe_fds[1], failed);
    ::_exit(failed.empty() ? 0 : 1);
  }
  ::close(pipe_fds[1]);
  std::string message;
  char buf[512];
  for (;;) {
    const ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
    if (n > 0) {
      message.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return system_error_text(errno);
  }
  if (WIFSIGNALED(status)) {
    return trf("the workbook library stopped with signal {} (out of memory?)",
               WTERMSIG(status));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0 && message.empty()) {
    return tr("the workbook library failed");
  }
  return message;
}

Error write_error(const std::string& path, const std::string& what) {
  return Error::in_file(kExitIoErr, path, trf("cannot write output file: {}", what));
}

// Gives the written temporary file `tmpl` (open as `fd`) the mode, and
// where the process may the owner and group, of the file it replaces (a
// new file: 0666 less the umask), syncs it, closes it and renames it over
// `target`; on failure removes it.
void commit(int fd, const std::string& tmpl, const Target& target) {
  const std::string& path = target.path;
  if (target.exists) {
    // Only root may give a file away; anyone may keep their own group.
    // Failing that, the file is the writer's, as a new file would be.
    if (::fchown(fd, target.st.st_uid, target.st.st_gid) != 0) {
      (void)::fchown(fd, static_cast<uid_t>(-1), target.st.st_gid);
    }
  }
  const mode_t mode = target.exists ? (target.st.st_mode & 07777) : new_file_mode();
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw write_error(path, system_error_text(err));
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw write_error(path, system_error_text(err));
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error::in_file(kExitCantCreate, path,
                         trf("cannot create output file: {}", system_error_text(err)));
  }
}

}  // namespace

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    write_stdout(text);
    return;
  }
  if (int fd = open_descriptor_of(path); fd >= 0) {
    write_to_descriptor(fd, path, text);
    return;
  }
  std::optional<Target> target = replace_target(path);
  if (!target) {
    write_in_place(path, text);
    return;
  }
  auto [fd, tmpl] = make_temp(target->path);
  TempFileGuard guard(tmpl);
  if (int err = write_all(fd, text)) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw write_error(path, system_error_text(err));
  }
  commit(fd, tmpl, *target);
  guard.release();
}

void write_output_with(const std::string& path,
                       const std::function<std::string(const std::string& temp_path)>& write) {
  const int open_fd = open_descriptor_of(path);
  std::optional<Target> target;
  if (open_fd < 0) target = replace_target(path);
  if (!target) {
    // A device, a FIFO or an open descriptor: write a temporary file
    // elsewhere, then copy it in.
    auto [fd, scratch] =
        make_temp((std::filesystem::temp_directory_path() / "kaohe").string());
    TempFileGuard guard(scratch);
    ::close(fd);
    std::string failed;
    try {
      failed = write_in_child(write, scratch);
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
      if (std::ferror(f)) failed = tr("cannot read back the temporary file");
      std::fclose(f);
    } else if (failed.empty()) {
      failed = system_error_text(errno);
    }
    ::unlink(scratch.c_str());
    guard.release();
    if (!failed.empty()) throw write_error(path, failed);
    if (open_fd >= 0) {
      write_to_descriptor(open_fd, path, text);
    } else {
      write_in_place(path, text);
    }
    return;
  }
  auto [fd, tmpl] = make_temp(target->path);
  TempFileGuard guard(tmpl);
  ::close(fd);
  std::string failed;
  try {
    failed = write_in_child(write, tmpl);
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
    throw write_error(path, system_error_text(err));
  }
  commit(fd, tmpl, *target);
  guard.release();
}

void refuse_input_as_output(const std::string& path, const std::vector<std::string>& inputs) {
  if (path == "-") return;
  const std::optional<FileId> out = file_id(path);
  if (!out) return;  // a new file: nothing read can be it
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    if (file_id(input) == out) {
      throw Error(kExitUsage,
                  trf("-o {} names an input of this run ({})", path, input),
                  tr("write the result to another file: this one would be replaced by "
                     "the table"));

    }
  }
}

}  // namespace kaohe
