// The streaming RFC 4180 CSV reader: reads blocks with fread, parses one
// record at a time out of the buffered bytes, and hands out fields as views
// into its own buffers, so a row costs no allocation once they have grown.
#include "input/csv_reader.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Longest excerpt of a line shown under a diagnostic.
constexpr std::size_t kMaxSourceLine = 256;

// Whether `c` ends an unquoted field's scan: the delimiter, a line break
// or a quote.
inline bool is_special(char c, char delim) {
  return c == delim || c == '\n' || c == '\r' || c == '"';
}

bool is_break(char c) { return c == '\n' || c == '\r'; }

// A bitmask of the special bytes among the 64 at `p` (the delimiter
// `delim`, LF, CR, '"'), bit i for p[i].
inline std::uint64_t special_mask(const char* p, char delim) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(delim);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  std::uint64_t mask = 0;
  for (int i = 0; i < 4; ++i) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
        _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(hit));
    mask |= static_cast<std::uint64_t>(bits) << (16 * i);
  }
  return mask;
#else
  std::uint64_t mask = 0;
  for (int i = 0; i < 64; ++i) {
    mask |= static_cast<std::uint64_t>(is_special(p[i], delim)) << i;
  }
  return mask;
#endif
}

// The delimiters (`delim`) among the 64 bytes at `p` and the other special
// bytes (LF, CR, '"'), as two bitmasks, bit i for p[i].
struct SpecialMasks {
  std::uint64_t commas = 0;
  std::uint64_t others = 0;
};
inline SpecialMasks special_masks(const char* p, char delim) {
  SpecialMasks m;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(delim);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  for (int i = 0; i < 4; ++i) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    __m128i other = _mm_or_si128(_mm_cmpeq_epi8(v, lf),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    auto c = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
    auto o = static_cast<std::uint32_t>(_mm_movemask_epi8(other));
    m.commas |= static_cast<std::uint64_t>(c) << (16 * i);
    m.others |= static_cast<std::uint64_t>(o) << (16 * i);
  }
#else
  for (int i = 0; i < 64; ++i) {
    const auto bit = std::uint64_t{1} << i;
    if (p[i] == delim) m.commas |= bit;
    if (p[i] == '\n' || p[i] == '\r' || p[i] == '"') m.others |= bit;
  }
#endif
  return m;
}

// The number of bits set in `x`, without a call to libgcc's __popcountdi2
// (x86-64 before v2 has no POPCNT instruction).
inline int count_bits(std::uint64_t x) {
#if defined(__POPCNT__)
  return std::popcount(x);
#else
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

// Finds the special bytes (the delimiter, LF, CR, '"') of one parse, 64
// bytes at a time: a bitmask per block, then one count-trailing-zeros per
// hit, and the hit is cleared from the mask (m & (m - 1)), which keeps the
// chain from one hit to the next short. A field costs about the same
// however long it is.
class SpecialScanner {
 public:
  SpecialScanner(const char* begin, const char* end, char delim)
      : block_(begin), limit_(begin), end_(end), delim_(delim) {}

  // The first special byte in [p, end), or end. Calls must not go back:
  // p is past the byte the previous call returned.
  const char* find(const char* p) {
    for (;;) {
      while (mask_ != 0) {
        const char* q = block_ + std::countr_zero(mask_);
        mask_ &= mask_ - 1;
        if (q >= p) return q;
      }
      if (p < limit_) p = limit_;
      if (end_ - p < 64) break;
      block_ = p;
      limit_ = p + 64;
      mask_ = special_mask(p, delim_);
    }
    while (p < end_ && !is_special(*p, delim_)) ++p;
    return p;
  }

 private:
  const char* block_;  // mask_ holds the unreturned hits in [block_, limit_)
  const char* limit_;
  const char* end_;
  char delim_;
  std::uint64_t mask_ = 0;
};

// The physical line holding `at` (the record starts a line), cut at
// kMaxSourceLine bytes on a UTF-8 character boundary.
std::string line_around(const char* record, const char* at, const char* end) {
  const char* b = at;
  while (b > record && !is_break(b[-1])) --b;
  const char* e = at;
  while (e < end && !is_break(*e)) ++e;
  if (static_cast<std::size_t>(e - b) <= kMaxSourceLine) {
    return std::string(b, e);
  }
  e = b + kMaxSourceLine;
  while (e > b && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) --e;
  return std::string(b, e) + "...";
}

}  // namespace

char* ReadBuffer::room_for(std::size_t n) {
  if (capacity_ - size_ < n) {
    std::size_t capacity = std::max(size_ + n, 2 * capacity_);
    auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(bytes.get(), bytes_.get(), size_);
    bytes_ = std::move(bytes);
    capacity_ = capacity;
  }
  return bytes_.get() + size_;
}

void ReadBuffer::drop_front(std::size_t n) {
  if (n < size_) std::memmove(bytes_.get(), bytes_.get() + n, size_ - n);
  size_ -= n;
}

CsvReader::CsvReader(std::string name, std::FILE* file)
    : name_(std::move(name)), file_(file) {}

CsvReader::CsvReader(std::string name, ByteSource& source)
    : name_(std::move(name)), source_(&source) {}

void CsvReader::fail(int line, int col, std::string message,
                     const char* record, const char* at, const char* end,
                     std::string hint) const {
  // Bytes that are not text explain a syntax error after them.
  const char* bad = buf_.data() + checked_;
  if (bad_ != TextProblem::kNone && bad >= record && bad <= at) {
    fail_text(record, line_, end);
  }
  Diagnostic d;
  d.file = name_;
  d.line = line;
  d.col = col;
  d.message = std::move(message);
  d.source_line = printable_utf8(line_around(record, at, end));
  d.hint = std::move(hint);
  throw Error(kExitDataErr, std::move(d));
}

void CsvReader::fail_text(const char* record, int line,
                          const char* end) const {
  const char* bad = buf_.data() + checked_;
  std::size_t field = 0;
  bool quoted = false;
  for (const char* q = record; q < bad; ++q) {
    if (*q == '"') {
      quoted = !quoted;
    } else if (*q == delim_ && !quoted) {
      ++field;
    } else if (*q == '\n' || (*q == '\r' && q[1] != '\n')) {
      ++line;  // inside quotes: CRLF counts once, on its LF
    }
  }
  std::string where = !have_header_ ? std::string(tr("in the header"))
                      : field < header_.size()
                          ? trf("in column \"{}\"", header_[field])
                          : trf("in field {}", field + 1);
  Diagnostic d;
  d.file = name_;
  d.line = line;
  d.col = static_cast<int>(field) + 1;
  if (bad_ == TextProblem::kNul) {
    d.message = trf("NUL byte {}", where);
    d.hint = tr("CSV text holds no NUL bytes: is this a workbook (.xlsx), or "
                "UTF-16 text without a byte-order mark? Save it as CSV (UTF-8)");
  } else {
    InvalidText t = source_->describe_invalid(bad, end);
    d.message = trf("{} {} ({})", t.what, where, t.detail);
    d.hint = std::move(t.hint);
  }
  d.source_line = printable_utf8(line_around(record, bad, end));
  throw Error(kExitDataErr, std::move(d));
}

void CsvReader::check_text() {
  if (bad_ != TextProblem::kNone) return;
  const char* data = buf_.data();
  Utf8Scan scan = scan_utf8(data + checked_, data + buf_.size(), eof_);
  checked_ = static_cast<std::size_t>(scan.stop - data);
  bad_ = scan.problem;
}

bool CsvReader::fill() {
  if (eof_) return false;
  // Drop what is consumed; keep the unfinished record at the front.
  if (pos_ > 0) {
    buf_.drop_front(pos_);
    checked_ -= pos_;
    pos_ = 0;
  }
  // Ask for at least as much as is buffered, so that a record longer than
  // a block is re-parsed only a logarithmic number of times.
  std::size_t want = std::max(kBlockBytes, buf_.size());
  char* room = buf_.room_for(want);
  if (source_ == nullptr) {  // sniffs a BOM: reads, so not in the constructor
    owned_ = open_text(name_, file_, Encoding::kUtf8);
    source_ = owned_.get();
  }
  std::size_t got = source_->read(room, want);
  bytes_read_ += got;
  buf_.grow(got);
  if (got < want) eof_ = true;
  check_text();
  return got > 0;
}

void CsvReader::start_mid_file() {
  started_ = true;
  have_header_ = true;
}

void CsvReader::set_delimiter(char delimiter) {
  detect_ = delimiter == 0;
  delim_ = detect_ ? ',' : delimiter;
}

void CsvReader::follow(const CsvReader& first) {
  start_mid_file();
  detect_ = false;
  delim_ = first.delim_;
  header_ = first.header_;
  width_ = first.width_;
  min_width_ = first.min_width_;
}

void CsvReader::use_header(const CsvRow& row) {
  if (row.line != header_line_) {
    header_.assign(row.fields.begin(), row.fields.end());
    header_line_ = row.line;
  }
  width_ = row.fields.size();
  min_width_ = width_;
  while (min_width_ > 1 && row.fields[min_width_ - 1].empty()) --min_width_;
}

bool CsvReader::all_empty(const CsvRow& row) {
  for (std::string_view f : row.fields) {
    if (!f.empty()) return false;
  }
  return true;
}

void CsvReader::fit_width(CsvRow& row) const {
  std::vector<std::string_view>& f = row.fields;
  if (f.size() > width_) {
    for (std::size_t i = width_; i < f.size(); ++i) {
      if (!f[i].empty()) return;  // a field too many: the reader says so
    }
    f.resize(width_);
  } else if (f.size() >= min_width_) {
    f.resize(width_);  // the unnamed columns at the end, left out
  }
}

void CsvReader::start() {
  started_ = true;
  while (buf_.size() - pos_ < kBom.size() && fill()) {
  }
  if (std::string_view(buf_.data(), buf_.size()).substr(pos_, kBom.size()) == kBom) {
    pos_ += kBom.size();
  }
  if (detect_) detect_delimiter();
}

void CsvReader::detect_delimiter() {
  constexpr char kCandidates[] = {',', '\t', ';'};
  constexpr int kLines = 8;  // non-blank lines looked at
  // Per line looked at, the delimiters outside quotes, and where it starts.
  struct Line {
    int counts[3] = {0, 0, 0};
    int number = 0;
    const char* start = nullptr;
  };
  Line lines[kLines];
  int n = 0;
  const char* p = buf_.data() + pos_;
  const char* const end = buf_.data() + buf_.size();
  int number = line_;
  bool quoted = false;
  while (p < end && n < kLines) {
    if (!quoted && is_break(*p)) {  // a blank line, or the end of one
      number += 1;
      p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
      continue;
    }
    Line& l = lines[n++];
    l.number = number;
    l.start = p;
    for (; p < end && (quoted || !is_break(*p)); ++p) {
      if (*p == '"') quoted = !quoted;
      if (quoted) {
        if (*p == '\n') ++number;
        continue;
      }
      for (int k = 0; k < 3; ++k) l.counts[k] += *p == kCandidates[k];
    }
  }
  // The extension's delimiter: Excel's "Unicode text" and "text (tab
  // delimited)" save .txt, and .tsv says tab; anything else is a CSV.
  std::string lower = name_;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  const bool tab_name = lower.ends_with(".tsv") || lower.ends_with(".txt");
  const int preferred = tab_name ? 1 : 0;
  int first = 0;  // the first line with a candidate
  while (first < n && lines[first].counts[0] + lines[first].counts[1] +
                              lines[first].counts[2] == 0) {
    ++first;
  }
  if (first == n) {  // one column, or no text: nothing to tell
    delim_ = kCandidates[preferred];
    return;
  }
  const Line& head = lines[first];
  // The candidates on that line, and those of them found as often on every
  // line after it (a spreadsheet writes as many cells on every row).
  bool present[3];
  bool steady[3];
  int n_present = 0;
  int n_steady = 0;
  for (int k = 0; k < 3; ++k) {
    present[k] = head.counts[k] > 0;
    steady[k] = present[k];
    for (int i = first + 1; i < n && steady[k]; ++i) {
      steady[k] = lines[i].counts[k] == head.counts[k];
    }
    n_present += present[k];
    n_steady += steady[k];
  }
  int chosen = -1;
  if (n_present == 1) {
    chosen = present[0] ? 0 : present[1] ? 1 : 2;
  } else if (n_steady == 1) {
    chosen = steady[0] ? 0 : steady[1] ? 1 : 2;
  } else if (n_steady > 1 ? steady[preferred] : present[preferred]) {
    chosen = preferred;
  }
  if (chosen >= 0) {
    delim_ = kCandidates[chosen];
    return;
  }
  // Two or three of them (one alone would have been chosen).
  const char* found = !present[0]   ? tr("tabs and semicolons")
                      : !present[1] ? tr("commas and semicolons")
                      : !present[2] ? tr("commas and tabs")
                                    : tr("commas and tabs and semicolons");
  const char* line_end = head.start;
  while (line_end < end && !is_break(*line_end)) ++line_end;
  fail(head.number, 0,
       trf("cannot tell the delimiter: line {} has {}", head.number, found),
       head.start, head.start, line_end,
       tr("name it with --delimiter comma, --delimiter tab or --delimiter semicolon"));
}

bool CsvReader::next(CsvRow& row) {
  if (deferred_) std::rethrow_exception(std::exchange(deferred_, nullptr));
  for (;;) {
    unquoted_used_ = 0;
    if (!try_plain(row) && read_record(row, true) != Read::kRecord) return false;
    if (keep(row)) return true;
  }
}

std::size_t CsvReader::next_batch(std::vector<CsvRow>& rows) {
  if (deferred_) std::rethrow_exception(std::exchange(deferred_, nullptr));
  unquoted_used_ = 0;
  std::size_t n = 0;
  while (n < rows.size()) {
    if (try_plain(rows[n])) {
      n += keep(rows[n]);
      continue;
    }
    try {
      Read r = read_record(rows[n], n == 0);
      if (r != Read::kRecord) break;
    } catch (...) {
      if (n == 0) throw;
      // The records before the bad one are handed out first, as next()
      // would have.
      deferred_ = std::current_exception();
      break;
    }
    n += keep(rows[n]);
  }
  return n;
}

CsvReader::Read CsvReader::read_record(CsvRow& row, bool may_fill) {
  if (!started_) start();
  for (;;) {
    if (pos_ == buf_.size()) {
      if (!may_fill) return Read::kWouldRefill;
      if (!fill()) return Read::kEnd;
      continue;
    }
    switch (parse(row)) {
      case Parsed::kRecord:
        if (bad_ != TextProblem::kNone &&
            buf_.data() + checked_ < row.raw.data() + row.raw.size()) {
          fail_text(row.raw.data(), row.line, buf_.data() + buf_.size());
        }
        if (!have_header_) {
          have_header_ = true;
          header_.assign(row.fields.begin(), row.fields.end());
          header_line_ = row.line;
        }
        return Read::kRecord;
      case Parsed::kBlank:
        break;
      case Parsed::kNeedMore:
        if (!may_fill) return Read::kWouldRefill;
        // The bad byte is in this unfinished record: say so now, rather
        // than reading on, maybe for megabytes of binary without a break.
        if (bad_ != TextProblem::kNone) {
          fail_text(buf_.data() + pos_, line_, buf_.data() + buf_.size());
        }
        fill();
        break;
    }
  }
}

bool CsvReader::parse_plain(CsvRow& row) {
  const char* const begin = buf_.data() + pos_;
  if (buf_.size() - pos_ < 64) return false;
  const SpecialMasks m = special_masks(begin, delim_);
  if (m.others == 0) return false;
  const int eol = std::countr_zero(m.others);
  if (begin[eol] == '"') return parse_quoted_short(row, m.commas, m.others);
  if (eol == 0 || begin[eol] != '\n') return false;  // a blank line, a CR
  std::uint64_t commas = m.commas & ((std::uint64_t{1} << eol) - 1);
  row.fields.resize(static_cast<std::size_t>(count_bits(commas)) + 1);
  std::string_view* field = row.fields.data();
  const char* start = begin;
  for (; commas != 0; commas &= commas - 1) {
    const char* comma = begin + std::countr_zero(commas);
    *field++ = std::string_view(start, static_cast<std::size_t>(comma - start));
    start = comma + 1;
  }
  *field = std::string_view(start, static_cast<std::size_t>(begin + eol - start));
  row.line = line_;
  row.raw = std::string_view(begin, static_cast<std::size_t>(eol));
  ++line_;
  pos_ += static_cast<std::size_t>(eol) + 1;
  return true;
}

bool CsvReader::parse_quoted_short(CsvRow& row, std::uint64_t commas, std::uint64_t others) {
  const char* const begin = buf_.data() + pos_;
  std::uint64_t quoted = 0;  // the opening quote of each quoted field
  int eol = 0;
  for (;;) {
    if (others == 0) return false;  // no LF within 64 bytes
    const int open = std::countr_zero(others);
    if (begin[open] == '\n') {
      eol = open;
      break;
    }
    // A quote that opens a field, then its closing quote followed by the
    // delimiter or the LF; anything else (a CR, a line break or a doubled
    // quote inside, a quote inside an unquoted field, text after the
    // closing quote) is parse()'s.
    if (begin[open] != '"' || (open != 0 && begin[open - 1] != delim_)) return false;
    others &= others - 1;
    if (others == 0) return false;
    const int close = std::countr_zero(others);
    if (begin[close] != '"' || close == 63) return false;
    if (begin[close + 1] != delim_ && begin[close + 1] != '\n') return false;
    others &= others - 1;
    // The delimiters inside the quotes are text.
    commas &= ~((std::uint64_t{2} << close) - (std::uint64_t{1} << open));
    quoted |= std::uint64_t{1} << open;
  }
  commas &= (std::uint64_t{1} << eol) - 1;
  row.fields.resize(static_cast<std::size_t>(count_bits(commas)) + 1);
  std::string_view* field = row.fields.data();
  const char* start = begin;
  auto field_at = [&](const char* stop) {
    const auto at = static_cast<unsigned>(start - begin);
    const auto size = static_cast<std::size_t>(stop - start);
    return (quoted >> at & 1) != 0 ? std::string_view(start + 1, size - 2)
                                   : std::string_view(start, size);
  };
  for (; commas != 0; commas &= commas - 1) {
    const char* comma = begin + std::countr_zero(commas);
    *field++ = field_at(comma);
    start = comma + 1;
  }
  *field = field_at(begin + eol);
  row.line = line_;
  row.raw = std::string_view(begin, static_cast<std::size_t>(eol));
  ++line_;
  pos_ += static_cast<std::size_t>(eol) + 1;
  return true;
}

CsvReader::Parsed CsvReader::parse(CsvRow& row) {
  const char* const begin = buf_.data() + pos_;
  const char* const end = buf_.data() + buf_.size();
  const char* p = begin;

  // A blank line: a line break right where a record would start.
  if (*p == '\n' || *p == '\r') {
    if (*p == '\r' && p + 1 == end && !eof_) return Parsed::kNeedMore;
    pos_ += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    ++line_;
    return Parsed::kBlank;
  }

  // Quoted contents never outgrow their record, so `unquoted_` is sized to
  // hold the rest of the buffered bytes when a batch starts, and views into
  // it stay put while the batch is read (no fill() inside a batch).
  if (unquoted_used_ == 0) {
    std::size_t avail = static_cast<std::size_t>(end - begin);
    if (unquoted_.size() < avail) unquoted_.resize(std::max(avail, kBlockBytes));
  }
  char* out = unquoted_.data() + unquoted_used_;

  SpecialScanner scanner(begin, end, delim_);
  row.fields.clear();
  int breaks = 0;  // line breaks inside quoted fields so far
  // The 1-based number of the field being parsed, for diagnostics.
  auto col = [&row] { return static_cast<int>(row.fields.size()) + 1; };
  const char* rec_end = nullptr;  // end of the record's text
  const char* next = nullptr;     // past its line ending

  for (;;) {
    if (row.fields.size() >= kMaxFields) {
      // A line of commas would otherwise take 16 bytes of memory a field.
      fail(line_ + breaks, col(), trf("row has more than {} fields", kMaxFields),
           begin, p, end, tr("a row of kaohe's files has a few columns; check the file's delimiter"));
    }
    if (p < end && *p == '"') {
      const char* open = p;
      int open_line = line_ + breaks;
      // Contents run from `seg`; at the first doubled quote they move to
      // `unquoted_` (at `field`), one quote-free stretch at a time.
      char* field = out;
      bool copied = false;
      const char* seg = ++p;
      std::string_view contents;
      for (;;) {
        const char* q = scanner.find(p);
        if (q < end && *q == delim_) {
          p = q + 1;
          continue;
        }
        if (static_cast<std::size_t>(out - field) +
                static_cast<std::size_t>(q - seg) >
            kMaxFieldBytes) {
          fail(open_line, col(), tr("field longer than 1048576 bytes"), begin, open,
               end,
               tr("if the field should be short, check for a quote opened "
                  "here that never closes"));
        }
        if (q == end) {
          if (!eof_) return Parsed::kNeedMore;
          fail(open_line, col(),
               tr("unterminated quoted field (the quote opened here never "
                  "closes)"),
               begin, open, end,
               tr("close the quote, or double a quote inside the field (\"\")"));
        }
        p = q + 1;
        if (*q != '"') {
          // A line break: CRLF counts once, on its LF. A CR ending the
          // buffered bytes is settled when the parse is redone with more.
          if (*q == '\n' || p == end || *p != '\n') breaks += break_lines_;
          continue;
        }
        if (p == end && !eof_) return Parsed::kNeedMore;
        if (p < end && *p == '"') {  // a doubled quote: keep one
          std::size_t len = static_cast<std::size_t>(p - seg);
          std::memcpy(out, seg, len);
          out += len;
          copied = true;
          seg = ++p;
          continue;
        }
        // The closing quote.
        if (copied) {
          std::size_t len = static_cast<std::size_t>(q - seg);
          std::memcpy(out, seg, len);
          out += len;
          contents = std::string_view(
              field, static_cast<std::size_t>(out - field));
        } else {
          contents = std::string_view(seg, static_cast<std::size_t>(q - seg));
        }
        break;
      }
      row.fields.push_back(contents);
      if (p == end) {  // eof_: a closing quote ends the file
        rec_end = next = p;
        break;
      }
      if (*p == delim_) {
        ++p;
        continue;
      }
      if (!is_break(*p)) {
        // The quoted field is already in row.fields.
        fail(line_ + breaks, col() - 1, tr("unexpected text after closing quote"),
             begin, p, end,
             tr("a quoted field ends at its closing quote; quote the whole "
                "field, or double a quote inside it (\"\")"));
      }
    } else {
      const char* start = p;
      p = scanner.find(p);
      if (static_cast<std::size_t>(p - start) > kMaxFieldBytes) {
        fail(line_ + breaks, col(), tr("field longer than 1048576 bytes"), begin,
             start, end);
      }
      if (p == end) {
        if (!eof_) return Parsed::kNeedMore;
        row.fields.emplace_back(start, static_cast<std::size_t>(p - start));
        rec_end = next = p;
        break;
      }
      if (*p == '"') {
        fail(line_ + breaks, col(),
             tr("quote inside an unquoted field; quote the whole field and "
                "double the quote"),
             begin, p, end,
             tr("write the field as \"...\" with each quote inside doubled "
                "(\"\")"));

      }
      row.fields.emplace_back(start, static_cast<std::size_t>(p - start));
      if (*p == delim_) {
        ++p;
        continue;
      }
    }
    // *p is a line break: LF, CRLF or a lone CR.
    rec_end = p;
    if (*p == '\r') {
      if (p + 1 == end && !eof_) return Parsed::kNeedMore;
      next = (p + 1 < end && p[1] == '\n') ? p + 2 : p + 1;
    } else {
      next = p + 1;
    }
    break;
  }

  row.line = line_;
  row.raw = std::string_view(begin, static_cast<std::size_t>(rec_end - begin));
  unquoted_used_ = static_cast<std::size_t>(out - unquoted_.data());
  line_ += breaks + 1;
  pos_ += static_cast<std::size_t>(next - begin);
  return Parsed::kRecord;
}

CsvHeader::CsvHeader(const CsvRow& header_row) {
  names_.reserve(header_row.fields.size());
  for (std::string_view f : header_row.fields) names_.emplace_back(f);
}

int CsvHeader::find(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace kaohe
