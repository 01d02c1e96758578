// A fixture for the measure reader's unit tests: a scheme and a roster in
// memory, measures files written to temporary files and read one after the
// other into one table, as a run reads a data folder's measures files.
// Every read checks the reader's row counts add up.
#pragma once

#include <doctest/doctest.h>

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "input/measure_reader.h"
#include "scoring/fixture.h"

namespace kaohe::test {

struct MeasureRun {
  MeasureRun(const std::string& scheme_yaml, const std::vector<UnitSpec>& units,
             bool categories = false)
      : scheme(scheme_of(scheme_yaml)), roster(roster_of(units, categories)) {}

  Scheme scheme;
  Roster roster;
  MeasureTable table;
  Diagnostics diags;
  std::vector<std::unique_ptr<TempFile>> files;
  std::vector<std::string> paths;
  std::deque<InputStats> stats;  // one per file read; references stay valid

  // Reads one more measures file holding `csv`.
  InputStats& read(const std::string& csv) {
    files.push_back(std::make_unique<TempFile>(csv));
    paths.push_back(files.back()->path());
    stats.push_back(read_measures(paths.back(), static_cast<int>(paths.size()) - 1, paths,
                                  scheme, roster, table, diags));
    InputStats& s = stats.back();
    CHECK(s.kind == "measures");
    CHECK(s.read == s.counted + s.outside + s.reported);
    return s;
  }
  // The rows read for `unit` and `item`, or nullptr.
  const std::vector<Measure>* rows(const std::string& unit, const std::string& item) const {
    return table.find(roster.find(unit), scheme.find(item));
  }
  // The one error reported (fails unless there is exactly one).
  const Diagnostic& only_error() const {
    REQUIRE(diags.error_count() == 1);
    return diags.list().front();
  }
};

}  // namespace kaohe::test
