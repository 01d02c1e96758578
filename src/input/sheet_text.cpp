// Opening a CSV input with the run's sheet options.
#include "input/sheet_text.h"

#include "input/workbook_sheet.h"

namespace kaohe {

void SheetText::describe(SheetForm& form, const SheetOptions& sheet) const {
  form.encoding = source->encoding_name();
  form.delimiter = reader->delimiter();
  form.delimiter_forced = sheet.delimiter != 0 && !is_workbook_path(reader->name());
  form.title_forced = sheet.skip_for(reader->name()) >= 0;
  form.empty_rows = reader->empty_rows();
  form.empty_columns = reader->unnamed_columns();
}

FilePtr open_sheet_file(const std::string& path) {
  return open_input(split_sheet_path(path).file);
}

SheetText open_sheet(const std::string& path, std::FILE* file, const SheetOptions& sheet) {
  SheetText text;
  if (const SheetPath p = split_sheet_path(path); p.workbook) {
    std::string where;
    text.source = open_workbook_sheet(p, file, where);
    text.reader = std::make_unique<CsvReader>(where, *text.source);
    text.reader->set_delimiter(',');
    text.reader->count_breaks_in_fields(false);
    return text;
  }
  text.source = open_text(path, file, sheet.encoding, kDecodeBlockBytes, sheet.run_files);
  text.reader = std::make_unique<CsvReader>(path, *text.source);
  text.reader->set_delimiter(sheet.delimiter);
  return text;
}

}  // namespace kaohe
