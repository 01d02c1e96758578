// kaohe's entry point: runs the command line and catches the one fatal
// error type, printing its diagnostics on stderr.
#include <cstdio>

#include "base/diagnostic.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    return kaohe::run_cli(argc, argv);
  } catch (const kaohe::Error& e) {
    for (const kaohe::Diagnostic& d : e.diagnostics()) {
      std::fputs(kaohe::format_diagnostic(d).c_str(), stderr);
    }
    return e.exit_code();
  }
}
