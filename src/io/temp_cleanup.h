// Removal of the one temporary output file on SIGTERM, SIGINT and SIGHUP
// (cron's `timeout`, Ctrl-C, a closed terminal): the handler unlinks it and
// exits 128 + the signal's number, so no `.kaohe-*` file is left behind and
// an existing -o target is untouched.
#pragma once

#include <string>

namespace kaohe {

// Registers `path` as the temporary file to remove if one of those signals
// arrives, until the guard is destroyed or release() is called (after the
// rename, when the file is the real output). One guard at a time; the
// handlers are installed by the first guard and stay.
class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path);
  ~TempFileGuard();
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

  // The file no longer needs removing on a signal.
  void release();
};

}  // namespace kaohe
