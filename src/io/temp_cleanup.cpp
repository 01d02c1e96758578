// The signal handler behind TempFileGuard. It may run at any instruction,
// so it only reads a fixed buffer and calls unlink and _exit, which are
// async-signal-safe.
#include "io/temp_cleanup.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace kaohe {
namespace {

constexpr std::size_t kMaxPath = 4096;
char g_path[kMaxPath];
std::atomic<bool> g_armed{false};

extern "C" void remove_temp_and_exit(int sig) {
  if (g_armed.load()) ::unlink(g_path);
  ::_exit(128 + sig);
}

void install_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = remove_temp_and_exit;
  sigfillset(&sa.sa_mask);  // no second signal inside the handler
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    struct sigaction old;
    // A signal the caller ignores (nohup: SIGHUP) stays ignored.
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &sa, nullptr);
  }
}

}  // namespace

TempFileGuard::TempFileGuard(const std::string& path) {
  try {
    path_ = path;
  } catch (...) {
    ::unlink(path.c_str());  // cannot own it (out of memory): remove it now
    throw;
  }
  install_handlers();
  if (path.size() >= kMaxPath) return;  // cannot be held: not armed
  g_armed.store(false);
  std::memcpy(g_path, path.c_str(), path.size() + 1);
  g_armed.store(true);
}

TempFileGuard::~TempFileGuard() {
  if (owned_) ::unlink(path_.c_str());
  release();
}

void TempFileGuard::release() {
  g_armed.store(false);
  owned_ = false;
}

}  // namespace kaohe
