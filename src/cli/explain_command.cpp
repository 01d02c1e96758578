// The `explain` command.
#include "cli/explain_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "cli/pager.h"
#include "cli/progress_bar.h"
#include "io/output_file.h"
#include "pipeline/unit_rows.h"
#include "report/explain_renderer.h"
#include "report/html_renderer.h"
#include "report/output_format.h"
#include "scheme/scheme_loader.h"

namespace kaohe {

// The formats `explain` writes, the table first (choose_output_format).
constexpr OutputFormat kExplainFormats[] = {OutputFormat::kTable, OutputFormat::kJson,
                                            OutputFormat::kCsv, OutputFormat::kTsv,
                                            OutputFormat::kHtml};

void add_explain_command(CLI::App& app, ExplainOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "explain", tr("Show every point one unit gained or lost, down to the input rows"));
  cmd->add_option("scheme", opts.scheme, tr("Scheme file (YAML)"))->required();
  cmd->add_option("unit", opts.unit, tr("The unit_id to explain"))->required();
  add_data_options(*cmd, opts.data);
  cmd->add_option("-O,--output-format,--format", opts.format,
                  tr("table (a tree), json, csv or tsv (one row per node and line), or html "
                     "(a page with each unit's waterfall and tree)"))
      ->check(CLI::IsMember({"table", "json", "csv", "tsv", "html"}));
  cmd->add_option("-o,--output", opts.output,
                  tr("Write to FILE atomically (- for stdout); without -O its "
                     "extension, in any case, sets the format: .txt .json .csv .tsv .html"))
      ->option_text("FILE");
  cmd->add_option("--unit", opts.more_units,
                  tr("Explain this unit too, after UNIT (repeatable; html only)"))
      ->option_text("ID");
  cmd->add_option("--rows", opts.rows, tr("List at most K rows per item (default 10)"))
      ->option_text("K")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--no-pager", opts.no_pager,
                tr("Print the tree directly, never through a pager (by default, on a "
                   "terminal, a tree longer or wider than the screen goes through $PAGER, "
                   "or less)"));
  cmd->footer(std::string(tr("Examples:")) + "\n"
      "  kaohe explain schemes/party-building.yaml V2 examples/party-building\n"
      "  kaohe explain scheme.yaml T03 --data 2025/ -O json\n"
      "  kaohe explain scheme.yaml T03 --unit T07 --data 2025/ -o t03-t07.html");
}

int run_explain(const ExplainOptions& opts) {
  const OutputFormat format =
      choose_output_format(opts.format, opts.output, kExplainFormats, "explain");
  if (!opts.more_units.empty() && format != OutputFormat::kHtml) {
    throw Error(kExitUsage, tr("--unit explains more units on one HTML page only"),
                tr("add -O html (or -o FILE.html), or run explain once per unit"));
  }
  DataSources sources = sources_from(opts.data);
  refuse_input_as_output(opts.output, input_files(opts.scheme, sources));
  print_diagnostics(sources.warnings);  // what the data folder does not give
  Scheme scheme = load_scheme(opts.scheme);
  std::unique_ptr<ProgressBar> progress = make_progress_bar(false);
  sources.progress = progress.get();
  Evaluation ev = evaluate(std::move(scheme), sources);
  auto find_unit = [&](const std::string& id) {
    const int unit = ev.roster.find(id);
    if (unit < 0) {
      std::vector<std::string> ids;
      for (const Unit& u : ev.roster.units) ids.push_back(u.id);
      throw Error(kExitUsage, trf("unit \"{}\" is not in {}", id, sources.units),
                  did_you_mean(id, ids));
    }
    return unit;
  };
  const int unit = find_unit(opts.unit);
  // Each unit once, in the order asked (a unit named twice is one section).
  std::vector<int> more;
  for (const std::string& id : opts.more_units) {
    const int u = find_unit(id);
    if (u != unit && std::find(more.begin(), more.end(), u) == more.end()) more.push_back(u);
  }
  if (format == OutputFormat::kHtml) {
    std::vector<Explanation> explained;
    explained.push_back(explain_unit(ev, unit, unit_rows(ev, unit), opts.rows));
    for (int u : more) explained.push_back(explain_unit(ev, u, unit_rows(ev, u), opts.rows));
    write_output(opts.output, render_explain_html(ev, explained));
    return kExitOk;
  }
  Explanation ex = explain_unit(ev, unit, unit_rows(ev, unit), opts.rows);
  const std::string text = render_explanation(ev, ex, format);
  if (format == OutputFormat::kTable) {
    write_for_people(opts.output, text, opts.no_pager);
  } else {
    write_output(opts.output, text);
  }
  return kExitOk;
}

}  // namespace kaohe
