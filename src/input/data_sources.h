// Which files a run reads: `--data DIR` (units.csv, events*.csv and
// measures*.csv in byte order) and the explicit --units/--events/--measures
// files that replace a kind of file from DIR (SPEC §9).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "input/read_progress.h"
#include "input/text_decoder.h"

namespace kaohe {

struct DataSources {
  std::string units;
  std::vector<std::string> events;
  std::vector<std::string> measures;
  Encoding encoding = Encoding::kUtf8;  // --encoding, for every CSV file
  ReadProgress* progress = nullptr;     // not owned; none when null
  int threads = 0;  // for reading one big events file; 0: the cores, ≤ 8
};

// Resolves the sources. Throws kaohe::Error 64 when no roster is named or
// stdin ("-") is used more than once, 66 when DIR is unreadable or lacks
// units.csv.
DataSources resolve_sources(const std::optional<std::string>& dir,
                            const std::optional<std::string>& units,
                            const std::vector<std::string>& events,
                            const std::vector<std::string>& measures);

}  // namespace kaohe
