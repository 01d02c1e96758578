// Why a unit scored what it did (SPEC §5 explain): the node tree with each
// node's score, every event and measure row that moved it, and every
// floor, cap, rounding, zeroing, not-applicable policy and default — each
// line with its exact effect on the total, so that the lines add up to
// total − full marks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "input/event.h"
#include "pipeline/evaluation.h"

namespace kaohe {

// An event row of the explained unit, copied out of the stream.
struct ExplainedRow {
  Event event;          // ref points into `ref`
  std::string ref;
  std::string file;
};

struct ExplainLine {
  std::string text;
  std::string source;            // "events.csv:12", or empty
  std::string ref;
  std::optional<Rational> effect;  // on the unit's total (root scale)
};

struct ExplainNode {
  int node = -1;
  bool applicable = true;
  Decimal score;
  Decimal full_marks;
  Rational multiplier;  // effect on the root of one point of this node
  std::vector<ExplainLine> lines;
  std::vector<ExplainNode> children;
};

struct Explanation {
  int unit = -1;
  ExplainNode root;
  Decimal total;                   // as graded (normalised with categories)
  Decimal full_marks;
  std::string grade;
  int rank = 0;
  std::vector<std::string> flags;
  std::vector<ExplainLine> closing;  // normalisation, gates, quota
  Rational sum_of_effects;         // Σ effects = root score − root full marks
};

// Explains `unit` of `ev`. `rows` are the unit's event rows (all files,
// any order); at most `max_rows` rows are listed per leaf, the rest
// summarised in one line.
Explanation explain_unit(const Evaluation& ev, int unit,
                         const std::vector<ExplainedRow>& rows, int max_rows);

}  // namespace kaohe
