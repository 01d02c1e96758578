// Unit tests for template sheets as workbooks: what is written is what
// kaohe reads back, cell for cell, as text.
#include "scaffold/template_workbook.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "input/sheet_text.h"

namespace kaohe {

TEST_CASE("a template workbook reads back as the CSV text it was made from") {
  char name[] = "/tmp/kaohe-template-XXXXXX.xlsx";
  const int fd = ::mkstemps(name, 5);
  REQUIRE(fd >= 0);
  ::close(fd);
  const std::string csv =
      "单位,项目,数值,单位名称\n007,目标考核,,\"城关镇, 东区\"\n007,述职评议,,\"说 \"\"好\"\"\"\n";
  REQUIRE(write_template_workbook(csv, "measures", name) == "");
  FilePtr f = open_sheet_file(name);
  SheetText text = open_sheet(name, f.get(), SheetOptions{});
  CHECK(text.reader->name() == std::string(name) + ":measures");
  std::vector<std::vector<std::string>> rows;
  CsvRow row;
  bool first = true;
  while (text.reader->next(row)) {
    if (first) text.reader->use_header(row);
    first = false;
    rows.emplace_back(row.fields.begin(), row.fields.end());
  }
  std::remove(name);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"单位", "项目", "数值", "单位名称"});
  // The id keeps its leading zeros: a text cell, not the number 7.
  CHECK(rows[1] == std::vector<std::string>{"007", "目标考核", "", "城关镇, 东区"});
  CHECK(rows[2] == std::vector<std::string>{"007", "述职评议", "", "说 \"好\""});
}

}  // namespace kaohe
