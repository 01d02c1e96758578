// libFuzzer target: arbitrary bytes as a scheme file through
// kaohe::parse_scheme (yaml_tree, then the loader's checks). Every problem
// must end in a kaohe::Error with exit 65; a crash, a sanitizer report,
// another exception or a hang is a bug. A scheme that loads is linted too,
// since `check` runs the lint on whatever loads.
// Build and run: tests/fuzz/run.sh (see tests/fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "scheme/scheme_lint.h"
#include "scheme/scheme_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    kaohe::Scheme scheme = kaohe::parse_scheme("fuzz.yaml", text);
    // Every node index the loader hands out is in range, and parents come
    // before their children (model.h).
    const int n = static_cast<int>(scheme.nodes.size());
    if (n == 0) __builtin_trap();
    for (int i = 0; i < n; ++i) {
      const kaohe::Node& node = scheme.nodes[i];
      if (node.parent < (i == 0 ? -1 : 0) || node.parent >= i) __builtin_trap();
      for (int c : node.children) {
        if (c <= i || c >= n || scheme.nodes[c].parent != i) __builtin_trap();
      }
    }
    for (const kaohe::Diagnostic& d : kaohe::lint_scheme(scheme)) {
      volatile std::size_t len = kaohe::format_diagnostic(d).size();
      (void)len;
    }
  } catch (const kaohe::Error& e) {
    if (e.exit_code() != kaohe::kExitDataErr) __builtin_trap();
    volatile std::size_t len = std::string(e.what()).size();
    (void)len;
  }
  return 0;
}
