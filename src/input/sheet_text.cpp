// Opening a CSV input with the run's sheet options.
#include "input/sheet_text.h"

namespace kaohe {

void SheetText::describe(SheetForm& form, const SheetOptions& sheet) const {
  form.encoding = source->encoding_name();
  form.delimiter = reader->delimiter();
  form.delimiter_forced = sheet.delimiter != 0;
  form.title_forced = sheet.skip_for(reader->name()) >= 0;
  form.empty_rows = reader->empty_rows();
  form.empty_columns = reader->unnamed_columns();
}

SheetText open_sheet(const std::string& path, std::FILE* file, const SheetOptions& sheet) {
  SheetText text;
  text.source = open_text(path, file, sheet.encoding, kDecodeBlockBytes, sheet.run_files);
  text.reader = std::make_unique<CsvReader>(path, *text.source);
  text.reader->set_delimiter(sheet.delimiter);
  return text;
}

}  // namespace kaohe
