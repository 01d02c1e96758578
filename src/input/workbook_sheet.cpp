// Choosing and opening the sheet an input path names.
#include "input/workbook_sheet.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/ascii.h"
#include "base/messages.h"
#include "base/diagnostic.h"
#include "input/xlsx_sheet_source.h"
#include "io/file_io.h"

namespace kaohe {
namespace {

constexpr std::string_view kExtension = ".xlsx";

bool ends_with_xlsx(std::string_view s) {
  return s.size() > kExtension.size() &&
         ascii_lowercase(s.substr(s.size() - kExtension.size())) == kExtension;
}

std::string sheet_list(const XlsxWorkbook& book) {
  std::string out;
  for (const XlsxSheetInfo& s : book.sheets()) {
    if (!out.empty()) out += ", ";
    out += s.name;
  }
  return out;
}

// The index of the sheet `path` names in `book`.
std::size_t choose(XlsxWorkbook& book, const SheetPath& path) {
  const auto& sheets = book.sheets();
  if (!path.sheet.empty()) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      if (sheets[i].name == path.sheet) return i;
      names.push_back(sheets[i].name);
    }
    const std::string close = closest_match(path.sheet, names);
    throw Error::in_file(kExitNoInput, path.file,
                         trf("the workbook has no sheet \"{}\"", path.sheet),
                         close.empty() ? trf("its sheets: {}", sheet_list(book))
                                       : trf("did you mean \"{}:{}\"? its sheets: {}",
                                                     path.file, close, sheet_list(book)));
  }
  if (sheets.size() == 1) return 0;
  std::vector<std::size_t> with_values;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (book.sheet_has_values(i)) with_values.push_back(i);
  }
  if (with_values.empty()) return 0;
  if (with_values.size() == 1) return with_values[0];
  std::string names;
  for (std::size_t i : with_values) {
    if (!names.empty()) names += ", ";
    names += sheets[i].name;
  }
  throw Error::in_file(kExitDataErr, path.file,
                       trf("the workbook has {} sheets with data ({}): which one to "
                                   "read?",
                                   with_values.size(), names),
                       trf("name the sheet after a colon, e.g. \"{}:{}\"", path.file,
                                   sheets[with_values[0]].name));
}

}  // namespace

SheetPath split_sheet_path(const std::string& path) {
  if (ends_with_xlsx(path)) return {path, "", true};
  // The last ".xlsx:" (any case) splits a sheet off, unless a file has
  // the whole name.
  const std::string folded = ascii_lowercase(path);
  const std::size_t at = folded.rfind(".xlsx:");
  if (at == std::string::npos || at == 0) return {path, "", false};
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return {path, "", false};
  const std::size_t colon = at + kExtension.size();
  return {path.substr(0, colon), path.substr(colon + 1), true};
}

std::unique_ptr<ByteSource> open_workbook_sheet(const SheetPath& path, std::FILE* file,
                                                std::string& where) {
  auto book = std::make_unique<XlsxWorkbook>(path.file, file);
  const std::size_t index = choose(*book, path);
  where = path.file + ":" + book->sheets()[index].name;
  return std::make_unique<XlsxSheetSource>(std::move(book), index);
}

std::string name_the_sheet(const std::string& path) {
  const SheetPath p = split_sheet_path(path);
  if (!p.workbook) return path;
  FilePtr f = open_input(p.file);
  XlsxWorkbook book(p.file, f.get());
  return p.file + ":" + book.sheets()[choose(book, p)].name;
}

std::optional<DataKind> kind_of_sheet(std::string_view name) {
  if (auto kind = classify_data_file(std::string(name) + ".csv").kind) return kind;
  struct Word {
    std::string_view word;
    DataKind kind;
  };
  static constexpr Word kWords[] = {
      {"单位名单", DataKind::kUnits}, {"花名册", DataKind::kUnits},
      {"名单", DataKind::kUnits},     {"单位", DataKind::kUnits},
      {"扣分台账", DataKind::kEvents}, {"加扣分", DataKind::kEvents},
      {"事件", DataKind::kEvents},     {"台账", DataKind::kEvents},
      {"扣分", DataKind::kEvents},     {"指标", DataKind::kMeasures},
      {"测评", DataKind::kMeasures},   {"数值", DataKind::kMeasures},
      {"数据", DataKind::kMeasures}};
  for (const Word& w : kWords) {
    if (name == w.word) return w.kind;
    if (w.kind != DataKind::kUnits && name.size() > w.word.size() + 1 &&
        name.substr(0, w.word.size()) == w.word &&
        (name[w.word.size()] == '-' || name[w.word.size()] == '_')) {
      return w.kind;
    }
  }
  return std::nullopt;
}

WorkbookKinds sheets_by_kind(const std::string& path) {
  FilePtr f = open_input(path);
  XlsxWorkbook book(path, f.get());
  WorkbookKinds out;
  for (const XlsxSheetInfo& s : book.sheets()) {
    const std::string full = path + ":" + s.name;
    switch (kind_of_sheet(s.name).value_or(static_cast<DataKind>(-1))) {
      case DataKind::kUnits:
        out.units.push_back(full);
        break;
      case DataKind::kEvents:
        out.events.push_back(full);
        break;
      case DataKind::kMeasures:
        out.measures.push_back(full);
        break;
      default:
        out.others.push_back(s.name);
    }
  }
  return out;
}

}  // namespace kaohe
