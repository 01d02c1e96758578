// Which files a run reads: `--data DIR` (units.csv, events.csv and
// events-*.csv, measures.csv and measures-*.csv, names in any letter case,
// in byte order; .tsv and .txt as well as .csv) and the explicit
// --units/--events/--measures files that replace a kind of file from DIR
// (SPEC §9, DESIGN.md §5 "Data folder").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/diagnostic.h"
#include "input/read_progress.h"
#include "input/sheet_options.h"

namespace kaohe {

struct DataSources {
  std::string units;
  std::vector<std::string> events;
  std::vector<std::string> measures;
  // What DIR holds but the run does not read: a CSV file whose name is no
  // kind's, a workbook named like an input (events.xlsx). Warnings, in
  // name order; the commands print them.
  std::vector<Diagnostic> warnings;
  // --encoding, --delimiter, --skip: forced for every CSV file, or found
  // per file; its run_files are the roster, events and measures.
  SheetOptions sheet;
  ReadProgress* progress = nullptr;     // not owned; none when null
  int threads = 0;  // for reading one big events file; 0: the cores, ≤ 8
  // --as-of: an interim run, scored as if the period ended that day
  // (pipeline/evaluation.cpp applies it to the scheme).
  std::optional<Date> as_of;
};

// Resolves the sources. From DIR, a kind is read only when no explicit
// option names that kind. Throws kaohe::Error:
// - 64 when no roster is named, stdin ("-") is used more than once, or a
//   file named on the command line is the same file (by path, hard or
//   symbolic link) as another input of the run;
// - 65 when a file DIR would give looks like a copy ("events - 副本.csv",
//   "events (1).csv"), two names of one kind in DIR differ only in letter
//   case or extension (events.csv, events.txt: one sheet saved twice), or
//   two inputs from DIR are one file (links); every such problem
//   of DIR at once, with DIR's warnings;
// - 66 when DIR is missing or unreadable, or lacks units.csv (any case)
//   and no --units is given.
DataSources resolve_sources(const std::optional<std::string>& dir,
                            const std::optional<std::string>& units,
                            const std::vector<std::string>& events,
                            const std::vector<std::string>& measures);

}  // namespace kaohe
