// The charts of the HTML report as inline SVG, drawn by kaohe itself
// (issue 20; DESIGN.md §4 "HTML report"): the grade distribution, each
// part's spread across units, a unit's waterfall from full marks to its
// total, and diff's changes of total. The caller gives plain data, every
// number shown already formatted as the table formats it; positions are
// computed here in integer millionths of a point (Decimal units), never in
// binary floating point, so the bytes do not depend on the platform or the
// locale. Every text is escaped here (html_escape); hrefs are the caller's
// own anchors ("#unit-3") and escaped too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.h"

namespace kaohe {

// One bar of a count chart: "优秀" and how many units have it.
struct CountBar {
  std::string label;
  int count = 0;
};

// Horizontal bars, one per entry in the order given, each as long as its
// count relative to the largest, the count written after it. `title` is
// the chart's accessible name. Empty `bars`: "".
std::string svg_count_bars(const std::vector<CountBar>& bars, std::string_view title);

// One unit's score on one row of a strip plot.
struct StripDot {
  std::string label;       // "V2 西村党支部", shown as the dot's tooltip
  Decimal value;
  std::string value_text;  // as the table shows it
  std::string href;        // where the dot links to; "" for no link
};

// One row of a strip plot: a part and the scores of the units it applies to.
struct StripRow {
  std::string label;  // the part's name
  Decimal full_marks; // the axis runs from min(0, lowest) to max(full, highest)
  std::vector<StripDot> dots;
};

// One row per part with a dot per unit on the part's own axis, the axis'
// ends labelled, and a tick at the median unit's score (the lower middle
// one of an even count). Dots of equal value are spread vertically in
// turn so that none hides another. Empty `rows`: "".
std::string svg_strip_plot(const std::vector<StripRow>& rows, std::string_view title);

// One step of a waterfall: what one item did to the total.
struct WaterfallStep {
  std::string label;        // the item's name
  Decimal effect;           // for the drawing only (rounded to millionths)
  std::string effect_text;  // as explain shows it: "-3.6", "≈-0.33"
  std::string tooltip;      // the explain lines with their file:line, one a line
  std::string href;         // the anchor listing the step's input rows
};

// A unit's way from full marks to its total.
struct Waterfall {
  std::string start_label;  // "full marks"
  Decimal start;
  std::string start_text;
  std::vector<WaterfallStep> steps;
  std::string end_label;    // "total"
  Decimal end;
  std::string end_text;
};

// Horizontal waterfall: the start bar, one floating bar per step from the
// running value (losses red, gains green) with thin connectors, and the
// end bar. The axis is cut to the range the bars move in (its left end is
// labelled) so that a loss of 0.4 of 100 stays visible. The end bar is
// drawn at `end` whatever the steps add up to (the caller checks that its
// explanation adds up, and says so on the page when it does not).
std::string svg_waterfall(const Waterfall& w, std::string_view title);

// One unit's change of total, for diff.
struct ChangeBar {
  std::string label;
  Decimal change;
  std::string change_text;  // "+0.25", as diff's table shows it
  std::string href;
};

// Bars to the left (down) or right (up) of a zero line, one per unit in
// the order given. Empty `bars`: "".
std::string svg_change_bars(const std::vector<ChangeBar>& bars, std::string_view title);

}  // namespace kaohe
