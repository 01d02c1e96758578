// Template sheets as workbooks, with the libxlsxwriter of -O xlsx.
#include "scaffold/template_workbook.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/csv_reader.h"
#include "report/text_width.h"
#include "report/xlsx_library.h"

namespace kaohe {
namespace {

struct MemoryFileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// The rows of `csv`, parsed by the reader kaohe reads sheets with.
std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  if (csv.empty()) return rows;
  std::unique_ptr<std::FILE, MemoryFileCloser> f(
      fmemopen(const_cast<char*>(csv.data()), csv.size(), "r"));
  if (!f) throw Error(kExitOsErr, tr("out of memory"));
  CsvReader reader("template", f.get());
  CsvRow row;
  while (reader.next(row)) {
    rows.emplace_back(row.fields.begin(), row.fields.end());
  }
  return rows;
}

}  // namespace

std::string write_template_workbook(const std::string& csv, const std::string& sheet,
                                    const std::string& path) {
  std::string why;
  const XlsxLibrary* lib = xlsx_library(why);
  if (lib == nullptr) return why;
  const XlsxLibrary& x = *lib;
  const std::vector<std::vector<std::string>> rows = rows_of(csv);
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  lxw_workbook_options options{};
  options.tmpdir = dir.data();
  lxw_workbook* wb = x.workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return tr("cannot create the workbook");
  lxw_doc_properties props{};
  props.created = 1;  // a fixed time: the same bytes for the same text
  lxw_error err = x.workbook_set_properties(wb, &props);
  lxw_worksheet* ws = x.workbook_add_worksheet(wb, sheet.c_str());
  lxw_format* text = x.workbook_add_format(wb);
  x.format_set_num_format(text, "@");
  lxw_format* header = x.workbook_add_format(wb);
  x.format_set_num_format(header, "@");
  x.format_set_bold(header);
  x.format_set_bottom(header, LXW_BORDER_THIN);
  if (ws == nullptr) err = LXW_ERROR_MEMORY_MALLOC_FAILED;
  std::size_t columns = 0;
  for (const auto& r : rows) columns = std::max(columns, r.size());
  for (std::size_t c = 0; c < columns && err == LXW_NO_ERROR; ++c) {
    int width = 0;
    for (const auto& r : rows) {
      if (c < r.size()) width = std::max(width, display_width(r[c]));
    }
    const auto col = static_cast<lxw_col_t>(c);
    err = x.worksheet_set_column(ws, col, col, std::clamp(width + 2, 8, 40), text);
  }
  for (std::size_t r = 0; r < rows.size() && err == LXW_NO_ERROR; ++r) {
    for (std::size_t c = 0; c < rows[r].size() && err == LXW_NO_ERROR; ++c) {
      if (rows[r][c].empty()) continue;
      err = x.worksheet_write_string(ws, static_cast<lxw_row_t>(r),
                                     static_cast<lxw_col_t>(c), rows[r][c].c_str(),
                                     r == 0 ? header : text);
    }
  }
  if (ws != nullptr && !rows.empty()) x.worksheet_freeze_panes(ws, 1, 0);
  const lxw_error closed = x.workbook_close(wb);
  if (err != LXW_NO_ERROR) return x.lxw_strerror(err);
  if (closed != LXW_NO_ERROR) return x.lxw_strerror(closed);
  return "";
}

}  // namespace kaohe
