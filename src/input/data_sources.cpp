// Resolution of a run's input files.
#include "input/data_sources.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/diagnostic.h"
#include "io/file_io.h"

namespace kaohe {

DataSources resolve_sources(const std::optional<std::string>& dir,
                            const std::optional<std::string>& units,
                            const std::vector<std::string>& events,
                            const std::vector<std::string>& measures) {
  DataSources s;
  if (dir) {
    if (!is_directory(*dir)) {
      throw Error::in_file(kExitNoInput, *dir, "no such data directory",
                  "--data names a folder holding units.csv, events*.csv, "
                  "measures*.csv");
    }
    s.units = (std::filesystem::path(*dir) / "units.csv").string();
    if (!units && !std::filesystem::exists(s.units)) {
      throw Error::in_file(kExitNoInput, *dir, "the data directory has no units.csv",
                  "every run needs the roster: units.csv with unit_id,name");
    }
    s.events = list_csv_files(*dir, "events");
    s.measures = list_csv_files(*dir, "measures");
  }
  if (units) s.units = *units;
  if (!events.empty()) s.events = events;
  if (!measures.empty()) s.measures = measures;
  if (s.units.empty()) {
    throw Error(kExitUsage, "no roster: give a data directory or --units FILE",
                "e.g. kaohe score scheme.yaml --data 2025/");
  }
  int stdin_uses = s.units == "-";
  for (const auto& e : s.events) stdin_uses += e == "-";
  for (const auto& m : s.measures) stdin_uses += m == "-";
  if (stdin_uses > 1) {
    throw Error(kExitUsage, "standard input (-) can be read only once per run");
  }
  return s;
}

}  // namespace kaohe
