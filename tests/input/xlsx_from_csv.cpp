// Test tool: writes CSV files into one .xlsx workbook with libxlsxwriter,
// a sheet per file, the way a clerk's Excel holds them: numbers as
// numbers, ISO dates as date cells (serial days with a date format),
// "90%" as 0.9 with a percent format, ids with leading zeros as text.
// Used by tests/input/xlsx_examples.sh; never part of kaohe.
//
//   kaohe_xlsx_from_csv [--inline] [--date-format CODE] [--title TEXT]
//                       OUT.xlsx NAME=FILE.csv ...
//
// --inline   constant-memory mode: strings inline in the sheet (<is>)
//            instead of the shared strings table
// --title T  a merged title row above each sheet's header
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "io/file_io.h"

namespace {

bool is_plain_number(const std::string& s) {
  std::size_t i = s[0] == '-' ? 1 : 0;
  if (i >= s.size()) return false;
  // "007": an id, kept as text, as a clerk formats such a column.
  if (s[i] == '0' && i + 1 < s.size() && s[i + 1] != '.') return false;
  bool digits = false;
  bool point = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits && s.back() != '.' && s.size() <= 15;
}

}  // namespace

int main(int argc, char** argv) {
  bool inline_strings = false;
  std::string date_code = "yyyy/m/d";
  std::string title;
  int a = 1;
  for (; a < argc && argv[a][0] == '-' && argv[a][1] == '-'; ++a) {
    const std::string opt = argv[a];
    if (opt == "--inline") {
      inline_strings = true;
    } else if (opt == "--date-format" && a + 1 < argc) {
      date_code = argv[++a];
    } else if (opt == "--title" && a + 1 < argc) {
      title = argv[++a];
    } else {
      std::fprintf(stderr, "unknown option %s\n", opt.c_str());
      return 64;
    }
  }
  if (argc - a < 2) {
    std::fprintf(stderr, "usage: %s [--inline] [--date-format CODE] [--title T] OUT.xlsx "
                         "NAME=FILE.csv ...\n", argv[0]);
    return 64;
  }
  lxw_workbook_options options{};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* book = workbook_new_opt(argv[a], &options);
  if (book == nullptr) return 73;
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, date_code.c_str());
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0%");
  try {
    for (++a; a < argc; ++a) {
      const std::string arg = argv[a];
      const std::size_t eq = arg.find('=');
      if (eq == std::string::npos) return 64;
      lxw_worksheet* sheet = workbook_add_worksheet(book, arg.substr(0, eq).c_str());
      kaohe::FilePtr f = kaohe::open_input(arg.substr(eq + 1));
      kaohe::CsvReader reader(arg.substr(eq + 1), f.get());
      kaohe::CsvRow row;
      lxw_row_t r = 0;
      if (!title.empty()) {
        worksheet_write_string(sheet, r++, 0, title.c_str(), nullptr);
      }
      while (reader.next(row)) {
        for (std::size_t c = 0; c < row.fields.size(); ++c) {
          const std::string cell(row.fields[c]);
          const auto col = static_cast<lxw_col_t>(c);
          if (cell.empty()) continue;
          if (r > (title.empty() ? 0u : 1u) && is_plain_number(cell)) {
            worksheet_write_number(sheet, r, col, std::strtod(cell.c_str(), nullptr), nullptr);
          } else if (const auto d = kaohe::Date::parse(cell); d && cell.size() == 10) {
            lxw_datetime dt{d->year, static_cast<uint8_t>(d->month),
                            static_cast<uint8_t>(d->day), 0, 0, 0};
            worksheet_write_datetime(sheet, r, col, &dt, date);
          } else if (cell.back() == '%' && cell.size() > 1 &&
                     is_plain_number(cell.substr(0, cell.size() - 1))) {
            worksheet_write_number(sheet, r, col,
                                   std::strtod(cell.c_str(), nullptr) / 100.0, percent);
          } else {
            worksheet_write_string(sheet, r, col, cell.c_str(), nullptr);
          }
        }
        ++r;
      }
    }
  } catch (const kaohe::Error& e) {
    std::fputs(e.what(), stderr);
    return e.exit_code();
  }
  return workbook_close(book) == LXW_NO_ERROR ? 0 : 74;
}
