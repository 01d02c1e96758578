// A small strict JSON reader for kaohe's own saved results: objects,
// arrays, strings, numbers (kept as their exact text), true/false/null.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kaohe {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // kString: the decoded string; kNumber: the literal
  std::vector<JsonValue> items;
  // kObject: member names and values, in document order, as two parallel
  // vectors (a vector of pairs holding JsonValue needs the complete type,
  // which clang 14 with libstdc++ 12 refuses inside the class).
  std::vector<std::string> member_names;
  std::vector<JsonValue> member_values;
  int line = 0;

  // The member named `key`, or nullptr.
  const JsonValue* get(std::string_view key) const;
};

// Parses `text` (from `file`). Throws kaohe::Error 65 with file:line on
// malformed JSON; nesting deeper than 64 is malformed too.
JsonValue parse_json(const std::string& file, const std::string& text);

}  // namespace kaohe
