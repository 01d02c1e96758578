// One worksheet of an .xlsx workbook as the CSV text a "CSV UTF-8" export
// of it would be (DESIGN.md §1 "Workbooks"), streamed block by block for
// the CSV reader, so that every check, header synonym, title-row rule
// and diagnostic of a CSV file holds for a sheet too.
//
// Line N of the text is row N of the sheet: rows the sheet leaves out are
// blank lines, and the CSV reader is told not to count the line breaks
// inside a cell (CsvReader::set_breaks_in_fields_count(false)). Field N is
// column N (A = 1), every row filled out to the sheet's used width.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "input/text_decoder.h"
#include "input/xlsx_workbook.h"

namespace kaohe {

class XmlPart;

class XlsxSheetSource : public ByteSource {
 public:
  // Streams sheet `index` of `book` (owned).
  XlsxSheetSource(std::unique_ptr<XlsxWorkbook> book, std::size_t index);
  ~XlsxSheetSource() override;

  // Throws kaohe::Error 65 for a damaged part, rows out of order, a shared
  // string that does not exist; 74 for a read error.
  std::size_t read(char* out, std::size_t n) override;
  InvalidText describe_invalid(const char* bad, const char* end) const override;
  const char* encoding_name() const override { return "xlsx"; }

  class Cells;  // the sheet's XML handler

 private:
  std::unique_ptr<XlsxWorkbook> book_;
  std::unique_ptr<Cells> cells_;
  std::unique_ptr<XmlPart> part_;
  std::string pending_;  // CSV text made and not yet read
  std::size_t pending_pos_ = 0;
  bool done_ = false;
};

}  // namespace kaohe
