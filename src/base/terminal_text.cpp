// Escaping of control and bidi characters for terminal output.
#include "base/terminal_text.h"

#include <fmt/format.h>

namespace kaohe {
namespace {

// The length of the escapable character at `text[i]`, or 0; its code
// point in `*cp`.
std::size_t escapable_at(std::string_view text, std::size_t i, unsigned* cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned c = b(i);
  if (c < 0x20 || c == 0x7f) {
    *cp = c;
    return 1;
  }
  if (c == 0xc2 && i + 1 < text.size() && b(i + 1) >= 0x80 && b(i + 1) <= 0x9f) {
    *cp = b(i + 1);  // U+0080..U+009F
    return 2;
  }
  if (c == 0xd8 && i + 1 < text.size() && b(i + 1) == 0x9c) {
    *cp = 0x061c;
    return 2;
  }
  if (c == 0xe2 && i + 2 < text.size()) {
    const unsigned v = 0x2000 | ((b(i + 1) & 0x3fu) << 6) | (b(i + 2) & 0x3fu);
    if ((b(i + 1) == 0x80 || b(i + 1) == 0x81) &&
        (v == 0x200e || v == 0x200f || (v >= 0x202a && v <= 0x202e) ||
         (v >= 0x2066 && v <= 0x2069))) {
      *cp = v;
      return 3;
    }
  }
  return 0;
}

}  // namespace

bool needs_terminal_escape(std::string_view text) {
  unsigned cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (escapable_at(text, i, &cp) != 0) return true;
  }
  return false;
}

std::string terminal_safe(std::string_view text) {
  if (!needs_terminal_escape(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  unsigned cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = escapable_at(text, i, &cp);
    if (n == 0) {
      out += text[i++];
      continue;
    }
    out += n == 1 ? fmt::format("\\x{:02x}", cp) : fmt::format("\\u{{{:04x}}}", cp);
    i += n;
  }
  return out;
}

}  // namespace kaohe
