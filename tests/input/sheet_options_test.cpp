// Unit tests of the sheet options: --delimiter and --skip values, which
// files a --skip NAME=N names, and the -v description of a file's form.
#include "input/sheet_options.h"

#include <doctest/doctest.h>

namespace kaohe {
namespace {

TEST_CASE("--delimiter takes a name or the character") {
  CHECK(parse_delimiter(",") == ',');
  CHECK(parse_delimiter("comma") == ',');
  CHECK(parse_delimiter("TAB") == '\t');
  CHECK(parse_delimiter("\t") == '\t');
  CHECK(parse_delimiter(";") == ';');
  CHECK(parse_delimiter("Semicolon") == ';');
  CHECK_FALSE(parse_delimiter("|"));
  CHECK_FALSE(parse_delimiter(""));
  CHECK_FALSE(parse_delimiter("tabs"));
}

TEST_CASE("--skip takes N or NAME=N, N from 0 to 100") {
  CHECK(parse_skip("1") == std::pair<std::string, int>{"", 1});
  CHECK(parse_skip("0") == std::pair<std::string, int>{"", 0});
  CHECK(parse_skip("units.csv=2") == std::pair<std::string, int>{"units.csv", 2});
  // The last '=' splits: a name may hold one.
  CHECK(parse_skip("a=b.csv=3") == std::pair<std::string, int>{"a=b.csv", 3});
  CHECK_FALSE(parse_skip("-1"));
  CHECK_FALSE(parse_skip("101"));
  CHECK_FALSE(parse_skip("1x"));
  CHECK_FALSE(parse_skip(""));
  CHECK_FALSE(parse_skip("units.csv="));
  CHECK_FALSE(parse_skip("=2"));
  CHECK_FALSE(parse_skip(" 2"));
}

TEST_CASE("a file's skip: its own by name or path, else every file's") {
  SheetOptions s;
  CHECK(s.skip_for("data/units.csv") == -1);
  s.skip = 1;
  s.skip_files = {{"units.csv", 2}, {"data/events.csv", 0}};
  CHECK(s.skip_for("data/units.csv") == 2);
  CHECK(s.skip_for("units.csv") == 2);
  CHECK(s.skip_for("data/events.csv") == 0);
  CHECK(s.skip_for("other/events.csv") == 1);  // the path names data/ only
  CHECK(s.skip_for("data/measures.csv") == 1);
  CHECK(s.skip_for("data/units.csv.bak") == 1);
}

TEST_CASE("-v describes how a file was read") {
  SheetForm f;
  CHECK(describe(f) == "UTF-8, comma-separated");
  f.encoding = "GB18030";
  f.delimiter = '\t';
  f.title_rows = 1;
  CHECK(describe(f) == "GB18030, tab-separated, 1 title row skipped");
  f.delimiter = ';';
  f.delimiter_forced = true;
  f.title_rows = 0;
  f.title_forced = true;
  f.empty_rows = 2;
  f.empty_columns = 1;
  CHECK(describe(f) == "GB18030, semicolon-separated (--delimiter), 0 title rows skipped "
                       "(--skip), 2 empty rows and 1 unnamed column at the end ignored");
  f = SheetForm{};
  f.empty_columns = 3;
  CHECK(describe(f) == "UTF-8, comma-separated, 3 unnamed columns at the end ignored");
}

}  // namespace
}  // namespace kaohe
