// East Asian Width, reduced to what a grade table needs.
#include "report/text_width.h"

#include <cstdint>

namespace kaohe {
namespace {

struct Range {
  char32_t lo, hi;
};

// Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt,
// merged into blocks.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

constexpr Range kZero[] = {
    {0x0300, 0x036F}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
};

bool in(const Range* begin, const Range* end, char32_t c) {
  for (const Range* r = begin; r != end; ++r) {
    if (c >= r->lo && c <= r->hi) return true;
  }
  return false;
}

}  // namespace

int display_width(std::string_view s) {
  int width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    int len;
    if (b < 0x80) {
      c = b;
      len = 1;
    } else if ((b & 0xE0) == 0xC0) {
      c = b & 0x1F;
      len = 2;
    } else if ((b & 0xF0) == 0xE0) {
      c = b & 0x0F;
      len = 3;
    } else if ((b & 0xF8) == 0xF0) {
      c = b & 0x07;
      len = 4;
    } else {
      ++width;
      ++i;
      continue;
    }
    if (i + len > s.size()) {
      width += static_cast<int>(s.size() - i);
      break;
    }
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (in(std::begin(kZero), std::end(kZero), c)) continue;
    width += in(std::begin(kWide), std::end(kWide), c) ? 2 : 1;
  }
  return width;
}

std::string pad_right(std::string_view text, int width) {
  std::string out(text);
  for (int w = display_width(text); w < width; ++w) out += ' ';
  return out;
}

std::string pad_left(std::string_view text, int width) {
  std::string out;
  for (int w = display_width(text); w < width; ++w) out += ' ';
  out += text;
  return out;
}

}  // namespace kaohe
