// Display width of UTF-8 text in a terminal, with a small built-in East
// Asian Width table (wcwidth depends on the locale; we must not), and text
// wrapped or shortened to a width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

// Columns `text` occupies: 2 for wide and fullwidth characters (CJK,
// Hangul, fullwidth forms), 0 for combining marks, 1 otherwise. Invalid
// bytes count 1 each.
int display_width(std::string_view text);

// `text` padded with spaces to `width` columns, on the right (left-aligned)
// or on the left (right-aligned).
std::string pad_right(std::string_view text, int width);
std::string pad_left(std::string_view text, int width);

// `text` cut into lines of at most `width` columns (at least 1): `text`
// itself, unchanged, when it fits; else broken greedily after a space,
// `;`, `,`, `/` or `、`, or between two characters either of which is
// wide (CJK needs no space to break), but never before closing punctuation
// (`)`, `，`, `。`, …) nor after opening punctuation; a run with no such
// place is cut between characters. Spaces at a break are dropped. A
// character wider than `width` gets a line of its own. Always at least one
// line (empty text: one empty line).
std::vector<std::string> wrap_text(std::string_view text, int width);

// wrap_text, but a line that holds a space breaks after its last space
// (prose: notes, where names must not be cut).
std::vector<std::string> wrap_words(std::string_view text, int width);

// The lines of wrap_text, as even as they can be: wrapped at the narrowest
// width that needs no more lines (组织/指导 rather than 组织指/导).
std::vector<std::string> wrap_even(std::string_view text, int width);

// `text` in at most `max_lines` lines of at most `width` columns: the lines
// of wrap_text when they are few enough, else the first `max_lines` of
// them with the last cut to end in ".." (ASCII: "…" is of ambiguous width
// and takes two columns in many CJK terminals). `width` ≥ 3.
std::vector<std::string> shorten_text(std::string_view text, int width, int max_lines);

// Whether shorten_text(text, width, max_lines) cuts `text`.
bool needs_shortening(std::string_view text, int width, int max_lines);

}  // namespace kaohe
