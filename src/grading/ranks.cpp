// The merit order, ranks and the output order.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "grading/standing.h"

namespace kaohe {

MeritOrder::MeritOrder(const Scheme& scheme, const ScoreSheet& sheet) : sheet_(sheet) {
  const Ranking& r = scheme.ranking;
  for (std::size_t i = 0; i < r.tie_breakers.size(); ++i) {
    tie_breakers_.push_back(scheme.find(r.tie_breakers[i]));
    ascending_.push_back(i < r.ascending.size() && r.ascending[i]);
  }
}

int MeritOrder::compare(int a, int b) const {
  if (sheet_.total(a) != sheet_.total(b)) return sheet_.total(a) > sheet_.total(b) ? -1 : 1;
  for (std::size_t i = 0; i < tie_breakers_.size(); ++i) {
    const NodeScore& x = sheet_.at(a, tie_breakers_[i]);
    const NodeScore& y = sheet_.at(b, tie_breakers_[i]);
    // A node that does not apply sorts after one that does.
    if (x.applicable != y.applicable) return x.applicable ? -1 : 1;
    if (x.score != y.score) return (x.score > y.score) != ascending_[i] ? -1 : 1;
  }
  return 0;
}

const std::string& ranking_group(const Scheme& scheme, const Roster& roster,
                                 int unit) {
  static const std::string kAll;
  return scheme.ranking.within_category ? roster.units[unit].category : kAll;
}

void rank_units(const Scheme& scheme, const Roster& roster,
                const ScoreSheet& sheet, std::vector<Standing>& standings) {
  auto group = [&](const Standing& s) -> const std::string& {
    return ranking_group(scheme, roster, s.unit);
  };
  // Each unit's group as its place among the groups in byte order, so that
  // the sort compares numbers, not names.
  std::map<std::string_view, int> groups;
  for (const Standing& s : standings) groups.emplace(group(s), 0);
  int next = 0;
  for (auto& [name, order] : groups) order = next++;
  std::vector<int> group_of(static_cast<std::size_t>(roster.size()), 0);
  for (const Standing& s : standings) group_of[s.unit] = groups.find(group(s))->second;
  const MeritOrder merit(scheme, sheet);
  // The sort moves small keys, not standings, and compares numbers first:
  // a unit's group, its total, the first 8 bytes of its id in byte order.
  // The tie-breakers and the whole ids are read only on a tie there — with
  // a million units, thousands share each total.
  struct Key {
    int group;
    int unit;
    std::int64_t total;    // millionths
    std::uint64_t prefix;  // the id's bytes 0..7, big-endian, zero-padded
    std::size_t at;        // the standing's place before sorting
  };
  std::vector<Key> keys;
  keys.reserve(standings.size());
  for (std::size_t i = 0; i < standings.size(); ++i) {
    const int u = standings[i].unit;
    const std::string& id = roster.units[u].id;
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < 8; ++k) {
      prefix = prefix << 8 | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0U);
    }
    keys.push_back({group_of[u], u, sheet.total(u).units(), prefix, i});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.group != b.group) return a.group < b.group;
    if (a.total != b.total) return a.total > b.total;
    if (int c = merit.compare(a.unit, b.unit); c != 0) return c < 0;
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return roster.units[a.unit].id < roster.units[b.unit].id;
  });
  std::vector<Standing> sorted;
  sorted.reserve(standings.size());
  for (const Key& k : keys) sorted.push_back(std::move(standings[k.at]));
  standings = std::move(sorted);
  std::size_t group_start = 0;
  for (std::size_t i = 0; i < standings.size(); ++i) {
    Standing& s = standings[i];
    if (i == 0 || group_of[standings[i - 1].unit] != group_of[s.unit]) {
      group_start = i;
      s.rank = 1;
    } else if (merit.compare(standings[i - 1].unit, s.unit) == 0) {
      s.rank = standings[i - 1].rank;
    } else {
      s.rank = static_cast<int>(i - group_start) + 1;  // 1, 2, 2, 4
    }
  }
}

}  // namespace kaohe
