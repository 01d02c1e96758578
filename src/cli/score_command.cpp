// The `score` command.
#include "cli/score_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/diagnostic.h"
#include "explain/reasons.h"
#include "input/data_sources.h"
#include "io/output_file.h"
#include "pipeline/evaluation.h"
#include "report/render.h"
#include "scheme/scheme_loader.h"

namespace kaohe {

void add_data_options(CLI::App& cmd, DataOptions& opts) {
  cmd.add_option("data", opts.data_positional,
                 "Data directory: units.csv, events*.csv, measures*.csv");
  cmd.add_option("--data", opts.data_dir, "Data directory (same as DATA)")
      ->option_text("DIR");
  cmd.add_option("--units", opts.units, "Roster CSV (replaces DIR/units.csv)")
      ->option_text("FILE");
  cmd.add_option("--events", opts.events,
                 "Events CSV, repeatable (replaces DIR/events*.csv)")
      ->option_text("FILE");
  cmd.add_option("--measures", opts.measures,
                 "Measures CSV, repeatable (replaces DIR/measures*.csv)")
      ->option_text("FILE");
}

void add_score_command(CLI::App& app, ScoreOptions& opts) {
  CLI::App* cmd = app.add_subcommand("score", "Score every unit and print the "
                                              "ranked grade table");
  cmd->add_option("scheme", opts.scheme, "Scheme file (YAML)")->required();
  add_data_options(*cmd, opts.data);
  cmd->add_option("-O,--output-format,--format", opts.format,
                  "table, csv, tsv, json or markdown (default: from -o's "
                  "extension, else table)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "markdown"}));
  cmd->add_option("-o,--output", opts.output,
                  "Write to FILE atomically (- for stdout)")
      ->option_text("FILE");
  cmd->add_option("--reasons", opts.reasons,
                  "Add each unit's N largest point losses (reason codes)")
      ->option_text("N")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--margin", opts.margin,
                  "Mark totals within X of a grade boundary")
      ->option_text("X");
  cmd->add_flag("-v,--verbose", opts.verbose,
                "Print a summary of the rows read on stderr");
  cmd->footer(
      "Examples:\n"
      "  kaohe score schemes/party-building.yaml examples/party-building\n"
      "  kaohe score scheme.yaml --data 2025/ -o results.csv\n"
      "  kaohe score scheme.yaml --data 2025/ --reasons 3 --margin 0.5\n"
      "  kaohe score scheme.yaml --units units.csv --events events.csv -O json");
}

DataSources sources_from(const DataOptions& d) {
  if (!d.data_positional.empty() && !d.data_dir.empty()) {
    throw Error(kExitUsage, "give the data directory once: as DATA or --data",
                "");
  }
  std::optional<std::string> dir;
  if (!d.data_dir.empty()) dir = d.data_dir;
  if (!d.data_positional.empty()) dir = d.data_positional;
  std::optional<std::string> units;
  if (!d.units.empty()) units = d.units;
  return resolve_sources(dir, units, d.events, d.measures);
}

int run_score(const ScoreOptions& opts) {
  OutputFormat format = OutputFormat::kTable;
  if (!opts.format.empty()) {
    format = *parse_output_format(opts.format);
  } else if (opts.output != "-") {
    format = format_from_extension(opts.output).value_or(OutputFormat::kTable);
  }
  DataSources sources = sources_from(opts.data);
  Scheme scheme = load_scheme(opts.scheme);
  std::optional<Decimal> margin;
  if (!opts.margin.empty()) {
    margin = Decimal::parse(opts.margin);
    if (!margin || *margin < Decimal()) {
      throw Error(kExitUsage, "--margin must be a plain decimal ≥ 0, got '" +
                                  opts.margin + "'");
    }
  }
  Evaluation ev = evaluate(std::move(scheme), sources);
  if (opts.reasons > 0) {
    ev.reasons.resize(ev.roster.units.size());
    for (int u = 0; u < ev.roster.size(); ++u) {
      std::string text;
      for (const Reason& r : top_losses(ev, u, opts.reasons)) {
        if (!text.empty()) text += "; ";
        Decimal shown = round_to(r.effect, ev.scheme.precision, ev.scheme.rounding);
        text += ev.scheme.nodes[r.node].name + " " + shown.format(ev.scheme.precision);
      }
      ev.reasons[u] = text;
    }
  }
  if (margin) {
    ev.near_boundary.resize(ev.roster.units.size());
    for (int u = 0; u < ev.roster.size(); ++u) {
      ev.near_boundary[u] =
          near_boundary(ev.scheme, ev.sheet.total(u), *margin).value_or("");
    }
  }
  std::string text = render(ev, format);
  write_output(opts.output, text);
  if (opts.verbose) {
    for (const InputStats& s : ev.stats) {
      std::string line = fmt::format("{}: {} rows read, {} counted", s.file, s.read,
                                     s.counted);
      if (s.outside) line += fmt::format(", {} outside the period", s.outside);
      std::fputs((line + "\n").c_str(), stderr);
    }
  }
  return kExitOk;
}

}  // namespace kaohe
