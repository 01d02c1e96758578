// Fitting the grade table into a width (issue 20): which columns a narrow
// terminal shows, how wide each is, how its header is cut into lines, and
// what was given up to get there. Data in, layout out: the width comes
// from the caller (cli/ decides it from --width, COLUMNS and the terminal).
#pragma once

#include <string>
#include <vector>

namespace kaohe {

// What fitting may do to a column.
enum class FitRole {
  kFixed,  // never dropped, wrapped or shortened: rank, unit, category, total, grade
  kWrap,   // text that may wrap onto several lines, down to `min_width`:
           // name, flags, largest losses, near boundary
  kPart,   // a top-level part: its header may wrap onto kMaxHeaderLines
           // lines, then be shortened; then the column may be dropped
};

struct FitColumn {
  std::string title;  // header text, as shown (terminal-safe)
  int cells = 0;      // display width of the widest body cell
  FitRole role = FitRole::kFixed;
  int min_width = 0;  // kWrap: the narrowest it may wrap to
};

// Columns are separated by two spaces.
inline constexpr int kColumnGap = 2;
// A header may take this many lines before it is shortened.
inline constexpr int kMaxHeaderLines = 2;
// A part column is never made narrower than this (nor than its cells) to
// shorten its header: three CJK characters a line.
inline constexpr int kMinPartWidth = 6;

struct TableFit {
  // Per column of the input: its width, 0 when it is dropped.
  std::vector<int> width;
  // Per column: its header's lines, top to bottom (empty when dropped).
  // Columns have different counts; the table pads them at the top.
  std::vector<std::vector<std::string>> header;
  int header_lines = 1;          // the most lines of any shown header
  std::vector<int> dropped;      // part columns not shown, in column order
  std::vector<int> shortened;    // columns whose header was cut, in column order
  bool overflow = false;         // wider than the width even so
};

// The layout of `columns` in `width` display columns (0: no limit). When
// the table fits as it is — always with no limit — every column has its
// natural width (the widest of its title and cells) and a one-line
// header: the table of before issue 20, byte for byte. Otherwise, as
// little as it takes, in this order, each step only when the one before
// is not enough:
//   1. headers of parts wrap onto two lines, the longest first (nothing
//      is lost);
//   2. wrappable text (name, flags, …) wraps, the widest column first, down
//      to its `min_width` (nothing is lost; rows take more lines);
//   3. headers of parts are shortened, the widest column first, down to
//      max(cells, kMinPartWidth) (said in `shortened`);
//   4. parts are dropped, the last first, and 1–3 are tried again with
//      those left (said in `dropped`).
// rank, unit, category, total and grade (kFixed) are never touched. When
// even every part dropped is too wide, the narrowest layout is returned
// with `overflow` set.
TableFit fit_table(const std::vector<FitColumn>& columns, int width);

// The width a table of these column widths takes (0-width columns are not
// shown): the sum of the widths and the gaps between them.
int table_width(const std::vector<int>& widths);

}  // namespace kaohe
