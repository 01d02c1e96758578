// Reading a gettext PO file into entries.
#include "base/po_catalogue.h"

#include <fmt/format.h>

namespace kaohe {
namespace {

// The quoted string at the start of `s` ("..." with escapes), appended to
// `out`. False when `s` is not one string and nothing else.
bool read_quoted(std::string_view s, std::string& out) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if (c == '"') return false;  // an unescaped quote inside
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i + 2 >= s.size()) return false;  // a backslash before the closing quote
    char e = s[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      default: return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

PoParse parse_po(std::string_view text) {
  PoParse result;
  PoEntry entry;
  bool has_id = false, has_str = false, fuzzy_flag = false;
  std::string* target = nullptr;  // the string a continuation line extends
  auto finish = [&]() {
    if (has_id && has_str) result.entries.push_back(std::move(entry));
    entry = PoEntry{};
    has_id = has_str = false;
    target = nullptr;
  };
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    auto fail = [&](std::string what) {
      result.errors.push_back(fmt::format("{}: {}", line_no, what));
    };
    if (line.empty()) {
      if (has_id && !has_str) fail("msgid without msgstr");
      finish();
      fuzzy_flag = false;
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) {
        fuzzy_flag = true;
      }
      if (line.starts_with("#~")) target = nullptr;  // obsolete: ignored
      continue;
    }
    std::string_view keyword = line.substr(0, line.find_first_of(" \t"));
    std::string_view rest = trim(line.substr(keyword.size()));
    if (line[0] == '"') {
      if (!target || !read_quoted(line, *target)) fail("a string continues nothing");
      continue;
    }
    if (keyword == "msgctxt" || keyword == "msgid") {
      if (has_str) finish();
      if (keyword == "msgid" && has_id) {
        fail("two msgids in one entry");
        continue;
      }
      entry.fuzzy = fuzzy_flag;
      std::string& s = keyword == "msgctxt" ? entry.context : entry.id;
      if (keyword == "msgid") has_id = true;
      if (!read_quoted(rest, s)) fail(fmt::format("{} is not one quoted string", keyword));
      target = &s;
      continue;
    }
    if (keyword == "msgstr") {
      if (!has_id) fail("msgstr without msgid");
      has_str = true;
      if (!read_quoted(rest, entry.text)) fail("msgstr is not one quoted string");
      target = &entry.text;
      fuzzy_flag = false;
      continue;
    }
    if (keyword == "msgid_plural" || keyword.starts_with("msgstr[")) {
      fail("plural forms are not supported; write the message without them");
      target = nullptr;
      continue;
    }
    fail(fmt::format("unknown keyword '{}'", keyword));
  }
  if (has_id && !has_str) {
    result.errors.push_back(fmt::format("{}: msgid without msgstr", line_no));
  }
  finish();
  return result;
}

}  // namespace kaohe
