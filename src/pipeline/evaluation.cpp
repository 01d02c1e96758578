// The scoring pipeline: scheme → inputs → accumulators → tree → standings.
#include "pipeline/evaluation.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/event_reader.h"
#include "input/measure_reader.h"
#include "input/unit_period.h"
#include "scoring/score_tree.h"
#include "scoring/tally.h"

namespace kaohe {
namespace {

// Runs one file's reader; a fatal problem in the file's data (an
// unterminated quote) joins the other diagnostics instead of hiding them.
// A file read through with neither a row nor an error is marked empty.
template <typename Read>
InputStats read_collecting(Read read, Diagnostics& diags) {
  const int errors_before = diags.error_count();
  try {
    InputStats stats = read();
    stats.empty = stats.read == 0 && stats.read_through &&
                  diags.error_count() == errors_before;
    return stats;
  } catch (const Error& e) {
    if (e.exit_code() != kExitDataErr) throw;
    for (const Diagnostic& d : e.diagnostics()) diags.add(d);
    InputStats stopped;
    stopped.read_through = false;
    return stopped;
  }
}

// Units from which scoring runs on several threads (a thread start costs
// about what scoring a few dozen units does, once per node).
constexpr int kParallelScoringUnits = 2000;

// Threads for reading one big events file.
int reading_threads(int asked) {
  if (asked > 0) return asked;
  return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8);
}

// The bytes of the event files, or 0 when one's size is unknown (stdin).
std::uint64_t event_bytes(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& file : files) {
    struct stat st {};
    if (file == "-" || ::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    total += static_cast<std::uint64_t>(st.st_size);
  }
  return total;
}

// Tells the progress bar the reading is over, however it ends.
struct ProgressDone {
  ProgressTicker& ticker;
  ~ProgressDone() { ticker.done(); }
};


// Reads every input and scores the units, adding every problem to `diags`:
// the roster's rows, then the measures', the events', then the units that
// cannot be scored. Rows with an error are left out, the rest scored.
void read_and_score(Evaluation& ev, SchemeChain& chain, Diagnostics& diags) {
  const DataSources& sources = ev.sources;
  {
    const int before = diags.error_count();
    ev.roster = load_roster(sources.units, diags, sources.sheet, &ev.scheme.columns.roster,
                            ev.scheme.roster_columns());
    check_unit_periods(ev.scheme, ev.roster, diags);
    InputStats s;
    s.kind = "units";
    s.file = sources.units;
    s.counted = ev.roster.size();
    s.reported = diags.error_count() - before;  // one problem per bad row
    s.read = s.counted + s.reported;
    s.form = ev.roster.form;
    ev.stats.push_back(s);
  }
  // Measures first: their NA rows say which nodes events may not touch.
  MeasureTable& measures = ev.measures;
  // Whether every measures file was read through: else what the units
  // lack is not known, and they are not scored.
  bool measures_read = true;
  for (std::size_t i = 0; i < sources.measures.size(); ++i) {
    ev.stats.push_back(read_collecting(
        [&] {
          return read_measures(sources.measures[i], static_cast<int>(i),
                               sources.measures, ev.scheme, ev.roster, measures,
                               diags, sources.sheet);
        },
        diags));
    measures_read = measures_read && ev.stats.back().read_through;
  }
  Tallies tallies(ev.scheme, ev.roster.size());
  {
    ProgressTicker ticker(sources.progress, event_bytes(sources.events));
    ProgressDone done{ticker};
    ReadOptions options;
    options.sheet = sources.sheet;
    options.threads = reading_threads(sources.threads);
    options.progress = &ticker;
    for (std::size_t i = 0; i < sources.events.size(); ++i) {
      ev.stats.push_back(read_collecting(
          [&] {
            return read_events(sources.events[i], static_cast<int>(i), ev.scheme,
                               ev.roster, measures, tallies, diags, options);
          },
          diags));
    }
  }
  tallies.finish();
  // Results of other assessments, after this scheme's own data: their
  // problems come after the rows'.
  ev.results = read_result_sources(ev.scheme, ev.roster, sources, chain, diags);
  // Scored even after bad rows, to find the units that lack data too —
  // but not again those that lack what a bad measure row meant to give.
  if (!measures_read) return;
  // Threads pay for their start only with thousands of units.
  const int scoring_threads = ev.roster.size() >= kParallelScoringUnits
                                  ? reading_threads(sources.threads)
                                  : 1;
  ev.sheet = score_units(ev.scheme, ev.roster, tallies, measures, diags, scoring_threads,
                         &ev.results);
}

// --as-of: the scheme's period ends that day for this run. A date on or
// after the period's end changes nothing (the period is over: the run is
// the final one); one before its start, or a scheme without a period, is a
// usage error.
void apply_as_of(Scheme& scheme, const std::optional<Date>& as_of) {
  if (!as_of) return;
  if (!scheme.period) {
    throw Error(kExitUsage,
                trf("--as-of {}: the scheme {} has no period to cut",
                            as_of->to_string(), scheme.file),
                tr("an interim run needs period: {from: …, to: …} in the scheme"));
  }
  if (*as_of < scheme.period->from) {
    throw Error(kExitUsage,
                trf("--as-of {} is before the period starts ({})", as_of->to_string(),
                            scheme.period->from.to_string()),
                tr("give a day within the period"));

  }
  if (*as_of < scheme.period->to) scheme.as_of = as_of;
}

// A new evaluation of `scheme` over `sources`, read and scored; problems
// go to `diags`.
Evaluation read_and_score(Scheme scheme, const DataSources& sources, SchemeChain& chain,
                          Diagnostics& diags) {
  Evaluation ev;
  apply_as_of(scheme, sources.as_of);
  ev.scheme = std::move(scheme);
  ev.sources = sources;
  read_and_score(ev, chain, diags);
  return ev;
}

// The chain of an outermost evaluation: the scheme itself.
SchemeChain chain_of(const Scheme& scheme) {
  SchemeChain chain;
  char buf[PATH_MAX];
  if (scheme.file != "-" && ::realpath(scheme.file.c_str(), buf) != nullptr) {
    chain.canonical.push_back(buf);
    chain.shown.push_back(scheme.file);
  }
  return chain;
}

void grade_and_rank(Evaluation& ev) {
  ev.standings = grade_units(ev.scheme, ev.roster, ev.sheet);
  rank_units(ev.scheme, ev.roster, ev.sheet, ev.standings);
}

}  // namespace

Evaluation evaluate(Scheme scheme, const DataSources& sources) {
  SchemeChain chain = chain_of(scheme);
  return evaluate(std::move(scheme), sources, chain);
}

Evaluation evaluate(Scheme scheme, const DataSources& sources, SchemeChain& chain) {
  Diagnostics diags;
  Evaluation ev = read_and_score(std::move(scheme), sources, chain, diags);
  diags.throw_if_errors(kExitDataErr);
  grade_and_rank(ev);
  return ev;
}

DataCheck check_data(Scheme scheme, const DataSources& sources) {
  Diagnostics diags;
  SchemeChain chain = chain_of(scheme);
  Evaluation ev = read_and_score(std::move(scheme), sources, chain, diags);
  // Nothing stops `score` now; grade and rank as it would.
  if (diags.error_count() == 0) grade_and_rank(ev);
  return DataCheck{diags.list(), std::move(ev.stats)};
}

}  // namespace kaohe
