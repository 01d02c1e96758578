// `kaohe init [DIR]`: writes a starter scheme and a data folder for a new
// office (scaffold/starter.h), so that `kaohe score DIR/scheme.yaml
// DIR/data` runs at once; never over an existing file without --force.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace kaohe {

struct InitOptions {
  std::string dir = ".";  // where scheme.yaml and data/ go
  bool force = false;     // overwrite existing files
};

void add_init_command(CLI::App& app, InitOptions& opts);
// Writes the starter files; on success prints only, on stderr, how many
// files it wrote and the command to run next. Returns the exit code;
// throws kaohe::Error 73 when a file exists (without --force) or cannot
// be created.
int run_init(const InitOptions& opts);

}  // namespace kaohe
