// Reading PO files (src/base/po_catalogue.h).
#include "base/po_catalogue.h"

#include <doctest/doctest.h>

namespace kaohe {

TEST_CASE("parse_po reads entries, continuations, escapes and the fuzzy flag") {
  PoParse p = parse_po(
      "# a comment\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "#: src/a.cpp:1\n"
      "msgid \"unknown item \\\"{}\\\"\"\n"
      "msgstr \"未知的事项“{}”\"\n"
      "\n"
      "#, fuzzy\n"
      "msgid \"two\\n\"\n"
      "\"lines\"\n"
      "msgstr \"\"\n"
      "\"两\\t行\"\n"
      "\n"
      "msgctxt \"header\"\n"
      "msgid \"rank\"\n"
      "msgstr \"排名\"\n");
  REQUIRE(p.errors.empty());
  REQUIRE(p.entries.size() == 4);
  CHECK(p.entries[0].id.empty());
  CHECK(p.entries[0].text == "Content-Type: text/plain; charset=UTF-8\n");
  CHECK(p.entries[1].id == "unknown item \"{}\"");
  CHECK(p.entries[1].text == "未知的事项“{}”");
  CHECK_FALSE(p.entries[1].fuzzy);
  CHECK(p.entries[2].id == "two\nlines");
  CHECK(p.entries[2].text == "两\t行");
  CHECK(p.entries[2].fuzzy);
  CHECK(p.entries[3].context == "header");
  CHECK(p.entries[3].id == "rank");
  CHECK_FALSE(p.entries[3].fuzzy);
}

TEST_CASE("parse_po reports what it cannot read, by line") {
  CHECK(parse_po("msgid \"a\"\n\nmsgstr \"b\"\n").errors ==
        std::vector<std::string>{"2: msgid without msgstr", "3: msgstr without msgid"});
  CHECK(parse_po("msgid \"a\nmsgstr \"b\"\n").errors ==
        std::vector<std::string>{"1: msgid is not one quoted string"});
  CHECK(parse_po("msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n").errors.size() == 3);
  CHECK(parse_po("\"orphan\"\n").errors ==
        std::vector<std::string>{"1: a string continues nothing"});
  CHECK(parse_po("msgid \"a\\q\"\nmsgstr \"b\"\n").errors ==
        std::vector<std::string>{"1: msgid is not one quoted string"});
}

TEST_CASE("parse_po skips obsolete entries") {
  PoParse p = parse_po("#~ msgid \"old\"\n#~ msgstr \"旧\"\n\nmsgid \"a\"\nmsgstr \"甲\"\n");
  REQUIRE(p.errors.empty());
  REQUIRE(p.entries.size() == 1);
  CHECK(p.entries[0].id == "a");
}

}  // namespace kaohe
