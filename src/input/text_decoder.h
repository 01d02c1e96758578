// The text of a CSV input as UTF-8 bytes, between fread and the CSV reader
// (SPEC §2 Files): a plain UTF-8 file passes through as it is; a GB18030
// file (Excel on Chinese Windows: found on its own, or `--encoding
// gb18030`) and a UTF-16 file with a byte-order mark (Excel's "Unicode
// text") are converted with glibc's iconv, one block at a time, so memory
// stays bounded and line breaks — and so line numbers — are the same as in
// the file. Each file's encoding is found on its own unless --encoding
// forces one (DESIGN.md §1 "Sheets as they come").
//
// Bytes that cannot be converted do not stop the conversion: each such
// sequence becomes one 0xFF byte, which is never valid UTF-8, so the CSV
// reader's UTF-8 check stops there and reports it with file, line and
// column; `describe_invalid` then tells what the original bytes were.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

enum class Encoding {
  kUtf8,     // the default
  kGb18030,  // also given as gbk or gb2312 (GB18030 is their superset)
};

// Parses an --encoding value (case-insensitive): utf-8, utf8, gb18030, gbk,
// gb2312. nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view name);

// What a diagnostic says about invalid text at a position.
struct InvalidText {
  std::string what;    // "invalid UTF-8"
  std::string detail;  // "byte 0xC1"
  std::string hint;
};

// A stream of UTF-8 bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `n` bytes into `out`; fewer than `n` only at the end of the
  // input. Throws kaohe::Error 74 on a read error.
  virtual std::size_t read(char* out, std::size_t n) = 0;

  // Describes the first invalid byte of the text read, `bad` (`end` ends
  // the bytes buffered after it), for the reader's diagnostic.
  virtual InvalidText describe_invalid(const char* bad, const char* end) const = 0;

  // How the bytes were read, for -v: "UTF-8", "UTF-8 with BOM", "GB18030",
  // "GB18030 after a UTF-8 BOM", "UTF-16LE", "UTF-16BE". A file whose
  // encoding is found on its own says "UTF-8" until its first non-ASCII
  // byte is read.
  virtual const char* encoding_name() const { return "UTF-8"; }
};

// Input bytes read per fread by the converting sources.
constexpr std::size_t kDecodeBlockBytes = 64 * 1024;

// Bytes from the first non-ASCII byte of a file on which its encoding is
// found (fewer at the end of the file).
constexpr std::size_t kDetectWindowBytes = 64 * 1024;

// The text of `file` (not owned, not closed; `name` is for diagnostics):
// - a UTF-16LE or UTF-16BE byte-order mark selects UTF-16, whatever
//   `encoding` says;
// - `encoding` kUtf8 (forced): UTF-8 as it is, a UTF-8 byte-order mark
//   left for the CSV reader to skip; invalid UTF-8 is reported by the
//   reader, with a hint naming each file of `run_files` (the run's inputs)
//   that is not UTF-8 either;
// - kGb18030 (forced) without a byte-order mark: GB18030, and a file that
//   is valid UTF-8 with non-ASCII text is refused (exit 65);
// - nullopt (found per file), or a UTF-8 byte-order mark with kGb18030:
//   the byte-order mark is skipped and the rest is UTF-8 when the
//   kDetectWindowBytes from its first non-ASCII byte are valid UTF-8,
//   else GB18030 (a GBK file, with or without a BOM put before it).
// `block` is the input read at a time by a converting source (tests make
// it small). Throws kaohe::Error 74 on a read error.
std::unique_ptr<ByteSource> open_text(std::string name, std::FILE* file,
                                      std::optional<Encoding> encoding,
                                      std::size_t block = kDecodeBlockBytes,
                                      const std::vector<std::string>& run_files = {});

// The files of `files` (standard input "-" left out) whose bytes are not
// UTF-8 and carry no UTF-16 byte-order mark: those --encoding utf-8 cannot
// read. Reads at most the first 16 MiB of each; a file that cannot be
// opened is left out. For a diagnostic's hint: not on the path of a run
// that succeeds.
std::vector<std::string> files_not_utf8(const std::vector<std::string>& files);

// The bytes [begin, end) of the open file `fd` (not owned, not closed) as
// they are, UTF-8 text, read with pread: several threads may each read a
// part of one file at once (input/event_reader.cpp). Throws kaohe::Error
// 74 on a read error.
std::unique_ptr<ByteSource> open_range(std::string name, int fd,
                                       std::uint64_t begin, std::uint64_t end);

}  // namespace kaohe
