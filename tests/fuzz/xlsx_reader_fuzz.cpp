// libFuzzer target: a worksheet's XML, its shared strings and its styles,
// zipped into a workbook (tests/input/xlsx_fixture.h) and read through
// open_sheet as a CSV reader reads it, every row read. The input is split
// at its first two 0xFF bytes: <sheetData> inner XML, then the <si>
// elements, then the <styleSheet> inner XML. Every fatal problem must be
// a kaohe::Error (65 for a damaged or hostile workbook, 66 for a missing
// sheet); anything else — a crash, a sanitizer report, another exception,
// a hang, an entity expanded — is a bug. Rows must keep their sheet row
// numbers in order (line N is row N).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "input/sheet_text.h"
#include "input/xlsx_fixture.h"

namespace {

// The workbook file, made once per process and rewritten per input.
const std::string& book_path() {
  static const std::string path = [] {
    char name[] = "/tmp/kaohe-xlsx-fuzz-XXXXXX.xlsx";
    const int fd = ::mkstemps(name, 5);
    if (fd < 0) __builtin_trap();
    ::close(fd);
    return std::string(name);
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t a = in.find('\xFF');
  const std::size_t b = a == std::string_view::npos ? a : in.find('\xFF', a + 1);
  const std::string sheet(in.substr(0, a));
  const std::string shared =
      a == std::string_view::npos ? "" : std::string(in.substr(a + 1, b - a - 1));
  const std::string styles = b == std::string_view::npos ? "" : std::string(in.substr(b + 1));
  const std::string& path = book_path();
  kaohe::testing::write_zip(path,
                            kaohe::testing::workbook_parts({{"Sheet1", sheet}}, shared, styles));
  try {
    kaohe::FilePtr f = kaohe::open_sheet_file(path);
    kaohe::SheetText text = kaohe::open_sheet(path, f.get(), kaohe::SheetOptions{});
    kaohe::CsvRow row;
    int last_line = 0;
    while (text.reader->next(row)) {
      if (row.line <= last_line || row.line > 1048576) __builtin_trap();
      last_line = row.line;
      for (std::string_view field : row.fields) {
        volatile unsigned char sink = 0;
        for (char c : field) sink = sink ^ static_cast<unsigned char>(c);
        (void)sink;
      }
    }
  } catch (const kaohe::Error& e) {
    if (e.exit_code() != kaohe::kExitDataErr && e.exit_code() != kaohe::kExitNoInput) {
      __builtin_trap();
    }
  }
  return 0;
}
