// Stable JSON output (SPEC §9): schema_version, the scheme tree, and every
// node's printed score for every unit, so that `diff` can read it back.
// Field names are documented in DESIGN.md; scores are JSON numbers written
// with exactly the scheme's precision.
#include <fmt/format.h>

#include "report/json_text.h"

#include "report/render.h"

namespace kaohe {
namespace {


}  // namespace

std::string render_json(const Evaluation& ev) {
  const Scheme& scheme = ev.scheme;
  std::string out;
  out += "{\n";
  out += fmt::format("  \"schema_version\": {},\n", kJsonSchemaVersion);
  out += "  \"scheme\": {\n";
  out += fmt::format("    \"title\": {},\n", json_quote(scheme.title));
  out += fmt::format("    \"grammar\": {},\n", scheme.version);
  out += fmt::format("    \"precision\": {},\n", scheme.precision);
  out += "    \"nodes\": [\n";
  for (std::size_t i = 0; i < scheme.nodes.size(); ++i) {
    const Node& n = scheme.nodes[i];
    out += fmt::format(
        "      {{\"id\": {}, \"name\": {}, \"parent\": {}, \"points\": {}, "
        "\"weight\": {}, \"rule\": {}}}{}\n",
        json_quote(n.id), json_quote(n.name),
        n.parent >= 0 ? json_quote(scheme.nodes[n.parent].id) : "null",
        n.points ? n.points->to_string() : "null",
        n.weight ? json_quote(n.weight_text) : "null", json_quote(describe_rule(n.rule)),
        i + 1 < scheme.nodes.size() ? "," : "");
  }
  out += "    ],\n";
  out += "    \"grades\": [";
  for (std::size_t g = 0; g < scheme.grades.size(); ++g) {
    const Grade& grade = scheme.grades[g];
    out += fmt::format("{}{{\"name\": {}, \"min\": {}}}", g ? ", " : "",
                       json_quote(grade.name),
                       grade.min ? grade.min->to_string() : "null");
  }
  out += "]\n";
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
