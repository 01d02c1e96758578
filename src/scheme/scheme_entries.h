// The scheme as comparable entries: every key of the grammar (DESIGN.md §2)
// as printed text, grouped by what it belongs to — a node, a grade, a gate,
// a quota, … or a single setting (precision, period, …). `score -O json`
// writes them (the `scheme` object) and `diff` compares them, so a saved
// result and a freshly loaded scheme describe themselves the same way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scheme/model.h"

namespace kaohe {

// One key of an entry. `value` absent: the key is not set (JSON null,
// printed "-"); a list is never absent, an empty one prints "-".
struct SchemeField {
  enum class Type { kText, kNumber, kBool, kList };
  std::string key;  // the JSON member name; empty for a single setting
  Type type = Type::kText;
  std::optional<std::string> value;  // kText, kNumber (a JSON literal), kBool
  std::vector<std::string> items;    // kList

  // The printed form compared by diff: the value, the items joined by
  // ", ", or "-" when not set or empty.
  std::string text() const;
};

// A node, a grade, a gate, … or one setting. Every entry of a section made
// by scheme_entries() carries every key of that section; an entry read from
// an older saved result may lack some, which diff then does not compare.
struct SchemeEntry {
  std::string section;  // a SchemeSection::name: "node", "grade", …
  std::string id;       // identity within the section; empty for a setting
  std::vector<SchemeField> fields;

  // The field named `key`, or nullptr.
  const SchemeField* field(const std::string& key) const;
};

// How a section is written in the JSON `scheme` object.
struct SchemeSection {
  enum class Shape {
    kList,    // "nodes": [{"id": …, fields…}, …]
    kObject,  // "ranking": {fields…}: one entry, id empty
    kScalar,  // "precision": 2: one entry, id empty, one field with key ""
  };
  const char* name;    // "node": the section of SchemeEntry
  const char* json;    // "nodes": the member of the JSON scheme object
  const char* id_key;  // kList: the member holding the id ("id", "name")
  Shape shape;
  bool ordered;        // the order of the entries means something
};

// Every section, in the order diff lists their changes and JSON writes them.
const std::vector<SchemeSection>& scheme_sections();
// The section called `name`, or nullptr.
const SchemeSection* find_scheme_section(const std::string& name);

// Every key of `scheme`, section by section in scheme_sections() order,
// entries in the scheme's order (nodes parents first, as Scheme::nodes).
// Ids: node id, grade/category/quota grade name, flag id, gate condition
// ("review<80" for a node gate, "flag veto" for a flag gate).
std::vector<SchemeEntry> scheme_entries(const Scheme& scheme);

}  // namespace kaohe
