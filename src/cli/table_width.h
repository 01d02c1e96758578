// The width the terminal table is fitted to (issue 20), decided here from
// --width, the environment and the terminal, and handed to the renderer as
// a plain number (renderers never look at the terminal).
#pragma once

namespace kaohe {

// Rows and columns of a terminal; 0 when unknown.
struct TerminalSize {
  int rows = 0;
  int columns = 0;
};

// The size of the terminal on `fd` (ioctl TIOCGWINSZ); zeros when `fd` is
// not a terminal or the terminal does not say (script(1) with no terminal
// of its own, some serial consoles).
TerminalSize terminal_size(int fd);

// A positive whole number of at most 6 digits from the environment
// (COLUMNS, LINES), or 0 when `value` is null, empty or anything else.
int size_from_env(const char* value);

// The width to fit the table into, 0 for no limit:
//   `option` ≥ 0 (--width N; -1 when not given): N — 0 is no limit;
//   else, when the table does not go to a terminal (`to_terminal` false: a
//   pipe, a file, -o FILE): no limit, so that files and scripts get every
//   column, and the bytes of before;
//   else COLUMNS when it is a positive number (`columns_env`; POSIX: it
//   overrides the terminal's own idea), else `terminal_columns` (0: no
//   limit, the terminal does not say).
int choose_table_width(int option, bool to_terminal, const char* columns_env,
                       int terminal_columns);

}  // namespace kaohe
