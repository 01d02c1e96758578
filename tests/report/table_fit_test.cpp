// Unit tests for fit_table (report/table_fit.h): a table that fits is left
// as it is; else part headers wrap, text wraps, part headers are
// shortened and parts dropped, each only when needed, and rank, unit,
// total and grade are never touched.
#include "report/table_fit.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kaohe {
namespace {

using Lines = std::vector<std::string>;

FitColumn fixed(std::string title, int cells) { return {std::move(title), cells, FitRole::kFixed, 0}; }
FitColumn text(std::string title, int cells, int min) {
  return {std::move(title), cells, FitRole::kWrap, min};
}
FitColumn part(std::string title, int cells) { return {std::move(title), cells, FitRole::kPart, 0}; }

// rank, unit, name, three parts, total, grade: party-building's table
// (90 columns wide as it is).
std::vector<FitColumn> party_building() {
  return {fixed("rank", 1),          fixed("unit", 2),   text("name", 10, 12),
          part("目标考核", 5),        part("民主测评", 5), part("述职评议", 5),
          fixed("total", 5),         fixed("grade", 4),  text("flags", 11, 8)};
}

}  // namespace

TEST_CASE("table_width adds the widths and the gaps of shown columns") {
  CHECK(table_width({}) == 0);
  CHECK(table_width({4}) == 4);
  CHECK(table_width({4, 0, 5}) == 11);
  CHECK(table_width({4, 4, 10, 8, 8, 8, 5, 5, 11}) == 79);
}

TEST_CASE("fit_table leaves a table that fits, or has no limit, as it is") {
  for (int width : {0, 79, 200}) {
    const TableFit fit = fit_table(party_building(), width);
    CHECK(fit.width == std::vector<int>{4, 4, 10, 8, 8, 8, 5, 5, 11});
    CHECK(fit.header_lines == 1);
    CHECK(fit.header[3] == Lines{"目标考核"});
    CHECK(fit.dropped.empty());
    CHECK(fit.shortened.empty());
    CHECK_FALSE(fit.overflow);
  }
}

TEST_CASE("fit_table wraps part headers first, the largest saving first") {
  // 79 → 75: two headers of 8 onto two lines of 4 ("目标"/"考核"), the
  // columns then as wide as their cells (5).
  const TableFit fit = fit_table(party_building(), 75);
  CHECK(fit.width == std::vector<int>{4, 4, 10, 5, 5, 8, 5, 5, 11});
  CHECK(fit.header[3] == Lines{"目标", "考核"});
  CHECK(fit.header[5] == Lines{"述职评议"});
  CHECK(fit.header_lines == 2);
  CHECK(fit.dropped.empty());
  CHECK(fit.shortened.empty());
}

TEST_CASE("fit_table wraps text next, the widest first, down to its minimum") {
  // Every header wrapped (70), then flags from 11 to 8; name is narrower
  // than its minimum already.
  const TableFit fit = fit_table(party_building(), 67);
  CHECK(fit.width == std::vector<int>{4, 4, 10, 5, 5, 5, 5, 5, 8});
  CHECK(table_width(fit.width) == 67);
  CHECK(fit.dropped.empty());
  CHECK(fit.shortened.empty());
}

TEST_CASE("fit_table shortens part headers before it drops a part") {
  std::vector<FitColumn> cols = {fixed("rank", 2), fixed("unit", 3), part("纳入议事日程和目标管理", 5),
                                 part("责任落实", 5), fixed("total", 6)};
  // As it is: 4 + 4 + 22 + 8 + 6 + 8 = 52. Wrapped onto two lines, the
  // first header needs 12; shortened it may go down to 6.
  TableFit fit = fit_table(cols, 40);
  CHECK(fit.width == std::vector<int>{4, 4, 12, 5, 6});
  CHECK(fit.header[2] == Lines{"纳入议事日程", "和目标管理"});
  CHECK(fit.shortened.empty());

  fit = fit_table(cols, 35);
  CHECK(fit.width == std::vector<int>{4, 4, 8, 5, 6});
  CHECK(fit.header[2] == Lines{"纳入议事", "日程和.."});
  CHECK(fit.shortened == std::vector<int>{2});
  CHECK(fit.dropped.empty());
}

TEST_CASE("fit_table drops the last parts, never rank, unit, total or grade") {
  // Two parts: 60 at the narrowest; one: 53.
  const TableFit fit = fit_table(party_building(), 53);
  CHECK(fit.dropped == std::vector<int>{4, 5});
  CHECK(fit.width[4] == 0);
  CHECK(fit.width[5] == 0);
  CHECK(fit.header[4].empty());
  for (int c : {0, 1, 6, 7}) CHECK(fit.width[static_cast<std::size_t>(c)] > 0);
  CHECK(table_width(fit.width) == 53);
  CHECK_FALSE(fit.overflow);
}

TEST_CASE("fit_table keeps as many parts as fit") {
  TableFit fit = fit_table(party_building(), 60);
  CHECK(fit.dropped == std::vector<int>{5});
  CHECK(table_width(fit.width) == 60);
  // With the parts gone, flags need not wrap.
  fit = fit_table(party_building(), 50);
  CHECK(fit.dropped == std::vector<int>{3, 4, 5});
  CHECK(fit.width[8] == 11);
}

TEST_CASE("fit_table says so when even the narrowest table is too wide") {
  const TableFit fit = fit_table(party_building(), 20);
  CHECK(fit.overflow);
  CHECK(fit.dropped == std::vector<int>{3, 4, 5});
  CHECK(fit.width == std::vector<int>{4, 4, 10, 0, 0, 0, 5, 5, 8});
  CHECK(fit.header[2] == Lines{"name"});
}

TEST_CASE("fit_table wraps the header of a wrapped column") {
  std::vector<FitColumn> cols = {fixed("rank", 2), text("largest losses", 30, 10)};
  const TableFit fit = fit_table(cols, 16);
  CHECK(fit.width == std::vector<int>{4, 10});
  CHECK(fit.header[1] == Lines{"largest", "losses"});
  CHECK(fit.shortened.empty());
}

}  // namespace kaohe
