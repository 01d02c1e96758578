// Unit tests for choose_pager and text_extent (cli/pager.h): whether the
// table goes through a pager, decided from the situation alone — no
// terminal needed.
#include "cli/pager.h"

#include <doctest/doctest.h>

#include <initializer_list>

#include <string>
#include <utility>
#include <vector>

namespace kaohe {
namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

// A 24 × 80 xterm and a table of 30 lines, 70 columns: too long.
PagerSituation tall_table() {
  PagerSituation s;
  s.terminal = true;
  s.term = "xterm-256color";
  s.size = {24, 80};
  s.text_lines = 30;
  s.text_width = 70;
  return s;
}

}  // namespace

TEST_CASE("choose_pager: less with LESS=FRX, LV=-c, LESSCHARSET=utf-8 when PAGER is unset") {
  const PagerChoice c = choose_pager(tall_table());
  CHECK(c.command == "less");
  CHECK(c.env == Env{{"LESS", "FRX"}, {"LV", "-c"}, {"LESSCHARSET", "utf-8"}});
}

TEST_CASE("choose_pager: $PAGER, and the user's own LESS, LV and LESSCHARSET are kept") {
  PagerSituation s = tall_table();
  s.pager = "most -s";
  s.less = "-S";
  s.lv = "";
  s.lesscharset = "latin1";
  const PagerChoice c = choose_pager(s);
  CHECK(c.command == "most -s");
  CHECK(c.env.empty());
}

TEST_CASE("choose_pager: a table wider than the terminal is paged too") {
  PagerSituation s = tall_table();
  s.text_lines = 5;
  s.text_width = 81;
  CHECK(choose_pager(s).command == "less");
  s.text_width = 80;
  CHECK(choose_pager(s).command.empty());
}

TEST_CASE("choose_pager: a table that fits the screen is printed directly") {
  PagerSituation s = tall_table();
  s.text_lines = 23;  // and the prompt after it
  CHECK(choose_pager(s).command.empty());
  s.text_lines = 24;
  CHECK(choose_pager(s).command == "less");
}

TEST_CASE("choose_pager: no pager off a terminal, nor with --no-pager") {
  PagerSituation s = tall_table();
  s.terminal = false;
  CHECK(choose_pager(s).command.empty());
  s = tall_table();
  s.no_pager = true;
  CHECK(choose_pager(s).command.empty());
}

TEST_CASE("choose_pager: PAGER=cat or empty means none") {
  PagerSituation s = tall_table();
  for (const char* none : {"cat", ""}) {
    s.pager = none;
    CHECK(choose_pager(s).command.empty());
  }
}

TEST_CASE("choose_pager: none when TERM is unset, empty or dumb") {
  PagerSituation s = tall_table();
  for (const char* term : {static_cast<const char*>(nullptr), "", "dumb"}) {
    s.term = term;
    CHECK(choose_pager(s).command.empty());
  }
}

TEST_CASE("choose_pager: a terminal that does not say its size is not paged") {
  PagerSituation s = tall_table();
  s.size = {0, 0};
  s.text_lines = 5000;
  s.text_width = 500;
  CHECK(choose_pager(s).command.empty());
  s.size = {0, 80};  // rows unknown, columns known: only the width counts
  CHECK(choose_pager(s).command == "less");
}

TEST_CASE("text_extent counts lines and display width, not colour escapes") {
  CHECK(text_extent("") == std::pair{0, 0});
  CHECK(text_extent("ab\n") == std::pair{1, 2});
  CHECK(text_extent("ab\n目标考核\n") == std::pair{2, 8});
  CHECK(text_extent("\x1b[1mrank  total\x1b[0m\n\x1b[32m优秀\x1b[0m\n") == std::pair{2, 11});
  CHECK(text_extent("no newline at the end") == std::pair{1, 21});
}

}  // namespace kaohe
