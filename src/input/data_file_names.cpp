// Classification of the file names of a data folder.
#include "input/data_file_names.h"

#include "base/ascii.h"

namespace kaohe {
namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The kind a folded stem names, if any.
std::optional<DataKind> kind_of_stem(std::string_view stem) {
  if (stem == "units") return DataKind::kUnits;
  for (DataKind kind : {DataKind::kEvents, DataKind::kMeasures}) {
    const std::string_view prefix = kind_name(kind);
    if (stem == prefix) return kind;
    if (stem.size() > prefix.size() + 1 && stem.substr(0, prefix.size()) == prefix &&
        (stem[prefix.size()] == '-' || stem[prefix.size()] == '_')) {
      return kind;
    }
  }
  return std::nullopt;
}

// A number of 1 to 3 digits between parentheses, ASCII "(" ")" or
// full-width "（" "）" (U+FF08, U+FF09), starting at `at`; its length, or 0.
std::size_t parenthesised_number_at(std::string_view s, std::size_t at) {
  static constexpr std::string_view kOpens[] = {"(", "\xEF\xBC\x88"};
  static constexpr std::string_view kCloses[] = {")", "\xEF\xBC\x89"};
  for (std::string_view open : kOpens) {
    if (s.substr(at, open.size()) != open) continue;
    std::size_t i = at + open.size();
    const std::size_t digits_begin = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    const std::size_t digits = i - digits_begin;
    if (digits < 1 || digits > 3) return 0;
    for (std::string_view close : kCloses) {
      if (s.substr(i, close.size()) == close) return i + close.size() - at;
    }
    return 0;
  }
  return 0;
}

// The part of `name` that marks a copy, or empty.
std::string copy_mark_of(std::string_view name) {
  for (std::string_view word : {"副本", "複本", "复制", "複製"}) {
    if (name.find(word) != std::string_view::npos) return std::string(word);
  }
  const std::string folded = ascii_lowercase(name);
  for (std::size_t at = folded.find("copy"); at != std::string::npos;
       at = folded.find("copy", at + 1)) {
    const bool starts_word = at == 0 || !is_ascii_letter(folded[at - 1]);
    const bool ends_word = at + 4 == folded.size() || !is_ascii_letter(folded[at + 4]);
    if (starts_word && ends_word) return std::string(name.substr(at, 4));
  }
  for (std::size_t at = 0; at < name.size(); ++at) {
    if (std::size_t n = parenthesised_number_at(name, at)) {
      return std::string(name.substr(at, n));
    }
  }
  return {};
}

}  // namespace

std::string_view kind_name(DataKind kind) {
  switch (kind) {
    case DataKind::kUnits:
      return "units";
    case DataKind::kEvents:
      return "events";
    case DataKind::kMeasures:
      return "measures";
  }
  return "";
}

DataFileName classify_data_file(std::string_view name) {
  DataFileName out;
  if (name.empty() || name[0] == '.' || name.substr(0, 2) == "~$") {
    out.ignored = true;
    return out;
  }
  const std::string folded = ascii_lowercase(name);
  const std::string_view f = folded;
  // `kaohe template`'s list of the scheme's items, written beside the
  // blank sheets for the clerk: no input, and nothing to warn about.
  if (f == "items.csv") {
    out.ignored = true;
    return out;
  }
  if (f.size() > 4 && (ends_with(f, ".csv") || ends_with(f, ".tsv"))) {
    out.csv = true;
    out.kind = kind_of_stem(f.substr(0, f.size() - 4));
  } else if (f.size() > 4 && ends_with(f, ".txt")) {
    // Excel's "Unicode 文本" and "文本文件(制表符分隔)": read when named like
    // an input, else (notes.txt, README.txt) passed over in silence.
    out.kind = kind_of_stem(f.substr(0, f.size() - 4));
    out.text = out.kind.has_value();
  } else if (f.size() > 5 && ends_with(f, ".xlsx")) {
    out.workbook = true;
    out.kind = kind_of_stem(f.substr(0, f.size() - 5));
  } else if (f.size() > 4 && ends_with(f, ".xls")) {
    out.workbook_kind = kind_of_stem(f.substr(0, f.size() - 4));
  }
  out.copy_mark = copy_mark_of(name);
  if ((out.csv || out.workbook || ends_with(f, ".txt")) && !out.copy_mark.empty()) {
    for (DataKind kind : {DataKind::kEvents, DataKind::kMeasures}) {
      if (f.substr(0, kind_name(kind).size()) == kind_name(kind)) out.copy_of = kind;
    }
  }
  return out;
}

}  // namespace kaohe
