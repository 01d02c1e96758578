// A preloaded shim for tests/io/output_target.sh: when KAOHE_SHIM_SIGNAL
// holds a signal number, the first fsync the program calls raises that
// signal first — the moment a temporary output file is written in full
// but not yet renamed, when a cron job's `timeout` would hurt most.
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

extern "C" int fsync(int fd) {
  static int raised = 0;
  const char* sig = getenv("KAOHE_SHIM_SIGNAL");
  if (sig != nullptr && raised == 0) {
    raised = 1;
    raise(atoi(sig));
  }
  using Fsync = int (*)(int);
  static Fsync real = reinterpret_cast<Fsync>(dlsym(RTLD_NEXT, "fsync"));
  return real != nullptr ? real(fd) : 0;
}
