// Collects units' event rows for explain.
#include "pipeline/unit_rows.h"

#include <sys/stat.h>

#include <cstdint>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/event_reader.h"
#include "input/workbook_sheet.h"

namespace kaohe {
namespace {

// Keeps the rows of the units whose slot_of_unit is not -1, each unit's in
// its slot.
class UnitsSink : public EventSink {
 public:
  UnitsSink(const std::vector<int>& slot_of_unit, const std::string& file,
            std::vector<std::vector<ExplainedRow>>& out)
      : slot_of_unit_(slot_of_unit), file_(file), out_(out) {}
  void on_event(const Event& e) override {
    const int slot = slot_of_unit_[static_cast<std::size_t>(e.unit)];
    if (slot < 0) return;
    ExplainedRow row;
    row.event = e;
    row.ref = std::string(e.ref);
    row.event.ref = {};
    row.file = file_;
    out_[static_cast<std::size_t>(slot)].push_back(std::move(row));
  }

 private:
  const std::vector<int>& slot_of_unit_;
  const std::string& file_;
  std::vector<std::vector<ExplainedRow>>& out_;
};

// Counts each unit's rows.
class CountSink : public EventSink {
 public:
  explicit CountSink(std::vector<std::int64_t>& counts) : counts_(counts) {}
  void on_event(const Event& e) override { ++counts_[static_cast<std::size_t>(e.unit)]; }

 private:
  std::vector<std::int64_t>& counts_;
};

// Explain reads the events twice: standard input and pipes cannot be.
void check_rereadable(const Evaluation& ev) {
  for (const std::string& file : ev.sources.events) {
    // A sheet's path ("book.xlsx:events") names the workbook's file.
    const std::string opened = split_sheet_path(file).file;
    struct stat st {};
    if (file == "-" || ::stat(opened.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      throw Error(kExitUsage,
                  trf("{}: explaining a unit reads its events again, and {} cannot be "
                      "read twice",
                      file, file == "-" ? tr("standard input") : tr("a pipe")),
                  tr("save the events to a file and name it with --events FILE"));
    }
  }
}

void read_all(const Evaluation& ev, const std::function<EventSink&(const std::string&)>& sink) {
  check_rereadable(ev);
  for (std::size_t i = 0; i < ev.sources.events.size(); ++i) {
    const std::string& file = ev.sources.events[i];
    Diagnostics ignored;  // the evaluation has validated these files
    read_events(file, static_cast<int>(i), ev.scheme, ev.roster, ev.measures, sink(file),
                ignored, ReadOptions{.sheet = ev.sources.sheet});
  }
}

// The rows of `units` (distinct), in one pass; each unit's rows in the
// order of `units`.
std::vector<std::vector<ExplainedRow>> rows_of(const Evaluation& ev,
                                               const std::vector<int>& units) {
  std::vector<int> slot_of_unit(ev.roster.units.size(), -1);
  for (std::size_t i = 0; i < units.size(); ++i) {
    slot_of_unit[static_cast<std::size_t>(units[i])] = static_cast<int>(i);
  }
  std::vector<std::vector<ExplainedRow>> out(units.size());
  std::unique_ptr<UnitsSink> sink;
  read_all(ev, [&](const std::string& file) -> EventSink& {
    sink = std::make_unique<UnitsSink>(slot_of_unit, file, out);
    return *sink;
  });
  for (std::vector<ExplainedRow>& rows : out) {
    for (ExplainedRow& r : rows) r.event.ref = r.ref;
  }
  return out;
}

}  // namespace

std::vector<ExplainedRow> unit_rows(const Evaluation& ev, int unit) {
  return std::move(rows_of(ev, {unit}).front());
}

void for_each_unit_rows(const Evaluation& ev, const std::vector<int>& units,
                        std::size_t row_budget,
                        const std::function<void(int, const std::vector<ExplainedRow>&)>& use) {
  std::int64_t counted = 0;
  for (const InputStats& s : ev.stats) {
    if (s.kind == "events") counted += s.counted;
  }
  std::vector<std::int64_t> counts;
  if (static_cast<std::uint64_t>(counted) > row_budget) {
    counts.assign(ev.roster.units.size(), 0);
    CountSink count(counts);
    read_all(ev, [&](const std::string&) -> EventSink& { return count; });
  }
  std::size_t first = 0;
  while (first < units.size()) {
    // The next batch: all the units when nothing was counted.
    std::size_t last = units.size();
    if (!counts.empty()) {
      std::uint64_t rows = 0;
      last = first;
      while (last < units.size()) {
        const auto n = static_cast<std::uint64_t>(counts[static_cast<std::size_t>(units[last])]);
        if (last > first && rows + n > row_budget) break;
        rows += n;
        ++last;
      }
    }
    const std::vector<int> batch(units.begin() + static_cast<std::ptrdiff_t>(first),
                                 units.begin() + static_cast<std::ptrdiff_t>(last));
    std::vector<std::vector<ExplainedRow>> rows = rows_of(ev, batch);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      use(batch[i], rows[i]);
      rows[i] = {};  // freed as soon as the unit is explained
    }
    first = last;
  }
}

}  // namespace kaohe
