// The sheet options' parsers and the -v description of a file's form.
#include "input/sheet_options.h"

#include <fmt/format.h>

#include <charconv>

#include "base/ascii.h"
#include "base/messages.h"

namespace kaohe {

int SheetOptions::skip_for(std::string_view path) const {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const auto& [name, n] : skip_files) {
    if (name == path || name == base) return n;
  }
  return skip;
}

std::optional<char> parse_delimiter(std::string_view text) {
  const std::string folded = ascii_lowercase(std::string(text));
  if (folded == "," || folded == "comma") return ',';
  if (folded == "tab" || folded == "\t" || folded == "\\t") return '\t';
  if (folded == ";" || folded == "semicolon") return ';';
  return std::nullopt;
}

std::optional<std::pair<std::string, int>> parse_skip(std::string_view text) {
  const std::size_t eq = text.rfind('=');
  std::string name;
  std::string_view number = text;
  if (eq != std::string_view::npos) {
    name = std::string(text.substr(0, eq));
    number = text.substr(eq + 1);
    if (name.empty()) return std::nullopt;
  }
  int n = -1;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
  if (ec != std::errc() || end != number.data() + number.size() || number.empty() ||
      n < 0 || n > 100) {
    return std::nullopt;
  }
  return std::pair{std::move(name), n};
}

std::string_view delimiter_name(char delimiter) {
  switch (delimiter) {
    case '\t':
      return "tab";
    case ';':
      return "semicolon";
    default:
      return "comma";
  }
}

const char* delimiter_word(char delimiter) {
  switch (delimiter) {
    case '\t':
      return tr("tab");
    case ';':
      return tr("semicolon");
    default:
      return tr("comma");
  }
}

namespace {

// The encoding's name as a message says it: the two that are phrases are
// translated, the names themselves are not.
const char* encoding_words(std::string_view encoding) {
  if (encoding == "UTF-8 with BOM") return tr("UTF-8 with BOM");
  if (encoding == "GB18030 after a UTF-8 BOM") return tr("GB18030 after a UTF-8 BOM");
  return nullptr;
}

}  // namespace

std::string describe(const SheetForm& form) {
  // A workbook's sheet has no encoding or delimiter of its own.
  std::string out = std::string_view(form.encoding) == "xlsx"
                        ? std::string(tr("an .xlsx sheet"))
                        : trf("{}, {}-separated",
                              encoding_words(form.encoding) ? encoding_words(form.encoding)
                                                            : form.encoding,
                              delimiter_word(form.delimiter));
  if (form.delimiter_forced) out += " (--delimiter)";
  if (form.title_rows > 0 || form.title_forced) {
    const char* forced = form.title_forced ? " (--skip)" : "";
    out += form.title_rows == 1 ? trf(", {} title row skipped{}", form.title_rows, forced)
                                : trf(", {} title rows skipped{}", form.title_rows, forced);
  }
  std::string rows;
  if (form.empty_rows > 0) {
    rows = form.empty_rows == 1 ? trf("{} empty row", form.empty_rows)
                                : trf("{} empty rows", form.empty_rows);
  }
  std::string columns;
  if (form.empty_columns > 0) {
    columns = form.empty_columns == 1
                  ? trf("{} unnamed column at the end", form.empty_columns)
                  : trf("{} unnamed columns at the end", form.empty_columns);
  }
  if (!rows.empty() && !columns.empty()) {
    out += trf(", {} and {} ignored", rows, columns);
  } else if (!rows.empty() || !columns.empty()) {
    out += trf(", {} ignored", rows.empty() ? columns : rows);
  }
  return out;
}

}  // namespace kaohe
