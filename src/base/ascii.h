// ASCII case folding for names that are matched exactly but compared
// ignoring case in hints (file extensions, CSV column names, keys).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace kaohe {

// `c` in lower case when it is an ASCII capital letter, else `c`.
constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when `a` and `b` are equal but for the case of ASCII letters.
constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// `s` with ASCII capital letters in lower case; other bytes unchanged.
inline std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace kaohe
