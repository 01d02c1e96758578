// Comparison of two snapshots.
#include "diff/result_diff.h"

#include <algorithm>
#include <map>
#include <set>

namespace kaohe {
namespace {

Decimal abs_diff(Decimal a, Decimal b) { return a < b ? b - a : a - b; }

bool moved(const std::optional<Decimal>& a, const std::optional<Decimal>& b,
           Decimal tolerance) {
  if (a.has_value() != b.has_value()) return true;
  return a && abs_diff(*a, *b) > tolerance;
}

// The entries of one section, ids made unique: the second entry with the
// id "x" becomes "x #2".
std::vector<SchemeEntry> section_entries(const std::vector<SchemeEntry>& all,
                                         const std::string& section) {
  std::vector<SchemeEntry> out;
  std::map<std::string, int> seen;
  for (const SchemeEntry& e : all) {
    if (e.section != section) continue;
    out.push_back(e);
    int n = ++seen[e.id];
    if (n > 1) out.back().id += " #" + std::to_string(n);
  }
  return out;
}

// Entries by id (ids are unique after section_entries).
std::map<std::string, const SchemeEntry*> by_id(const std::vector<SchemeEntry>& entries) {
  std::map<std::string, const SchemeEntry*> out;
  for (const SchemeEntry& e : entries) out.emplace(e.id, &e);
  return out;
}

const SchemeEntry* find_entry(const std::map<std::string, const SchemeEntry*>& index,
                              const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

bool knows(const std::vector<std::string>& known, const std::string& section) {
  return std::find(known.begin(), known.end(), section) != known.end();
}

std::string name_of(const SchemeEntry& e) {
  const SchemeField* f = e.section == "node" ? e.field("name") : nullptr;
  return f ? f->text() : std::string();
}

// "min 90, quota true": the fields that are set; a node: its points.
std::string summary_of(const SchemeEntry& e) {
  if (e.section == "node") {
    const SchemeField* p = e.field("points");
    return p ? p->text() : "-";
  }
  std::string out;
  for (const SchemeField& f : e.fields) {
    std::string t = f.text();
    if (t == "-" || t == "false") continue;
    if (!out.empty()) out += ", ";
    out += f.key.empty() ? t : f.key + " " + t;
  }
  return out;
}

// Keys some entry of `has` carries and no entry of `lacks` does, when
// `lacks` has entries at all (otherwise nothing tells what it records).
void unrecorded_keys(const std::vector<SchemeEntry>& has,
                     const std::vector<SchemeEntry>& lacks, const std::string& section,
                     std::vector<std::string>& out) {
  if (lacks.empty()) return;
  std::set<std::string> recorded;
  for (const SchemeEntry& l : lacks) {
    for (const SchemeField& f : l.fields) recorded.insert(f.key);
  }
  for (const SchemeEntry& e : has) {
    for (const SchemeField& f : e.fields) {
      std::string what = section + " " + f.key;
      if (!recorded.count(f.key) && std::find(out.begin(), out.end(), what) == out.end()) {
        out.push_back(what);
      }
    }
  }
}

// Each node's children, in order, by parent id ("" for none or unknown).
std::map<std::string, std::vector<std::string>> children_of(
    const std::vector<SchemeEntry>& nodes) {
  std::map<std::string, std::vector<std::string>> out;
  for (const SchemeEntry& e : nodes) {
    const SchemeField* p = e.field("parent");
    if (p && p->value) out[*p->value].push_back(e.id);
  }
  return out;
}

// The ids in `ids` that `others` holds too, in the order of `ids`.
std::vector<std::string> shared(const std::vector<std::string>& ids,
                                const std::vector<std::string>& others) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    if (std::find(others.begin(), others.end(), id) != others.end()) out.push_back(id);
  }
  return out;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

}  // namespace

void diff_schemes(const std::vector<SchemeEntry>& before,
                  const std::vector<std::string>& known_before,
                  const std::vector<SchemeEntry>& after,
                  const std::vector<std::string>& known_after, ResultDiff& out) {
  using Kind = SchemeChange::Kind;
  for (const SchemeSection& section : scheme_sections()) {
    bool kb = knows(known_before, section.name), ka = knows(known_after, section.name);
    if (!kb || !ka) {
      if (kb != ka) out.not_compared.push_back(section.json);
      continue;
    }
    std::vector<SchemeEntry> olds = section_entries(before, section.name);
    std::vector<SchemeEntry> news = section_entries(after, section.name);
    unrecorded_keys(news, olds, section.name, out.not_compared);
    unrecorded_keys(olds, news, section.name, out.not_compared);
    auto old_children = children_of(olds), new_children = children_of(news);
    auto old_index = by_id(olds), new_index = by_id(news);
    std::vector<std::string> common_new, common_old;
    for (const SchemeEntry& n : news) {
      const SchemeEntry* o = find_entry(old_index, n.id);
      if (o == nullptr) {
        out.scheme.push_back({Kind::kAdded, section.name, n.id, name_of(n), "", "",
                              summary_of(n)});
        continue;
      }
      common_new.push_back(n.id);
      for (const SchemeField& f : n.fields) {
        const SchemeField* of = o->field(f.key);
        if (of == nullptr || of->text() == f.text()) continue;  // unknown, or same
        out.scheme.push_back({Kind::kChanged, section.name, n.id, name_of(n), f.key,
                              of->text(), f.text()});
      }
      if (section.name == std::string("node")) {
        // Siblings in another order: the parts print in another order.
        const std::vector<std::string>& a = new_children[n.id];
        const std::vector<std::string>& b = old_children[n.id];
        std::vector<std::string> now = shared(a, b), was = shared(b, a);
        if (now != was) {
          out.scheme.push_back({Kind::kChanged, section.name, n.id, name_of(n),
                                "children", joined(was), joined(now)});
        }
      }
    }
    for (const SchemeEntry& o : olds) {
      if (find_entry(new_index, o.id) == nullptr) {
        out.scheme.push_back({Kind::kRemoved, section.name, o.id, name_of(o), "",
                              summary_of(o), ""});
      } else {
        common_old.push_back(o.id);
      }
    }
    if (section.ordered && common_old != common_new) {
      out.scheme.push_back({Kind::kChanged, section.json, "", "", "order",
                            joined(common_old), joined(common_new)});
    }
  }
}

ResultDiff diff_results(const Snapshot& before, const Snapshot& after,
                        Decimal tolerance) {
  ResultDiff out;
  out.precision = after.precision;
  out.old_precision = before.precision;
  std::map<std::string, const SnapshotUnit*> olds, news;
  for (const auto& u : before.units) olds[u.unit_id] = &u;
  for (const auto& u : after.units) news[u.unit_id] = &u;
  // The new result's order, then what only the old one has, in its order.
  std::vector<std::string> ids;
  for (const auto& u : after.units) ids.push_back(u.unit_id);
  for (const auto& u : before.units) {
    if (!news.count(u.unit_id)) ids.push_back(u.unit_id);
  }
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
    c.category = n ? n->category : o->category;
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
  diff_schemes(before.scheme, before.known_sections, after.scheme, after.known_sections,
               out);
  return out;
}

}  // namespace kaohe
