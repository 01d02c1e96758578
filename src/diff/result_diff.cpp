// Comparison of two snapshots.
#include "diff/result_diff.h"

#include <algorithm>
#include <map>

namespace kaohe {
namespace {

std::string text_of(const std::optional<Decimal>& d) {
  return d ? d->to_string() : std::string("-");
}

Decimal abs_diff(Decimal a, Decimal b) { return a < b ? b - a : a - b; }

bool moved(const std::optional<Decimal>& a, const std::optional<Decimal>& b,
           Decimal tolerance) {
  if (a.has_value() != b.has_value()) return true;
  return a && abs_diff(*a, *b) > tolerance;
}

}  // namespace

ResultDiff diff_results(const Snapshot& before, const Snapshot& after,
                        Decimal tolerance) {
  ResultDiff out;
  out.precision = after.precision;
  std::map<std::string, const SnapshotUnit*> olds, news;
  for (const auto& u : before.units) olds[u.unit_id] = &u;
  for (const auto& u : after.units) news[u.unit_id] = &u;
  std::vector<std::string> ids;
  for (const auto& [id, u] : olds) ids.push_back(id);
  for (const auto& [id, u] : news) {
    if (!olds.count(id)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  // Parts present in either result, new order first.
  std::vector<std::string> parts = after.parts();
  for (const std::string& p : before.parts()) {
    if (std::find(parts.begin(), parts.end(), p) == parts.end()) parts.push_back(p);
  }
  for (const std::string& id : ids) {
    const SnapshotUnit* o = olds.count(id) ? olds[id] : nullptr;
    const SnapshotUnit* n = news.count(id) ? news[id] : nullptr;
    UnitChange c;
    c.unit_id = id;
    c.name = n ? n->name : o->name;
    c.only_old = n == nullptr;
    c.only_new = o == nullptr;
    if (o) {
      c.old_total = o->total;
      c.old_rank = o->rank;
      c.old_grade = o->grade;
    }
    if (n) {
      c.new_total = n->total;
      c.new_rank = n->rank;
      c.new_grade = n->grade;
    }
    if (o && n) {
      for (const std::string& p : parts) {
        int bi = before.find_node(p), ai = after.find_node(p);
        std::optional<Decimal> bs = bi >= 0 ? o->scores[bi] : std::nullopt;
        std::optional<Decimal> as = ai >= 0 ? n->scores[ai] : std::nullopt;
        if (moved(bs, as, tolerance) || (bi < 0) != (ai < 0)) {
          c.parts.push_back({p, bs, as});
        }
      }
    }
    bool changed = c.only_old || c.only_new || moved(c.old_total, c.new_total, tolerance) ||
                   c.old_rank != c.new_rank || c.old_grade != c.new_grade;
    if (changed) out.units.push_back(std::move(c));
  }
  for (const SnapshotNode& n : after.nodes) {
    int b = before.find_node(n.id);
    if (b < 0) {
      out.scheme.push_back({SchemeChange::Kind::kAdded, n.id, n.name, "",
                            text_of(n.points)});
      continue;
    }
    const SnapshotNode& o = before.nodes[b];
    if (o.points != n.points) {
      out.scheme.push_back({SchemeChange::Kind::kPoints, n.id, n.name,
                            text_of(o.points), text_of(n.points)});
    }
    if (o.weight != n.weight) {
      out.scheme.push_back({SchemeChange::Kind::kWeight, n.id, n.name,
                            o.weight.empty() ? "-" : o.weight,
                            n.weight.empty() ? "-" : n.weight});
    }
    if (o.rule != n.rule) {
      out.scheme.push_back({SchemeChange::Kind::kRule, n.id, n.name, o.rule, n.rule});
    }
    if (o.parent != n.parent) {
      out.scheme.push_back({SchemeChange::Kind::kMoved, n.id, n.name, o.parent, n.parent});
    }
  }
  for (const SnapshotNode& o : before.nodes) {
    if (after.find_node(o.id) < 0) {
      out.scheme.push_back({SchemeChange::Kind::kRemoved, o.id, o.name,
                            text_of(o.points), ""});
    }
  }
  return out;
}

}  // namespace kaohe
