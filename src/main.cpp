// kaohe's entry point: runs the command line and catches the one fatal
// error type, printing its diagnostics on stderr.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <system_error>

#include "base/diagnostic.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  int code;
  try {
    code = kaohe::run_cli(argc, argv);
  } catch (const kaohe::Error& e) {
    try {
      for (const kaohe::Diagnostic& d : e.diagnostics()) {
        std::fputs(kaohe::format_diagnostic(d).c_str(), stderr);
      }
    } catch (...) {
      // Out of memory while formatting: the text rendered when the error
      // was made needs no more memory.
      std::fputs(e.what(), stderr);
    }
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    // Exhaustion is an error, not a crash (no abort, no core): nothing was
    // written, and an existing -o file is untouched.
    std::fputs("error: out of memory\n"
               "  hint: give kaohe more memory (ulimit -v, the cgroup's limit), or "
               "fewer threads (-j 1)\n",
               stderr);
    return kaohe::kExitOsErr;
  } catch (const std::system_error& e) {
    std::fprintf(stderr, "error: the system refused a resource: %s\n", e.what());
    return kaohe::kExitOsErr;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: internal error: %s\n  hint: please report this\n", e.what());
    return kaohe::kExitSoftware;
  }
  // Output not written through write_output (--help, --version: CLI11
  // prints them with std::cout) must not fail silently either, e.g. to
  // /dev/full (NOTES.md "Output").
  errno = 0;
  std::cout.flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
    int err = errno;
    std::fprintf(stderr, "error: cannot write to standard output: %s\n",
                 err != 0 ? std::strerror(err) : "write error");
    return kaohe::kExitIoErr;
  }
  return code;
}
