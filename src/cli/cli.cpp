// Top-level command-line parsing and dispatch.
#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "cli/check_command.h"
#include "cli/completion.h"
#include "cli/diff_command.h"
#include "cli/explain_command.h"
#include "cli/init_command.h"
#include "cli/score_command.h"
#include "cli/sql_command.h"
#include "cli/template_command.h"
#include "cli/usage_text.h"

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
    d.message = first.empty() ? std::string(tr("no command given"))
                              : trf("unknown command '{}'", first);
    std::string hint = first.empty() ? std::string() : did_you_mean(first, commands);
    d.hint = !hint.empty() ? hint
                           : tr("the commands are score, check, explain, diff, init, "
                                "template, sql and completion; see 'kaohe --help'");
    return d;
  }
  d.message = parse_error_text(e);
  d.hint = trf("see 'kaohe {} --help'", command);
  return d;
}

// What every command's options are set to.
struct Commands {
  ScoreOptions score;
  CheckOptions check;
  DiffOptions diff;
  ExplainOptions explain;
  InitOptions init;
  TemplateOptions template_opts;
  SqlOptions sql;
  CompletionOptions completion;
};

// The command line: the description, the flags and every command, with
// their help in the message language.
void define_commands(CLI::App& app, Commands& c) {
  set_help_words(app);
  app.description(tr("kaohe (考核): score assessment schemes on a year's events and "
                     "measures, and print the ranked grade table"));
  app.require_subcommand(1);
  app.set_version_flag("--version", "kaohe 0.1.0",
                       tr("Display program version information and exit"));
  add_score_command(app, c.score);
  add_check_command(app, c.check);
  add_diff_command(app, c.diff);
  add_explain_command(app, c.explain);
  add_init_command(app, c.init);
  add_template_command(app, c.template_opts);
  add_sql_command(app, c.sql);
  add_completion_command(app, c.completion);
  set_subcommand_help_group(app);
}

// The completion scripts are files for shells, the same in every locale:
// written from the commands defined in English.
int print_completion(const CLI::App& app, const CompletionOptions& opts) {
  if (message_language() == Language::kEnglish) return run_completion(app, opts);
  set_message_language(Language::kEnglish);
  CLI::App english;
  Commands unused;
  define_commands(english, unused);
  return run_completion(english, opts);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app;
  Commands c;
  define_commands(app, c);
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
  if (app.got_subcommand("score")) return run_score(c.score);
  if (app.got_subcommand("check")) return run_check(c.check);
  if (app.got_subcommand("diff")) return run_diff(c.diff);
  if (app.got_subcommand("explain")) return run_explain(c.explain);
  if (app.got_subcommand("init")) return run_init(c.init);
  if (app.got_subcommand("template")) return run_template(c.template_opts);
  if (app.got_subcommand("sql")) return run_sql(c.sql);
  if (app.got_subcommand("completion")) return print_completion(app, c.completion);
  return kExitUsage;
}

}  // namespace kaohe
