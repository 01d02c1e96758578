// Builds the text cells of the grade table.
#include "report/result_rows.h"

#include <fmt/format.h>

#include <algorithm>

namespace kaohe {

ResultRows result_rows(const Evaluation& ev, const std::string& na) {
  const Scheme& scheme = ev.scheme;
  ResultRows out;
  auto column = [&](std::string id, std::string title, bool numeric) {
    out.ids.push_back(std::move(id));
    out.titles.push_back(std::move(title));
    out.numeric.push_back(numeric);
  };
  column("rank", "rank", true);
  column("unit_id", "unit", false);
  column("name", "name", false);
  column("category", "category", false);
  for (int p : scheme.parts()) column(scheme.nodes[p].id, scheme.nodes[p].name, true);
  column("total", "total", true);
  column("grade", "grade", false);
  column("flags", "flags", false);
  if (!ev.reasons.empty()) column("reasons", "largest losses", false);
  if (!ev.near_boundary.empty()) column("near_boundary", "near boundary", false);
  for (const Standing& s : ev.standings) {
    const Unit& unit = ev.roster.units[s.unit];
    std::vector<std::string> row;
    row.push_back(std::to_string(s.rank));
    row.push_back(unit.id);
    row.push_back(unit.name);
    row.push_back(unit.category);
    auto cell = [&](int node) {
      const NodeScore& score = ev.sheet.at(s.unit, node);
      return score.applicable ? score.score.format(scheme.precision) : na;
    };
    for (int p : scheme.parts()) row.push_back(cell(p));
    row.push_back(ev.sheet.total(s.unit).format(scheme.precision));
    row.push_back(s.grade >= 0 ? scheme.grades[s.grade].name : std::string());
    row.push_back(fmt::format("{}", fmt::join(s.flags, ";")));
    if (!ev.reasons.empty()) row.push_back(ev.reasons[s.unit]);
    if (!ev.near_boundary.empty()) row.push_back(ev.near_boundary[s.unit]);
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::vector<int> shown_columns(const Evaluation& ev, const ResultRows& r) {
  std::vector<int> cols;
  for (int c = 0; c < static_cast<int>(r.ids.size()); ++c) {
    if (r.ids[c] == "category" && !ev.roster.has_categories) continue;
    if (r.ids[c] == "grade" && ev.scheme.grades.empty()) continue;
    if ((r.ids[c] == "flags" || r.ids[c] == "near_boundary") &&
        std::all_of(r.rows.begin(), r.rows.end(),
                    [&](const auto& row) { return row[c].empty(); })) {
      continue;
    }
    cols.push_back(c);
  }
  return cols;
}

}  // namespace kaohe
