// Top-level command-line parsing and dispatch.
#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include "base/diagnostic.h"
#include "cli/check_command.h"
#include "cli/completion.h"
#include "cli/diff_command.h"
#include "cli/explain_command.h"
#include "cli/score_command.h"

namespace kaohe {

int run_cli(int argc, char** argv) {
  CLI::App app{"kaohe (考核): score assessment schemes on a year's events and "
               "measures, and print the ranked grade table"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kaohe 0.1.0");
  ScoreOptions score;
  add_score_command(app, score);
  CheckOptions check;
  add_check_command(app, check);
  DiffOptions diff;
  add_diff_command(app, diff);
  ExplainOptions explain;
  add_explain_command(app, explain);
  CompletionOptions completion;
  add_completion_command(app, completion);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // --help and --version are successes; everything else is a usage error.
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (app.got_subcommand("score")) return run_score(score);
  if (app.got_subcommand("check")) return run_check(check);
  if (app.got_subcommand("diff")) return run_diff(diff);
  if (app.got_subcommand("explain")) return run_explain(explain);
  if (app.got_subcommand("completion")) return run_completion(app, completion);
  return kExitUsage;
}

}  // namespace kaohe
