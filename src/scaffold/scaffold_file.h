// One file `kaohe init` or `kaohe template` writes: its path relative to
// the target folder and its whole text (or, for a workbook, its CSV).
#pragma once

#include <string>
#include <utility>

namespace kaohe {

struct ScaffoldFile {
  ScaffoldFile(std::string path_, std::string text_, std::string sheet_ = {})
      : path(std::move(path_)), text(std::move(text_)), sheet(std::move(sheet_)) {}

  std::string path;  // relative, '/'-separated ("data/units.csv")
  std::string text;  // the whole content, UTF-8, ending with a newline
  // Non-empty: `text` is CSV, written as an .xlsx workbook of one sheet of
  // this name (scaffold/template_workbook.h).
  std::string sheet;
};

}  // namespace kaohe
