// Header and row-width checks shared by the CSV loaders.
#include "input/csv_columns.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

#include "base/ascii.h"
#include "input/row_errors.h"

namespace kaohe {
namespace {

constexpr std::string_view kExactly =
    "column names are matched exactly, in lower case, without spaces";

// Invisible or space characters that fold_column_name drops.
constexpr std::array<std::string_view, 5> kSpaces{" ", "\t", "\xC2\xA0",
                                                  "\xE3\x80\x80", "\xEF\xBB\xBF"};

// The length of the space character `name` starts with at `i`, or 0.
std::size_t space_at(std::string_view name, std::size_t i) {
  for (std::string_view s : kSpaces) {
    if (name.substr(i, s.size()) == s) return s.size();
  }
  return 0;
}

// The fields whose folded name (fold_column_name) is `name`, in order.
std::vector<int> fields_named(const std::vector<std::string>& folded,
                              std::string_view name) {
  std::vector<int> out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == name) out.push_back(static_cast<int>(i));
  }
  return out;
}

// The header being checked and its errors (at most RowErrors::kMaxShown
// shown, so a header of a million "count" fields stays readable).
struct HeaderContext {
  const CsvHeader& header;
  const CsvRow& row;
  RowErrors& errors;

  const std::string& name(int field) const {
    return header.names()[static_cast<std::size_t>(field)];
  }
  // An error at `field` (0-based; -1: the header as a whole).
  void error(int field, std::string message, std::string hint) const {
    errors.add(row, field + 1, std::move(message), std::move(hint));
  }
};

void report_missing(const HeaderContext& h, std::string_view name) {
  const std::string near = closest_match(name, h.header.names());
  h.error(-1, fmt::format("missing required column \"{}\"", name),
          near.empty() ? fmt::format("add a column named {}", name)
                       : fmt::format("is \"{}\" meant to be \"{}\"?", near, name));
}

// `field` is a variant of `spec` and the header has no exact one.
void report_variant(const HeaderContext& h, const ColumnSpec& spec, int field) {
  const std::string hint = fmt::format("did you mean \"{}\"? {}", spec.name, kExactly);
  if (spec.required) {
    h.error(field,
            fmt::format("missing required column \"{}\": field {} is \"{}\"", spec.name,
                        field + 1, h.name(field)),
            hint);
  } else {
    h.error(field,
            fmt::format("column \"{}\" would be ignored: it is not \"{}\"", h.name(field),
                        spec.name),
            hint);
  }
}

// `later` repeats `spec`, already read from field `kept`.
void report_duplicate(const HeaderContext& h, const ColumnSpec& spec, int kept,
                      int later) {
  const int a = std::min(kept, later);
  const int b = std::max(kept, later);
  if (h.name(a) == h.name(b)) {
    h.error(later,
            fmt::format("duplicate column \"{}\": fields {} and {}", spec.name, a + 1,
                        b + 1),
            fmt::format("remove one of them: which \"{}\" to read would be a guess",
                        spec.name));
    return;
  }
  const std::string remove =
      h.name(kept) == spec.name
          ? fmt::format("remove field {} \"{}\"", later + 1, h.name(later))
          : std::string("remove one of them");
  h.error(later,
          fmt::format("duplicate column \"{}\": field {} \"{}\" and field {} \"{}\" "
                      "differ only in case or spaces",
                      spec.name, a + 1, h.name(a), b + 1, h.name(b)),
          fmt::format("{}: {}", remove, kExactly));
}

}  // namespace

std::string fold_column_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    if (std::size_t n = space_at(name, i)) {
      i += n;
      continue;
    }
    out += ascii_lower(name[i]);
    ++i;
  }
  return out;
}

std::optional<std::vector<int>> find_columns(const CsvHeader& header,
                                             std::span<const ColumnSpec> spec,
                                             const std::string& file,
                                             const CsvRow& header_row,
                                             Diagnostics& diags) {
  RowErrors errors(file, diags);
  const HeaderContext h{header, header_row, errors};
  std::vector<std::string> folded;
  folded.reserve(header.names().size());
  for (const std::string& name : header.names()) folded.push_back(fold_column_name(name));
  std::vector<int> columns;
  for (const ColumnSpec& s : spec) {
    const std::vector<int> fields = fields_named(folded, s.name);
    const int exact = header.find(s.name);
    columns.push_back(exact);
    if (fields.empty()) {
      if (s.required) report_missing(h, s.name);
      continue;
    }
    const int kept = exact >= 0 ? exact : fields.front();
    if (exact < 0) report_variant(h, s, kept);
    for (int f : fields) {
      if (f != kept) report_duplicate(h, s, kept, f);
    }
  }
  if (errors.count() > 0) return std::nullopt;
  return columns;
}

bool check_width(const CsvHeader& header, const CsvRow& row, RowErrors& errors) {
  int n = static_cast<int>(row.fields.size());
  if (n == header.size()) return true;
  errors.add(row, 0, fmt::format("row has {} fields, the header has {}", n, header.size()),
             n > header.size() ? "quote fields that contain commas"
                               : "every row needs a value (maybe empty) per column");
  return false;
}

}  // namespace kaohe
