// The `template` command.
#include "cli/template_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <optional>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/roster.h"
#include "scaffold/templates.h"
#include "scaffold/write_scaffold.h"
#include "scheme/scheme_loader.h"

namespace kaohe {

void add_template_command(CLI::App& app, TemplateOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "template", tr("Write blank input sheets (units, events, measures) for a scheme's items"));
  cmd->add_option("scheme", opts.scheme, tr("Scheme file (YAML)"))->required();
  cmd->add_option("-o,--output", opts.dir, tr("Folder to write the sheets into (default .)"))
      ->option_text("DIR");
  cmd->add_option("--units", opts.units,
                  tr("A roster (units.csv): measures.csv then lists one row per unit and "
                     "item, the value left empty"))
      ->option_text("FILE");
  cmd->add_option("--header", opts.header,
                  tr("The header words: zh (单位, 项目, 数值, …; the default) or en "
                     "(unit_id, item_id, value, …)"))
      ->option_text("LANG")
      ->check(CLI::IsMember({"en", "zh"}));
  cmd->add_option("-O,--output-format,--format", opts.format,
                  tr("csv (the default) or xlsx: workbooks of one sheet, every cell text"))
      ->option_text("FORMAT")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  cmd->add_flag("--force", opts.force, tr("Overwrite files that already exist"));
  cmd->footer(std::string(tr("Examples:")) + "\n"
      "  kaohe template scheme.yaml -o 2025/\n"
      "  kaohe template scheme.yaml -o 2025/ --units 2025/units.csv --force");
}

int run_template(const TemplateOptions& opts) {
  const Scheme scheme = load_scheme(opts.scheme);
  std::optional<Roster> roster;
  if (!opts.units.empty()) {
    Diagnostics diags;
    roster = load_roster(opts.units, diags, {}, &scheme.columns.roster,
                         scheme.roster_columns());
    diags.throw_if_errors(kExitDataErr);
  }
  const TemplateHeader header =
      opts.header == "en" ? TemplateHeader::kKaohe : TemplateHeader::kChinese;
  std::vector<ScaffoldFile> files = template_files(scheme, roster ? &*roster : nullptr, header);
  if (opts.format == "xlsx") {
    // units.csv → units.xlsx with a sheet "units": read back by name.
    for (ScaffoldFile& f : files) {
      const std::string stem = f.path.substr(0, f.path.rfind('.'));
      f.sheet = stem.substr(stem.rfind('/') + 1);
      f.path = stem + ".xlsx";
    }
  }
  write_scaffold(opts.dir, files, opts.force);
  const std::string wrote = files.size() == 1
                                ? trf("wrote {} file in {}\n", files.size(), opts.dir)
                                : trf("wrote {} files in {}\n", files.size(), opts.dir);
  std::fputs(wrote.c_str(), stderr);
  return kExitOk;
}

}  // namespace kaohe
