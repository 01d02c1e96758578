// Unit tests for choose_table_width and size_from_env (cli/table_width.h):
// --width wins, a pipe or a file has no limit, COLUMNS wins over what the
// terminal says.
#include "cli/table_width.h"

#include <doctest/doctest.h>

#include <initializer_list>

namespace kaohe {

TEST_CASE("size_from_env takes a positive number of at most 6 digits") {
  CHECK(size_from_env(nullptr) == 0);
  CHECK(size_from_env("") == 0);
  CHECK(size_from_env("80") == 80);
  CHECK(size_from_env("0") == 0);
  CHECK(size_from_env("999999") == 999999);
  CHECK(size_from_env("1000000") == 0);
  for (const char* bad : {"-80", "+80", "80 ", " 80", "8O", "0x50", "80.0"}) {
    CHECK(size_from_env(bad) == 0);
  }
}

TEST_CASE("choose_table_width: --width N decides wherever the table goes") {
  CHECK(choose_table_width(60, true, "100", 120) == 60);
  CHECK(choose_table_width(60, false, nullptr, 0) == 60);
  CHECK(choose_table_width(0, true, "100", 120) == 0);  // no limit
}

TEST_CASE("choose_table_width: no limit off a terminal, COLUMNS or not") {
  CHECK(choose_table_width(-1, false, nullptr, 0) == 0);
  CHECK(choose_table_width(-1, false, "80", 0) == 0);
}

TEST_CASE("choose_table_width: on a terminal, COLUMNS, else its own width") {
  CHECK(choose_table_width(-1, true, "100", 120) == 100);
  CHECK(choose_table_width(-1, true, nullptr, 120) == 120);
  CHECK(choose_table_width(-1, true, "wide", 120) == 120);
  CHECK(choose_table_width(-1, true, nullptr, 0) == 0);  // it does not say
}

}  // namespace kaohe
