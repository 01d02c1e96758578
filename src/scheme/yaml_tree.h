// A plain, safe document tree read from YAML text: mappings, sequences and
// string scalars with their positions. It is the only place that talks to
// yaml-cpp. Anchors, aliases, tags, duplicate keys, several documents and
// runaway nesting are rejected here, before any scheme logic sees the text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scheme/model.h"

namespace kaohe {

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  SourcePos pos;                  // 1-based
  std::string scalar;             // kScalar: the text, never interpreted
  bool quoted = false;            // kScalar: written in quotes
  std::vector<std::unique_ptr<YamlNode>> items;  // kSequence
  // kMap, in document order; keys are scalars.
  std::vector<std::pair<std::unique_ptr<YamlNode>, std::unique_ptr<YamlNode>>> entries;

  bool is_map() const { return kind == Kind::kMap; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_null() const { return kind == Kind::kNull; }
  // The value for `key` in a map, or nullptr.
  const YamlNode* get(std::string_view key) const;
  // "mapping", "list", "text", "nothing": for messages.
  const char* kind_name() const;
};

inline constexpr int kMaxYamlDepth = 64;
inline constexpr std::size_t kMaxSchemeBytes = 4 << 20;

// Parses `text` (the contents of `file`). Throws kaohe::Error (exit 65) with
// `file:line:col` diagnostics for syntax errors and every rejected
// construct. `lines` of the text are used to show the offending line.
std::unique_ptr<YamlNode> parse_yaml(const std::string& file,
                                     const std::string& text);

// The `n`th line (1-based) of `text`, without its line ending.
std::string line_of(const std::string& text, int n);

}  // namespace kaohe
