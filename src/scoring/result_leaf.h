// The `result` leaf (按…考核折算): converts a unit's score in another
// assessment to the leaf's points. The pipeline reads the sources and hands
// scoring the in-memory table below; nothing here opens a file.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "base/decimal.h"
#include "scheme/model.h"
#include "scoring/leaf_rules.h"

namespace kaohe {

// One unit's score in a source, as printed there (rounded to the source's
// precision).
struct SourceScore {
  enum class State {
    kMissing,        // the unit is not in the source's result
    kNotApplicable,  // it is, but the source node does not apply to it (null)
    kScored,
  };
  State state = State::kMissing;
  Decimal score;     // kScored
};

// The source of one result leaf, read for a run: what explain cites and
// each unit's score, by roster position.
struct ResultLeafSource {
  std::string file;      // the file read, relative to where kaohe runs
  std::string node;      // "total" or a node id of the source
  std::string node_name; // the source node's name ("" for total)
  Decimal scale;         // the source's full marks the score is read on
  // The source could not be read or its node is unknown (reported once,
  // at the leaf's line): the leaf scores 0 and reports nothing per unit.
  bool failed = false;
  std::vector<SourceScore> units;
  int source_units = 0;  // units in the source's result (for -v)
};

// The sources of a run's result leaves, by node index.
struct ResultScores {
  std::unordered_map<int, ResultLeafSource> leaves;

  // The source of leaf `node`, or nullptr.
  const ResultLeafSource* find(int node) const {
    auto it = leaves.find(node);
    return it == leaves.end() ? nullptr : &it->second;
  }
};

// The exact value of result leaf `node` for unit `unit`: points × score ÷
// scale, or −deduct × (scale − score) ÷ scale. A unit missing from the
// source takes the rule's `missing` (error; na; zero: score 0; full: score
// = scale); a source node that does not apply to it makes the leaf not
// apply; a score outside 0..scale is an error of the unit.
LeafOutcome score_result_leaf(const Node& node, const ResultLeafSource* source, int unit);

// The converted value of `score` for leaf `node` on `scale` (no checks).
Rational convert_result(const Node& node, Decimal score, Decimal scale);

}  // namespace kaohe
