// Builds the text cells of the grade table.
#include "report/result_rows.h"

#include <fmt/format.h>

#include <algorithm>

namespace kaohe {

ResultRows result_columns(const Evaluation& ev) {
  const Scheme& scheme = ev.scheme;
  const bool zh = ev.header == Evaluation::Header::kChinese;
  ResultRows out;
  auto column = [&](std::string id, std::string title, bool numeric) {
    out.ids.push_back(std::move(id));
    out.titles.push_back(std::move(title));
    out.numeric.push_back(numeric);
  };
  // The words a 考核办 table uses (排名, 单位, 总分, 等次, 备注).
  column("rank", zh ? "排名" : "rank", true);
  column("unit_id", zh ? "单位" : "unit", false);
  column("name", zh ? "名称" : "name", false);
  column("category", zh ? "类别" : "category", false);
  for (int p : scheme.parts()) column(scheme.nodes[p].id, scheme.nodes[p].name, true);
  column("total", zh ? "总分" : "total", true);
  column("grade", zh ? "等次" : "grade", false);
  column("flags", zh ? "备注" : "flags", false);
  if (!ev.reasons.empty()) column("reasons", zh ? "主要失分" : "largest losses", false);
  if (!ev.near_boundary.empty()) {
    column("near_boundary", zh ? "临界" : "near boundary", false);
  }
  return out;
}

const std::vector<std::string>& delimited_header(const Evaluation& ev, const ResultRows& r) {
  return ev.header == Evaluation::Header::kChinese ? r.titles : r.ids;
}

void for_each_result_row(const Evaluation& ev, const std::string& na,
                         const std::function<void(const std::vector<std::string>&)>& row) {
  const Scheme& scheme = ev.scheme;
  std::vector<std::string> cells;
  const std::vector<Standing>& standings = ev.standings;
  // Standings come in rank order, the units they name in roster order: at
  // a million units each row would wait for its unit, its name and its
  // scores, one after the other. The unit and its cells 16 rows ahead, and
  // its name (whose place is in the unit) 8 rows ahead, are asked for first.
  constexpr std::size_t kAhead = 8;
  const std::vector<int>& parts = scheme.parts();
  for (std::size_t i = 0; i < standings.size(); ++i) {
    if (i + 2 * kAhead < standings.size()) {
      const int ahead = standings[i + 2 * kAhead].unit;
      __builtin_prefetch(&ev.roster.units[ahead]);
      for (int p : parts) __builtin_prefetch(&ev.sheet.at(ahead, p));
    }
    if (i + kAhead < standings.size()) {
      __builtin_prefetch(ev.roster.units[standings[i + kAhead].unit].name.data());
    }
    const Standing& s = standings[i];
    const Unit& unit = ev.roster.units[s.unit];
    // Assigned in place: the cells keep their buffers from row to row.
    std::size_t n = 0;
    auto next = [&]() -> std::string& {
      if (n == cells.size()) cells.emplace_back();
      return cells[n++];
    };
    next() = std::to_string(s.rank);
    next().assign(unit.id);
    next().assign(unit.name);
    next().assign(unit.category);
    for (int p : parts) {
      const NodeScore& score = ev.sheet.at(s.unit, p);
      if (score.applicable) {
        next() = score.score.format(scheme.precision);
      } else {
        next().assign(na);
      }
    }
    next() = ev.sheet.total(s.unit).format(scheme.precision);
    next().assign(s.grade >= 0 ? scheme.grades[s.grade].name : std::string());
    next() = fmt::format("{}", fmt::join(s.flags, ";"));
    if (!ev.reasons.empty()) next().assign(ev.reasons[s.unit]);
    if (!ev.near_boundary.empty()) next().assign(ev.near_boundary[s.unit]);
    cells.resize(n);
    row(cells);
  }
}

ResultRows result_rows(const Evaluation& ev, const std::string& na) {
  ResultRows out = result_columns(ev);
  out.rows.reserve(ev.standings.size());
  for_each_result_row(ev, na, [&](const std::vector<std::string>& cells) {
    out.rows.push_back(cells);
  });
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
