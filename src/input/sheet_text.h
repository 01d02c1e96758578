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

namespace kaohe {

struct SheetText {
  std::unique_ptr<ByteSource> source;
  std::unique_ptr<CsvReader> reader;  // reads `source`

  // Fills `form` with how the file was read so far (encoding, delimiter,
  // empty rows and unnamed columns; its title_rows are the header
  // reader's), and whether `sheet` forced them.
  void describe(SheetForm& form, const SheetOptions& sheet) const;
};

// Opens the text of `file` (not owned, not closed), named `path`, as
// `sheet` says (open_text; CsvReader::set_delimiter). Throws as open_text.
SheetText open_sheet(const std::string& path, std::FILE* file, const SheetOptions& sheet);

}  // namespace kaohe
