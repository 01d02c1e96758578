// The `init` command.
#include "cli/init_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "scaffold/starter.h"
#include "scaffold/write_scaffold.h"

namespace kaohe {

void add_init_command(CLI::App& app, InitOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "init", tr("Write a starter scheme and data folder (Chinese headers, sample rows) "
                 "to edit for a new office"));
  cmd->add_option("dir", opts.dir, tr("Folder to write scheme.yaml and data/ into (default .)"))
      ->option_text("DIR");
  cmd->add_flag("--force", opts.force, tr("Overwrite files that already exist"));
  cmd->footer(std::string(tr("Examples:")) + "\n"
      "  kaohe init 2025 && kaohe score 2025/scheme.yaml 2025/data");
}

int run_init(const InitOptions& opts) {
  const std::vector<ScaffoldFile> files = starter_files();
  write_scaffold(opts.dir, files, opts.force);
  const std::string scheme = scaffold_path(opts.dir, {"scheme.yaml", {}});
  const std::string data = scaffold_path(opts.dir, {"data", {}});
  std::fputs(
      trf("wrote {} files; next: kaohe score {} {}\n", files.size(), scheme, data).c_str(),
      stderr);
  return kExitOk;
}

}  // namespace kaohe
