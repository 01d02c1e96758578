// The `sql` command.
#include "cli/sql_command.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/roster.h"
#include "scheme/scheme_loader.h"
#include "sql/dialect.h"
#include "sql/query_plan.h"
#include "sql/query_text.h"

namespace kaohe {

void add_sql_command(CLI::App& app, SqlOptions& opts) {
  CLI::App* cmd = app.add_subcommand(
      "sql", tr("Print an SQL query that groups an events table for a scheme, for score "
                "--events -"));
  cmd->add_option("scheme", opts.scheme, tr("Scheme file (YAML)"))->required();
  cmd->add_option("--dialect", opts.dialect,
                  tr("The engine: duckdb, postgres, sqlite, spark or trino"))
      ->option_text("ENGINE")
      ->required()
      ->check(CLI::IsMember({"duckdb", "postgres", "sqlite", "spark", "trino"}));
  cmd->add_option("--table", opts.table,
                  tr("The events table, as written in FROM (default events)"))
      ->option_text("NAME");
  cmd->add_option("--column", opts.columns,
                  tr("COL=NAME: the table's column holding kaohe's column COL (unit_id, "
                     "item_id, date, count, tier, role, points, ref, due, done); COL= for "
                     "none. Repeatable"))
      ->option_text("COL=NAME");
  cmd->add_option("--key", opts.keys,
                  tr("A key column of the table: rejected rows come back with it, and "
                     "kaohe names them by it. Repeatable"))
      ->option_text("COLUMN");
  cmd->add_option("--units", opts.units,
                  tr("The roster (units.csv): rows of unknown units come back one by one, "
                     "and dates are kept by the day only for units with days of their own"))
      ->option_text("FILE");
  cmd->add_option("--as-of", opts.as_of,
                  tr("Group only rows up to this day, as score --as-of (give both the same)"))
      ->option_text("DATE");
  cmd->add_flag("--rejected", opts.rejected,
                tr("Only the rows kaohe rejects or leaves out, one by one, for 'kaohe check "
                   "SCHEME --units FILE --events -'"));
  cmd->add_flag("--copy", opts.copy,
                tr("Print a COPY statement that writes the rows as CSV on standard output, "
                   "for psql or the duckdb shell (postgres and duckdb only)"));
  cmd->footer(std::string(tr("Examples:")) + "\n"
      "  kaohe sql scheme.yaml --dialect postgres --units units.csv --key id > events.sql\n"
      "  kaohe sql scheme.yaml --dialect duckdb --table ods.events --column unit_id=dept_code");
}

int run_sql(const SqlOptions& opts) {
  const std::optional<Dialect> dialect = Dialect::named(opts.dialect);
  if (!dialect) {
    throw Error(kExitUsage, trf("unknown --dialect '{}'", opts.dialect),
                tr("one of duckdb, postgres, sqlite, spark, trino"));
  }
  if (opts.copy && !dialect->can_copy()) {
    throw Error(kExitUsage, trf("--copy is for --dialect postgres or duckdb, not {}",
                                dialect->name()),
                tr("export the query's rows as CSV with the engine's own client"));
  }
  EventTable table;
  table.name = opts.table;
  if (table.name.empty()) throw Error(kExitUsage, tr("--table needs a table name"));
  for (const std::string& c : opts.columns) {
    const auto eq = c.find('=');
    const std::string col = c.substr(0, eq);
    const bool known = std::any_of(std::begin(kSqlEventColumns), std::end(kSqlEventColumns),
                                   [&](const char* k) { return col == k; });
    if (eq == std::string::npos || !known) {
      throw Error(kExitUsage, trf("--column '{}' is not COL=NAME with COL one of "
                                  "kaohe's event columns", c),
                  tr("COL is one of unit_id, item_id, date, count, tier, role, points, ref, "
                     "due, done; e.g. --column unit_id=dept_code, or --column tier= when the "
                     "table has none"));
    }
    if (!table.columns.emplace(col, c.substr(eq + 1)).second) {
      throw Error(kExitUsage, trf("--column {} is given twice", col));
    }
  }
  for (const char* required : {"unit_id", "item_id"}) {
    auto it = table.columns.find(required);
    if (it != table.columns.end() && it->second.empty()) {
      throw Error(kExitUsage, trf("--column {0}= : every row needs a {0}", required));
    }
  }
  for (const std::string& k : opts.keys) {
    if (k.empty()) throw Error(kExitUsage, tr("--key needs a column name"));
    table.keys.push_back(k);
  }
  Scheme scheme = load_scheme(opts.scheme);
  std::optional<Date> as_of;
  if (!opts.as_of.empty()) {
    as_of = Date::parse(opts.as_of);
    if (!as_of) {
      throw Error(kExitUsage, trf("--as-of must be a date YYYY-MM-DD, got '{}'", opts.as_of),
                  tr("e.g. --as-of 2025-06-30"));
    }
    if (!scheme.period) {
      throw Error(kExitUsage, trf("--as-of {}: the scheme {} has no period to cut",
                                  as_of->to_string(), scheme.file));
    }
    if (*as_of < scheme.period->from) {
      throw Error(kExitUsage, trf("--as-of {} is before the period starts ({})",
                                  as_of->to_string(), scheme.period->from.to_string()));
    }
  }
  std::vector<std::string> ids;
  std::set<std::string> own_days;
  if (!opts.units.empty()) {
    Diagnostics diags;
    const Roster roster = load_roster(opts.units, diags, {}, &scheme.columns.roster,
                                      scheme.roster_columns());
    diags.throw_if_errors(kExitDataErr);
    for (const Unit& u : roster.units) {
      ids.push_back(u.id);
      if (u.from || u.to) own_days.insert(u.id);
    }
  }
  const QueryPlan plan = make_query_plan(scheme, opts.units.empty() ? nullptr : &ids,
                                         opts.units.empty() ? nullptr : &own_days, as_of);
  std::string q = render_query(plan, *dialect, table,
                                     opts.rejected ? QueryRows::kRejected : QueryRows::kScore);
  if (opts.copy) q = dialect->copy_to_stdout(q);
  std::fwrite(q.data(), 1, q.size(), stdout);
  return kExitOk;
}

}  // namespace kaohe
