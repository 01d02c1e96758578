// East Asian Width, reduced to what a grade table needs.
#include "report/text_width.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

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

// The character at `s[i]`: its code point in `*cp` and its length in
// bytes. A byte that starts no UTF-8 sequence, or a sequence cut off by the
// end, is one character of its own (code point U+FFFD, width 1).
std::size_t decode_at(std::string_view s, std::size_t i, char32_t* cp) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  char32_t c;
  std::size_t len;
  if (b < 0x80) {
    *cp = b;
    return 1;
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
    *cp = 0xFFFD;
    return 1;
  }
  if (i + len > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  for (std::size_t k = 1; k < len; ++k) {
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  *cp = c;
  return len;
}

int char_width(char32_t c) {
  if (in(std::begin(kZero), std::end(kZero), c)) return 0;
  return in(std::begin(kWide), std::end(kWide), c) ? 2 : 1;
}

// Characters a line may not start with (closing punctuation) or end with
// (opening punctuation): the few of Chinese line breaking (禁则) that unit
// names and part names use.
constexpr char32_t kNoBreakBefore[] = {')', ']', '}', ',', '.', ';', ':', '!', '?', '%',
                                       0x3001, 0x3002, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B,
                                       0xFF01, 0xFF1F, 0x300B, 0x300D, 0x300F, 0x3011};
constexpr char32_t kNoBreakAfter[] = {'(', '[', '{', 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010};
// Characters a line may end with, whatever follows.
constexpr char32_t kBreakAfter[] = {' ', ';', ',', '/', 0x3001, 0xFF0C, 0xFF1B};

bool one_of(const char32_t* begin, const char32_t* end, char32_t c) {
  return std::find(begin, end, c) != end;
}

struct Char {
  std::size_t begin, end;
  char32_t cp;
  int width;
};

std::vector<Char> chars_of(std::string_view s) {
  std::vector<Char> out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t len = decode_at(s, i, &cp);
    // An invalid byte counts 1, as in display_width.
    out.push_back({i, i + len, cp, len == 1 && cp == 0xFFFD ? 1 : char_width(cp)});
    i += len;
  }
  return out;
}

// Whether a line may end after chars[k] (and the next start with chars[k+1]).
bool may_break_after(const std::vector<Char>& chars, std::size_t k) {
  const char32_t a = chars[k].cp, b = chars[k + 1].cp;
  if (a == ' ') return true;
  if (b == ' ') return false;  // the break comes after the spaces
  if (one_of(std::begin(kNoBreakBefore), std::end(kNoBreakBefore), b)) return false;
  if (one_of(std::begin(kBreakAfter), std::end(kBreakAfter), a)) return true;
  if (one_of(std::begin(kNoBreakAfter), std::end(kNoBreakAfter), a)) return false;
  return chars[k].width == 2 || chars[k + 1].width == 2;
}

}  // namespace

int display_width(std::string_view s) {
  int width = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    std::size_t len = decode_at(s, i, &cp);
    width += len == 1 && cp == 0xFFFD ? 1 : char_width(cp);
    i += len;
  }
  return width;
}

namespace {

// wrap_text, and with `words` wrap_words: breaks only after a space while
// the line has one.
std::vector<std::string> wrap(std::string_view text, int width, bool words) {
  width = std::max(width, 1);
  if (display_width(text) <= width) return {std::string(text)};
  const std::vector<Char> chars = chars_of(text);
  const std::size_t n = chars.size();
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < n) {
    int w = 0;
    std::size_t i = start;
    std::size_t cut = 0;        // 0: no place to break yet (never at start)
    std::size_t space_cut = 0;  // the same, after a space
    while (i < n && (i == start || w + chars[i].width <= width)) {
      w += chars[i].width;
      if (i + 1 < n && may_break_after(chars, i)) {
        cut = i + 1;
        if (chars[i].cp == ' ') space_cut = i + 1;
      }
      ++i;
    }
    if (i < n && chars[i].cp == ' ') cut = space_cut = i;  // the line ends at spaces
    if (i == n) {
      cut = n;
    } else if (words && space_cut != 0) {
      cut = space_cut;
    } else if (cut == 0) {
      cut = i;
    }
    std::size_t end = cut;
    while (end > start + 1 && chars[end - 1].cp == ' ') --end;  // spaces at a break
    lines.emplace_back(text.substr(chars[start].begin, chars[end - 1].end - chars[start].begin));
    start = cut;
    while (start < n && chars[start].cp == ' ') ++start;
  }
  return lines;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int width) {
  return wrap(text, width, false);
}

std::vector<std::string> wrap_words(std::string_view text, int width) {
  return wrap(text, width, true);
}

std::vector<std::string> wrap_even(std::string_view text, int width) {
  width = std::max(width, 1);
  const std::size_t lines = wrap_text(text, width).size();
  if (lines == 1) return {std::string(text)};
  while (width > 1 && wrap_text(text, width - 1).size() <= lines) --width;
  return wrap_text(text, width);
}

bool needs_shortening(std::string_view text, int width, int max_lines) {
  return static_cast<int>(wrap_text(text, width).size()) > max_lines;
}

std::vector<std::string> shorten_text(std::string_view text, int width, int max_lines) {
  std::vector<std::string> lines = wrap_text(text, width);
  if (static_cast<int>(lines.size()) <= max_lines) return lines;
  lines.resize(static_cast<std::size_t>(std::max(max_lines, 1)));
  // The last line takes as much of the rest of the text as fits before "..".
  std::size_t used = 0;
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    used = text.find(lines[k], used) + lines[k].size();
  }
  while (used < text.size() && text[used] == ' ') ++used;
  std::string last;
  int w = 0;
  for (const Char& c : chars_of(text.substr(used))) {
    if (w + c.width + 2 > width) break;
    last.append(text.substr(used + c.begin, c.end - c.begin));
    w += c.width;
  }
  while (!last.empty() && last.back() == ' ') last.pop_back();
  lines.back() = last + "..";
  return lines;
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
