// libFuzzer target: arbitrary bytes through kaohe::CsvReader, every row
// read, through a FILE* as the readers open them (fmemopen). Every fatal
// problem must be a kaohe::Error (exit 65 for bad text, 74 for a read
// error); anything else — a crash, a sanitizer report, another exception,
// a hang — is a bug. The first byte picks the path:
//   'G'  the rest as GB18030 (iconv), read in small blocks;
//   other the whole input as UTF-8 (a UTF-16 byte-order mark switches to
//         UTF-16), the way CsvReader(name, FILE*) opens it.
// Build and run: tests/fuzz/run.sh (see tests/fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "input/text_decoder.h"

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads every row; checks what the reader promises about each.
void read_all(kaohe::CsvReader& reader) {
  kaohe::CsvRow row;
  int last_line = 0;
  while (reader.next(row)) {
    // Rows come in file order, each starting on a later line.
    if (row.line <= last_line) __builtin_trap();
    last_line = row.line;
    if (row.fields.empty()) __builtin_trap();
    for (std::string_view f : row.fields) {
      if (f.size() > kaohe::CsvReader::kMaxFieldBytes) __builtin_trap();
      // Touch every byte so that ASan sees a dangling view.
      volatile unsigned char sink = 0;
      for (char c : f) sink = sink ^ static_cast<unsigned char>(c);
      (void)sink;
    }
    volatile std::size_t n = row.raw.size();
    (void)n;
  }
  // At the end, it stays at the end.
  if (reader.next(row)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bool gb = size > 0 && data[0] == 'G';
  // fmemopen needs a writable buffer; an empty one stands for no bytes.
  std::string bytes(reinterpret_cast<const char*>(data) + (gb ? 1 : 0),
                    reinterpret_cast<const char*>(data) + size);
  std::unique_ptr<std::FILE, FileCloser> f(
      bytes.empty() ? std::fopen("/dev/null", "rb")
                    : fmemopen(bytes.data(), bytes.size(), "rb"));
  if (!f) return 0;
  try {
    if (gb) {
      std::unique_ptr<kaohe::ByteSource> text =
          kaohe::open_text("fuzz.csv", f.get(), kaohe::Encoding::kGb18030, 7);
      kaohe::CsvReader reader("fuzz.csv", *text);
      read_all(reader);
    } else {
      kaohe::CsvReader reader("fuzz.csv", f.get());
      read_all(reader);
    }
  } catch (const kaohe::Error& e) {
    int code = e.exit_code();
    if (code != kaohe::kExitDataErr && code != kaohe::kExitIoErr) __builtin_trap();
    // Rendering the diagnostics must be safe too.
    volatile std::size_t n = std::string(e.what()).size();
    (void)n;
  }
  return 0;
}
