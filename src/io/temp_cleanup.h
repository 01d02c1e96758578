// Removal of the one temporary output file on SIGTERM, SIGINT and SIGHUP
// (cron's `timeout`, Ctrl-C, a closed terminal): the handler unlinks it and
// exits 128 + the signal's number, so no `.kaohe-*` file is left behind and
// an existing -o target is untouched.
#pragma once

#include <string>

namespace kaohe {

// Owns the temporary file `path` until release() (after the rename, when
// it is the real output): the destructor removes it, so an exception on
// the way (out of memory in the middle of a write) leaves nothing behind,
// and so does one of those signals. One guard at a time; the handlers are
// installed by the first guard and stay.
class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path);
  ~TempFileGuard();
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

  // The file is no longer to be removed: renamed into place, or gone.
  void release();

 private:
  std::string path_;
  bool owned_ = true;
};

}  // namespace kaohe
