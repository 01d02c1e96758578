// The zip container of an .xlsx workbook, read with minizip (Debian:
// libminizip-dev) through an already opened FILE, one part at a time and
// streamed: no part is ever held whole unless its reader keeps it.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace kaohe {

class XlsxArchive {
 public:
  // Opens the zip directory of `file` (not owned, not closed; it must be
  // seekable); `name` is for diagnostics. Throws kaohe::Error 65 when it
  // is not a zip file (with a hint for an .xls or a CSV file renamed).
  XlsxArchive(std::string name, std::FILE* file);
  ~XlsxArchive();
  XlsxArchive(const XlsxArchive&) = delete;
  XlsxArchive& operator=(const XlsxArchive&) = delete;

  // Whether the archive holds the part `path` ("xl/workbook.xml"; no
  // leading slash; letter case ignored, as Excel does).
  bool has(const std::string& path);
  // Starts reading the part `path` (closing the one read before). Throws
  // kaohe::Error 65 when it is missing or cannot be decompressed.
  void open(const std::string& path);
  // Reads up to `n` uncompressed bytes of the open part into `out`; 0 at
  // its end, where the part's checksum is checked (65 when it is wrong).
  std::size_t read(char* out, std::size_t n);

  const std::string& name() const { return name_; }

 private:
  void close_part();
  [[noreturn]] void fail(const std::string& what) const;

  std::string name_;
  std::FILE* file_;
  void* zip_ = nullptr;  // unzFile
  std::string part_;     // the open part; empty: none
};

}  // namespace kaohe
