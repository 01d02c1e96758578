// Collects the problems of one CSV file's rows into the run's diagnostics,
// keeping the first kMaxShown in full and counting the rest, so that a
// file of a million bad rows stays readable and fast.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_reader.h"

namespace kaohe {

class RowErrors {
 public:
  static constexpr int kMaxShown = 50;

  RowErrors(const std::string& file, Diagnostics& diags)
      : file_(file), diags_(diags) {}
  ~RowErrors() { flush(); }
  RowErrors(const RowErrors&) = delete;
  RowErrors& operator=(const RowErrors&) = delete;

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
};

}  // namespace kaohe
