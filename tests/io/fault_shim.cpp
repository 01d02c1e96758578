// A preloaded shim for tests/io/fault_injection.sh, after SQLite's I/O
// error tests: KAOHE_FAULT=CALL:N makes the N-th call of CALL fail, where
// CALL is write, fsync, rename, open, fread, pread or malloc (malloc counts
// from the first fopen, i.e. once start-up is over). A failed call sets
// errno (EIO; ENOSPC for write; ENOMEM for malloc) and fread also sets its
// stream's error flag. When the fault fires, the shim creates the file
// KAOHE_FAULT_FIRED, so the script knows there was an N-th call.
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

namespace {

char g_call[16];
long g_at = -1;
bool g_parsed = false;
bool g_malloc_armed = false;

void parse() {
  if (g_parsed) return;
  g_parsed = true;
  const char* spec = getenv("KAOHE_FAULT");
  if (spec == nullptr) return;
  const char* colon = strchr(spec, ':');
  if (colon == nullptr || colon - spec >= static_cast<long>(sizeof g_call)) return;
  memcpy(g_call, spec, static_cast<size_t>(colon - spec));
  g_call[colon - spec] = '\0';
  g_at = atol(colon + 1);
}

// Whether this call of `name` is the one to fail.
bool should_fail(const char* name) {
  static long counts[8];
  static const char* names[8] = {"write", "fsync", "rename", "open",
                                 "fread", "pread", "malloc", nullptr};
  parse();
  if (g_at <= 0 || strcmp(name, g_call) != 0) return false;
  for (int i = 0; names[i] != nullptr; ++i) {
    if (strcmp(names[i], name) != 0) continue;
    if (++counts[i] != g_at) return false;
    if (const char* fired = getenv("KAOHE_FAULT_FIRED")) {
      using Open = int (*)(const char*, int, ...);
      static Open real_open = reinterpret_cast<Open>(dlsym(RTLD_NEXT, "open"));
      int fd = real_open(fired, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
      if (fd >= 0) close(fd);
    }
    return true;
  }
  return false;
}

template <typename F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n) {
  static auto f = real<ssize_t (*)(int, const void*, size_t)>("write");
  if (should_fail("write")) {
    errno = ENOSPC;
    return -1;
  }
  return f(fd, buf, n);
}

int fsync(int fd) {
  static auto f = real<int (*)(int)>("fsync");
  if (should_fail("fsync")) {
    errno = EIO;
    return -1;
  }
  return f(fd);
}

int rename(const char* from, const char* to) {
  static auto f = real<int (*)(const char*, const char*)>("rename");
  if (should_fail("rename")) {
    errno = EIO;
    return -1;
  }
  return f(from, to);
}

int open(const char* path, int flags, ...) {
  static auto f = real<int (*)(const char*, int, ...)>("open");
  mode_t mode = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = static_cast<mode_t>(va_arg(ap, int));
    va_end(ap);
  }
  if (should_fail("open")) {
    errno = EIO;
    return -1;
  }
  return f(path, flags, mode);
}

FILE* fopen(const char* path, const char* mode) {
  static auto f = real<FILE* (*)(const char*, const char*)>("fopen");
  g_malloc_armed = true;
  if (should_fail("open")) {
    errno = EIO;
    return nullptr;
  }
  return f(path, mode);
}

size_t fread(void* buf, size_t size, size_t n, FILE* stream) {
  static auto f = real<size_t (*)(void*, size_t, size_t, FILE*)>("fread");
  if (should_fail("fread")) {
    errno = EIO;
    stream->_flags |= _IO_ERR_SEEN;  // what a failed read(2) leaves in glibc
    return 0;
  }
  return f(buf, size, n, stream);
}

ssize_t pread(int fd, void* buf, size_t n, off_t at) {
  static auto f = real<ssize_t (*)(int, void*, size_t, off_t)>("pread");
  if (should_fail("pread")) {
    errno = EIO;
    return -1;
  }
  return f(fd, buf, n, at);
}

// glibc's own allocator, called directly: dlsym may allocate, so looking
// malloc up with it from inside malloc would recurse.
void* __libc_malloc(size_t n);

void* malloc(size_t n) {
  if (g_malloc_armed && should_fail("malloc")) {
    errno = ENOMEM;
    return nullptr;
  }
  return __libc_malloc(n);
}

}  // extern "C"
