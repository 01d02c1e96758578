// The table's width: --width, COLUMNS, the terminal.
#include "cli/table_width.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace kaohe {

TerminalSize terminal_size(int fd) {
  struct winsize ws {};
  if (::isatty(fd) != 1 || ::ioctl(fd, TIOCGWINSZ, &ws) != 0) return {};
  return {ws.ws_row, ws.ws_col};
}

int size_from_env(const char* value) {
  if (value == nullptr || *value == '\0') return 0;
  int n = 0;
  for (const char* p = value; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9' || p - value >= 6) return 0;
    n = n * 10 + (*p - '0');
  }
  return n;
}

int choose_table_width(int option, bool to_terminal, const char* columns_env,
                       int terminal_columns) {
  if (option >= 0) return option;
  if (!to_terminal) return 0;
  if (int columns = size_from_env(columns_env); columns > 0) return columns;
  return terminal_columns > 0 ? terminal_columns : 0;
}

}  // namespace kaohe
