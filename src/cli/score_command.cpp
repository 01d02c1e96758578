// The `score` command.
#include "cli/score_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "base/terminal_text.h"
#include "cli/color.h"
#include "cli/explain_command.h"
#include "cli/pager.h"
#include "cli/progress_bar.h"
#include "cli/table_width.h"
#include "explain/explanation.h"
#include "explain/reasons.h"
#include "input/data_sources.h"
#include "io/output_file.h"
#include "pipeline/evaluation.h"
#include "pipeline/input_warnings.h"
#include "pipeline/unit_rows.h"
#include "report/html_renderer.h"
#include "report/output_format.h"
#include "report/render.h"
#include "report/xlsx_writer.h"
#include "scheme/scheme_loader.h"
#include "scoring/result_leaf.h"

namespace kaohe {

// The formats `score` writes, the table first (choose_output_format).
constexpr OutputFormat kScoreFormats[] = {OutputFormat::kTable, OutputFormat::kCsv,
                                           OutputFormat::kTsv,   OutputFormat::kJson,
                                           OutputFormat::kMarkdown, OutputFormat::kXlsx,
                                           OutputFormat::kHtml};

// The largest losses the HTML page shows per unit without --reasons.
constexpr int kHtmlReasons = 3;

void add_data_options(CLI::App& cmd, DataOptions& opts) {
  cmd.add_option("data", opts.data_positional,
                 tr("Data directory: units, events*, measures* as .csv or .xlsx; or one "
                    ".xlsx workbook with a sheet per kind"));
  cmd.add_option("--data", opts.data_dir, tr("Data directory or workbook (same as DATA)"))
      ->option_text("DIR");
  cmd.add_option("--units", opts.units,
                 tr("Roster CSV, or .xlsx[:SHEET] (replaces DIR/units.csv)"))
      ->option_text("FILE");
  cmd.add_option("--events", opts.events,
                 tr("Events CSV or .xlsx[:SHEET], repeatable (replaces DIR/events*.csv)"))
      ->option_text("FILE");
  cmd.add_option("--measures", opts.measures,
                 tr("Measures CSV or .xlsx[:SHEET], repeatable (replaces DIR/measures*.csv)"))
      ->option_text("FILE");
  cmd.add_option("--encoding", opts.encoding,
                 tr("Encoding of every CSV file: utf-8 or gb18030 (also gbk, gb2312). "
                    "Default auto: each file's own, UTF-8 when its text is UTF-8, else "
                    "GB18030; a UTF-16 byte-order mark always wins"))
      ->option_text("ENC");
  cmd.add_option("--delimiter", opts.delimiter,
                 tr("Field delimiter of every CSV file: comma, tab or semicolon (also , "
                    "and ;). Default auto: each file's own, from its first lines and its "
                    "name (.tsv and .txt: tab)"))
      ->option_text("DELIM");
  cmd.add_option("--skip", opts.skip,
                 tr("Rows above the header (titles) to skip: N for every file, NAME=N for "
                    "the file NAME alone (repeatable). Default: title rows of one cell are "
                    "found and skipped"))
      ->option_text("[NAME=]N");
  cmd.add_option("-j,--jobs", opts.jobs,
                 tr("Threads reading an events file of 32 MiB or more, and scoring "
                    "2,000 units or more (default: one per core, at most 8); the "
                    "result never depends on it"))
      ->option_text("N")
      ->check(CLI::Range(1, 64));
  cmd.add_option("--as-of", opts.as_of,
                 tr("An interim run: score as if the period ended on DATE (YYYY-MM-DD); "
                    "rows after it are left out, quota buckets not over by then ask for "
                    "nothing, work not done is late until then"))
      ->option_text("DATE");
}

void add_score_command(CLI::App& app, ScoreOptions& opts) {
  CLI::App* cmd = app.add_subcommand("score", tr("Score every unit and print the "
                                                 "ranked grade table"));
  cmd->add_option("scheme", opts.scheme, tr("Scheme file (YAML)"))->required();
  add_data_options(*cmd, opts.data);
  cmd->add_option("-O,--output-format,--format", opts.format,
                  tr("table, csv, tsv, json, markdown, xlsx (only with -o FILE) or html "
                     "(one self-contained page with charts); default: from -o's extension, "
                     "else table"))
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "markdown", "xlsx", "html"}));
  cmd->add_option("-o,--output", opts.output,
                  tr("Write to FILE atomically (- for stdout); without -O its "
                     "extension, in any case, sets the format: .txt .csv .tsv .json "
                     ".md .xlsx .html"))
      ->option_text("FILE");
  cmd->add_option("--reasons", opts.reasons,
                  tr("Add each unit's N largest point losses (reason codes; the HTML page "
                     "shows 3 unless N is given)"))
      ->option_text("N")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--margin", opts.margin,
                  tr("Mark totals within X of a grade boundary"))
      ->option_text("X");
  cmd->add_option("--color", opts.color,
                  tr("Colour the table: auto (on a terminal, unless NO_COLOR is "
                     "set or -o is a file), always or never"))
      ->option_text("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--width", opts.width,
                  tr("Fit the table into N columns: wrap headers and names, shorten part "
                     "headers, then leave out parts, saying so under the table (0: no "
                     "limit). Default: on a terminal, COLUMNS or the terminal's width; "
                     "else no limit"))
      ->option_text("N")
      ->check(CLI::Range(0, 100000));
  cmd->add_flag("--no-pager", opts.no_pager,
                tr("Print the table directly, never through a pager (by default, on a "
                   "terminal, a table longer or wider than the screen goes through $PAGER, "
                   "or less)"));
  cmd->add_option("--header", opts.header,
                  tr("The header words of the table, CSV, TSV, Markdown and xlsx: en "
                     "(rank, unit_id, …, total, grade, flags; the default) or zh (排名, 单位, "
                     "…, 总分, 等次, 备注, and in CSV/TSV the parts' names)"))
      ->option_text("LANG")
      ->check(CLI::IsMember({"en", "zh"}));
  cmd->add_flag("--bom", opts.bom,
                tr("Start CSV or TSV output with a UTF-8 byte-order mark (for Excel)"));
  cmd->add_flag("--no-formula-guard", opts.no_formula_guard,
                tr("In CSV/TSV, write text cells that start with = + - @ as they are "
                   "(by default they get a leading ' so that a spreadsheet does not run them)"));
  cmd->add_flag("-v,--verbose", opts.verbose,
                tr("Print a summary of the rows read on stderr"));
  cmd->add_flag("-q,--quiet", opts.quiet,
                tr("Print nothing but errors: no warnings, no -v summary, no progress bar "
                   "(for cron)"));
  cmd->footer(std::string(tr("Examples:")) + "\n"
      "  kaohe score schemes/party-building.yaml examples/party-building\n"
      "  kaohe score scheme.yaml --data 2025/ -o results.csv --bom\n"
      "  kaohe score scheme.yaml --data 2025/ -o results.xlsx\n"
      "  kaohe score scheme.yaml --data 2025/ -o results.html\n"
      "  kaohe score scheme.yaml --data 2025/ --reasons 3 --margin 0.5\n"
      "  kaohe score scheme.yaml --units units.csv --events events.csv -O json");
}

DataSources sources_from(const DataOptions& d) {
  if (!d.data_positional.empty() && !d.data_dir.empty()) {
    throw Error(kExitUsage, tr("give the data directory once: as DATA or --data"),
                "");
  }
  std::optional<std::string> dir;
  if (!d.data_dir.empty()) dir = d.data_dir;
  if (!d.data_positional.empty()) dir = d.data_positional;
  std::optional<std::string> units;
  if (!d.units.empty()) units = d.units;
  SheetOptions sheet;
  if (!d.encoding.empty() && d.encoding != "auto") {
    sheet.encoding = parse_encoding(d.encoding);
    if (!sheet.encoding) {
      throw Error(kExitUsage, trf("unknown --encoding '{}'", d.encoding),
                  tr("use utf-8 or gb18030 (also gbk, gb2312), or auto (the default): "
                     "each file's encoding found on its own"));
    }
  }
  if (!d.delimiter.empty() && d.delimiter != "auto") {
    const std::optional<char> delimiter = parse_delimiter(d.delimiter);
    if (!delimiter) {
      throw Error(kExitUsage, trf("unknown --delimiter '{}'", d.delimiter),
                  tr("use comma, tab or semicolon (or , and ;), or auto (the default): "
                     "each file's delimiter found from its first lines"));
    }
    sheet.delimiter = *delimiter;
  }
  for (const std::string& text : d.skip) {
    std::optional<std::pair<std::string, int>> skip = parse_skip(text);
    if (!skip) {
      throw Error(kExitUsage, trf("--skip takes N or NAME=N (N from 0 to 100), got '{}'", text),
                  tr("e.g. --skip 1 (one title row above every header) or --skip units.csv=2"));
    }
    const bool twice = skip->first.empty()
                           ? sheet.skip >= 0
                           : std::any_of(sheet.skip_files.begin(), sheet.skip_files.end(),
                                         [&](const auto& s) { return s.first == skip->first; });
    if (twice) {
      throw Error(kExitUsage,
                  trf("--skip {} is given twice", skip->first.empty() ? "N" : skip->first + "=N"),
                  tr("give each file's title rows once"));
    }
    if (skip->first.empty()) {
      sheet.skip = skip->second;
    } else {
      sheet.skip_files.push_back(std::move(*skip));
    }
  }
  DataSources sources = resolve_sources(dir, units, d.events, d.measures);
  for (const auto& [name, n] : sheet.skip_files) {
    SheetOptions one;
    one.skip_files.emplace_back(name, n);
    const bool named = std::any_of(sources.sheet.run_files.begin(), sources.sheet.run_files.end(),
                                   [&](const std::string& f) { return one.skip_for(f) >= 0; });
    if (!named) {
      throw Error(kExitUsage, trf("--skip {0}={1}: no file of the run is named {0}", name, n),
                  tr("NAME is a file's name (units.csv) or its path as read"));
    }
  }
  sheet.run_files = std::move(sources.sheet.run_files);
  sources.sheet = std::move(sheet);
  sources.threads = d.jobs;
  if (!d.as_of.empty()) {
    sources.as_of = Date::parse(d.as_of);
    if (!sources.as_of) {
      throw Error(kExitUsage, trf("--as-of must be a date YYYY-MM-DD, got '{}'", d.as_of),
                  tr("e.g. --as-of 2025-06-30"));
    }
  }
  return sources;
}

std::vector<std::string> input_files(const std::string& scheme, const DataSources& s) {
  std::vector<std::string> out{scheme, s.units};
  out.insert(out.end(), s.events.begin(), s.events.end());
  out.insert(out.end(), s.measures.begin(), s.measures.end());
  return out;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::fputs(format_diagnostic(d).c_str(), stderr);
}

int run_score(const ScoreOptions& opts) {
  const OutputFormat format =
      choose_output_format(opts.format, opts.output, kScoreFormats, "score");
  if (format == OutputFormat::kXlsx && opts.output == "-") {
    throw Error(kExitUsage, tr("xlsx output needs a file: add -o FILE.xlsx"),
                tr("a workbook is binary; it is not written to standard output"));
  }
  if (opts.bom && format != OutputFormat::kCsv && format != OutputFormat::kTsv) {
    throw Error(kExitUsage, tr("--bom applies to csv and tsv output only"),
                tr("add -O csv or -O tsv, or write to a .csv or .tsv file with -o"));
  }
  if (opts.width >= 0 && format != OutputFormat::kTable) {
    throw Error(kExitUsage, tr("--width applies to the table only"),
                tr("CSV, TSV, JSON, Markdown and xlsx always have every column; leave --width "
                   "out"));
  }
  if (opts.header == "zh" && format == OutputFormat::kJson) {
    throw Error(kExitUsage, tr("--header applies to the table, CSV, TSV, Markdown and xlsx"),
                tr("JSON keeps its keys (rank, unit_id, total, …) whatever the header; "
                   "leave --header out"));
  }
  DataSources sources = sources_from(opts.data);
  refuse_input_as_output(opts.output, input_files(opts.scheme, sources));
  // What the data folder holds but is not read: before anything else, so
  // it shows also when the run then fails.
  if (!opts.quiet) print_diagnostics(sources.warnings);
  Scheme scheme = load_scheme(opts.scheme);
  std::optional<Decimal> margin;
  if (!opts.margin.empty()) {
    margin = Decimal::parse(opts.margin);
    if (!margin || *margin < Decimal()) {
      throw Error(kExitUsage, trf("--margin must be a plain decimal ≥ 0, got '{}'", opts.margin));
    }
  }
  // With -o FILE a successful run prints nothing but warnings, not even a bar.
  std::unique_ptr<ProgressBar> progress =
      make_progress_bar(opts.quiet || opts.output != "-");
  sources.progress = progress.get();
  Evaluation ev = evaluate(std::move(scheme), sources);
  // Chinese header words with --header zh; without --header, also for the
  // table under Chinese messages (the table is for people: the data
  // formats' bytes never depend on the locale).
  const bool chinese_table = opts.header.empty() && format == OutputFormat::kTable &&
                             message_language() == Language::kChinese;
  if (opts.header == "zh" || chinese_table) ev.header = Evaluation::Header::kChinese;
  const int reasons =
      opts.reasons > 0 ? opts.reasons : format == OutputFormat::kHtml ? kHtmlReasons : 0;
  if (reasons > 0) {
    ev.reasons.resize(ev.roster.units.size());
    for (int u = 0; u < ev.roster.size(); ++u) {
      std::string text;
      for (const Reason& r : top_losses(ev, u, reasons)) {
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
  if (format == OutputFormat::kXlsx) {
    write_output_with(opts.output,
                      [&](const std::string& temp) { return write_xlsx(ev, temp, reasons); });
  } else if (format == OutputFormat::kHtml) {
    // Each unit's waterfall is its explanation: the event files are read
    // again in as few passes as memory allows (pipeline/unit_rows.h).
    std::vector<Explanation> explained;
    explained.reserve(ev.standings.size());
    std::vector<int> units;
    for (const Standing& s : ev.standings) units.push_back(s.unit);
    for_each_unit_rows(ev, units, kUnitRowsBudget,
                       [&](int unit, const std::vector<ExplainedRow>& rows) {
                         explained.push_back(explain_unit(ev, unit, rows, kDefaultExplainRows));
                       });
    write_output(opts.output, render_score_html(ev, explained));
  } else {
    // The table on a terminal is fitted to it and, when still too long or
    // too wide, paged; a pipe or a file gets every column (cli/table_width.h).
    const bool to_terminal = opts.output == "-" && ::isatty(STDOUT_FILENO) == 1;
    const TerminalSize size = to_terminal ? terminal_size(STDOUT_FILENO) : TerminalSize{};
    const int width = format == OutputFormat::kTable
                          ? choose_table_width(opts.width, to_terminal,
                                               std::getenv("COLUMNS"), size.columns)
                          : 0;
    std::string text = render(ev, format, use_color(opts.color, opts.output),
                              !opts.no_formula_guard, width);
    if (opts.bom) text.insert(0, "\xEF\xBB\xBF");
    if (format == OutputFormat::kTable) {
      write_for_people(opts.output, text, opts.no_pager);
    } else {
      write_output(opts.output, text);
    }
  }
  if (opts.quiet) return kExitOk;
  if (opts.verbose) print_diagnostics(empty_file_warnings(ev.stats));
  // Rows after --as-of are outside the period of this run.
  std::optional<Period> period = ev.scheme.period;
  const bool cut = period && ev.scheme.as_of && *ev.scheme.as_of < period->to;
  if (cut) period->to = *ev.scheme.as_of;
  if (auto outside = outside_period_summary(ev.stats, period, cut)) {
    print_diagnostics({*outside});
  }
  if (opts.verbose) {
    for (const InputStats& s : ev.stats) {
      std::string line =
          trf("{}: {} rows read, {} counted", terminal_safe(s.file), s.read, s.counted);
      if (s.outside) line += trf(", {} outside the period", s.outside);
      line += tr("; ") + describe(s.form);  // the separator before the form
      std::fputs((line + "\n").c_str(), stderr);
    }
    // Results of other assessments: how many of the roster's units each
    // source has (the others took the item's `missing`).
    for (std::size_t n = 0; n < ev.scheme.nodes.size(); ++n) {
      const ResultLeafSource* r = ev.results.find(static_cast<int>(n));
      if (r == nullptr) continue;
      int found = 0;
      for (const SourceScore& u : r->units) found += u.state != SourceScore::State::kMissing;
      std::fputs(trf("{}: {} units, {} of {} found for item {} ({})\n",
                             terminal_safe(r->file), r->source_units, found, r->units.size(),
                             ev.scheme.nodes[n].id, r->node)
                     .c_str(),
                 stderr);
    }
  }
  return kExitOk;
}

}  // namespace kaohe
