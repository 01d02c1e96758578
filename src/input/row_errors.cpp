// Bounded collection of row-level errors for one file.
#include "input/row_errors.h"

#include "base/messages.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kaohe {

void RowErrors::add(const CsvRow& row, int col, std::string message,
                    std::string hint) {
  if (count_ < kMaxShown) {
    if (key_col_ >= 0 && key_col_ < static_cast<int>(row.fields.size()) &&
        !row.fields[key_col_].empty()) {
      diags_.error(trf("{} row {}", file_, row.fields[key_col_]), 0, 0,
                   std::move(message), std::string(row.raw), std::move(hint));
    } else {
      diags_.error(file_, row.line, col, std::move(message), std::string(row.raw),
                   std::move(hint));
    }
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
                 trf("{} more errors in this file not shown",
                             count_ - kMaxShown),
                 {}, tr("fix the errors above and run again"));
  }
}

std::string unknown_unit_hint(const Roster& roster, std::string_view id) {
  std::vector<std::string> ids;
  ids.reserve(roster.units.size());
  for (const auto& u : roster.units) ids.push_back(u.id);
  std::string hint = did_you_mean(id, ids);
  return hint.empty() ? trf("every unit must be listed in {}", roster.file)
                      : hint;
}

std::string unknown_item_hint(std::string_view item, const std::vector<std::string>& items,
                              std::string_view kind, std::string_view aside) {
  std::string hint = did_you_mean(item, items);
  if (!hint.empty()) return hint;
  if (items.empty()) return trf("this scheme has no item scored from {}", kind);
  if (items.size() <= 8) {
    return trf("the items scored from {} are: {}", kind, fmt::join(items, ", "));
  }
  return trf("item_id is the id of a leaf of the scheme scored from {}{}; see "
                     "the scheme's leaf ids", kind, aside);
}

}  // namespace kaohe
