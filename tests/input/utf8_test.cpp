// Unit tests of the strict UTF-8 check: the forms a lax check lets through
// (overlong, surrogates, beyond U+10FFFF, GBK's 联通), truncation at the
// end of input and at a block boundary, NUL bytes, the ASCII fast path.
#include "input/utf8.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace kaohe {
namespace {

// Where the first problem in `s` is: -1 when there is none.
long problem_at(const std::string& s, TextProblem* kind = nullptr) {
  Utf8Scan scan = scan_utf8(s.data(), s.data() + s.size(), true);
  if (kind != nullptr) *kind = scan.problem;
  if (scan.problem == TextProblem::kNone) {
    CHECK(scan.stop == s.data() + s.size());
    return -1;
  }
  return scan.stop - s.data();
}

TEST_CASE("utf8: valid text of every length passes") {
  CHECK(problem_at("") == -1);
  CHECK(problem_at("unit_id,name") == -1);
  CHECK(problem_at("V1,东村,台账1") == -1);
  CHECK(problem_at("\xC2\x80") == -1);              // U+0080
  CHECK(problem_at("\xDF\xBF") == -1);              // U+07FF
  CHECK(problem_at("\xE0\xA0\x80") == -1);          // U+0800
  CHECK(problem_at("\xED\x9F\xBF") == -1);          // U+D7FF
  CHECK(problem_at("\xEE\x80\x80") == -1);          // U+E000
  CHECK(problem_at("\xEF\xBF\xBF") == -1);          // U+FFFF
  CHECK(problem_at("\xF0\x90\x80\x80") == -1);      // U+10000
  CHECK(problem_at("\xF4\x8F\xBF\xBF") == -1);      // U+10FFFF
  CHECK(problem_at("㐀𠀀") == -1);                  // CJK Ext A and B
  CHECK(problem_at("\xEF\xBB\xBFunit_id") == -1);   // a BOM is a character
}

TEST_CASE("utf8: GBK bytes for 联通 are rejected at the first byte") {
  // C1 is an overlong lead; a lax check reads C1 AA and CD A8 as pairs.
  CHECK(problem_at("V1,\xC1\xAA\xCD\xA8") == 3);
  // 中文 in GBK: D6 D0 is a lead byte followed by a lead byte.
  CHECK(problem_at("V1,\xD6\xD0\xCE\xC4") == 3);
}

TEST_CASE("utf8: overlong forms are rejected") {
  CHECK(problem_at("\xC0\xAF") == 0);
  CHECK(problem_at("\xC1\xBF") == 0);
  CHECK(problem_at("\xE0\x80\xAF") == 0);
  CHECK(problem_at("\xE0\x9F\xBF") == 0);
  CHECK(problem_at("\xF0\x80\x80\xAF") == 0);
  CHECK(problem_at("\xF0\x8F\xBF\xBF") == 0);
}

TEST_CASE("utf8: surrogates and code points above U+10FFFF are rejected") {
  CHECK(problem_at("a\xED\xA0\x80") == 1);      // U+D800
  CHECK(problem_at("a\xED\xBF\xBF") == 1);      // U+DFFF
  CHECK(problem_at("\xF4\x90\x80\x80") == 0);   // U+110000
  CHECK(problem_at("\xF5\x80\x80\x80") == 0);
  CHECK(problem_at("\xFF") == 0);
  CHECK(problem_at("\xFE") == 0);
}

TEST_CASE("utf8: stray continuation bytes and truncated sequences") {
  CHECK(problem_at("ab\x80") == 2);
  CHECK(problem_at("东\xBF") == 3);
  CHECK(problem_at("\xE4\xB8") == 0);           // cut off at the end
  CHECK(problem_at("\xE4\xB8,x") == 0);         // cut off by a comma
  CHECK(problem_at("\xF0\x9F\x98") == 0);
  CHECK(problem_at("\xC3") == 0);
  CHECK(problem_at("x\xE4\xB8\xAD\xE4") == 4);
}

TEST_CASE("utf8: a NUL byte is its own problem") {
  TextProblem kind = TextProblem::kNone;
  CHECK(problem_at(std::string("ab\0cd", 5), &kind) == 2);
  CHECK(kind == TextProblem::kNul);
  CHECK(problem_at("ab\xC1", &kind) == 2);
  CHECK(kind == TextProblem::kInvalidUtf8);
}

TEST_CASE("utf8: a problem is found at every offset past the fast path") {
  // Long ASCII runs take the 16-byte path; the bad byte must still be
  // found exactly, wherever it falls in a 16-byte group.
  for (std::size_t at = 0; at < 70; ++at) {
    std::string s(80, 'a');
    s[at] = '\xC1';
    CHECK(problem_at(s) == static_cast<long>(at));
    s[at] = '\0';
    TextProblem kind = TextProblem::kNone;
    CHECK(problem_at(s, &kind) == static_cast<long>(at));
    CHECK(kind == TextProblem::kNul);
  }
  // The 0x7F and 0x01 edges of the fast path's ASCII test.
  CHECK(problem_at(std::string(40, '\x7F')) == -1);
  CHECK(problem_at(std::string(40, '\x01')) == -1);
}

TEST_CASE("utf8: mixed CJK and ASCII over many fast-path groups") {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "V12,late_report,2025-03-01,1,第二次,主办,,台账,\n";
  CHECK(problem_at(s) == -1);
  std::string bad = s;
  bad[s.size() - 5] = '\xAA';  // inside the last 台账
  CHECK(problem_at(bad) == static_cast<long>(s.size() - 5));
}

TEST_CASE("utf8: a sequence cut by a block boundary is left for the next") {
  const std::string text = "V1,东村\n";  // 东 is E4 B8 9C
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    const char* b = text.data();
    Utf8Scan first = scan_utf8(b, b + cut, false);
    REQUIRE(first.problem == TextProblem::kNone);
    // The rest is checked from where the first call stopped.
    Utf8Scan rest = scan_utf8(first.stop, b + text.size(), true);
    CHECK(rest.problem == TextProblem::kNone);
    CHECK(rest.stop == b + text.size());
  }
  // A cut-off prefix that can never complete is invalid at once.
  std::string bad = "V1,\xE4\x41";
  Utf8Scan scan = scan_utf8(bad.data(), bad.data() + bad.size(), false);
  CHECK(scan.problem == TextProblem::kInvalidUtf8);
  CHECK(scan.stop == bad.data() + 3);
}

// Table 3-7 decoded one byte at a time, as the reference for the fast
// paths: where the first problem is, or where a cut-off sequence starts.
Utf8Scan reference_scan(const std::string& s, bool at_end) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  auto at = [&](std::size_t i, TextProblem p) { return Utf8Scan{s.data() + i, p}; };
  for (std::size_t i = 0; i < n;) {
    const unsigned c = b[i];
    if (c == 0) return at(i, TextProblem::kNul);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    if (c >= 0xE0 && c <= 0xEF) len = 3;
    if (c >= 0xF0 && c <= 0xF4) len = 4;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (len == 0) return at(i, TextProblem::kInvalidUtf8);
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= n) return at(i, at_end ? TextProblem::kInvalidUtf8 : TextProblem::kNone);
      const unsigned x = b[i + k];
      if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xBF)) {
        return at(i, TextProblem::kInvalidUtf8);
      }
    }
    i += len;
  }
  return at(n, TextProblem::kNone);
}

TEST_CASE("utf8: random text agrees with a byte-at-a-time decoder") {
  // Mostly ASCII and Chinese (the three-byte fast path), with every other
  // kind of sequence, valid and not, at every alignment.
  const std::vector<std::string> pieces = {
      "a", "V12,", "2025-03-01", "东", "村", "台账", "\xEF\xBC\x8C" /* ， */,
      // Long ASCII: runs of 64 bytes and more send the mixed-text path
      // back to the 64-byte one.
      "0123456789abcdef0123456789abcdef,",
      "\xE1\x80\x80", "\xEC\xBF\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
      "\xC2\xA9", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x90\x80\x80",
      "\xF4\x8F\xBF\xBF", "\xF3\xA0\x80\x80",
      // invalid: overlong, surrogate, beyond U+10FFFF, stray, truncated, NUL
      "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF", "\xFF", "\x80",
      "\xBF", "\xE4\xB8", "\xE4", "\xE4\x41", std::string(1, '\0')};
  std::mt19937 rng(3);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % (trial % 4 == 0 ? 160 : 40));
    const bool clean = rng() % 2 == 0;  // only ASCII and Chinese: the fast paths
    for (int i = 0; i < len; ++i) {
      s += pieces[rng() % (clean ? 8 : pieces.size())];
    }
    for (bool at_end : {true, false}) {
      CAPTURE(s);
      CAPTURE(at_end);
      const Utf8Scan want = reference_scan(s, at_end);
      const Utf8Scan got = scan_utf8(s.data(), s.data() + s.size(), at_end);
      REQUIRE(got.problem == want.problem);
      REQUIRE(got.stop - s.data() == want.stop - s.data());
    }
  }
}

TEST_CASE("utf8: printable text replaces invalid bytes and NUL") {
  CHECK(printable_utf8("V1,东村") == "V1,东村");
  CHECK(printable_utf8("V1,\xC1\xAA") == "V1,\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(printable_utf8(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(printable_utf8("x\xE4") == "x\xEF\xBF\xBD");
}

}  // namespace
}  // namespace kaohe
