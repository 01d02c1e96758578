// Loads libxlsxwriter on first use (report/xlsx_library.h).
#include "report/xlsx_library.h"

#include <dlfcn.h>

#include <cstring>

#include <fmt/format.h>

#include "base/messages.h"

#ifndef KAOHE_XLSXWRITER_SONAME
#error "the build defines KAOHE_XLSXWRITER_SONAME (CMakeLists.txt)"
#endif

namespace kaohe {
namespace {

// Looks up `name` in `handle` into `fn`; false (with `missing` set) when
// the library lacks it.
template <typename Fn>
bool bind(void* handle, const char* name, Fn& fn, std::string& missing) {
  void* sym = dlsym(handle, name);
  if (sym == nullptr) {
    missing = name;
    return false;
  }
  // POSIX guarantees that a data pointer from dlsym converts to a function
  // pointer; memcpy states the conversion without a cast ISO C++ frowns on.
  static_assert(sizeof(fn) == sizeof(sym));
  std::memcpy(&fn, &sym, sizeof(fn));
  return true;
}

struct Loaded {
  XlsxLibrary lib{};
  bool ok = false;
  std::string why;
};

Loaded load() {
  Loaded out;
  void* handle = dlopen(KAOHE_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* err = dlerror();
    out.why = trf("cannot load {} for -O xlsx ({}); install it (Debian: "
                  "apt-get install libxlsxwriter4)",
                  KAOHE_XLSXWRITER_SONAME, err != nullptr ? err : tr("not found"));
    return out;
  }
  XlsxLibrary& l = out.lib;
  std::string missing;
  bool all = bind(handle, "workbook_new_opt", l.workbook_new_opt, missing) &&
             bind(handle, "workbook_add_worksheet", l.workbook_add_worksheet, missing) &&
             bind(handle, "workbook_add_format", l.workbook_add_format, missing) &&
             bind(handle, "workbook_set_properties", l.workbook_set_properties, missing) &&
             bind(handle, "workbook_validate_sheet_name", l.workbook_validate_sheet_name,
                  missing) &&
             bind(handle, "workbook_close", l.workbook_close, missing) &&
             bind(handle, "worksheet_write_string", l.worksheet_write_string, missing) &&
             bind(handle, "worksheet_write_number", l.worksheet_write_number, missing) &&
             bind(handle, "worksheet_set_column", l.worksheet_set_column, missing) &&
             bind(handle, "worksheet_freeze_panes", l.worksheet_freeze_panes, missing) &&
             bind(handle, "worksheet_autofilter", l.worksheet_autofilter, missing) &&
             bind(handle, "worksheet_merge_range", l.worksheet_merge_range, missing) &&
             bind(handle, "worksheet_set_landscape", l.worksheet_set_landscape, missing) &&
             bind(handle, "worksheet_set_paper", l.worksheet_set_paper, missing) &&
             bind(handle, "worksheet_fit_to_pages", l.worksheet_fit_to_pages, missing) &&
             bind(handle, "worksheet_repeat_rows", l.worksheet_repeat_rows, missing) &&
             bind(handle, "format_set_bold", l.format_set_bold, missing) &&
             bind(handle, "format_set_bottom", l.format_set_bottom, missing) &&
             bind(handle, "format_set_num_format", l.format_set_num_format, missing) &&
             bind(handle, "format_set_font_size", l.format_set_font_size, missing) &&
             bind(handle, "format_set_align", l.format_set_align, missing) &&
             bind(handle, "lxw_strerror", l.lxw_strerror, missing);
  if (!all) {
    out.why = trf("{} lacks the function {}; kaohe needs libxlsxwriter 1.0 or later",
                          KAOHE_XLSXWRITER_SONAME, missing);
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace

const XlsxLibrary* xlsx_library(std::string& why) {
  static const Loaded loaded = load();
  if (!loaded.ok) {
    why = loaded.why;
    return nullptr;
  }
  return &loaded.lib;
}

}  // namespace kaohe
