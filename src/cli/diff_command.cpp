// The `diff` command.
#include "cli/diff_command.h"

#include <CLI/CLI.hpp>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "cli/pager.h"
#include "diff/result_diff.h"
#include "diff/result_reader.h"
#include "io/file_io.h"
#include "io/output_file.h"
#include "report/diff_renderer.h"
#include "report/html_renderer.h"
#include "report/output_format.h"
#include "scheme/scheme_loader.h"
#include "scheme/yaml_tree.h"

namespace kaohe {

// The formats `diff` writes, the table first (choose_output_format).
constexpr OutputFormat kDiffFormats[] = {OutputFormat::kTable, OutputFormat::kCsv,
                                          OutputFormat::kTsv, OutputFormat::kJson,
                                          OutputFormat::kMarkdown, OutputFormat::kHtml};

void add_diff_command(CLI::App& app, DiffOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "diff", tr("Compare two schemes on the same data, or two saved JSON results"));
  cmd->add_option("old", opts.old_path, tr("Old scheme (YAML) or saved result (JSON)"))
      ->required();
  cmd->add_option("new", opts.new_path, tr("New scheme (YAML) or saved result (JSON)"))
      ->required();
  add_data_options(*cmd, opts.data);
  cmd->add_option("-O,--output-format,--format", opts.format,
                  tr("table, csv, tsv, json, markdown or html (a page: moves up and down, "
                     "grade changes highlighted)"))
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "markdown", "html"}));
  cmd->add_option("-o,--output", opts.output,
                  tr("Write to FILE atomically (- for stdout); without -O its "
                     "extension, in any case, sets the format: .txt .csv .tsv .json .md .html"))
      ->option_text("FILE");
  cmd->add_option("--tolerance", opts.tolerance,
                  tr("Ignore changes of total no larger than X (default 0)"))
      ->option_text("X");
  cmd->add_flag("--no-formula-guard", opts.no_formula_guard,
                tr("In CSV/TSV, write text cells that start with = + - @ as they are "
                   "(by default they get a leading ' so that a spreadsheet does not run them)"));
  cmd->add_flag("--no-pager", opts.no_pager,
                tr("Print the table directly, never through a pager (by default, on a "
                   "terminal, a table longer or wider than the screen goes through $PAGER, "
                   "or less)"));
  cmd->footer(
      std::string(tr("Exit status: 0 no differences, 1 differences, >1 trouble.")) + "\n" +
      tr("Examples:") + "\n"
         "  kaohe diff old.yaml new.yaml --data 2025/\n"
         "  kaohe score scheme.yaml --data 2025/ -o 2025.json   # " +
      tr("publish") + "\n"
         "  kaohe diff 2025.json new.yaml --data 2025/ --tolerance 0.5");
}

namespace {

// A saved result, or a scheme scored on the data (scored at most once).
Snapshot snapshot_from(const std::string& path, const DataOptions& data,
                       std::optional<DataSources>& sources) {
  std::string text;
  try {
    text = read_whole_file(path, kMaxSchemeBytes * 64);
  } catch (const Error& e) {
    if (e.exit_code() != kExitNoInput || e.diagnostics().size() != 1 ||
        !e.diagnostics()[0].hint.empty()) {
      throw;
    }
    Diagnostic d = e.diagnostics()[0];
    d.hint = tr("check the path: OLD and NEW are each a scheme (YAML) or a result "
                "saved by 'kaohe score -O json'");
    throw Error(kExitNoInput, d);
  }
  if (looks_like_json_result(text)) return read_result(path, text);
  if (!sources) {
    const DataOptions& d = data;
    if (d.data_positional.empty() && d.data_dir.empty() && d.units.empty()) {
      throw Error(kExitUsage,
                  tr("comparing schemes needs data: give DATA or --data DIR"),
                  tr("or compare two saved results of 'kaohe score -O json'"));
    }
    sources = sources_from(data);
    print_diagnostics(sources->warnings);  // what the data folder does not give
  }
  Scheme scheme = parse_scheme(path, text);
  return snapshot_of(evaluate(std::move(scheme), *sources), path);
}

}  // namespace

int run_diff(const DiffOptions& opts) {
  auto tolerance = Decimal::parse(opts.tolerance);
  if (!tolerance || *tolerance < Decimal()) {
    throw Error(kExitUsage,
                trf("--tolerance must be a plain decimal ≥ 0, got '{}'", opts.tolerance),
                tr("e.g. --tolerance 0.5 hides changes of total of at most 0.5"));
  }
  const OutputFormat format =
      choose_output_format(opts.format, opts.output, kDiffFormats, "diff");
  std::optional<DataSources> sources;
  Snapshot before = snapshot_from(opts.old_path, opts.data, sources);
  Snapshot after = snapshot_from(opts.new_path, opts.data, sources);
  // Before anything is written: OLD, NEW and the data are inputs.
  std::vector<std::string> inputs{opts.new_path};
  if (sources) {
    std::vector<std::string> data = input_files(opts.old_path, *sources);
    inputs.insert(inputs.end(), data.begin(), data.end());
  } else {
    inputs.push_back(opts.old_path);
  }
  refuse_input_as_output(opts.output, inputs);
  ResultDiff diff = diff_results(before, after, *tolerance);
  const std::string text = format == OutputFormat::kHtml
                               ? render_diff_html(diff, opts.old_path, opts.new_path)
                               : render_diff(diff, format, !opts.no_formula_guard);
  if (format == OutputFormat::kTable) {
    write_for_people(opts.output, text, opts.no_pager);
  } else {
    write_output(opts.output, text);
  }
  return diff.empty() ? kExitOk : kExitDiffers;
}

}  // namespace kaohe
