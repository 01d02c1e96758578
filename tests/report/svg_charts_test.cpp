// Unit tests for the SVG pieces of the HTML report (report/svg_charts.h):
// positions from exact decimals, text escaped, links and tooltips where
// they belong, nothing drawn for nothing.
#include "report/svg_charts.h"

#include <doctest/doctest.h>

#include <string>

namespace kaohe {
namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos;
       at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// The plot starts at x 200 and is 440 wide (svg_charts.cpp).
constexpr int kPlotX = 200;

}  // namespace

TEST_CASE("svg_count_bars: bar lengths in proportion to the largest count") {
  const std::string svg = svg_count_bars({{"优秀", 4}, {"良好", 2}, {"较差", 0}}, "units per grade");
  CHECK(svg.starts_with("<svg class=\"chart count-bars\""));
  CHECK(svg.ends_with("</svg>"));
  CHECK(has(svg, "aria-label=\"units per grade\""));
  CHECK(has(svg, "width=\"440\" height=\"16\"><title>优秀: 4</title>"));
  CHECK(has(svg, "width=\"220\" height=\"16\"><title>良好: 2</title>"));
  CHECK(has(svg, "width=\"0\" height=\"16\"><title>较差: 0</title>"));
  CHECK(svg_count_bars({}, "none").empty());
}

TEST_CASE("svg charts escape every label and title") {
  const std::string hostile = "<script>alert(1)</script>\"&'";
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;";
  const std::string bars = svg_count_bars({{hostile, 1}}, hostile);
  CHECK_FALSE(has(bars, "<script"));
  CHECK(has(bars, escaped));
  const std::string strip = svg_strip_plot(
      {{hostile, dec("100"), {{hostile, dec("50"), "50.00", "#\"><script>"}}}}, hostile);
  CHECK_FALSE(has(strip, "<script"));
  CHECK(has(strip, "<a href=\"#&quot;&gt;&lt;script&gt;\">"));
  Waterfall w{"full marks", dec("100"), "100", {{hostile, dec("-2"), "-2", hostile, "#u-n1"}},
              "score", dec("98"), "98.00"};
  const std::string fall = svg_waterfall(w, hostile);
  CHECK_FALSE(has(fall, "<script"));
  CHECK(has(fall, escaped));
}

TEST_CASE("svg_strip_plot puts each score on its part's axis, with the median") {
  StripRow row{"目标考核", dec("100"),
               {{"V1", dec("90"), "90.00", "#unit-0"},
                {"V2", dec("50"), "50.00", "#unit-1"},
                {"V3", dec("50"), "50.00", "#unit-2"}}};
  const std::string svg = svg_strip_plot({row}, "spread");
  // 90 of 0..100 over 440 pixels: 396; 50: 220. The second 50 is moved
  // off the first so that both show.
  CHECK(has(svg, "cx=\"" + std::to_string(kPlotX + 396) + "\" cy=\"24\""));
  CHECK(has(svg, "cx=\"" + std::to_string(kPlotX + 220) + "\" cy=\"24\""));
  CHECK(has(svg, "cx=\"" + std::to_string(kPlotX + 220) + "\" cy=\"18\""));
  CHECK(count(svg, "<circle") == 3);
  CHECK(has(svg, "<title>median 50.00</title>"));
  CHECK(has(svg, "<a href=\"#unit-0\"><circle"));
  // The axis' ends: 0 and the full marks.
  CHECK(has(svg, ">0</text>"));
  CHECK(has(svg, ">100</text>"));
  CHECK(svg_strip_plot({}, "none").empty());
}

TEST_CASE("svg_strip_plot widens the axis for a score outside 0..full marks") {
  StripRow row{"加减分", dec("10"), {{"V1", dec("-4.5"), "-4.50", ""}, {"V2", dec("12"), "12.00", ""}}};
  const std::string svg = svg_strip_plot({row}, "spread");
  // The axis runs -5 .. 12: -4.5 at 0.5/17 of 440 (12), 12 at the end.
  CHECK(has(svg, ">-5</text>"));
  CHECK(has(svg, ">12</text>"));
  CHECK(has(svg, "cx=\"" + std::to_string(kPlotX + 12) + "\""));
  CHECK(has(svg, "cx=\"" + std::to_string(kPlotX + 440) + "\""));
  CHECK_FALSE(has(svg, "<a "));  // no href, no link
}

TEST_CASE("svg_waterfall steps from full marks to the score on a cut axis") {
  Waterfall w{"full marks", dec("100"), "100",
              {{"目标考核", dec("-3.6"), "-3.6", "mean self 95 — measures.csv:10,11", "#unit-1-n2"},
               {"加分", dec("1"), "+1", "", "#unit-1-n5"},
               {"述职评议", dec("-1.65"), "-1.65", "", "#unit-1-n7"}},
              "score", dec("95.75"), "95.75"};
  const std::string svg = svg_waterfall(w, "V2");
  // Lowest value 95.75, range 4.25: the axis starts a point below, cut to
  // a whole point (94), and ends at 100.
  CHECK(has(svg, ">94</text>"));
  CHECK(has(svg, ">100</text>"));
  // 100 → 96.4 is a loss from x 640 to 200 + 2.4/6·440 = 376.
  CHECK(has(svg, "<a href=\"#unit-1-n2\"><rect class=\"loss\" x=\"376\""));
  CHECK(has(svg, "width=\"264\""));
  CHECK(has(svg, "<a href=\"#unit-1-n5\"><rect class=\"gain\""));
  CHECK(has(svg, "<title>目标考核 -3.6\nmean self 95 — measures.csv:10,11</title>"));
  CHECK(count(svg, "class=\"total\"") == 2);
  CHECK(count(svg, "class=\"connector\"") == 4);
  CHECK(has(svg, ">95.75</text>"));
}

TEST_CASE("svg_waterfall of a unit without losses still draws its two bars") {
  Waterfall w{"full marks", dec("100"), "100", {}, "score", dec("100"), "100.00"};
  const std::string svg = svg_waterfall(w, "full");
  CHECK(count(svg, "class=\"total\"") == 2);
  CHECK(has(svg, ">99</text>"));  // cut a point below
  CHECK_FALSE(has(svg, "class=\"loss\""));
}

TEST_CASE("svg_change_bars: losses left of zero, gains right, longest the largest") {
  const std::string svg = svg_change_bars(
      {{"V2", dec("-1.45"), "-1.45", "#change-0"}, {"V3", dec("0.25"), "+0.25", "#change-2"}},
      "changes");
  // Zero at 200 + 220 = 420; -1.45 is the largest: 220 long, to the left.
  CHECK(has(svg, "<a href=\"#change-0\"><rect class=\"loss\" x=\"200\""));
  CHECK(has(svg, "width=\"220\""));
  // 0.25 / 1.45 · 220 = 37.9 → 37, to the right of zero.
  CHECK(has(svg, "<rect class=\"gain\" x=\"420\" y=\"29\" width=\"37\""));
  CHECK(svg_change_bars({}, "none").empty());
}

}  // namespace kaohe
