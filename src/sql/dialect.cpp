// Engine spellings for `kaohe sql` (see dialect.h).
#include "sql/dialect.h"

#include <fmt/format.h>

namespace kaohe {

std::optional<Dialect> Dialect::named(std::string_view name) {
  if (name == "duckdb") return Dialect(DialectKind::kDuckdb);
  if (name == "postgres") return Dialect(DialectKind::kPostgres);
  if (name == "sqlite") return Dialect(DialectKind::kSqlite);
  if (name == "spark") return Dialect(DialectKind::kSpark);
  if (name == "trino") return Dialect(DialectKind::kTrino);
  return std::nullopt;
}

std::string_view Dialect::name() const {
  switch (kind_) {
    case DialectKind::kDuckdb: return "duckdb";
    case DialectKind::kPostgres: return "postgres";
    case DialectKind::kSqlite: return "sqlite";
    case DialectKind::kSpark: return "spark";
    case DialectKind::kTrino: return "trino";
  }
  return "duckdb";
}

std::string Dialect::ident(std::string_view name) const {
  const char q = kind_ == DialectKind::kSpark ? '`' : '"';
  std::string out(1, q);
  for (char c : name) {
    if (c == q) out += q;  // doubled inside quotes, in all five
    out += c;
  }
  out += q;
  return out;
}

std::string Dialect::text(std::string_view value) const {
  std::string out = "'";
  for (char c : value) {
    if (kind_ == DialectKind::kSpark && (c == '\'' || c == '\\')) {
      out += '\\';
    } else if (c == '\'') {
      out += '\'';
    }
    out += c;
  }
  out += '\'';
  return out;
}

std::string_view Dialect::text_type() const {
  switch (kind_) {
    case DialectKind::kSpark: return "STRING";
    case DialectKind::kSqlite: return "TEXT";
    default: return "VARCHAR";
  }
}

std::string Dialect::date(Date d) const {
  if (kind_ == DialectKind::kSqlite) return "'" + d.to_string() + "'";
  return "DATE '" + d.to_string() + "'";
}

std::string Dialect::week_start(const std::string& e) const {
  switch (kind_) {
    // date - integer is a date in PostgreSQL; ISODOW: Monday 1 … Sunday 7.
    case DialectKind::kPostgres:
      return fmt::format("({} - CAST(EXTRACT(ISODOW FROM {}) AS INTEGER) + 1)", e, e);
    // Back six days, then forward to the next Monday (or that day).
    case DialectKind::kSqlite: return fmt::format("date({}, '-6 days', 'weekday 1')", e);
    // date_trunc('week', …): the Monday; a timestamp in Spark and DuckDB.
    case DialectKind::kSpark: return fmt::format("CAST(date_trunc('WEEK', {}) AS DATE)", e);
    default: return fmt::format("CAST(date_trunc('week', {}) AS DATE)", e);
  }
}

std::string Dialect::concat(const std::vector<std::string>& parts) const {
  const bool function = kind_ == DialectKind::kSpark || kind_ == DialectKind::kTrino;
  std::string out = function ? "concat(" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += function ? ", " : " || ";
    out += parts[i];
  }
  return function ? out + ")" : out;
}

std::string Dialect::values_table(const std::vector<std::string>& values,
                                  const std::string& alias, const std::string& column) const {
  std::string rows;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) rows += i % 8 == 0 ? ",\n    " : ", ";
    rows += "(" + text(values[i]) + ")";
  }
  switch (kind_) {
    // SQLite names a VALUES table's columns column1, …, and takes no
    // column list after its alias.
    case DialectKind::kSqlite:
      return fmt::format("(SELECT column1 AS {} FROM (VALUES\n    {})) {}", ident(column), rows,
                         alias);
    // Spark SQL's inline table: VALUES … AS alias(column) in a FROM.
    case DialectKind::kSpark:
      return fmt::format("(SELECT * FROM VALUES\n    {} AS {}({})) {}", rows, alias,
                         ident(column), alias);
    default: return fmt::format("(VALUES\n    {}) AS {}({})", rows, alias, ident(column));
  }
}

std::string Dialect::greatest(const std::string& a, const std::string& b) const {
  if (kind_ == DialectKind::kSqlite) return fmt::format("max({}, {})", a, b);
  return fmt::format("greatest({}, {})", a, b);
}

bool Dialect::can_copy() const {
  return kind_ == DialectKind::kPostgres || kind_ == DialectKind::kDuckdb;
}

std::string Dialect::copy_to_stdout(const std::string& query) const {
  if (kind_ == DialectKind::kPostgres) {
    return "COPY (\n" + query + ") TO STDOUT WITH (FORMAT csv, HEADER);\n";
  }
  return "COPY (\n" + query + ") TO '/dev/stdout' (FORMAT csv, HEADER);\n";
}

}  // namespace kaohe
