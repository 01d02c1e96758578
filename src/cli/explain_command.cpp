// The `explain` command.
#include "cli/explain_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/diagnostic.h"
#include "cli/pager.h"
#include "cli/progress_bar.h"
#include "io/output_file.h"
#include "pipeline/unit_rows.h"
#include "report/explain_renderer.h"
#include "report/output_format.h"
#include "scheme/scheme_loader.h"

namespace kaohe {

// The formats `explain` writes, the table first (choose_output_format).
constexpr OutputFormat kExplainFormats[] = {OutputFormat::kTable, OutputFormat::kJson,
                                            OutputFormat::kCsv, OutputFormat::kTsv};

void add_explain_command(CLI::App& app, ExplainOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show every point one unit gained or lost, down to the input rows");
  cmd->add_option("scheme", opts.scheme, "Scheme file (YAML)")->required();
  cmd->add_option("unit", opts.unit, "The unit_id to explain")->required();
  add_data_options(*cmd, opts.data);
  cmd->add_option("-O,--output-format,--format", opts.format,
                  "table (a tree), json, csv or tsv (one row per node and line)")
      ->check(CLI::IsMember({"table", "json", "csv", "tsv"}));
  cmd->add_option("-o,--output", opts.output,
                  "Write to FILE atomically (- for stdout); without -O its "
                  "extension, in any case, sets the format: .txt .json .csv .tsv")
      ->option_text("FILE");
  cmd->add_option("--rows", opts.rows, "List at most K rows per item (default 10)")
      ->option_text("K")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--no-pager", opts.no_pager,
                "Print the tree directly, never through a pager (by default, on a "
                "terminal, a tree longer or wider than the screen goes through $PAGER, "
                "or less)");
  cmd->footer(
      "Examples:\n"
      "  kaohe explain schemes/party-building.yaml V2 examples/party-building\n"
      "  kaohe explain scheme.yaml T03 --data 2025/ -O json");
}

int run_explain(const ExplainOptions& opts) {
  const OutputFormat format =
      choose_output_format(opts.format, opts.output, kExplainFormats, "explain");
  DataSources sources = sources_from(opts.data);
  refuse_input_as_output(opts.output, input_files(opts.scheme, sources));
  print_diagnostics(sources.warnings);  // what the data folder does not give
  Scheme scheme = load_scheme(opts.scheme);
  std::unique_ptr<ProgressBar> progress = make_progress_bar(false);
  sources.progress = progress.get();
  Evaluation ev = evaluate(std::move(scheme), sources);
  int unit = ev.roster.find(opts.unit);
  if (unit < 0) {
    std::vector<std::string> ids;
    for (const Unit& u : ev.roster.units) ids.push_back(u.id);
    throw Error(kExitUsage, fmt::format("unit \"{}\" is not in {}", opts.unit, sources.units),
                did_you_mean(opts.unit, ids));
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
