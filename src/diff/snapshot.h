// A scored result reduced to what `diff` compares: the scheme's keys as
// entries, its node tree, and every unit's printed scores, total, rank and
// grade. Made from a fresh evaluation or read back from `score -O json`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "pipeline/evaluation.h"
#include "scheme/scheme_entries.h"

namespace kaohe {

// A node of the tree, to find the parts and each unit's scores.
struct SnapshotNode {
  std::string id;
  std::string name;
  std::string parent;               // empty for the root
};

struct SnapshotUnit {
  std::string unit_id;
  std::string name;
  std::string category;
  std::optional<Decimal> total;
  int rank = 0;
  std::string grade;
  std::vector<std::string> flags;
  std::vector<std::optional<Decimal>> scores;  // parallel to Snapshot::nodes
};

struct Snapshot {
  std::string source;   // file it came from, for messages
  std::string title;
  std::string as_of;    // an interim run's date (--as-of), or empty
  int precision = 2;
  std::vector<SnapshotNode> nodes;  // nodes[0] is the root
  std::vector<SnapshotUnit> units;  // in output order (rank, as score prints)
  // Every key of the scheme (scheme_entries); a result saved by an older
  // kaohe holds fewer: only the sections in `known_sections`, and within
  // them only the fields it wrote.
  std::vector<SchemeEntry> scheme;
  std::vector<std::string> known_sections;  // SchemeSection::name

  int find_node(const std::string& id) const;
  const SnapshotUnit* find_unit(const std::string& id) const;
  // Ids of the top-level parts (children of the root).
  std::vector<std::string> parts() const;
};

Snapshot snapshot_of(const Evaluation& ev, const std::string& source);

}  // namespace kaohe
