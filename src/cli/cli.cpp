// Top-level command-line parsing and dispatch.
#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/check_command.h"
#include "cli/completion.h"
#include "cli/diff_command.h"
#include "cli/explain_command.h"
#include "cli/init_command.h"
#include "cli/score_command.h"
#include "cli/sql_command.h"
#include "cli/template_command.h"

namespace kaohe {
namespace {

// A command-line mistake found by CLI11, said as kaohe says errors: the
// message, and a hint — did you mean …? for a mistyped command, else the
// command's --help.
Diagnostic usage_error(const CLI::App& app, int argc, char** argv,
                       const CLI::ParseError& e) {
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
  std::string command;  // the first word that names a command
  std::string first;    // the first word that is not an option
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-') continue;
    if (first.empty()) first = word;
    if (std::find(commands.begin(), commands.end(), word) != commands.end()) {
      command = word;
      break;
    }
  }
  Diagnostic d;
  if (command.empty()) {
    d.message = first.empty() ? "no command given"
                              : "unknown command '" + first + "'";
    std::string hint = first.empty() ? std::string() : did_you_mean(first, commands);
    d.hint = !hint.empty() ? hint
                           : "the commands are score, check, explain, diff, init, "
                             "template, sql and completion; see 'kaohe --help'";
    return d;
  }
  d.message = e.what();
  d.hint = "see 'kaohe " + command + " --help'";
  return d;
}

}  // namespace

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
  InitOptions init;
  add_init_command(app, init);
  TemplateOptions template_opts;
  add_template_command(app, template_opts);
  SqlOptions sql;
  add_sql_command(app, sql);
  CompletionOptions completion;
  add_completion_command(app, completion);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are successes, printed as CLI11 prints them;
    // everything else is a usage error in kaohe's own diagnostic form.
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      app.exit(e);
      return kExitOk;
    }
    std::fputs(format_diagnostic(usage_error(app, argc, argv, e)).c_str(), stderr);
    return kExitUsage;
  }
  if (app.got_subcommand("score")) return run_score(score);
  if (app.got_subcommand("check")) return run_check(check);
  if (app.got_subcommand("diff")) return run_diff(diff);
  if (app.got_subcommand("explain")) return run_explain(explain);
  if (app.got_subcommand("init")) return run_init(init);
  if (app.got_subcommand("template")) return run_template(template_opts);
  if (app.got_subcommand("sql")) return run_sql(sql);
  if (app.got_subcommand("completion")) return run_completion(app, completion);
  return kExitUsage;
}

}  // namespace kaohe
