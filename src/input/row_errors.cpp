// Bounded collection of row-level errors for one file.
#include "input/row_errors.h"

#include <fmt/format.h>

namespace kaohe {

void RowErrors::add(const CsvRow& row, int col, std::string message,
                    std::string hint) {
  if (count_ < kMaxShown) {
    diags_.error(file_, row.line, col, std::move(message), std::string(row.raw),
                 std::move(hint));
  }
  ++count_;
}

void RowErrors::absorb(const std::vector<Diagnostic>& shown, std::int64_t count,
                       int line_offset) {
  std::int64_t index = count_;
  for (const Diagnostic& d : shown) {
    if (index++ >= kMaxShown) break;
    Diagnostic moved = d;
    if (moved.line > 0) moved.line += line_offset;
    diags_.add(std::move(moved));
  }
  count_ += count;
}

void RowErrors::flush() {
  if (flushed_) return;
  flushed_ = true;
  if (count_ > kMaxShown) {
    diags_.error(file_, 0, 0,
                 fmt::format("{} more errors in this file not shown",
                             count_ - kMaxShown),
                 {}, "fix the errors above and run again");
  }
}

}  // namespace kaohe
