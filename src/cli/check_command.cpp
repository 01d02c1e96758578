// The `check` command.
#include "cli/check_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "base/diagnostic.h"
#include "cli/progress_bar.h"
#include "pipeline/evaluation.h"
#include "scheme/scheme_lint.h"
#include "scheme/scheme_loader.h"

namespace kaohe {

void add_check_command(CLI::App& app, CheckOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Validate a scheme (and data) without scoring; silent when all is well");
  cmd->add_option("scheme", opts.scheme, "Scheme file (YAML)")->required();
  add_data_options(*cmd, opts.data);
  cmd->add_flag("--strict", opts.strict,
                "Warnings count as errors (exit 65): a seed's slip the scheme keeps "
                "(seed_slips), rows outside the period");
  cmd->footer(
      "Examples:\n"
      "  kaohe check schemes/party-building.yaml\n"
      "  kaohe check scheme.yaml --data 2025/ && kaohe score scheme.yaml --data 2025/");
}

int run_check(const CheckOptions& opts) {
  std::vector<Diagnostic> found;
  auto collect = [&](const Error& e) {
    if (e.exit_code() != kExitDataErr) throw e;
    found.insert(found.end(), e.diagnostics().begin(), e.diagnostics().end());
  };
  std::optional<Scheme> scheme;
  try {
    scheme = load_scheme(opts.scheme);
  } catch (const Error& e) {
    collect(e);
  }
  if (scheme) {
    try {
      std::vector<Diagnostic> lint = lint_scheme(*scheme);
      found.insert(found.end(), lint.begin(), lint.end());
    } catch (const Error& e) {
      collect(e);  // points too large to add up: reported, data still checked
    }
  }
  const DataOptions& d = opts.data;
  bool has_data = !d.data_positional.empty() || !d.data_dir.empty() ||
                  !d.units.empty();
  if (scheme && has_data) {
    DataSources sources = sources_from(d);
    std::unique_ptr<ProgressBar> progress = make_progress_bar(false);
    sources.progress = progress.get();
    const std::optional<Period> period = scheme->period;
    try {
      DataCheck data = check_data(std::move(*scheme), sources);
      found.insert(found.end(), data.diagnostics.begin(), data.diagnostics.end());
      for (const InputStats& s : data.stats) {
        if (s.outside == 0 || !period) continue;
        // At the first row outside the period, with the count of all.
        Diagnostic w;
        w.file = s.file;
        w.line = s.first_outside_line;
        w.severity = Severity::kWarning;
        const std::string span = fmt::format("({} to {})", period->from.to_string(),
                                             period->to.to_string());
        w.message = s.outside == 1
                        ? fmt::format("1 row lies outside the scheme's period {} "
                                      "and is not counted", span)
                        : fmt::format("{} rows lie outside the scheme's period {} "
                                      "and are not counted", s.outside, span);
        w.source_line = s.first_outside_text;
        w.hint = s.outside == 1 ? "check the date, or the scheme's period"
                                : "this is the first of them; check the dates, or "
                                  "the scheme's period";
        found.push_back(w);
      }
    } catch (const Error& e) {
      collect(e);
    }
  }
  bool errors = false;
  for (const Diagnostic& diag : found) {
    std::fputs(format_diagnostic(diag).c_str(), stderr);
    errors |= diag.severity == Severity::kError || opts.strict;
  }
  return errors ? kExitDataErr : kExitOk;
}

}  // namespace kaohe
