// Strict UTF-8 validation with an ASCII fast path.
#include "input/utf8.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kaohe {
namespace {

#if !defined(__SSE2__)
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// True when the 16 bytes at p are all in 0x01..0x7F. (v - 1) sets a byte's
// high bit when the byte is 0 (or borrows from a lower 0, itself caught);
// v's own high bit flags a non-ASCII byte.
inline bool plain_ascii16(const char* p) {
  std::uint64_t a;
  std::uint64_t b;
  std::memcpy(&a, p, 8);
  std::memcpy(&b, p + 8, 8);
  return (((a - kOnes) | a | (b - kOnes) | b) & kHighBits) == 0;
}
#endif

// True when the 64 bytes at p are all in 0x01..0x7F: no byte has its high
// bit set, and the smallest byte (unsigned) is not 0.
inline bool plain_ascii64(const char* p) {
#if defined(__SSE2__)
  const auto* v = reinterpret_cast<const __m128i*>(p);
  __m128i a = _mm_loadu_si128(v);
  __m128i b = _mm_loadu_si128(v + 1);
  __m128i c = _mm_loadu_si128(v + 2);
  __m128i d = _mm_loadu_si128(v + 3);
  __m128i high = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
  __m128i low = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
  __m128i nul = _mm_cmpeq_epi8(low, _mm_setzero_si128());
  return _mm_movemask_epi8(_mm_or_si128(high, nul)) == 0;
#else
  return plain_ascii16(p) && plain_ascii16(p + 16) && plain_ascii16(p + 32) &&
         plain_ascii16(p + 48);
#endif
}

constexpr int kTruncated = -1;

// The length (2..4) of the valid sequence starting with the non-ASCII byte
// at p; 0 when it is invalid; kTruncated when `end` cuts off a sequence
// that is valid so far. Unicode Table 3-7: the second byte's range depends
// on the first (no overlong forms, no surrogates, nothing above U+10FFFF).
inline int sequence_length(const unsigned char* p, const unsigned char* end) {
  const unsigned c = p[0];
  int len;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;  // a continuation byte, C0/C1 (overlong), or F5..FF
  }
  const auto avail = end - p;
  if (avail < 2) return kTruncated;
  if (p[1] < lo || p[1] > hi) return 0;
  for (int i = 2; i < len; ++i) {
    if (avail <= i) return kTruncated;
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return len;
}

}  // namespace

// Where the first byte that is not in 0x01..0x7F lies among the 16 at p:
// its offset, or 16 when there is none.
inline int first_non_ascii16(const char* p) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto bits = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()))));
  return bits == 0 ? 16 : std::countr_zero(bits);
#else
  if (plain_ascii16(p)) return 16;
  int i = 0;
  while (static_cast<unsigned char>(p[i]) - 1U < 0x7FU) ++i;
  return i;
#endif
}

// Skips, 16 bytes at a time, text made only of plain ASCII and of
// three-byte characters whose lead byte is E1..EC or EE..EF (most Chinese
// text): those leads take any two continuation bytes 80..BF (Unicode Table
// 3-7), so a block is valid when its continuation bytes are exactly the
// two after each lead, counting leads at the end of the block before.
// Starts at a character boundary; returns one, with everything before it
// valid. Stops before any other byte (NUL, E0, ED, two- and four-byte
// leads, invalid bytes), which the caller decodes one at a time.
inline const char* skip_three_byte_text(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i before_lead = _mm_set1_epi8(static_cast<char>(0xE0));  // E1.. as signed > E0
  const __m128i after_lead = _mm_set1_epi8(static_cast<char>(0xF0));   // ..EF as signed < F0
  const __m128i ed = _mm_set1_epi8(static_cast<char>(0xED));
  const __m128i cont_limit = _mm_set1_epi8(static_cast<char>(0xC0));   // 80..BF: signed < C0
  unsigned carry = 0;  // continuation bytes owed by leads at the end of the block before
  int plain = 0;       // blocks of plain ASCII in a row, just before
  const char* q = p;
  for (; end - q >= 16; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
    // A long stretch of plain ASCII: the caller's 64-byte path is faster.
    // Shorter ones (the ASCII columns between Chinese notes) stay here.
    plain = high == 0 ? plain + 1 : 0;
    if (plain == 4 && carry == 0) {
      q -= 48;
      break;
    }
    const auto nul = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())));
    const auto cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, cont_limit)));
    const __m128i lead3 = _mm_andnot_si128(
        _mm_cmpeq_epi8(v, ed), _mm_and_si128(_mm_cmpgt_epi8(v, before_lead),
                                             _mm_cmplt_epi8(v, after_lead)));
    const auto lead = static_cast<unsigned>(_mm_movemask_epi8(lead3));
    const unsigned owed = (lead << 1) | (lead << 2) | carry;
    if (nul != 0 || (high & ~(lead | cont)) != 0 || cont != (owed & 0xFFFF)) break;
    carry = owed >> 16;
  }
  // Stopped at a block that starts inside a character: its lead is 1
  // (owing 2) or 2 (owing 1) bytes back.
  return q - (carry == 0 ? 0 : carry == 3 ? 1 : 2);
#else
  (void)end;
  return p;
#endif
}

Utf8Scan scan_utf8(const char* p, const char* end, bool at_end) {
  while (p < end) {
    while (end - p >= 64 && plain_ascii64(p)) p += 64;
    // Skip to the first byte that is not plain ASCII, 16 bytes at a time.
    while (end - p >= 16) {
      const int ascii = first_non_ascii16(p);
      p += ascii;
      if (ascii < 16) break;
    }
    if (const char* skipped = skip_three_byte_text(p, end); skipped != p) {
      p = skipped;
      continue;
    }
    // Decode one stretch of about 16 bytes, then try the fast paths again.
    const char* stretch = end - p > 16 ? p + 16 : end;
    while (p < stretch) {
      const auto c = static_cast<unsigned char>(*p);
      if (c < 0x80) {
        if (c == 0) return {p, TextProblem::kNul};
        ++p;
        continue;
      }
      // Most Chinese text: a lead byte E1..EC or EE..EF, whose two
      // continuation bytes may be any of 80..BF (Table 3-7).
      if (((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && end - p >= 3 &&
          (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80 &&
          (static_cast<unsigned char>(p[2]) & 0xC0) == 0x80) {
        p += 3;
        continue;
      }
      int len = sequence_length(reinterpret_cast<const unsigned char*>(p),
                                reinterpret_cast<const unsigned char*>(end));
      if (len == kTruncated) {
        if (at_end) return {p, TextProblem::kInvalidUtf8};
        return {p, TextProblem::kNone};
      }
      if (len == 0) return {p, TextProblem::kInvalidUtf8};
      p += len;
    }
  }
  return {end, TextProblem::kNone};
}

std::string printable_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    Utf8Scan scan = scan_utf8(p, end, true);
    out.append(p, scan.stop);
    if (scan.problem == TextProblem::kNone) break;
    out += "\xEF\xBF\xBD";  // U+FFFD
    p = scan.stop + 1;
  }
  return out;
}

}  // namespace kaohe
