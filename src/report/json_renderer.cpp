// Stable JSON output (SPEC §9): schema_version, every key of the scheme
// (scheme_entries), and every node's printed score for every unit, so that
// `diff` can read it back. Field names are documented in DESIGN.md; scores
// are JSON numbers written with exactly the scheme's precision.
#include <fmt/format.h>

#include "report/json_text.h"

#include "report/render.h"
#include "scheme/scheme_entries.h"

namespace kaohe {
namespace {

std::string json_of(const SchemeField& f) {
  using Type = SchemeField::Type;
  if (f.type == Type::kList) {
    std::string out = "[";
    for (std::size_t i = 0; i < f.items.size(); ++i) {
      out += (i ? ", " : "") + json_quote(f.items[i]);
    }
    return out + "]";
  }
  if (!f.value) return "null";
  return f.type == Type::kText ? json_quote(*f.value) : *f.value;
}

// {"id": "x", "name": …}: the entry's id under `id_key` (if any), then its fields.
std::string json_object(const SchemeEntry& e, const char* id_key) {
  std::string out = "{";
  bool first = true;
  if (*id_key != '\0') {
    out += fmt::format("{}: {}", json_quote(id_key), json_quote(e.id));
    first = false;
  }
  for (const SchemeField& f : e.fields) {
    out += fmt::format("{}{}: {}", first ? "" : ", ", json_quote(f.key), json_of(f));
    first = false;
  }
  return out + "}";
}

// The "scheme" object's members: `title` and `grammar` first, as before,
// then the single settings, then the lists, each in scheme_sections() order.
std::string render_scheme(const Scheme& scheme) {
  using Shape = SchemeSection::Shape;
  const std::vector<SchemeEntry> entries = scheme_entries(scheme);
  std::vector<const SchemeSection*> order;
  for (const SchemeSection& s : scheme_sections()) {
    if (s.shape == Shape::kScalar) order.push_back(&s);
  }
  for (const SchemeSection& s : scheme_sections()) {
    if (s.shape != Shape::kScalar) order.push_back(&s);
  }
  std::vector<std::string> members;
  for (const SchemeSection* sp : order) {
    const SchemeSection& section = *sp;
    std::vector<const SchemeEntry*> mine;
    for (const SchemeEntry& e : entries) {
      if (e.section == section.name) mine.push_back(&e);
    }
    std::string m = fmt::format("    {}: ", json_quote(section.json));
    if (section.shape == Shape::kScalar) {
      m += json_of(mine.front()->fields.front());
    } else if (section.shape == Shape::kObject) {
      m += json_object(*mine.front(), "");
    } else if (mine.empty()) {
      m += "[]";
    } else {
      m += "[\n";
      for (std::size_t i = 0; i < mine.size(); ++i) {
        m += "      " + json_object(*mine[i], section.id_key) +
             (i + 1 < mine.size() ? ",\n" : "\n");
      }
      m += "    ]";
    }
    if (std::string(section.name) == "title") {
      members.insert(members.begin(), m);
      members.insert(members.begin() + 1,
                     fmt::format("    \"grammar\": {}", scheme.version));
    } else {
      members.push_back(m);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < members.size(); ++i) {
    out += members[i] + (i + 1 < members.size() ? ",\n" : "\n");
  }
  return out;
}

}  // namespace

std::string render_json(const Evaluation& ev) {
  const Scheme& scheme = ev.scheme;
  std::string out;
  out += "{\n";
  out += fmt::format("  \"schema_version\": {},\n", kJsonSchemaVersion);
  // An interim run only: the day the period was cut (--as-of).
  if (scheme.as_of) out += fmt::format("  \"as_of\": \"{}\",\n", scheme.as_of->to_string());
  out += "  \"scheme\": {\n";
  out += render_scheme(scheme);
  out += "  },\n";
  out += "  \"units\": [\n";
  for (std::size_t i = 0; i < ev.standings.size(); ++i) {
    const Standing& s = ev.standings[i];
    const Unit& u = ev.roster.units[s.unit];
    auto score = [&](int node) {
      const NodeScore& c = ev.sheet.at(s.unit, node);
      return c.applicable ? c.score.format(scheme.precision) : std::string("null");
    };
    out += "    {";
    out += fmt::format("\"rank\": {}, \"unit_id\": {}, \"name\": {}, \"category\": {}, ",
                       s.rank, json_quote(u.id), json_quote(u.name), json_quote(u.category));
    out += fmt::format("\"total\": {}, \"full_marks\": {}, \"grade\": {}, \"flags\": [",
                       ev.sheet.total(s.unit).format(scheme.precision),
                       ev.sheet.full_marks(s.unit).to_string(),
                       s.grade >= 0 ? json_quote(scheme.grades[s.grade].name) : "null");
    for (std::size_t f = 0; f < s.flags.size(); ++f) {
      out += (f ? ", " : "") + json_quote(s.flags[f]);
    }
    out += "]";
    if (!ev.reasons.empty()) out += ", \"reasons\": " + json_quote(ev.reasons[s.unit]);
    if (!ev.near_boundary.empty()) {
      out += ", \"near_boundary\": " + json_quote(ev.near_boundary[s.unit]);
    }
    out += ",\n      \"scores\": {";
    for (std::size_t n = 0; n < scheme.nodes.size(); ++n) {
      out += fmt::format("{}{}: {}", n ? ", " : "", json_quote(scheme.nodes[n].id),
                         score(static_cast<int>(n)));
    }
    out += fmt::format("}}}}{}\n", i + 1 < ev.standings.size() ? "," : "");
  }
  out += "  ]\n";
  out += "}\n";
  return out;
}

}  // namespace kaohe
