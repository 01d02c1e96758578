// Streams an events CSV file (`unit_id,item_id[,date][,count][,tier]
// [,role][,points][,ref][,due][,done][,note]`, columns by name in any
// order), validates each row against the scheme and roster, and hands valid
// rows to a sink. Rows are never all held in memory.
#pragma once

#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "input/event.h"
#include "input/measure_reader.h"
#include "input/read_progress.h"
#include "input/roster.h"
#include "input/sheet_options.h"
#include "scheme/model.h"

namespace kaohe {

// How to read an events file.
struct ReadOptions {
  SheetOptions sheet;  // encoding, delimiter, title rows: forced or found
  // Threads for one big file: a regular file of at least
  // `split_bytes` not read as GB18030 by --encoding, and with no UTF-16
  // byte-order mark, is read in `threads` parts at once as UTF-8, when the
  // sink can split (EventSink::split); a part that fails (a GBK byte) has
  // it read again on one thread, where its encoding is found. The result
  // is the same as with one thread.
  int threads = 1;
  std::uint64_t split_bytes = std::uint64_t{32} << 20;
  // The most memory the parts' sinks may take together: fewer parts are
  // read when they would cost more (EventSink::split_bytes).
  std::uint64_t parts_memory = std::uint64_t{512} << 20;
  ProgressTicker* progress = nullptr;  // told the bytes read; may be null
};

// Reads `path` (index `file_index` in the run's list of event files).
// Problems are added to `diags` (at most a bounded number per file are
// kept in full; the rest are counted); throws kaohe::Error only when the
// file cannot be read at all. `measures` says which nodes an NA row marks
// as not applying: a row for such a node is an error. Returns the file's
// row counts.
InputStats read_events(const std::string& path, int file_index,
                       const Scheme& scheme, const Roster& roster,
                       const MeasureTable& measures, EventSink& sink,
                       Diagnostics& diags, const ReadOptions& options = {});

}  // namespace kaohe
