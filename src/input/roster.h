// The scored population, read from units.csv: unit ids, names and optional
// categories, with a fast lookup by id for the event and measure readers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "input/text_decoder.h"

namespace kaohe {

struct Unit {
  std::string id;
  std::string name;
  std::string category;  // empty without a category column
  int line = 0;          // where units.csv lists it
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

struct Roster {
  std::string file;
  std::vector<Unit> units;  // in file order
  bool has_categories = false;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> index;

  // Position of the unit with this exact id, or -1.
  int find(std::string_view id) const {
    auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  }
  int size() const { return static_cast<int>(units.size()); }
};

// Reads units.csv (`unit_id,name[,category]`, columns by header name, extra
// columns ignored). Every problem (missing column, empty or duplicate id)
// is collected; throws kaohe::Error 65 listing them all, 66 when the file
// cannot be opened. An empty roster (header only) is valid. `encoding`:
// the file's text encoding (a byte-order mark wins).
Roster load_roster(const std::string& path,
                   Encoding encoding = Encoding::kUtf8);

}  // namespace kaohe
