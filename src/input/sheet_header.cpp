// Finding a sheet's header below its title rows.
#include "input/sheet_header.h"

#include "base/messages.h"

#include "input/sheet_options.h"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

namespace kaohe {
namespace {

// Whether `cell` (a header cell as written) names a column of `spec`:
// its name, a built-in synonym, or a header the scheme maps.
bool names_a_column(std::string_view cell, std::span<const ColumnSpec> spec,
                    const HeaderMap* own) {
  const std::string folded = fold_column_name(cell);
  if (own != nullptr && (own->contains(cell) || own->contains(folded))) return true;
  for (const ColumnSpec& s : spec) {
    if (folded == s.name) return true;
    std::string_view rest = s.synonyms;
    while (!rest.empty()) {
      const std::size_t slash = rest.find('/');
      if (rest.substr(0, slash) == folded) return true;
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
  }
  return false;
}

// A title row: one cell with text, which names no column and holds no
// delimiter a sheet might have been meant to be split at.
bool is_title(const CsvRow& row, std::span<const ColumnSpec> spec, const HeaderMap* own) {
  std::string_view text;
  for (std::string_view f : row.fields) {
    if (fold_column_name(f).empty()) continue;
    if (!text.empty()) return false;
    text = f;
  }
  if (text.empty()) return false;
  if (text.find_first_of(",\t;") != std::string_view::npos) return false;
  return !names_a_column(text, spec, own);
}

// For a header that is one field holding another delimiter than `delim`
// (a CSV file read with --delimiter tab), what to say first in a hint
// (ending in "; "); else empty.
std::string delimiter_note(std::string_view raw, std::size_t fields, char delim) {
  if (fields != 1) return {};
  for (char c : {',', '\t', ';'}) {
    if (c == delim || raw.find(c) == std::string_view::npos) continue;
    return trf("the line is one field when split at a {} but holds a {}: for a "
                       "{}-separated file, run with --delimiter {} (or without --delimiter); ",
                       delimiter_word(delim), delimiter_word(c), delimiter_word(c),
                       delimiter_name(c));
  }
  return {};
}

// Adds `problems` to `diags`, each hint after `prefix`.
void add_all(const Diagnostics& problems, const std::string& prefix, Diagnostics& diags) {
  for (Diagnostic d : problems.list()) {
    d.hint = prefix + d.hint;
    diags.add(std::move(d));
  }
}

// A row read ahead while looking for the header, kept past the reader's
// next read.
struct SeenRow {
  int line = 0;
  std::size_t fields = 0;
  std::string raw;
  bool title = false;
  Diagnostics problems;  // find_columns' problems with it as the header
};

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Sets `out` (if given) to `row`'s line and text.
void keep_header_row(const CsvRow& row, HeaderRow* out) {
  if (out == nullptr) return;
  out->line = row.line;
  out->raw = std::string(row.raw);
}

}  // namespace

HeaderFound read_sheet_header(CsvReader& reader, std::span<const ColumnSpec> spec,
                              const HeaderMap* own, int skip, Diagnostics& diags,
                              CsvHeader& header, std::vector<int>& columns,
                              int& title_rows, HeaderRow* header_row) {
  const std::string& path = reader.name();
  CsvRow row;
  title_rows = 0;
  if (skip >= 0) {
    for (int i = 0; i <= skip; ++i) {
      if (reader.next(row)) continue;
      if (i == 0) return HeaderFound::kNoRows;
      diags.error(path, 0, 0,
                  i == 1 ? trf("--skip {} skips every row of the file: it has {} row", skip, i)
                         : trf("--skip {} skips every row of the file: it has {} rows", skip, i),
                  {},
                  trf("--skip N skips the N rows above the header; for this file "
                              "alone, --skip {}=N",
                              base_name(path)));
      return HeaderFound::kBad;
    }
    title_rows = skip;
    header = CsvHeader(row);
    Diagnostics problems;
    std::optional<std::vector<int>> found =
        find_columns(header, spec, path, row, problems, own);
    add_all(problems,
            trf("--skip {} made line {} the header; ", skip, row.line) +
                delimiter_note(row.raw, row.fields.size(), reader.delimiter()),
            diags);
    if (!found) return HeaderFound::kBad;
    columns = std::move(*found);
    keep_header_row(row, header_row);
    reader.use_header(row);
    return HeaderFound::kFound;
  }
  if (!reader.next(row)) return HeaderFound::kNoRows;
  // The common case: the first row is the header.
  {
    Diagnostics problems;
    header = CsvHeader(row);
    std::optional<std::vector<int>> found =
        find_columns(header, spec, path, row, problems, own);
    if (found) {
      columns = std::move(*found);
      keep_header_row(row, header_row);
      reader.use_header(row);
      return HeaderFound::kFound;
    }
    std::vector<SeenRow> seen(1);
    seen[0].line = row.line;
    seen[0].fields = row.fields.size();
    seen[0].raw = std::string(row.raw);
    seen[0].title = is_title(row, spec, own);
    seen[0].problems = std::move(problems);
    // The rows below, for a header under title rows.
    for (int i = 1; i <= kMaxTitleRows && reader.next(row); ++i) {
      Diagnostics below;
      CsvHeader h(row);
      std::optional<std::vector<int>> cols = find_columns(h, spec, path, row, below, own);
      if (cols) {
        int not_title = 0;
        while (not_title < i && seen[not_title].title) ++not_title;
        if (not_title == i) {  // titles above a header
          header = std::move(h);
          columns = std::move(*cols);
          title_rows = i;
          keep_header_row(row, header_row);
          reader.use_header(row);
          return HeaderFound::kFound;
        }
        const SeenRow& odd = seen[not_title];
        Diagnostic d;
        d.file = path;
        d.line = odd.line;
        d.message = trf(
            "line {} is neither the header nor a title, and line {} below it is the header",
            odd.line, row.line);
        d.source_line = odd.raw;
        d.hint = trf(
            "a title row has text in one cell; to read line {} as the header, run with "
            "--skip {} (for this file alone: --skip {}={}), or delete the rows above it",
            row.line, i, base_name(path), i);
        diags.add(std::move(d));
        return HeaderFound::kBad;
      }
      SeenRow& s = seen.emplace_back();
      s.line = row.line;
      s.fields = row.fields.size();
      s.raw = std::string(row.raw);
      s.title = is_title(row, spec, own);
      s.problems = std::move(below);
    }
    // No header: the problems of the first row that is no title.
    std::size_t first = 0;
    while (first + 1 < seen.size() && seen[first].title) ++first;
    const SeenRow& odd = seen[first];
    add_all(odd.problems, delimiter_note(odd.raw, odd.fields, reader.delimiter()), diags);
    return HeaderFound::kBad;
  }
}

}  // namespace kaohe
