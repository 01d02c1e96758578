// Display width of UTF-8 text in a terminal, with a small built-in East
// Asian Width table (wcwidth depends on the locale; we must not).
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

// Columns `text` occupies: 2 for wide and fullwidth characters (CJK,
// Hangul, fullwidth forms), 0 for combining marks, 1 otherwise. Invalid
// bytes count 1 each.
int display_width(std::string_view text);

// `text` padded with spaces to `width` columns, on the right (left-aligned)
// or on the left (right-aligned).
std::string pad_right(std::string_view text, int width);
std::string pad_left(std::string_view text, int width);

}  // namespace kaohe
