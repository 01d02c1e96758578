// One validated event row, as the event reader hands it to the scoring
// accumulators, and the interface through which it is handed over.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/decimal.h"
#include "input/sheet_options.h"

namespace kaohe {

struct Event {
  int unit = -1;             // index into the roster
  int node = -1;             // index into the scheme's nodes (an event leaf)
  std::optional<Date> date;
  std::int64_t count = 1;    // occurrences, ≥ 1
  int tier = -1;             // index into the leaf's named amounts, or -1
  int role = -1;             // index into the leaf's named amounts, or -1
  Decimal points;            // ranged leaves: the per-occurrence amount
  // late leaves: the due date (the row's, or the item's fixed one), the
  // done date (nullopt: not done), and the days late that count
  // (scoring/lateness.h), worked out by the reader.
  std::optional<Date> due;
  std::optional<Date> done;
  int late_days = 0;
  std::string_view ref;      // ledger reference; valid during the call only
  int file = -1;             // index into the list of event files
  int line = 0;              // 0 when not known: rows read in parallel
};

// Receives every event row that is valid and inside the scheme's period.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const Event& e) = 0;
  // A hint that an event for `unit` and event leaf `node`, dated `date`
  // (Date{}, year 0: no valid date), may come soon: a sink may ask for the
  // memory it will touch. The event reader calls it a batch of rows ahead
  // (input/event_reader.cpp).
  virtual void prefetch(int unit, int node, Date date) const {
    (void)unit;
    (void)node;
    (void)date;
  }

  // For reading one big file in parts on several threads: a new, empty
  // sink that gathers rows as this one does, to be join()ed back, each
  // part on its own thread. The rows a part gets carry line 0. The
  // default, nullptr, keeps the reading on one thread: a sink that needs
  // line numbers or row order must not split.
  virtual std::unique_ptr<EventSink> split() const { return nullptr; }
  // The bytes one split() sink takes before any row comes, so that the
  // reader can keep the parts' memory within a budget (-j 64 on a million
  // units must not take gigabytes).
  virtual std::size_t split_bytes() const { return 0; }
  // For reading one big file on several threads when split() sinks would
  // not fit the budget: a sink through which one thread adds its rows to
  // this sink's own sums while other threads do the same through theirs,
  // to be join()ed back as split() sinks are. Offered only while this sink
  // has had no row, so that clear() can undo a reading that fails.
  // nullptr: not offered.
  virtual std::unique_ptr<EventSink> share() { return nullptr; }
  // Back to no rows, after a shared reading that failed.
  virtual void clear() {}
  // Adds the rows gathered by `part`, a sink from this one's split() or
  // share() or a sink split() from the same one, as if they had come to
  // this sink. `part` is left unusable. Returns false, changing nothing,
  // when a sum would overflow: the reader then reads the file on one
  // thread, which says at which row.
  virtual bool join(EventSink& part) {
    (void)part;
    return true;
  }
};

// What one input file held, for `-v` and for the invariant
// rows read = rows counted + rows outside the period + rows reported.
struct InputStats {
  std::string_view kind;     // "units", "events", "measures"
  std::string file;
  std::int64_t read = 0;
  std::int64_t counted = 0;
  std::int64_t outside = 0;  // valid, but dated outside the period
  // Some of them lie inside the scheme's period but outside their unit's
  // own days (roster from/to, --as-of).
  bool outside_own_days = false;
  std::int64_t reported = 0; // rows with an error
  // The first row outside the period, for check's warning: its line in
  // the file (0: none) and its text as written.
  int first_outside_line = 0;
  std::string first_outside_text;
  // False when the file could not be read to its end (a missing column,
  // a fatal CSV error): what its rows would have given is not known.
  bool read_through = true;
  // True when the file was read through without an error and held no
  // row: 0 bytes, a byte-order mark or blank lines only, or a header
  // alone. Set by the pipeline, for the "no rows" warning.
  bool empty = false;
  SheetForm form;  // how the file was read, for -v
};

}  // namespace kaohe
