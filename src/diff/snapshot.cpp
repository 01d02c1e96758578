// Snapshots of evaluations.
#include "diff/snapshot.h"

namespace kaohe {

int Snapshot::find_node(const std::string& id) const {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const SnapshotUnit* Snapshot::find_unit(const std::string& id) const {
  for (const SnapshotUnit& u : units) {
    if (u.unit_id == id) return &u;
  }
  return nullptr;
}

std::vector<std::string> Snapshot::parts() const {
  std::vector<std::string> out;
  if (nodes.empty()) return out;
  for (const SnapshotNode& n : nodes) {
    if (n.parent == nodes.front().id) out.push_back(n.id);
  }
  return out;
}

Snapshot snapshot_of(const Evaluation& ev, const std::string& source) {
  const Scheme& scheme = ev.scheme;
  Snapshot snap;
  snap.source = source;
  snap.title = scheme.title;
  snap.precision = scheme.precision;
  for (const Node& n : scheme.nodes) {
    snap.nodes.push_back({n.id, n.name,
                          n.parent >= 0 ? scheme.nodes[n.parent].id : std::string()});
  }
  snap.scheme = scheme_entries(scheme);
  for (const SchemeSection& s : scheme_sections()) snap.known_sections.push_back(s.name);
  for (const Standing& s : ev.standings) {
    const Unit& unit = ev.roster.units[s.unit];
    SnapshotUnit u;
    u.unit_id = unit.id;
    u.name = unit.name;
    u.category = unit.category;
    u.total = ev.sheet.total(s.unit);
    u.rank = s.rank;
    u.grade = s.grade >= 0 ? scheme.grades[s.grade].name : std::string();
    u.flags = s.flags;
    for (std::size_t n = 0; n < scheme.nodes.size(); ++n) {
      const NodeScore& c = ev.sheet.at(s.unit, static_cast<int>(n));
      u.scores.push_back(c.applicable ? std::optional<Decimal>(c.score) : std::nullopt);
    }
    snap.units.push_back(std::move(u));
  }
  return snap;
}

}  // namespace kaohe
