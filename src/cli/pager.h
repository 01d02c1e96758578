// The pager (issue 20): a table taller or wider than the terminal goes
// through $PAGER, as git does. Whether, and which, is decided by a pure
// function of the situation (choose_pager, unit-tested without a
// terminal); write_paged then runs it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/table_width.h"

namespace kaohe {

struct PagerSituation {
  bool terminal = false;          // the text goes to standard output, a terminal
  bool no_pager = false;          // --no-pager
  const char* pager = nullptr;    // $PAGER; null when unset
  const char* term = nullptr;     // $TERM
  const char* less = nullptr;     // $LESS
  const char* lv = nullptr;       // $LV
  const char* lesscharset = nullptr;  // $LESSCHARSET
  TerminalSize size;              // of the terminal; 0 when unknown
  int text_lines = 0;             // lines of the text
  int text_width = 0;             // display width of its widest line
};

struct PagerChoice {
  std::string command;  // run as `/bin/sh -c COMMAND`; empty: no pager
  // Set in the pager's environment, each only when the user has not set
  // it: git's LESS=FRX and LV=-c, and LESSCHARSET=utf-8 (kaohe writes
  // UTF-8 under every locale; less under LC_ALL=C would show <E7><BA>).
  std::vector<std::pair<std::string, std::string>> env;
};

// No pager when standard output is not a terminal, with --no-pager, when
// TERM is unset, empty or "dumb" (less cannot draw there), when PAGER is
// set but empty or "cat", or when the text fits: fewer lines than the
// terminal has rows and no line wider than it (a size the terminal does
// not say counts as fitting, so that an unknown terminal is never left
// waiting in a pager). Else $PAGER, or "less" when PAGER is unset — with
// LESS=FRX when LESS is unset: quit at once when the text fits a screen
// (-F), pass colours (-R), leave the text on the screen (-X).
PagerChoice choose_pager(const PagerSituation& s);

// The number of lines of `text` and the display width of its widest, not
// counting ANSI colour escapes (ESC [ … m).
std::pair<int, int> text_extent(const std::string& text);

// Writes `text` to standard output, through `choice.command` when it names
// one: SIGPIPE, SIGINT and SIGQUIT are ignored until the pager ends (q in
// less before the end is no error; ^C is the pager's), and kaohe waits for
// it. A pager that cannot be run (the shell's exit 126 or 127: not found)
// gets the text written directly instead. Errors as write_output.
void write_paged(const std::string& text, const PagerChoice& choice);

// Writes text for people (the score table, the explain tree, the diff
// table) to `output`: a file as write_output does; standard output ("-")
// through the pager when it is a terminal and choose_pager says so, from
// PAGER, TERM, LESS, LV, LESSCHARSET, the terminal's size — LINES and
// COLUMNS, when positive numbers, win over it — and `no_pager`.
void write_for_people(const std::string& output, const std::string& text, bool no_pager);

}  // namespace kaohe
