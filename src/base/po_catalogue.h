// Reading a gettext PO file (the catalogue format of po/zh_CN/*.po) into
// its translated entries. Only what kaohe's catalogue uses: msgctxt,
// msgid, msgstr, strings continued over lines, the escapes \n \t \" \\,
// and the fuzzy flag. Plural forms are an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

struct PoEntry {
  std::string context;  // msgctxt; empty: none
  std::string id;       // msgid
  std::string text;     // msgstr
  bool fuzzy = false;   // "#, fuzzy": gettext does not use it
};

struct PoParse {
  std::vector<PoEntry> entries;  // in file order, the header (id "") too
  std::vector<std::string> errors;  // "LINE: what was wrong"
};

PoParse parse_po(std::string_view text);

}  // namespace kaohe
