// kaohe's entry point: runs the command line and catches the one fatal
// error type, printing its diagnostics on stderr.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <system_error>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  // Messages follow LANGUAGE, LC_ALL, LC_MESSAGES and LANG; nothing else
  // does (no setlocale), so the data written is the same in every locale.
  kaohe::set_message_language(kaohe::language_from_process_environment());
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
    std::fputs(kaohe::tr("error: out of memory\n"
                         "  hint: give kaohe more memory (ulimit -v, the cgroup's limit), "
                         "or fewer threads (-j 1)\n"),
               stderr);
    return kaohe::kExitOsErr;
  } catch (const std::system_error& e) {
    std::fputs(kaohe::trf("error: the system refused a resource: {}\n", e.what()).c_str(),
               stderr);
    return kaohe::kExitOsErr;
  } catch (const std::exception& e) {
    std::fputs(
        kaohe::trf("error: internal error: {}\n  hint: please report this\n", e.what()).c_str(),
        stderr);
    return kaohe::kExitSoftware;
  }
  // Output not written through write_output (--help, --version: CLI11
  // prints them with std::cout) must not fail silently either, e.g. to
  // /dev/full (NOTES.md "Output").
  errno = 0;
  std::cout.flush();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
    int err = errno;
    std::fputs(kaohe::trf("error: cannot write to standard output: {}\n",
                          err != 0 ? kaohe::system_error_text(err) : kaohe::tr("write error"))
                   .c_str(),
               stderr);
    return kaohe::kExitIoErr;
  }
  return code;
}
