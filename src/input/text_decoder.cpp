// Plain and converting byte sources for the CSV reader.
#include "input/text_decoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include <iconv.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/utf8.h"

namespace kaohe {
namespace {

constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string hex_bytes(std::string_view bytes) {
  std::string hex;
  for (char c : bytes) hex += fmt::format(" 0x{:02X}", static_cast<unsigned char>(c));
  return bytes.size() == 1 ? trf("byte{}", hex) : trf("bytes{}", hex);
}

InvalidText invalid_utf8(const char* bad, std::string hint) {
  return {tr("invalid UTF-8"), hex_bytes(std::string_view(bad, 1)), std::move(hint)};
}

const char* gbk_looks() {
  return tr("the file looks like GBK/GB18030 (Excel on Chinese Windows)");
}

[[noreturn]] void throw_read_error(const std::string& name, int err) {
  Diagnostic d;
  d.file = name;
  d.message = err != 0 ? trf("read error: {}", system_error_text(err))
                       : std::string(tr("read error"));
  throw Error(kExitIoErr, std::move(d));
}

// "a", "a, b": the names but the last of a list ("a, b and c").
std::string joined_but_last(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

// How a plain UTF-8 source came to be read as UTF-8, for its hint when a
// byte is not UTF-8 after all.
enum class Utf8Reason {
  kForced,    // --encoding utf-8
  kDetected,  // its first non-ASCII text is UTF-8 (found on its own)
  kRange,     // a part of a big file (input/event_reader.cpp)
};

// The bytes of a file as they are: UTF-8 text, maybe with a BOM (the CSV
// reader skips it). Can look ahead of what it has handed out, and take
// bytes back, for the detection of a file's encoding.
class FileSource final : public ByteSource {
 public:
  FileSource(std::string name, std::FILE* file)
      : name_(std::move(name)), file_(file) {}

  // The next `n` unread bytes (fewer at the end of input), not consumed.
  std::string_view peek(std::size_t n) {
    if (head_.size() - head_pos_ < n && !eof_) {
      head_.erase(0, head_pos_);
      head_pos_ = 0;
      std::size_t have = head_.size();
      head_.resize(n);
      head_.resize(have + fread_checked(head_.data() + have, n - have));
    }
    return std::string_view(head_).substr(head_pos_, n);
  }
  void skip(std::size_t n) { head_pos_ += std::min(n, head_.size() - head_pos_); }
  // Puts `bytes`, just read, back before the unread input.
  void unread(std::string_view bytes) {
    head_ = std::string(bytes) + head_.substr(head_pos_);
    head_pos_ = 0;
  }

  std::size_t read(char* out, std::size_t n) override {
    std::size_t done = std::min(n, head_.size() - head_pos_);
    std::memcpy(out, head_.data() + head_pos_, done);
    head_pos_ += done;
    if (done < n && !eof_) done += fread_checked(out + done, n - done);
    return done;
  }

  // Why the file is read as UTF-8, and what a bad byte's hint says then;
  // `bom`: it starts with a UTF-8 byte-order mark.
  void read_as(Utf8Reason why, bool bom, std::vector<std::string> run_files = {}) {
    why_ = why;
    bom_ = bom;
    run_files_ = std::move(run_files);
  }

  InvalidText describe_invalid(const char* bad, const char*) const override {
    if (why_ == Utf8Reason::kDetected) {
      return invalid_utf8(
          bad, tr("kaohe read this file as UTF-8, as its first non-ASCII text is UTF-8, "
                  "but this byte is not: part of the file is in another encoding, or "
                  "it is damaged; save it again as one encoding (if it is GBK, run "
                  "with --encoding gb18030)"));
    }
    if (why_ == Utf8Reason::kRange) return invalid_utf8(bad, gbk_looks());
    std::vector<std::string> others = files_not_utf8(run_files_);
    std::erase(others, name_);
    std::string hint = bom_ ? std::string(tr("the text after the file's UTF-8 byte-order mark is "
                                             "not UTF-8 (GBK/GB18030 with a BOM put before it?)"))
                            : std::string(gbk_looks());
    if (!others.empty()) {
      hint += others.size() == 1
                  ? trf(", and {} is not UTF-8 either", others[0])
                  : trf(", and {} and {} are not UTF-8 either", joined_but_last(others),
                        others.back());
    }
    hint += tr("; run without --encoding utf-8: each file's encoding is then found "
               "on its own");
    return invalid_utf8(bad, std::move(hint));
  }

  const char* encoding_name() const override { return bom_ ? "UTF-8 with BOM" : "UTF-8"; }

  const std::string& name() const { return name_; }

 private:
  std::size_t fread_checked(char* out, std::size_t n) {
    errno = 0;
    std::size_t got = std::fread(out, 1, n, file_);
    if (got < n) {
      if (std::ferror(file_)) throw_read_error(name_, errno);
      eof_ = true;
    }
    return got;
  }

  std::string name_;
  std::FILE* file_;
  std::string head_;  // bytes read ahead by peek; [head_pos_, size) unread
  std::size_t head_pos_ = 0;
  bool eof_ = false;
  Utf8Reason why_ = Utf8Reason::kForced;
  bool bom_ = false;
  std::vector<std::string> run_files_;
};

// A byte range of a file as it is, read with pread (no shared offset).
class RangeSource final : public ByteSource {
 public:
  RangeSource(std::string name, int fd, std::uint64_t begin, std::uint64_t end)
      : name_(std::move(name)), fd_(fd), at_(begin), end_(end) {}

  std::size_t read(char* out, std::size_t n) override {
    std::size_t done = 0;
    while (done < n && at_ < end_) {
      std::size_t want = static_cast<std::size_t>(
          std::min<std::uint64_t>(n - done, end_ - at_));
      ssize_t got = ::pread(fd_, out + done, want, static_cast<off_t>(at_));
      if (got < 0) {
        if (errno == EINTR) continue;
        throw_read_error(name_, errno);
      }
      if (got == 0) break;  // the file shrank: its end is here
      done += static_cast<std::size_t>(got);
      at_ += static_cast<std::uint64_t>(got);
    }
    return done;
  }

  InvalidText describe_invalid(const char* bad, const char*) const override {
    return invalid_utf8(bad, gbk_looks());
  }

 private:
  std::string name_;
  int fd_;
  std::uint64_t at_;
  std::uint64_t end_;
};

// Text in another encoding, converted to UTF-8 by iconv a block at a time.
class IconvSource final : public ByteSource {
 public:
  // `from`: the iconv name; `label`: its name in diagnostics; `form`: how
  // the file is read, for -v; `unit`: the bytes skipped past an invalid
  // sequence (2 for UTF-16); `refuse_utf8`: --encoding gb18030 was given,
  // and a file that is valid UTF-8 is refused; else, for GB18030, the
  // encoding was found because the text is not UTF-8.
  IconvSource(std::unique_ptr<FileSource> in, const char* from,
              std::string label, const char* form, std::size_t unit, std::size_t block,
              bool refuse_utf8)
      : in_(std::move(in)),
        label_(std::move(label)),
        form_(form),
        forced_(refuse_utf8),
        unit_(unit),
        block_(std::max<std::size_t>(block, 1)),
        check_utf8_(refuse_utf8) {
    cd_ = iconv_open("UTF-8", from);
    if (cd_ == reinterpret_cast<iconv_t>(-1)) {
      int err = errno;
      throw Error::in_file(kExitNoInput, in_->name(),
                           trf("cannot convert from {}: {}", label_,
                               system_error_text(err)),
                           tr("the C library's iconv lacks this conversion; "
                              "save the file as UTF-8"));
    }
    raw_.resize(block_ + 8);
    out_.resize(std::max<std::size_t>(4 * block_, 64));
  }
  ~IconvSource() override { iconv_close(cd_); }
  IconvSource(const IconvSource&) = delete;
  IconvSource& operator=(const IconvSource&) = delete;

  std::size_t read(char* out, std::size_t n) override {
    std::size_t done = 0;
    while (done < n) {
      if (out_pos_ == out_len_ && !produce()) break;
      std::size_t k = std::min(n - done, out_len_ - out_pos_);
      std::memcpy(out + done, out_.data() + out_pos_, k);
      out_pos_ += k;
      done += k;
    }
    return done;
  }

  InvalidText describe_invalid(const char* bad, const char*) const override {
    if (static_cast<unsigned char>(*bad) != kMarker || failure_.empty()) {
      // Not a conversion failure: iconv wrote text that is not UTF-8.
      return {trf("invalid UTF-8 after converting from {}", label_),
              hex_bytes(std::string_view(bad, 1)), {}};
    }
    std::string detail = hex_bytes(failure_);
    if (failure_cut_) detail += tr(", cut off at the end of the file");
    std::string hint =
        unit_ != 1 ? tr("an unpaired surrogate or a cut-off character: the file "
                        "is damaged; save it again as UTF-8")
        : forced_ ? tr("not valid GB18030 here: the file is damaged, or in "
                       "another encoding (for UTF-8, run without --encoding)")
                  : tr("kaohe read this file as GB18030 because it is not UTF-8, and "
                       "this is not GB18030 either: the file is damaged, or in another "
                       "encoding; save it again as UTF-8");
    return {trf("invalid {}", label_), detail, hint};
  }

  const char* encoding_name() const override { return form_; }

  // The number of leading bytes of [p, p + n) below 0x80, 64 (SSE2) or 8
  // at a time: a file found on its own is scanned so up to its first
  // non-ASCII byte, which in an event log of ASCII ids is its end.
  static std::size_t ascii_prefix(const char* p, std::size_t n) {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 64 <= n; i += 64) {
      const auto* v = reinterpret_cast<const __m128i*>(p + i);
      const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                       _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
      if (_mm_movemask_epi8(any) != 0) break;
    }
#endif
    for (; i + 8 <= n; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, p + i, 8);
      if ((v & 0x8080808080808080ULL) != 0) break;
    }
    while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
    return i;
  }

 private:
  // 0xFF is never part of UTF-8: it stands for one unconvertible sequence.
  static constexpr unsigned char kMarker = 0xFF;
  // Input bytes iconv converts at a time after a non-ASCII byte.
  static constexpr std::size_t kWindow = 256;

  // Refills out_ from the beginning; false when the input is used up.
  bool produce() {
    out_pos_ = out_len_ = 0;
    for (;;) {
      if (raw_pos_ == raw_len_) {
        if (raw_eof_) {
          if (check_utf8_) refuse_if_utf8();
          return out_len_ > 0;
        }
        refill();
        continue;
      }
      if (out_len_ == out_.size()) return true;
      char* ip = raw_.data() + raw_pos_;
      std::size_t il = raw_len_ - raw_pos_;
      char* op = out_.data() + out_len_;
      std::size_t ol = out_.size() - out_len_;
      bool windowed = false;
      if (unit_ == 1) {
        // GB18030 is ASCII below 0x80, and raw_pos_ is at a character
        // boundary: copy plain ASCII (most of an event file) as it is, and
        // hand iconv a window from the next non-ASCII character.
        std::size_t n = ascii_prefix(ip, std::min(il, ol));
        if (n > 0) {
          std::memcpy(op, ip, n);
          raw_pos_ += n;
          out_len_ += n;
          continue;
        }
        if (il > kWindow) {
          il = kWindow;
          windowed = true;
        }
      }
      std::size_t r = iconv(cd_, &ip, &il, &op, &ol);
      int err = errno;
      raw_pos_ = static_cast<std::size_t>(ip - raw_.data());
      out_len_ = static_cast<std::size_t>(op - out_.data());
      if (r != static_cast<std::size_t>(-1)) continue;  // all converted
      if (err == E2BIG) {
        if (out_len_ > 0) return true;
        throw Error::in_file(kExitIoErr, in_->name(), tr("conversion error"));
      }
      // A character cut by the window's end (the window holds more than
      // one character, so iconv got past some): go on from it.
      if (err == EINVAL && windowed) continue;
      if (err == EINVAL && !raw_eof_) {  // a sequence cut by the block end
        refill();
        continue;
      }
      // EILSEQ, or EINVAL at the end: an invalid or cut-off sequence.
      // iconv may have filled out_ exactly: no room for the marker, so
      // hand out what is there and meet the sequence again next time.
      if (out_len_ == out_.size()) return true;
      bool cut = err == EINVAL;
      std::size_t skip = cut ? raw_len_ - raw_pos_
                             : std::min(unit_, raw_len_ - raw_pos_);
      if (failure_.empty()) {
        // The byte and, for a GB18030 lead byte or UTF-16, the next one.
        auto first = static_cast<unsigned char>(raw_[raw_pos_]);
        std::size_t shown = unit_ == 1 && (first == 0x80 || first == 0xFF) ? 1 : 2;
        failure_.assign(raw_.data() + raw_pos_,
                        std::min(shown, raw_len_ - raw_pos_));
        failure_cut_ = cut;
      }
      out_[out_len_++] = static_cast<char>(kMarker);
      raw_pos_ += skip;
    }
  }

  // Moves unconverted bytes to the front and reads the next block.
  void refill() {
    std::size_t keep_from = raw_pos_;
    if (check_utf8_) keep_from = std::min(keep_from, utf8_checked_);
    std::memmove(raw_.data(), raw_.data() + keep_from, raw_len_ - keep_from);
    raw_len_ -= keep_from;
    raw_pos_ -= keep_from;
    if (check_utf8_) utf8_checked_ -= keep_from;
    if (raw_.size() < raw_len_ + block_) raw_.resize(raw_len_ + block_);
    std::size_t got = in_->read(raw_.data() + raw_len_, block_);
    raw_len_ += got;
    if (got < block_) raw_eof_ = true;
    if (check_utf8_) {
      const char* from = raw_.data() + utf8_checked_;
      const char* to = raw_.data() + raw_len_;
      if (!saw_non_ascii_) {
        saw_non_ascii_ = std::any_of(from, to, [](char c) {
          return static_cast<unsigned char>(c) >= 0x80;
        });
      }
      Utf8Scan scan = scan_utf8(from, to, raw_eof_);
      if (scan.problem != TextProblem::kNone) {
        check_utf8_ = false;  // not UTF-8: GB18030 it is
      } else {
        utf8_checked_ = static_cast<std::size_t>(scan.stop - raw_.data());
      }
    }
  }

  // A "GB18030" file that is valid UTF-8 with non-ASCII text is UTF-8 read
  // with the wrong --encoding: converting it would garble every name.
  void refuse_if_utf8() {
    check_utf8_ = false;
    if (!saw_non_ascii_) return;
    throw Error::in_file(
        kExitDataErr, in_->name(),
        trf("the file is UTF-8, but --encoding {} was given", "gb18030"),
        tr("run without --encoding, or save the file as GB18030"));
  }

  std::unique_ptr<FileSource> in_;
  std::string label_;
  const char* form_;
  bool forced_;
  std::size_t unit_;
  std::size_t block_;
  iconv_t cd_;
  std::string raw_;  // input bytes; [raw_pos_, raw_len_) not converted yet
  std::size_t raw_pos_ = 0;
  std::size_t raw_len_ = 0;
  bool raw_eof_ = false;
  std::string out_;  // converted bytes; [out_pos_, out_len_) not read yet
  std::size_t out_pos_ = 0;
  std::size_t out_len_ = 0;
  std::string failure_;  // the first unconvertible bytes
  bool failure_cut_ = false;
  // Whether the input may still be valid UTF-8 (checked up to
  // utf8_checked_), and whether it holds any non-ASCII byte.
  bool check_utf8_;
  std::size_t utf8_checked_ = 0;
  bool saw_non_ascii_ = false;
};

// A file whose encoding is found on its own (no --encoding): its bytes
// pass as they are while they are ASCII, which both encodings share; at
// the first non-ASCII byte, the kDetectWindowBytes from it decide — valid
// UTF-8: the rest is read as it is (a later bad byte is the reader's
// error); not UTF-8: GB18030 from that byte on, through iconv.
//
// GBK text is not UTF-8 for more than a few characters in a row: when the
// window's valid UTF-8 before its first bad byte holds kMixedCharacters
// non-ASCII characters or more, the file is UTF-8 with a part in another
// encoding, and is read as UTF-8 so that the reader reports that part
// (GB18030 would turn the UTF-8 text into other characters silently).
class DetectingSource final : public ByteSource {
 public:
  static constexpr std::ptrdiff_t kMixedCharacters = 8;

  // `in` is past any UTF-8 byte-order mark (`bom`).
  DetectingSource(std::unique_ptr<FileSource> in, bool bom, std::size_t block)
      : in_(std::move(in)), bom_(bom), block_(block) {}

  std::size_t read(char* out, std::size_t n) override {
    if (inner_) return inner_->read(out, n);
    const std::size_t got = in_->read(out, n);
    const char* p = out + IconvSource::ascii_prefix(out, got);
    const char* end = out + got;
    if (p == end) return got;  // ASCII so far: UTF-8 and GB18030 alike
    // The window from the first non-ASCII byte: what is read, and more.
    const auto ascii = static_cast<std::size_t>(p - out);
    std::string window(p, end);
    if (window.size() < kDetectWindowBytes) {
      window += in_->peek(kDetectWindowBytes - window.size());
    }
    // peek gives fewer bytes than asked only at the end of the file.
    const bool at_end = window.size() < kDetectWindowBytes;
    const Utf8Scan scan = scan_utf8(window.data(), window.data() + window.size(), at_end);
    if (scan.problem != TextProblem::kInvalidUtf8 ||
        std::count_if(static_cast<const char*>(window.data()), scan.stop, [](char c) {
          return static_cast<unsigned char>(c) >= 0xC0;
        }) >= kMixedCharacters) {
      in_->read_as(Utf8Reason::kDetected, bom_);
      inner_ = std::move(in_);
      return got;
    }
    // GB18030 from the first non-ASCII byte: give those bytes back.
    in_->unread(std::string_view(p, static_cast<std::size_t>(end - p)));
    inner_ = std::make_unique<IconvSource>(std::move(in_), "GB18030", "GB18030",
                                           bom_ ? "GB18030 after a UTF-8 BOM" : "GB18030",
                                           1, block_, false);
    return ascii + inner_->read(out + ascii, n - ascii);
  }

  InvalidText describe_invalid(const char* bad, const char* end) const override {
    // Only ASCII has been handed out before a decision, and ASCII is valid.
    return inner_ ? inner_->describe_invalid(bad, end)
                  : invalid_utf8(bad, gbk_looks());

  }

  const char* encoding_name() const override {
    if (inner_) return inner_->encoding_name();
    return bom_ ? "UTF-8 with BOM" : "UTF-8";
  }

 private:
  std::unique_ptr<FileSource> in_;  // until the encoding is found
  std::unique_ptr<ByteSource> inner_;
  bool bom_;
  std::size_t block_;
};

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower;
  for (char c : name) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (lower == "utf-8" || lower == "utf8") return Encoding::kUtf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") {
    return Encoding::kGb18030;
  }
  return std::nullopt;
}

std::unique_ptr<ByteSource> open_text(std::string name, std::FILE* file,
                                      std::optional<Encoding> encoding, std::size_t block,
                                      const std::vector<std::string>& run_files) {
  auto in = std::make_unique<FileSource>(std::move(name), file);
  std::string_view head = in->peek(3);
  const char* utf16 = nullptr;
  if (head.substr(0, 2) == kUtf16LeBom) utf16 = "UTF-16LE";
  if (head.substr(0, 2) == kUtf16BeBom) utf16 = "UTF-16BE";
  if (utf16 != nullptr) {
    in->skip(2);
    return std::make_unique<IconvSource>(std::move(in), utf16, utf16, utf16, 2, block,
                                         false);
  }
  const bool bom = head == kUtf8Bom;
  if (encoding == Encoding::kUtf8) {
    in->read_as(Utf8Reason::kForced, bom, run_files);
    return in;
  }
  if (encoding == Encoding::kGb18030 && !bom) {
    return std::make_unique<IconvSource>(std::move(in), "GB18030", "GB18030", "GB18030", 1,
                                         block, true);
  }
  if (bom) in->skip(3);
  return std::make_unique<DetectingSource>(std::move(in), bom, block);
}

std::vector<std::string> files_not_utf8(const std::vector<std::string>& files) {
  constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
  std::vector<std::string> out;
  std::string bytes;
  for (const std::string& path : files) {
    if (path == "-") continue;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) continue;
    bytes.resize(kMaxBytes);
    bytes.resize(std::fread(bytes.data(), 1, kMaxBytes, f));
    const bool whole = std::feof(f) != 0;
    std::fclose(f);
    const std::string_view b(bytes);
    if (b.substr(0, 2) == kUtf16LeBom || b.substr(0, 2) == kUtf16BeBom) continue;
    if (scan_utf8(b.data(), b.data() + b.size(), whole).problem == TextProblem::kInvalidUtf8) {
      out.push_back(path);
    }
  }
  return out;
}

std::unique_ptr<ByteSource> open_range(std::string name, int fd,
                                       std::uint64_t begin, std::uint64_t end) {
  return std::make_unique<RangeSource>(std::move(name), fd, begin, end);
}

}  // namespace kaohe
