// Collects the problems of one CSV file's rows into the run's diagnostics,
// keeping the first kMaxShown in full and counting the rest, so that a
// file of a million bad rows stays readable and fast.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "input/roster.h"

namespace kaohe {

class RowErrors {
 public:
  static constexpr int kMaxShown = 50;

  RowErrors(const std::string& file, Diagnostics& diags)
      : file_(file), diags_(diags) {}
  ~RowErrors() { flush(); }
  RowErrors(const RowErrors&) = delete;
  RowErrors& operator=(const RowErrors&) = delete;

  // Rows that carry a key in field `col` (-1: none; the `row_key` column
  // of `kaohe sql`'s rows, DESIGN.md §4 "SQL push-down"): an error of a
  // row whose key is not empty is located by it — `FILE row KEY` — not by
  // its line in the stream.
  void set_key_column(int col) { key_col_ = col; }
  // Whether the next error will be shown (worth computing a hint for).
  bool shown() const { return count_ < kMaxShown; }
  // Adds an error at `row`'s line; `col` is the 1-based field number.
  void add(const CsvRow& row, int col, std::string message, std::string hint = {});
  std::int64_t count() const { return count_; }
  // Adds the "… N more" line; called by the destructor too.
  void flush();

  // For a file read in parts, each part's errors collected by its own
  // RowErrors: ends this one without the "… N more" line.
  void discard_summary() { flushed_ = true; }
  // Adds the errors of a part read after everything added so far: `shown`
  // are the ones its RowErrors kept (its first ones, in order), `count`
  // all of them; `line_offset` turns the part's line numbers into the
  // file's. Keeps the first kMaxShown of the file, as if read in one go.
  void absorb(const std::vector<Diagnostic>& shown, std::int64_t count, int line_offset);

 private:
  const std::string& file_;
  Diagnostics& diags_;
  std::int64_t count_ = 0;
  bool flushed_ = false;
  int key_col_ = -1;
};

// The hint for an unknown unit_id: "did you mean …?" among the roster's
// ids, else that every unit must be listed in the roster file.
std::string unknown_unit_hint(const Roster& roster, std::string_view id);

// The hint for an unknown item_id among `items`, the leaves a kind of file
// may name (`kind`: "events" or "measures"; `aside` follows the kind in the
// last resort, e.g. " (or NA for a group)"): "did you mean …?", else the
// items when at most 8, else where item ids come from.
std::string unknown_item_hint(std::string_view item, const std::vector<std::string>& items,
                              std::string_view kind, std::string_view aside = {});

}  // namespace kaohe
