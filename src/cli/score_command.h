// `kaohe score SCHEME [DATA]`: the ranked grade table.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kaohe {

struct DataOptions {
  std::string data_positional;
  std::string data_dir;
  std::string units;
  std::vector<std::string> events;
  std::vector<std::string> measures;
  std::string encoding;  // --encoding; empty or auto: found per file
  std::string delimiter;  // --delimiter; empty or auto: found per file
  std::vector<std::string> skip;  // --skip N or NAME=N: rows above the header
  int jobs = 0;          // -j: threads for a big events file; 0: the cores
  std::string as_of;     // --as-of DATE: an interim run; empty: none
};

struct ScoreOptions {
  std::string scheme;
  DataOptions data;
  std::string format;   // empty: from -o's extension, else table
  std::string output = "-";
  bool verbose = false;
  bool quiet = false;     // -q: no -v summary, no warnings: nothing on stderr on success
  int reasons = 0;        // --reasons N: each unit's N largest losses
  std::string margin;     // --margin X: totals within X of a grade boundary
  std::string color = "auto";  // --color auto|always|never (the table)
  bool bom = false;       // --bom: a UTF-8 byte-order mark before CSV/TSV
  bool no_formula_guard = false;  // --no-formula-guard (CSV/TSV)
  int width = -1;         // --width N: fit the table into N columns; 0 no limit; -1 not given
  bool no_pager = false;  // --no-pager: never through $PAGER
  // --header en|zh: the header words; empty (not given): en, except the
  // table under Chinese messages (zh).
  std::string header;
};

// Adds the data options (positional DATA, --data, --units, --events,
// --measures, --encoding, --delimiter, --skip, -j, --as-of) to a command.
void add_data_options(CLI::App& cmd, DataOptions& opts);

// The data sources named by the options. Throws kaohe::Error 64 when the
// directory is given twice, the encoding or delimiter is unknown, or a
// --skip is not N or NAME=N, is given twice for the same files, or names
// no file of the run.
struct DataSources;
DataSources sources_from(const DataOptions& d);
// Every file a run reads: the scheme, then the roster, events and measures.
std::vector<std::string> input_files(const std::string& scheme, const DataSources& s);

// Prints diagnostics on stderr, in order (warnings of a run that goes on).
struct Diagnostic;
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Registers the `score` subcommand.
void add_score_command(CLI::App& app, ScoreOptions& opts);
int run_score(const ScoreOptions& opts);

}  // namespace kaohe
