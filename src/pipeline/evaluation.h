// One scoring run, end to end, on a loaded scheme: read the roster, stream
// the events into accumulators, read the measures, score the tree, grade
// and rank. The commands (score, and later check, explain, diff) share it.
#pragma once

#include <vector>

#include "grading/standing.h"
#include "input/data_sources.h"
#include "input/event.h"
#include "input/measure_reader.h"
#include "input/roster.h"
#include "pipeline/result_sources.h"
#include "scheme/model.h"
#include "scoring/score_sheet.h"

namespace kaohe {

struct Evaluation {
  Scheme scheme;
  Roster roster;
  DataSources sources;
  MeasureTable measures;            // small: kept for explain
  ResultScores results;             // the sources of `result` leaves, for explain
  ScoreSheet sheet;
  std::vector<Standing> standings;  // output order
  std::vector<InputStats> stats;    // one per input file read
  // Optional columns of the score table, filled by `score --reasons N`
  // and `--margin X`, indexed by roster position.
  std::vector<std::string> reasons;
  std::vector<std::string> near_boundary;
  // The words of the score table's header (`score --header`): kaohe's
  // English column names, or Chinese ones (排名, 单位, 名称, 类别, 总分,
  // 等次, 备注), with the parts' names also in CSV and TSV. JSON keeps its
  // keys.
  enum class Header { kEnglish, kChinese };
  Header header = Header::kEnglish;
};

// Runs the whole pipeline. Throws kaohe::Error: 65 with every problem in
// the data when any row or unit cannot be scored, 66/74 for unreadable
// inputs. No partial result is ever returned. A bad row does not stop the
// run: the rest of the data is read and the units are scored without it,
// so that the error lists every problem at once, in the order roster,
// measures, events, then units that cannot be scored.
Evaluation evaluate(Scheme scheme, const DataSources& sources);
// The same, for a result source scored inside the evaluation of the
// schemes in `chain` (pipeline/result_sources.h), which it may not name.
Evaluation evaluate(Scheme scheme, const DataSources& sources, SchemeChain& chain);

// What `check` learns from running the pipeline on the data.
struct DataCheck {
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in evaluate's order
  std::vector<InputStats> stats;        // one per input file read
};

// Runs the pipeline as evaluate() does, but returns the problems of the
// data (what evaluate throws as 65) with the row counts instead of
// throwing them. Still throws kaohe::Error for unreadable inputs (66/74)
// and for a roster that cannot be read at all (65).
DataCheck check_data(Scheme scheme, const DataSources& sources);

}  // namespace kaohe
