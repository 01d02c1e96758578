// kaohe's entry point: runs the command line and catches the one fatal
// error type, printing its diagnostics on stderr.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "base/diagnostic.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  int code;
  try {
    code = kaohe::run_cli(argc, argv);
  } catch (const kaohe::Error& e) {
    for (const kaohe::Diagnostic& d : e.diagnostics()) {
      std::fputs(kaohe::format_diagnostic(d).c_str(), stderr);
    }
    return e.exit_code();
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
