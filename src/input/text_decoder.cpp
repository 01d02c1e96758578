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

#include "base/diagnostic.h"
#include "input/utf8.h"

namespace kaohe {
namespace {

constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

std::string hex_bytes(std::string_view bytes) {
  std::string out = bytes.size() == 1 ? "byte" : "bytes";
  for (char c : bytes) out += fmt::format(" 0x{:02X}", static_cast<unsigned char>(c));
  return out;
}

InvalidText invalid_utf8(const char* bad) {
  return {"invalid UTF-8", hex_bytes(std::string_view(bad, 1)),
          "the file looks like GBK/GB18030 (Excel on Chinese Windows); "
          "run with --encoding gb18030"};
}

[[noreturn]] void throw_read_error(const std::string& name, int err) {
  Diagnostic d;
  d.file = name;
  d.message = "read error";
  if (err != 0) d.message += std::string(": ") + std::strerror(err);
  throw Error(kExitIoErr, std::move(d));
}

// The bytes of a file as they are: UTF-8 text, maybe with a BOM (the CSV
// reader skips it). Can buffer the first bytes ahead, to sniff a BOM.
class FileSource final : public ByteSource {
 public:
  FileSource(std::string name, std::FILE* file)
      : name_(std::move(name)), file_(file) {}

  // The first `n` bytes (fewer at the end of input), not consumed.
  std::string_view peek(std::size_t n) {
    if (head_.size() < n && !eof_) {
      std::size_t have = head_.size();
      head_.resize(n);
      head_.resize(have + fread_checked(head_.data() + have, n - have));
    }
    return std::string_view(head_).substr(head_pos_, n);
  }
  void skip(std::size_t n) { head_pos_ += std::min(n, head_.size() - head_pos_); }

  std::size_t read(char* out, std::size_t n) override {
    std::size_t done = std::min(n, head_.size() - head_pos_);
    std::memcpy(out, head_.data() + head_pos_, done);
    head_pos_ += done;
    if (done < n && !eof_) done += fread_checked(out + done, n - done);
    return done;
  }

  InvalidText describe_invalid(const char* bad, const char*) const override {
    return invalid_utf8(bad);
  }

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
    return invalid_utf8(bad);
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
  // `from`: the iconv name; `label`: its name in diagnostics; `unit`: the
  // bytes skipped past an invalid sequence (2 for UTF-16).
  IconvSource(std::unique_ptr<FileSource> in, const char* from,
              std::string label, std::size_t unit, std::size_t block,
              bool refuse_utf8)
      : in_(std::move(in)),
        label_(std::move(label)),
        unit_(unit),
        block_(std::max<std::size_t>(block, 1)),
        check_utf8_(refuse_utf8) {
    cd_ = iconv_open("UTF-8", from);
    if (cd_ == reinterpret_cast<iconv_t>(-1)) {
      int err = errno;
      throw Error::in_file(kExitNoInput, in_->name(),
                           fmt::format("cannot convert from {}: {}", label_,
                                       std::strerror(err)),
                           "the C library's iconv lacks this conversion; "
                           "save the file as UTF-8");
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
      return {"invalid UTF-8 after converting from " + label_,
              hex_bytes(std::string_view(bad, 1)), {}};
    }
    std::string detail = hex_bytes(failure_);
    if (failure_cut_) detail += ", cut off at the end of the file";
    std::string hint =
        unit_ == 1 ? "not valid GB18030 here: the file is damaged, or in "
                     "another encoding (for UTF-8, run without --encoding)"
                   : "an unpaired surrogate or a cut-off character: the file "
                     "is damaged; save it again as UTF-8";
    return {"invalid " + label_, detail, hint};
  }

 private:
  // 0xFF is never part of UTF-8: it stands for one unconvertible sequence.
  static constexpr unsigned char kMarker = 0xFF;
  // Input bytes iconv converts at a time after a non-ASCII byte.
  static constexpr std::size_t kWindow = 256;

  // The number of leading bytes of [p, p + n) below 0x80.
  static std::size_t ascii_prefix(const char* p, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, p + i, 8);
      if ((v & 0x8080808080808080ULL) != 0) break;
    }
    while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
    return i;
  }

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
        throw Error::in_file(kExitIoErr, in_->name(), "conversion error");
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
        fmt::format("the file is UTF-8, but --encoding {} was given", "gb18030"),
        "run without --encoding, or save the file as GB18030");
  }

  std::unique_ptr<FileSource> in_;
  std::string label_;
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
                                      Encoding encoding, std::size_t block) {
  auto in = std::make_unique<FileSource>(std::move(name), file);
  std::string_view head = in->peek(3);
  const char* utf16 = nullptr;
  if (head.substr(0, 2) == kUtf16LeBom) utf16 = "UTF-16LE";
  if (head.substr(0, 2) == kUtf16BeBom) utf16 = "UTF-16BE";
  if (utf16 != nullptr) {
    in->skip(2);
    return std::make_unique<IconvSource>(std::move(in), utf16, utf16, 2, block,
                                         false);
  }
  if (encoding == Encoding::kUtf8 || head == "\xEF\xBB\xBF") return in;
  return std::make_unique<IconvSource>(std::move(in), "GB18030", "GB18030", 1,
                                       block, true);
}

std::unique_ptr<ByteSource> open_range(std::string name, int fd,
                                       std::uint64_t begin, std::uint64_t end) {
  return std::make_unique<RangeSource>(std::move(name), fd, begin, end);
}

}  // namespace kaohe
