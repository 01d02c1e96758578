// Header and row-width checks shared by the CSV loaders.
#include "input/csv_columns.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

#include "base/ascii.h"
#include "base/messages.h"
#include "input/row_errors.h"

namespace kaohe {
namespace {

const char* exactly() {
  return tr("column names are matched exactly, in lower case, without spaces");
}

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

// Whether `name` is one of the '/'-separated synonyms of `spec`, without
// allocating (this runs for every field and column of every file).
bool is_synonym(const ColumnSpec& spec, std::string_view name) {
  std::string_view rest = spec.synonyms;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    if (rest.substr(0, slash) == name) return true;
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  return false;
}

// The synonyms of `spec`, one string each.
std::vector<std::string> synonyms_of(const ColumnSpec& spec) {
  std::vector<std::string> out;
  std::string_view rest = spec.synonyms;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    out.emplace_back(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  return out;
}

// `spec` is missing; `unread` are the fields no column reads.
void report_missing(const HeaderContext& h, const ColumnSpec& spec,
                    const std::vector<std::string>& unread) {
  const std::string_view name = spec.name;
  const std::vector<std::string> synonyms = synonyms_of(spec);
  std::string hint;
  if (const std::string near = closest_match(name, unread); !near.empty()) {
    hint = trf("is \"{}\" meant to be \"{}\"?", near, name);
  }
  for (std::size_t i = 0; hint.empty() && i < synonyms.size(); ++i) {
    if (const std::string near = closest_match(synonyms[i], unread); !near.empty()) {
      hint = trf("is \"{}\" meant to be \"{}\" (read as {})?", near,
                         synonyms[i], name);
    }
  }
  // Edit distance in bytes is blunt for Chinese: a header holding a
  // synonym, or held in one (单位号, 单位), is meant as well.
  for (std::size_t i = 0; hint.empty() && i < synonyms.size(); ++i) {
    for (const std::string& u : unread) {
      if (!u.empty() && (u.find(synonyms[i]) != std::string::npos ||
                         synonyms[i].find(u) != std::string::npos)) {
        hint = trf("is \"{}\" meant to be \"{}\" (read as {})?", u, synonyms[i],
                           name);
        break;
      }
    }
  }
  if (hint.empty()) {
    hint = synonyms.empty()
               ? trf("add a column named {}", name)
               : trf("add a column named {} (or {}), or map your header to {} in "
                             "the scheme's columns:",
                             name, fmt::join(synonyms, ", "), name);
  }
  h.error(-1, trf("missing required column \"{}\"", name), hint);
}

// Fields `a` < `b` both mean `spec`, one of them through a synonym.
void report_two_names(const HeaderContext& h, const ColumnSpec& spec, int a, int b) {
  h.error(b,
          trf("fields {} \"{}\" and {} \"{}\" both mean column \"{}\"", a + 1,
                      h.name(a), b + 1, h.name(b), spec.name),
          tr("which to read would be a guess: remove or rename one of them, or map one "
             "to another column in the scheme's columns:"));
}

// `field` is a variant of `spec` and the header has no exact one.
void report_variant(const HeaderContext& h, const ColumnSpec& spec, int field) {
  const std::string hint = trf("did you mean \"{}\"? {}", spec.name, exactly());
  if (spec.required) {
    h.error(field,
            trf("missing required column \"{}\": field {} is \"{}\"", spec.name,
                        field + 1, h.name(field)),
            hint);
  } else {
    h.error(field,
            trf("column \"{}\" would be ignored: it is not \"{}\"", h.name(field),
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
            trf("duplicate column \"{}\": fields {} and {}", spec.name, a + 1,
                        b + 1),
            trf("remove one of them: which \"{}\" to read would be a guess",
                        spec.name));
    return;
  }
  const std::string remove =
      h.name(kept) == spec.name
          ? trf("remove field {} \"{}\"", later + 1, h.name(later))
          : std::string(tr("remove one of them"));
  h.error(later,
          trf("duplicate column \"{}\": field {} \"{}\" and field {} \"{}\" "
                      "differ only in case or spaces",
                      spec.name, a + 1, h.name(a), b + 1, h.name(b)),
          fmt::format("{}: {}", remove, exactly()));
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
                                             Diagnostics& diags, const HeaderMap* own) {
  RowErrors errors(file, diags);
  const HeaderContext h{header, header_row, errors};
  std::vector<std::string> folded;
  folded.reserve(header.names().size());
  for (const std::string& name : header.names()) folded.push_back(fold_column_name(name));
  // The column each field means through a synonym (empty: none).
  std::vector<std::string_view> meant(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (own != nullptr) {
      auto it = own->find(header.names()[i]);
      if (it == own->end()) it = own->find(folded[i]);
      if (it != own->end()) {
        meant[i] = it->second;
        continue;
      }
    }
    for (const ColumnSpec& s : spec) {
      if (folded[i] != s.name && is_synonym(s, folded[i])) meant[i] = s.name;
    }
  }
  // Per column: the fields named as it (exactly or as a variant) and the
  // fields that mean it through a synonym; then every field read.
  std::vector<std::vector<int>> named(spec.size()), aliases(spec.size());
  std::vector<bool> read(folded.size(), false);
  for (std::size_t k = 0; k < spec.size(); ++k) {
    for (std::size_t i = 0; i < folded.size(); ++i) {
      const int f = static_cast<int>(i);
      if (meant[i] == spec[k].name) aliases[k].push_back(f);
      // A field the scheme maps elsewhere is not this column by its name.
      if (folded[i] == spec[k].name && meant[i].empty()) named[k].push_back(f);
    }
    for (int f : named[k]) read[f] = true;
    for (int f : aliases[k]) read[f] = true;
  }
  // The fields no column reads, for a missing column's did-you-mean.
  auto unread = [&] {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
      if (!read[i]) out.push_back(header.names()[i]);
    }
    return out;
  };
  std::vector<int> columns;
  for (std::size_t k = 0; k < spec.size(); ++k) {
    const ColumnSpec& s = spec[k];
    const std::vector<int>& fields = named[k];
    const std::vector<int>& alias = aliases[k];
    if (fields.empty() && alias.empty()) {
      columns.push_back(-1);
      if (s.required) report_missing(h, s, unread());
      continue;
    }
    if (fields.empty()) {
      columns.push_back(alias.front());
      for (std::size_t j = 1; j < alias.size(); ++j) {
        report_two_names(h, s, alias.front(), alias[j]);
      }
      continue;
    }
    int exact = header.find(s.name);
    if (exact >= 0 && !meant[exact].empty()) exact = -1;
    const int kept = exact >= 0 ? exact : fields.front();
    columns.push_back(kept);
    if (exact < 0) report_variant(h, s, kept);
    for (int f : fields) {
      if (f != kept) report_duplicate(h, s, kept, f);
    }
    for (int f : alias) report_two_names(h, s, std::min(kept, f), std::max(kept, f));
  }
  if (errors.count() > 0) return std::nullopt;
  return columns;
}

bool check_width(const CsvHeader& header, const CsvRow& row, RowErrors& errors) {
  int n = static_cast<int>(row.fields.size());
  if (n == header.size()) return true;
  errors.add(row, 0, trf("row has {} fields, the header has {}", n, header.size()),
             n > header.size() ? tr("quote fields that contain commas")
                               : tr("every row needs a value (maybe empty) per column"));
  return false;
}

}  // namespace kaohe
