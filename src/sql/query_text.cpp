// Spelling a QueryPlan as one SQL query (see query_text.h).
#include "sql/query_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace kaohe {
namespace {

class Writer {
 public:
  Writer(const QueryPlan& plan, const Dialect& dialect) : plan_(plan), d_(dialect) {}

  // `( 'a', 'b' )` of texts.
  std::string list(const std::vector<std::string>& values) const {
    std::string out = "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ", ";
      out += d_.text(values[i]);
    }
    return out + ")";
  }

  // Why a row of `item` is rejected, as a condition (empty: never).
  std::string item_problems(const ItemPlan& item) const {
    std::vector<std::string> why;
    auto named = [&](const char* col, const std::vector<std::string>& names, bool required) {
      if (names.empty()) {
        why.push_back(fmt::format("{} IS NOT NULL", col));
      } else if (required) {
        why.push_back(fmt::format("{} IS NULL OR {} NOT IN {}", col, col, list(names)));
      } else {
        why.push_back(fmt::format("{} NOT IN {}", col, list(names)));
      }
    };
    named("tier", item.tiers, item.tier_required);
    named("role", item.roles, item.role_required);
    if (item.takes_points) {
      why.push_back(fmt::format("points IS NULL OR points < {} OR points > {}",
                                item.points_min.to_string(), item.points_max.to_string()));
    } else {
      why.push_back("points IS NOT NULL");
    }
    if (!item.late) {
      why.push_back("due IS NOT NULL OR done IS NOT NULL");
    } else if (item.fixed_due) {
      why.push_back("due IS NOT NULL");
    } else {
      why.push_back("due IS NULL");
    }
    if (item.needs_date) why.push_back("d IS NULL");
    std::string out;
    for (const std::string& w : why) {
      if (!out.empty()) out += " OR ";
      out += w;
    }
    return out;
  }

  // 1 when the row is rejected, else 0.
  std::string rejected() const {
    std::vector<std::string> ids;
    for (const ItemPlan& item : plan_.items) ids.push_back(item.id);
    std::string out = "CASE\n";
    if (ids.empty()) {
      out += "      WHEN 1 = 1 THEN 1\n";
    } else {
      out += fmt::format("      WHEN i IS NULL OR i NOT IN {} THEN 1\n", list(ids));
    }
    if (!plan_.known_units.empty()) out += "      WHEN known IS NULL THEN 1\n";
    out += "      WHEN n IS NOT NULL AND n < 1 THEN 1\n";
    // Items that reject rows alike share one test.
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (const ItemPlan& item : plan_.items) {
      const std::string why = item_problems(item);
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.first == why; });
      if (it == groups.end()) {
        groups.emplace_back(why, std::vector<std::string>{item.id});
      } else {
        it->second.push_back(item.id);
      }
    }
    for (const auto& [why, items] : groups) {
      out += fmt::format("      WHEN i IN {} AND ({}) THEN 1\n", list(items), why);
    }
    return out + "      ELSE 0 END";
  }

  // The date a grouped row of `item` is given.
  std::string kept_date(const ItemPlan& item) const {
    if (item.keep_day || item.cuts.empty()) return "d";
    std::string seg;
    if (item.cuts.size() == 1) {
      seg = d_.date(item.cuts.front());
    } else {
      seg = "CASE";
      for (std::size_t i = item.cuts.size(); i-- > 1;) {
        seg += fmt::format(" WHEN d >= {} THEN {}", d_.date(item.cuts[i]), d_.date(item.cuts[i]));
      }
      seg += fmt::format(" ELSE {} END", d_.date(item.cuts.front()));
    }
    if (item.weeks) seg = d_.greatest(seg, d_.week_start("d"));
    return seg;
  }

  std::string grouped_date() const {
    if (plan_.all_units_keep_day) return "d";
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (const ItemPlan& item : plan_.items) {
      const std::string e = kept_date(item);
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.first == e; });
      if (it == groups.end()) {
        groups.emplace_back(e, std::vector<std::string>{item.id});
      } else {
        it->second.push_back(item.id);
      }
    }
    std::string out = "CASE WHEN d IS NULL THEN NULL\n";
    if (!plan_.day_units.empty()) {
      out += fmt::format("      WHEN u IN {} THEN d\n",
                         list({plan_.day_units.begin(), plan_.day_units.end()}));
    }
    for (const auto& [e, items] : groups) {
      out += fmt::format("      WHEN i IN {} THEN {}\n", list(items), e);
    }
    return out + "      ELSE d END";
  }

  std::string grouped_ref() const {
    std::vector<std::string> ids;
    for (const ItemPlan& item : plan_.items) {
      if (item.keeps_ref) ids.push_back(item.id);
    }
    if (ids.empty()) return fmt::format("CAST(NULL AS {})", d_.text_type());
    return fmt::format("CASE WHEN i IN {} THEN ref END", list(ids));
  }

  // 0: the counts add up; 1: the largest; 2: the smallest (QueryPlan's
  // CountPick).
  std::string pick() const {
    std::vector<std::string> ids, negative;
    for (const ItemPlan& item : plan_.items) {
      if (!item.keeps_ref) continue;
      ids.push_back(item.id);
      const std::string id = d_.text(item.id);
      if (!item.negative_tiers.empty()) {
        negative.push_back(fmt::format("i = {} AND tier IN {}", id, list(item.negative_tiers)));
      }
      if (!item.negative_roles.empty()) {
        negative.push_back(fmt::format("i = {} AND role IN {}", id, list(item.negative_roles)));
      }
      if (item.points_may_be_negative) {
        negative.push_back(fmt::format("i = {} AND points < 0", id));
      }
    }
    if (ids.empty()) return "0";
    std::string out = fmt::format("CASE WHEN ref IS NULL OR i NOT IN {} THEN 0", list(ids));
    for (const std::string& n : negative) out += fmt::format(" WHEN {} THEN 2", n);
    return out + " ELSE 1 END";
  }

  std::string in_period() const {
    if (!plan_.from || !plan_.to) return "1 = 1";
    return fmt::format("(d IS NULL OR d BETWEEN {} AND {})", d_.date(*plan_.from),
                       d_.date(*plan_.to));
  }

 private:
  const QueryPlan& plan_;
  const Dialect& d_;
};

}  // namespace

std::string render_query(const QueryPlan& plan, const Dialect& d, const EventTable& table,
                         QueryRows rows) {
  const Writer w(plan, d);
  const std::string text(d.text_type());
  // The table's column for kaohe's `col`, or "" when it has none.
  auto source = [&](const char* col) {
    auto it = table.columns.find(col);
    const std::string name = it == table.columns.end() ? std::string(col) : it->second;
    return name.empty() ? std::string() : "t." + d.ident(name);
  };
  auto as_text = [&](const char* col) {
    const std::string s = source(col);
    if (s.empty()) return fmt::format("CAST(NULL AS {})", text);
    return fmt::format("NULLIF(CAST({} AS {}), '')", s, text);
  };
  auto as_is = [&](const char* col, const char* type) {
    const std::string s = source(col);
    return s.empty() ? fmt::format("CAST(NULL AS {})", type) : s;
  };
  std::string key = fmt::format("CAST(NULL AS {})", text);
  if (!table.keys.empty()) {
    std::vector<std::string> parts;
    for (const std::string& k : table.keys) {
      parts.push_back(d.text((parts.empty() ? "" : " ") + k + "="));
      parts.push_back(fmt::format("COALESCE(CAST(t.{} AS {}), '')", d.ident(k), text));
    }
    key = d.concat(parts);
  }
  std::string q = fmt::format(
      "-- kaohe sql {} --dialect {}: events of table {} in kaohe's events format\n"
      "-- (DESIGN.md §4 \"SQL push-down\"): rows grouped with row_key empty, rows\n"
      "-- kaohe rejects one by one with their key.\n",
      plan.scheme_file, d.name(), table.name);
  q += "WITH src AS (\n  SELECT\n";
  q += fmt::format("    {} AS u,\n", as_text("unit_id"));
  q += fmt::format("    {} AS i,\n", as_text("item_id"));
  q += fmt::format("    {} AS d,\n", as_is("date", "DATE"));
  q += fmt::format("    {} AS n,\n", as_is("count", "BIGINT"));
  q += fmt::format("    {} AS tier,\n", as_text("tier"));
  q += fmt::format("    {} AS role,\n", as_text("role"));
  q += fmt::format("    {} AS points,\n", as_is("points", "DECIMAL(18,6)"));
  q += fmt::format("    {} AS ref,\n", as_text("ref"));
  q += fmt::format("    {} AS due,\n", as_is("due", "DATE"));
  q += fmt::format("    {} AS done,\n", as_is("done", "DATE"));
  if (plan.known_units.empty()) {
    q += fmt::format("    {} AS k\n", key);
    q += fmt::format("  FROM {} t\n),\n", table.name);
  } else {
    // The roster's ids as a table joined on the unit: a hash join in every
    // engine, where an IN list of 20,000 ids took DuckDB 20 s per 2
    // million rows.
    q += fmt::format("    {} AS k,\n", key);
    q += fmt::format("    roster.{} AS known\n", d.ident("id"));
    q += fmt::format("  FROM {} t\n  LEFT JOIN {}\n    ON roster.{} = CAST({} AS {})\n),\n",
                     table.name, d.values_table(plan.known_units, "roster", "id"),
                     d.ident("id"), source("unit_id"), text);
  }
  q += "checked AS (\n  SELECT u, i, d, n, tier, role, points, ref, due, done, k,\n";
  q += fmt::format("    {} AS bad", w.rejected());
  if (rows == QueryRows::kScore) {
    q += fmt::format(",\n    {} AS gd,\n", w.grouped_date());
    q += fmt::format("    {} AS gref,\n", w.grouped_ref());
    q += fmt::format("    {} AS pick\n", w.pick());
  } else {
    q += "\n";
  }
  q += "  FROM src\n)\n";
  auto col = [&](const char* name) { return d.ident(name); };
  if (rows == QueryRows::kScore) {
    q += fmt::format(
        "SELECT u AS {}, i AS {}, gd AS {},\n"
        "  CASE pick WHEN 1 THEN MAX(COALESCE(n, 1)) WHEN 2 THEN MIN(COALESCE(n, 1))\n"
        "    ELSE SUM(COALESCE(n, 1)) END AS {},\n"
        "  tier AS {}, role AS {}, points AS {}, gref AS {}, due AS {}, done AS {},\n"
        "  CAST(NULL AS {}) AS {}\n"
        "FROM checked\n"
        "WHERE bad = 0 AND {}\n"
        "GROUP BY u, i, gd, tier, role, points, gref, due, done, pick\n"
        "UNION ALL\n",
        col("unit_id"), col("item_id"), col("date"), col("count"), col("tier"), col("role"),
        col("points"), col("ref"), col("due"), col("done"), text, col("row_key"),
        w.in_period());
  }
  if (rows == QueryRows::kScore) {
    // Unordered: sorting the grouped rows took DuckDB as long as the rest
    // of the query (tests/bench/sql.sh); scores do not depend on the order,
    // and --rejected lists the rejected rows in key order.
    q += "SELECT u, i, d, n, tier, role, points, ref, due, done, k\nFROM checked\nWHERE bad = 1\n";
  } else {
    // Only these rows: named here, in the order of their keys.
    q += fmt::format(
        "SELECT u AS {}, i AS {}, d AS {}, n AS {}, tier AS {}, role AS {}, points AS {},\n"
        "  ref AS {}, due AS {}, done AS {}, k AS {}\n"
        "FROM checked\n"
        "WHERE bad = 1 OR NOT {}\n"
        "ORDER BY k, u, i, d\n",
        col("unit_id"), col("item_id"), col("date"), col("count"), col("tier"), col("role"),
        col("points"), col("ref"), col("due"), col("done"), col("row_key"), w.in_period());
  }
  return q;
}

}  // namespace kaohe
