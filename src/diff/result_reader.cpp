// Saved JSON results → Snapshot.
#include "diff/result_reader.h"

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "diff/json_value.h"
#include "report/render.h"
#include "scheme/yaml_tree.h"

namespace kaohe {
namespace {

[[noreturn]] void bad(const std::string& path, int line, const std::string& what) {
  throw Error(kExitDataErr,
              Diagnostic{path, line, 0, Severity::kError,
                         trf("not a kaohe result: {}", what), "",
                         tr("diff reads files written by 'kaohe score -O json'")});
}

const JsonValue& member(const std::string& path, const JsonValue& obj,
                        const char* key, JsonValue::Kind kind) {
  const JsonValue* v = obj.get(key);
  if (v == nullptr) bad(path, obj.line, trf("missing \"{}\"", key));
  if (v->kind != kind) bad(path, v->line, trf("\"{}\" has the wrong type", key));
  return *v;
}

std::optional<Decimal> number(const std::string& path, const JsonValue& v) {
  if (v.kind == JsonValue::Kind::kNull) return std::nullopt;
  if (v.kind != JsonValue::Kind::kNumber) bad(path, v.line, tr("a score is not a number"));
  auto d = Decimal::parse(v.text);
  if (!d) bad(path, v.line, trf("score {} is not a plain decimal", v.text));
  return d;
}

// A member of a scheme entry as a field: strings, numbers (in Decimal's
// shortest form, so "100.0" reads as 100), booleans, null (not set) and
// lists of strings.
SchemeField field_of(const std::string& path, const std::string& key, const JsonValue& v) {
  using Kind = JsonValue::Kind;
  using Type = SchemeField::Type;
  switch (v.kind) {
    case Kind::kNull: return {key, Type::kText, std::nullopt, {}};
    case Kind::kString: return {key, Type::kText, v.text, {}};
    case Kind::kBool: return {key, Type::kBool, std::string(v.boolean ? "true" : "false"), {}};
    case Kind::kNumber: {
      auto d = Decimal::parse(v.text);
      return {key, Type::kNumber, d ? d->to_string() : v.text, {}};
    }
    case Kind::kArray: {
      SchemeField f{key, Type::kList, std::nullopt, {}};
      for (const JsonValue& item : v.items) {
        if (item.kind != Kind::kString) {
          bad(path, item.line, trf("\"{}\" holds a value that is not a string", key));
        }
        f.items.push_back(item.text);
      }
      return f;
    }
    case Kind::kObject: break;
  }
  bad(path, v.line, trf("\"{}\" has the wrong type", key));
}

// The scheme's keys, section by section (scheme_sections): a section the
// file does not have is unknown, as in results saved by an older kaohe.
void read_scheme_entries(const std::string& path, const JsonValue& scheme, Snapshot& snap) {
  using Kind = JsonValue::Kind;
  using Shape = SchemeSection::Shape;
  auto fields_of = [&](const JsonValue& obj, const std::string& skip) {
    std::vector<SchemeField> fields;
    for (std::size_t m = 0; m < obj.member_names.size(); ++m) {
      if (obj.member_names[m] == skip) continue;
      fields.push_back(field_of(path, obj.member_names[m], obj.member_values[m]));
    }
    return fields;
  };
  for (const SchemeSection& section : scheme_sections()) {
    const JsonValue* v = scheme.get(section.json);
    if (v == nullptr) continue;
    snap.known_sections.push_back(section.name);
    if (section.shape == Shape::kScalar) {
      snap.scheme.push_back({section.name, "", {field_of(path, "", *v)}});
    } else if (section.shape == Shape::kObject) {
      if (v->kind != Kind::kObject) {
        bad(path, v->line, trf("\"{}\" has the wrong type", section.json));
      }
      snap.scheme.push_back({section.name, "", fields_of(*v, "")});
    } else {
      if (v->kind != Kind::kArray) {
        bad(path, v->line, trf("\"{}\" has the wrong type", section.json));
      }
      for (const JsonValue& item : v->items) {
        if (item.kind != Kind::kObject) {
          bad(path, item.line, trf("an entry of \"{}\" is not an object", section.json));
        }
        std::string id = member(path, item, section.id_key, Kind::kString).text;
        snap.scheme.push_back({section.name, std::move(id), fields_of(item, section.id_key)});
      }
    }
  }
}

}  // namespace

bool looks_like_json_result(const std::string& text) {
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

namespace {

Snapshot read_snapshot(const std::string& path, const std::string& text) {
  using Kind = JsonValue::Kind;
  JsonValue root = parse_json(path, text);
  if (root.kind != Kind::kObject) bad(path, 1, tr("the top level is not an object"));
  const JsonValue& version = member(path, root, "schema_version", Kind::kNumber);
  if (version.text != std::to_string(kJsonSchemaVersion)) {
    bad(path, version.line,
        trf("schema_version {} (this kaohe reads {})", version.text,
                    kJsonSchemaVersion));
  }
  Snapshot snap;
  snap.source = path;
  if (const JsonValue* a = root.get("as_of"); a && a->kind == Kind::kString) {
    snap.as_of = a->text;
  }
  const JsonValue& scheme = member(path, root, "scheme", Kind::kObject);
  if (const JsonValue* t = scheme.get("title"); t && t->kind == Kind::kString) {
    snap.title = t->text;
  }
  const JsonValue& precision = member(path, scheme, "precision", Kind::kNumber);
  snap.precision = precision.text.size() == 1 ? precision.text[0] - '0' : 2;
  for (const JsonValue& n : member(path, scheme, "nodes", Kind::kArray).items) {
    if (n.kind != Kind::kObject) bad(path, n.line, tr("a node is not an object"));
    SnapshotNode node;
    node.id = member(path, n, "id", Kind::kString).text;
    node.name = member(path, n, "name", Kind::kString).text;
    if (const JsonValue* p = n.get("parent"); p && p->kind == Kind::kString) {
      node.parent = p->text;
    }
    snap.nodes.push_back(std::move(node));
  }
  if (snap.nodes.empty()) bad(path, scheme.line, tr("the scheme has no nodes"));
  read_scheme_entries(path, scheme, snap);
  for (const JsonValue& u : member(path, root, "units", Kind::kArray).items) {
    if (u.kind != Kind::kObject) bad(path, u.line, tr("a unit is not an object"));
    SnapshotUnit unit;
    unit.unit_id = member(path, u, "unit_id", Kind::kString).text;
    unit.name = member(path, u, "name", Kind::kString).text;
    if (const JsonValue* c = u.get("category"); c && c->kind == Kind::kString) {
      unit.category = c->text;
    }
    unit.total = number(path, member(path, u, "total", Kind::kNumber));
    const JsonValue& rank = member(path, u, "rank", Kind::kNumber);
    unit.rank = std::atoi(rank.text.c_str());
    if (const JsonValue* g = u.get("grade"); g && g->kind == Kind::kString) {
      unit.grade = g->text;
    }
    if (const JsonValue* f = u.get("flags"); f && f->kind == Kind::kArray) {
      for (const JsonValue& x : f->items) unit.flags.push_back(x.text);
    }
    const JsonValue& scores = member(path, u, "scores", Kind::kObject);
    unit.scores.resize(snap.nodes.size());
    for (std::size_t m = 0; m < scores.member_names.size(); ++m) {
      const std::string& id = scores.member_names[m];
      const JsonValue& v = scores.member_values[m];
      int n = snap.find_node(id);
      if (n < 0) bad(path, v.line, trf("score for unknown node \"{}\"", id));
      unit.scores[n] = number(path, v);
    }
    snap.units.push_back(std::move(unit));
  }
  return snap;
}

}  // namespace

Snapshot read_result(const std::string& path, const std::string& text) {
  try {
    return read_snapshot(path, text);
  } catch (const Error& e) {
    // Show the offending line under each diagnostic, as for every input.
    std::vector<Diagnostic> ds = e.diagnostics();
    for (Diagnostic& d : ds) {
      if (d.line > 0 && d.source_line.empty()) d.source_line = line_of(text, d.line);
    }
    throw Error(e.exit_code(), std::move(ds));
  }
}

}  // namespace kaohe
