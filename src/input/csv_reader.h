// A streaming RFC 4180 CSV reader: quoted fields with commas, doubled quotes
// and line breaks, a UTF-8 byte-order mark, CRLF or LF, blank lines and
// rows of empty cells (",,,") skipped, no final newline needed; the
// delimiter a comma, a tab or a semicolon, given or found from the first
// lines (DESIGN.md §1 "Sheets as they come"). Rows keep the line number
// they start on, so diagnostics stay right after line breaks inside
// quotes. Memory is bounded by the longest row, never by the file. Every
// byte is checked to be strict UTF-8 without NUL (input/utf8.h); the bytes
// come from a ByteSource (input/text_decoder.h), which may convert them
// from GB18030 or UTF-16.
#pragma once

#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/text_decoder.h"
#include "input/utf8.h"

namespace kaohe {

struct CsvRow {
  int line = 0;                         // 1-based line the record starts on
  std::vector<std::string_view> fields; // unquoted; valid until next()
  std::string_view raw;                 // the record's text, without its
                                        // line ending; valid until next()
};

// The CSV reader's byte buffer: grows without zero-filling the new bytes
// (std::string::resize writes each byte once before fread writes it again:
// a memset of the whole file).
class ReadBuffer {
 public:
  char* data() { return bytes_.get(); }
  const char* data() const { return bytes_.get(); }
  std::size_t size() const { return size_; }
  // Room for `n` more bytes after size(), contents kept; returns its start.
  char* room_for(std::size_t n);
  // `n` bytes (at most the room asked for) were written after size().
  void grow(std::size_t n) { size_ += n; }
  // Drops the first `n` bytes (n ≤ size()), moving the rest to the front.
  void drop_front(std::size_t n);

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

class CsvReader {
 public:
  // Reads `file` (not owned, not closed) as UTF-8 (as --encoding utf-8
  // does), or UTF-16 by its byte-order mark; comma-separated unless
  // set_delimiter says otherwise. `name` is used in diagnostics.
  CsvReader(std::string name, std::FILE* file);
  // Reads the text of `source` (not owned).
  CsvReader(std::string name, ByteSource& source);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next non-blank record into `row`; false at end of input.
  // Throws kaohe::Error (exit 65) for an unterminated quote (naming the
  // line where the quote opened), a quote inside an unquoted field, text
  // after a closing quote, a field longer than kMaxFieldBytes, a record of
  // more than kMaxFields fields, invalid
  // UTF-8 or a NUL byte (naming the column by the header, the first
  // record); exit 74 for a read error.
  bool next(CsvRow& row);
  // Reads up to rows.size() records into `rows` (resized by the caller,
  // rows kept for their buffers) and returns how many; 0 at end of input.
  // The rows' views stay valid together until the next call of next() or
  // next_batch(), so that a caller can look ahead across a batch (the event
  // reader asks for the cache lines of its lookups before it checks the
  // rows). Errors are those of next(), raised after the records before them
  // were returned.
  std::size_t next_batch(std::vector<CsvRow>& rows);

  const std::string& name() const { return name_; }

  // The delimiter: ',' (the default), '\t' or ';'; 0: found from the
  // first lines at the first read — of the first line that holds one of
  // the three outside quotes, the one it holds; of several, the one found
  // as often on each of the next (up to 7) lines; else the file name's
  // (tab for .tsv and .txt, else comma) when it is one of them; else an
  // error (exit 65) naming --delimiter. No delimiter anywhere: the name's.
  // Call before the first read.
  void set_delimiter(char delimiter);
  char delimiter() const { return delim_; }
  // The header row chosen (below any title rows; its views valid now):
  // names the columns of later diagnostics, and sets the width of the
  // data rows. A row with more fields than the header whose extra fields
  // are all empty loses them; a row with fewer, but as many as the header
  // up to its last named field, gets empty fields for the unnamed
  // columns at its end. Others are left for the caller's width check.
  void use_header(const CsvRow& row);
  // Rows of empty cells only (",,,", also above the header) skipped so far.
  std::int64_t empty_rows() const { return empty_rows_; }
  // The header's unnamed fields at its end (`unit_id,name,,`: 2).
  int unnamed_columns() const { return static_cast<int>(width_ - min_width_); }

  // For a reader of a part of a file that starts at a record boundary
  // after the header (input/event_reader.cpp reads big files in parts):
  // no byte-order mark is looked for and the first record is data. Line
  // numbers count from 1 at the part's start. Call before next().
  void start_mid_file();
  // start_mid_file, with the delimiter and header of the reader of the
  // file's first part (after its header is read).
  void follow(const CsvReader& first);
  // Whether a line break inside a quoted field starts a new line number
  // (the default); without, line N is the Nth record or blank line, as a
  // workbook's rows are (input/xlsx_sheet_source.h). Call before next().
  void count_breaks_in_fields(bool count) { break_lines_ = count ? 1 : 0; }
  // The line number of the next unread byte: after the last record, one
  // more than the lines read (a line break inside quotes included).
  int next_line() const { return line_; }
  // Bytes taken from the source so far (read ahead of the parse).
  std::uint64_t bytes_read() const { return bytes_read_; }

  static constexpr std::size_t kMaxFieldBytes = 1 << 20;
  // Fields of one record at most: bounds the memory a record takes.
  static constexpr std::size_t kMaxFields = 10000;
  // Bytes asked of fread at a time (more while one record outgrows it).
  static constexpr std::size_t kBlockBytes = 256 * 1024;

 private:
  enum class Parsed { kRecord, kBlank, kNeedMore };

  // Skips a byte-order mark and finds the delimiter (at the first read).
  void start();
  void detect_delimiter();
  // Whether to hand out `row`: false for a row of empty cells (counted);
  // else the row is fitted to the header's width (use_header).
  bool keep(CsvRow& row) {
    const char c = row.raw.empty() ? delim_ : row.raw[0];
    if ((c == delim_ || c == '"') && all_empty(row)) {
      ++empty_rows_;
      return false;
    }
    if (row.fields.size() != width_ && width_ != 0) fit_width(row);
    return true;
  }
  static bool all_empty(const CsvRow& row);
  void fit_width(CsvRow& row) const;
  bool fill();  // reads more bytes into buf_; false at EOF
  // Parses one record at pos_ from the bytes buffered so far. kNeedMore:
  // the record may continue past the buffered bytes (never when eof_).
  Parsed parse(CsvRow& row);
  // Parses the record at pos_ (pos_ < the bytes buffered) when it is short
  // and plain: its LF within 64 bytes, no quote or CR before it, not blank.
  // False, changing nothing, otherwise. Most records of an export are:
  // next() and next_batch() try it first, and parse() does not again.
  bool parse_plain(CsvRow& row);
  // parse_plain's record when it holds quotes: each quoted field whole
  // (its closing quote followed by the delimiter or the LF) with neither
  // a doubled quote nor a line break inside, as most quoted notes are;
  // its contents a view of the buffer. False, changing nothing, otherwise
  // (parse() then reads it, or reports what is wrong). `commas` and
  // `others`: the bitmasks of the delimiters and of the other special
  // bytes (LF, CR, '"') of the record's first 64 bytes.
  bool parse_quoted_short(CsvRow& row, std::uint64_t commas, std::uint64_t others);
  // The common case without the calls of read_record: parse_plain, once
  // the header is read and while the text checked so far is valid.
  bool try_plain(CsvRow& row) {
    return have_header_ && bad_ == TextProblem::kNone && parse_plain(row);
  }
  enum class Read { kRecord, kEnd, kWouldRefill };
  // The next record into `row`, skipping blank lines. Without `may_fill`,
  // kWouldRefill instead of reading more bytes (which moves the buffer and
  // so ends the life of the views handed out before).
  Read read_record(CsvRow& row, bool may_fill);
  [[noreturn]] void fail(int line, int col, std::string message,
                         const char* record, const char* at, const char* end,
                         std::string hint = {}) const;
  // Checks the bytes read since the last check (fill calls it).
  void check_text();
  // Reports the text problem at checked_ in the record that starts at
  // `record`, on line `line`; `end` ends the buffered bytes.
  [[noreturn]] void fail_text(const char* record, int line,
                              const char* end) const;

  std::string name_;
  std::FILE* file_ = nullptr;          // opened as owned_ on the first read
  std::unique_ptr<ByteSource> owned_;
  ByteSource* source_ = nullptr;
  ReadBuffer buf_;           // bytes read; [pos_, size) not yet consumed
  std::size_t pos_ = 0;      // consumed up to here
  bool eof_ = false;
  bool started_ = false;     // BOM checked
  int line_ = 1;             // line number of the next unread byte
  int break_lines_ = 1;      // lines a break inside quotes counts
  std::string unquoted_;     // contents of quoted fields, quotes undoubled
  std::size_t unquoted_used_ = 0;  // of unquoted_, by the records handed out
  std::exception_ptr deferred_;    // an error to raise on the next call
  // buf_[0, checked_) is valid UTF-8 without NUL; with bad_ set, the byte
  // at checked_ is not, and nothing after it is checked.
  std::size_t checked_ = 0;
  TextProblem bad_ = TextProblem::kNone;
  std::vector<std::string> header_;  // the header (first record until
                                     // use_header), to name columns
  int header_line_ = 0;
  bool have_header_ = false;
  char delim_ = ',';
  bool detect_ = false;       // find the delimiter at the start
  std::size_t width_ = 0;     // the header's fields (0: no header yet)
  std::size_t min_width_ = 0; // up to its last named one
  std::int64_t empty_rows_ = 0;
  std::uint64_t bytes_read_ = 0;
};

// The header row of a CSV file: finds columns by name, in any order.
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(const CsvRow& header_row);

  // Index of the column named `name`, or -1.
  int find(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }
  int size() const { return static_cast<int>(names_.size()); }

 private:
  std::vector<std::string> names_;
};

}  // namespace kaohe
