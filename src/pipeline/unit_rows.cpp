// Collects one unit's event rows.
#include "pipeline/unit_rows.h"

#include "input/event_reader.h"

namespace kaohe {
namespace {

class UnitSink : public EventSink {
 public:
  UnitSink(int unit, const std::string& file, std::vector<ExplainedRow>& out)
      : unit_(unit), file_(file), out_(out) {}
  void on_event(const Event& e) override {
    if (e.unit != unit_) return;
    ExplainedRow row;
    row.event = e;
    row.ref = std::string(e.ref);
    row.event.ref = {};
    row.file = file_;
    out_.push_back(std::move(row));
  }

 private:
  int unit_;
  const std::string& file_;
  std::vector<ExplainedRow>& out_;
};

}  // namespace

std::vector<ExplainedRow> unit_rows(const Evaluation& ev, int unit) {
  std::vector<ExplainedRow> out;
  for (std::size_t i = 0; i < ev.sources.events.size(); ++i) {
    const std::string& file = ev.sources.events[i];
    UnitSink sink(unit, file, out);
    Diagnostics ignored;  // the evaluation has validated these files
    read_events(file, static_cast<int>(i), ev.scheme, ev.roster, ev.measures, sink,
                ignored, ReadOptions{.sheet = ev.sources.sheet});
  }
  for (ExplainedRow& r : out) r.event.ref = r.ref;
  return out;
}

}  // namespace kaohe
