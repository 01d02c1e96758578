// The text of the query `kaohe sql` prints: a QueryPlan (what to group by)
// spelled for one engine (Dialect) over one events table (its name, the
// columns holding kaohe's event columns, its key columns). The query
// returns rows in kaohe's events format plus a `row_key` column: grouped
// rows with row_key empty, and the rows kaohe would reject one by one
// with their key (DESIGN.md §4 "SQL push-down (issue 19)").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sql/dialect.h"
#include "sql/query_plan.h"

namespace kaohe {

// kaohe's event columns, in the order the query returns them (row_key
// after them).
inline constexpr const char* kSqlEventColumns[] = {
    "unit_id", "item_id", "date", "count", "tier", "role", "points", "ref", "due", "done"};

struct EventTable {
  std::string name = "events";  // written as given: events, warehouse.ods.events
  // kaohe column → the table's column; a column not listed is the table's
  // column of kaohe's name; mapped to "" the table has no such column
  // (every row NULL there).
  std::map<std::string, std::string> columns;
  // Key columns: each rejected row's row_key is `name=value` of each,
  // space-separated, so that kaohe names the row by them. Empty: no key.
  std::vector<std::string> keys;
};

enum class QueryRows {
  kScore,     // grouped rows in the period, and the rejected rows one by one
  kRejected,  // only rows kaohe rejects or leaves out (outside the period),
              // one by one: for `kaohe check` (sql --rejected)
};

// The query, ending with a newline. Expects every column of `table.columns`
// to name one of kSqlEventColumns (the command checks them).
std::string render_query(const QueryPlan& plan, const Dialect& dialect,
                         const EventTable& table, QueryRows rows);

}  // namespace kaohe
