// The `check` command.
#include "cli/check_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "cli/progress_bar.h"
#include "pipeline/evaluation.h"
#include "pipeline/input_warnings.h"
#include "pipeline/result_sources.h"
#include "scheme/scheme_lint.h"
#include "scheme/scheme_loader.h"

namespace kaohe {

void add_check_command(CLI::App& app, CheckOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "check", tr("Validate a scheme (and data) without scoring; silent when all is well"));
  cmd->add_option("scheme", opts.scheme, tr("Scheme file (YAML)"))->required();
  add_data_options(*cmd, opts.data);
  cmd->add_flag("--strict", opts.strict,
                tr("Warnings count as errors (exit 65): a seed's slip the scheme keeps "
                   "(seed_slips), rows outside the period"));
  cmd->footer(std::string(tr("Examples:")) + "\n"
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
  if (scheme && !has_data) {
    // Without data, the results of other assessments are checked as
    // references (with data, scoring reads them).
    std::vector<Diagnostic> refs = check_result_references(*scheme);
    found.insert(found.end(), refs.begin(), refs.end());
  }
  if (scheme && has_data) {
    std::optional<DataSources> sources;
    try {
      sources = sources_from(d);  // 65: a copy or a clash of names in DIR
    } catch (const Error& e) {
      collect(e);
    }
    if (sources) {
      found.insert(found.end(), sources->warnings.begin(), sources->warnings.end());
      std::unique_ptr<ProgressBar> progress = make_progress_bar(false);
      sources->progress = progress.get();
      std::optional<Period> period = scheme->period;
      // Rows after --as-of are outside the period of this run.
      const bool cut = period && sources->as_of && *sources->as_of < period->to;
      if (cut) period->to = *sources->as_of;
      try {
        DataCheck data = check_data(std::move(*scheme), *sources);
        found.insert(found.end(), data.diagnostics.begin(), data.diagnostics.end());
        const std::vector<Diagnostic> empty = empty_file_warnings(data.stats);
        found.insert(found.end(), empty.begin(), empty.end());
        // At the first row outside the period, with the count of all.
        const std::vector<Diagnostic> outside = outside_period_warnings(data.stats, period, cut);
        found.insert(found.end(), outside.begin(), outside.end());
      } catch (const Error& e) {
        collect(e);
      }
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
