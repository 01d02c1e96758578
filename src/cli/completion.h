// `kaohe completion bash|zsh`: shell completion scripts generated from the
// command line's own subcommands and options, so they never drift from it.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace kaohe {

struct CompletionOptions {
  std::string shell;
};

void add_completion_command(CLI::App& app, CompletionOptions& opts);
// Prints the script for opts.shell to stdout.
int run_completion(const CLI::App& app, const CompletionOptions& opts);

// The scripts themselves, for tests.
std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);

}  // namespace kaohe
