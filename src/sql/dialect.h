// The per-engine spelling of the few things `kaohe sql` writes that SQL
// engines spell differently: quoted names, text literals, the text type,
// date literals, joined texts, the Monday of a date's ISO week and the
// larger of two dates. Everything else the query uses (CASE, COALESCE, NULLIF, CAST,
// IN, BETWEEN, SUM/MIN/MAX, GROUP BY, UNION ALL) is spelled alike by
// all five; DESIGN.md §4 "SQL push-down" lists them with the engines'
// documentation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace kaohe {

enum class DialectKind { kDuckdb, kPostgres, kSqlite, kSpark, kTrino };

class Dialect {
 public:
  explicit Dialect(DialectKind kind) : kind_(kind) {}
  // "duckdb", "postgres", "sqlite", "spark", "trino" and back (nullopt for
  // any other name).
  static std::optional<Dialect> named(std::string_view name);
  std::string_view name() const;
  DialectKind kind() const { return kind_; }

  // A column or alias name, quoted: "date" (`date` in Spark SQL).
  std::string ident(std::string_view name) const;
  // A text literal: 'a''b' ('a\'b' in Spark SQL, whose literals take
  // backslash escapes).
  std::string text(std::string_view value) const;
  // The type of text in CAST(… AS type).
  std::string_view text_type() const;
  // A date literal: DATE '2025-01-01' ('2025-01-01' in SQLite, whose
  // dates are ISO text).
  std::string date(Date d) const;
  // The Monday of the ISO week holding date expression `e`, as a date.
  std::string week_start(const std::string& e) const;
  // Texts joined: concat(a, b, …) in Spark SQL and Trino (both document
  // it), a || b || … elsewhere (SQLite has concat only since 3.44). Each
  // part must not be NULL.
  std::string concat(const std::vector<std::string>& parts) const;
  // A derived table `alias` of one text column `column`, one row per value,
  // for a join: (VALUES ('a'), ('b')) AS alias(column), spelled as each
  // engine takes it.
  std::string values_table(const std::vector<std::string>& values, const std::string& alias,
                           const std::string& column) const;
  // The larger of two date expressions.
  std::string greatest(const std::string& a, const std::string& b) const;
  // Whether the engine's own client can write a query's rows as CSV on
  // standard output from a statement (PostgreSQL's COPY … TO STDOUT,
  // DuckDB's COPY … TO '/dev/stdout'), and that statement around `query`.
  bool can_copy() const;
  std::string copy_to_stdout(const std::string& query) const;

 private:
  DialectKind kind_;
};

}  // namespace kaohe
