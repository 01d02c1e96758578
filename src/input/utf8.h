// Strict UTF-8 validation of CSV text (SPEC §2, NOTES "Text and
// encodings"): overlong forms, surrogates, code points above U+10FFFF,
// truncated sequences and stray continuation bytes are invalid — so GBK
// bytes such as 联通 (C1 AA CD A8), which a lax check lets through, are
// caught. NUL bytes are reported too: no text field holds one.
//
// The check runs over every byte of every input, tens of millions of rows,
// so it skips plain ASCII 64 (then 16) bytes at a time and decodes only around
// non-ASCII bytes.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

enum class TextProblem {
  kNone,
  kInvalidUtf8,  // a byte that does not start a valid UTF-8 sequence
  kNul,          // a NUL byte
};

struct Utf8Scan {
  // kNone: [p, stop) is valid and stop is `end` or, when !at_end, the start
  // of a sequence that the bytes after `end` may complete.
  // Otherwise: stop is the offending byte.
  const char* stop;
  TextProblem problem;
};

// Checks [p, end). With `at_end`, a sequence cut off by `end` is invalid;
// without, it is left for the next call (which starts at `stop`).
Utf8Scan scan_utf8(const char* p, const char* end, bool at_end);

// `s` for display: every invalid byte and every NUL replaced by U+FFFD, so
// that a diagnostic's source line is itself valid UTF-8.
std::string printable_utf8(std::string_view s);

}  // namespace kaohe
