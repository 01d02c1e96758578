// An .xlsx workbook's parts that a sheet's cells refer to: the list of
// sheets (names in tab order, and their parts), the date system, each
// cell style's number look, and the shared strings table. The sheets'
// rows themselves are streamed by input/xlsx_sheet_source.h.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "input/xlsx_archive.h"
#include "input/xlsx_cells.h"

namespace kaohe {

struct XlsxSheetInfo {
  std::string name;  // the tab's name
  std::string part;  // its part in the archive, e.g. "xl/worksheets/sheet1.xml"
};

class XlsxWorkbook {
 public:
  // Reads the workbook's relationships, sheet list, date system and
  // styles from `file` (not owned, not closed; seekable); `name` is for
  // diagnostics. Throws kaohe::Error 65 for a file that is not a workbook
  // or is damaged.
  XlsxWorkbook(std::string name, std::FILE* file);

  const std::string& name() const { return name_; }
  const std::vector<XlsxSheetInfo>& sheets() const { return sheets_; }
  bool date1904() const { return date1904_; }
  // How cell style `s` (the cell's `s` attribute) shows numbers; kPlain
  // for an unknown style.
  NumberLook look(std::size_t s) const {
    return s < looks_.size() ? looks_[s] : NumberLook::kPlain;
  }

  // Reads the shared strings table (once). Its text is held in one
  // buffer, 8 bytes more a string: the one part of a workbook kept whole.
  // Throws 65 when it is over kMaxSharedBytes.
  void load_shared_strings();
  std::size_t shared_count() const { return shared_ends_.size(); }
  // Shared string `i` (< shared_count()).
  std::string_view shared(std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : shared_ends_[i - 1];
    return std::string_view(shared_text_).substr(begin, shared_ends_[i] - begin);
  }

  // Whether sheet `i` holds at least one cell with a value.
  bool sheet_has_values(std::size_t i);

  XlsxArchive& archive() { return archive_; }

  static constexpr std::uint64_t kMaxSharedBytes = std::uint64_t{1} << 31;

 private:
  std::string name_;
  XlsxArchive archive_;
  std::vector<XlsxSheetInfo> sheets_;
  bool date1904_ = false;
  std::vector<NumberLook> looks_;
  std::string shared_part_;  // empty: none
  bool shared_loaded_ = false;
  std::string shared_text_;
  std::vector<std::uint64_t> shared_ends_;
};

}  // namespace kaohe
