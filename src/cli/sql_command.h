// `kaohe sql SCHEME --dialect ENGINE`: prints one SQL query that reads an
// events table in a database or warehouse and returns what the scheme
// needs of it — rows grouped per unit, item and what the item's rule reads
// (sql/query_plan.h), with count the sum, and the rows kaohe would reject
// one by one with the table's key — in kaohe's events format, for
// `kaohe score SCHEME --events -` (DESIGN.md §4 "SQL push-down").
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kaohe {

struct SqlOptions {
  std::string scheme;
  std::string dialect;               // duckdb, postgres, sqlite, spark, trino
  std::string table = "events";      // as written in FROM
  std::vector<std::string> columns;  // COL=NAME: kaohe column → table column
  std::vector<std::string> keys;     // --key: the table's key columns
  std::string units;                 // --units: the roster (ids, own days)
  std::string as_of;                 // --as-of DATE, as score's
  bool rejected = false;             // --rejected: only the rows kaohe rejects
  bool copy = false;                 // --copy: a COPY statement writing CSV
                                     // on stdout (postgres, duckdb)
};

void add_sql_command(CLI::App& app, SqlOptions& opts);
// Loads the scheme (and the roster) and prints the query on stdout.
// Returns the exit code; throws kaohe::Error: 64 for a wrong --column,
// --key or --as-of, or --copy with another dialect, the loader's 65/66.
int run_sql(const SqlOptions& opts);

}  // namespace kaohe
