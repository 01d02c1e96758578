// A CSV input opened as its options say: the text source (the encoding
// forced or found) and the CSV reader over it (the delimiter forced or
// found), and what -v says of how it was read.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "input/csv_reader.h"
#include "input/sheet_options.h"
#include "input/text_decoder.h"
#include "io/file_io.h"

namespace kaohe {

struct SheetText {
  std::unique_ptr<ByteSource> source;
  std::unique_ptr<CsvReader> reader;  // reads `source`

  // Fills `form` with how the file was read so far (encoding, delimiter,
  // empty rows and unnamed columns; its title_rows are the header
  // reader's), and whether `sheet` forced them.
  void describe(SheetForm& form, const SheetOptions& sheet) const;
};

// Opens the file of input `path`: the workbook of a sheet path
// ("book.xlsx:Sheet", input/workbook_sheet.h), else `path` itself. Throws
// as open_input.
FilePtr open_sheet_file(const std::string& path);

// Opens the text of `file` (not owned, not closed), named `path`, as
// `sheet` says (open_text; CsvReader::set_delimiter). A workbook path is
// read as its sheet's CSV text (open_workbook_sheet), whatever `sheet`
// says of encodings and delimiters. Throws as open_text and
// open_workbook_sheet.
SheetText open_sheet(const std::string& path, std::FILE* file, const SheetOptions& sheet);

}  // namespace kaohe
