// Inline SVG charts of the HTML report (report/svg_charts.h): integer
// geometry from Decimal millionths, text escaped, classes styled by the
// page's stylesheet (report/html_style.cpp).
#include "report/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

#include "report/html_text.h"

namespace kaohe {
namespace {

// The columns every chart shares: labels, the plot, the values.
constexpr int kLabelWidth = 200;
constexpr int kPlotWidth = 440;
constexpr int kValueWidth = 100;
constexpr int kWidth = kLabelWidth + kPlotWidth + kValueWidth;
constexpr int kRow = 22;

// The pixel offset of `v` on an axis from `lo` to `hi` (millionths) drawn
// over `width` pixels; values outside are clamped to the ends.
std::int64_t offset(std::int64_t v, std::int64_t lo, std::int64_t hi, int width) {
  if (hi <= lo) return 0;
  v = std::clamp(v, lo, hi);
  // (v - lo) ≤ hi - lo; both are at most a few 10^12 and width < 10^4, so
  // the product fits in 64 bits.
  return (v - lo) * width / (hi - lo);
}

std::string open_svg(int height, std::string_view title, std::string_view kind) {
  const std::string t = html_escape(title);
  return fmt::format(
      "<svg class=\"chart {}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
      "aria-label=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">"
      "<title>{}</title>\n",
      kind, t, kWidth, height, kWidth, height, t);
}

// `inner` inside a link to `href`, or as it is when `href` is empty.
std::string linked(const std::string& href, const std::string& inner) {
  if (href.empty()) return inner;
  return "<a href=\"" + html_escape(href) + "\">" + inner + "</a>";
}

// A label right-aligned before the plot, on the row whose middle is `y`.
std::string row_label(const std::string& label, std::int64_t y) {
  return fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                     kLabelWidth - 8, y + 4, html_escape(label));
}

// A value written after the plot.
std::string row_value(const std::string& text, std::int64_t y) {
  return fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                     kLabelWidth + kPlotWidth + 8, y + 4, html_escape(text));
}

// A tooltip of several lines: each escaped, joined by newlines (which a
// browser shows as line breaks).
std::string escape_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    out += html_escape(text.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (nl == std::string_view::npos) return out;
    out += '\n';
    start = nl + 1;
  }
}

// Floor of `units` to whole points.
std::int64_t floor_points(std::int64_t units) {
  std::int64_t q = units / Decimal::kOne;
  if (units % Decimal::kOne != 0 && units < 0) --q;
  return q * Decimal::kOne;
}

// Ceiling of `units` to whole points.
std::int64_t ceil_points(std::int64_t units) { return -floor_points(-units); }

}  // namespace

std::string svg_count_bars(const std::vector<CountBar>& bars, std::string_view title) {
  if (bars.empty()) return {};
  int most = 0;
  for (const CountBar& b : bars) most = std::max(most, b.count);
  const int height = static_cast<int>(bars.size()) * kRow + 8;
  std::string out = open_svg(height, title, "count-bars");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const std::int64_t top = 4 + static_cast<std::int64_t>(i) * kRow;
    const std::int64_t mid = top + kRow / 2;
    const std::int64_t length = most == 0 ? 0 : std::int64_t{bars[i].count} * kPlotWidth / most;
    out += row_label(bars[i].label, mid);
    out += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                       "<title>{}: {}</title></rect>\n",
                       kLabelWidth, top + 3, length, kRow - 6, html_escape(bars[i].label),
                       bars[i].count);
    out += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                       kLabelWidth + length + 6, mid + 4, bars[i].count);
  }
  return out + "</svg>";
}

std::string svg_strip_plot(const std::vector<StripRow>& rows, std::string_view title) {
  if (rows.empty()) return {};
  constexpr int kStripRow = 46;
  const int height = static_cast<int>(rows.size()) * kStripRow + 6;
  std::string out = open_svg(height, title, "strip-plot");
  // Equal values are spread over these vertical offsets, in turn.
  constexpr std::array<int, 5> kJitter{0, -6, 6, -12, 12};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const StripRow& row = rows[i];
    const std::int64_t axis = 6 + static_cast<std::int64_t>(i) * kStripRow + 18;
    std::int64_t lo = 0;
    std::int64_t hi = row.full_marks.units();
    for (const StripDot& d : row.dots) {
      lo = std::min(lo, d.value.units());
      hi = std::max(hi, d.value.units());
    }
    lo = floor_points(lo);
    hi = ceil_points(hi);
    if (hi <= lo) hi = lo + Decimal::kOne;
    out += row_label(row.label, axis);
    out += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                       kLabelWidth, axis, kLabelWidth + kPlotWidth, axis);
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\">{}</text>"
                       "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       kLabelWidth, axis + 24, Decimal::from_units(lo).to_string(),
                       kLabelWidth + kPlotWidth, axis + 24,
                       Decimal::from_units(hi).to_string());
    std::map<std::int64_t, int> seen;
    for (const StripDot& d : row.dots) {
      const int k = seen[d.value.units()]++;
      const std::int64_t x = kLabelWidth + offset(d.value.units(), lo, hi, kPlotWidth);
      const std::int64_t y = axis + kJitter[static_cast<std::size_t>(k) % kJitter.size()];
      out += linked(d.href, fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"4\">"
                                        "<title>{}: {}</title></circle>",
                                        x, y, html_escape(d.label), html_escape(d.value_text)));
      out += "\n";
    }
    if (!row.dots.empty()) {
      std::vector<const StripDot*> sorted;
      for (const StripDot& d : row.dots) sorted.push_back(&d);
      std::stable_sort(sorted.begin(), sorted.end(), [](const StripDot* a, const StripDot* b) {
        return a->value < b->value;
      });
      const StripDot& median = *sorted[(sorted.size() - 1) / 2];
      const std::int64_t x = kLabelWidth + offset(median.value.units(), lo, hi, kPlotWidth);
      out += fmt::format("<line class=\"median\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\">"
                         "<title>median {}</title></line>\n",
                         x, axis - 16, x, axis + 16, html_escape(median.value_text));
      out += row_value("median " + median.value_text, axis);
    }
  }
  return out + "</svg>";
}

std::string svg_waterfall(const Waterfall& w, std::string_view title) {
  // The running value before each step, and the range they all lie in.
  std::vector<std::int64_t> running{w.start.units()};
  for (const WaterfallStep& s : w.steps) running.push_back(running.back() + s.effect.units());
  std::int64_t low = std::min(w.end.units(), *std::min_element(running.begin(), running.end()));
  std::int64_t hi = std::max(w.end.units(), *std::max_element(running.begin(), running.end()));
  // Cut the axis a fifth of the range (at least a point) below the lowest
  // value, at a whole point, never below 0 when nothing is below 0.
  std::int64_t lo = low - std::max((hi - low) / 5, Decimal::kOne);
  if (low >= 0 && lo < 0) lo = 0;
  lo = floor_points(lo);
  hi = ceil_points(hi);
  if (hi <= lo) hi = lo + Decimal::kOne;
  auto x_of = [&](std::int64_t v) { return kLabelWidth + offset(v, lo, hi, kPlotWidth); };

  const int rows = static_cast<int>(w.steps.size()) + 2;
  const int height = rows * kRow + 28;
  std::string out = open_svg(height, title, "waterfall");
  auto bar = [&](std::int64_t top, std::int64_t a, std::int64_t b, std::string_view cls,
                 const std::string& tip) {
    const std::int64_t x1 = std::min(x_of(a), x_of(b));
    const std::int64_t x2 = std::max(x_of(a), x_of(b));
    return fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                       "<title>{}</title></rect>",
                       cls, x1, top + 3, std::max<std::int64_t>(x2 - x1, 1), kRow - 6,
                       escape_lines(tip));
  };
  std::int64_t top = 4;
  out += row_label(w.start_label, top + kRow / 2);
  out += bar(top, lo, w.start.units(), "total", w.start_label + ": " + w.start_text) + "\n";
  out += row_value(w.start_text, top + kRow / 2);
  for (std::size_t i = 0; i < w.steps.size(); ++i) {
    const WaterfallStep& s = w.steps[i];
    const std::int64_t from = running[i];
    const std::int64_t to = running[i + 1];
    const std::int64_t next = top + kRow;
    out += fmt::format("<line class=\"connector\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                       x_of(from), top + kRow - 3, x_of(from), next + 3);
    top = next;
    const std::string tip = s.label + " " + s.effect_text +
                            (s.tooltip.empty() ? std::string() : "\n" + s.tooltip);
    out += row_label(s.label, top + kRow / 2);
    out += linked(s.href, bar(top, from, to, to < from ? "loss" : "gain", tip)) + "\n";
    out += row_value(s.effect_text, top + kRow / 2);
  }
  const std::int64_t next = top + kRow;
  out += fmt::format("<line class=\"connector\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                     x_of(running.back()), top + kRow - 3, x_of(running.back()), next + 3);
  top = next;
  out += row_label(w.end_label, top + kRow / 2);
  out += bar(top, lo, w.end.units(), "total", w.end_label + ": " + w.end_text) + "\n";
  out += row_value(w.end_text, top + kRow / 2);
  const std::int64_t axis = top + kRow + 4;
  out += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                     kLabelWidth, axis, kLabelWidth + kPlotWidth, axis);
  out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\">{}</text>"
                     "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                     kLabelWidth, axis + 14, Decimal::from_units(lo).to_string(),
                     kLabelWidth + kPlotWidth, axis + 14, Decimal::from_units(hi).to_string());
  return out + "</svg>";
}

std::string svg_change_bars(const std::vector<ChangeBar>& bars, std::string_view title) {
  if (bars.empty()) return {};
  std::int64_t most = 0;
  for (const ChangeBar& b : bars) {
    most = std::max(most, b.change.units() < 0 ? -b.change.units() : b.change.units());
  }
  const int half = kPlotWidth / 2;
  const int zero = kLabelWidth + half;
  const int height = static_cast<int>(bars.size()) * kRow + 8;
  std::string out = open_svg(height, title, "change-bars");
  out += fmt::format("<line class=\"axis\" x1=\"{}\" y1=\"2\" x2=\"{}\" y2=\"{}\"/>\n", zero,
                     zero, height - 2);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChangeBar& b = bars[i];
    const std::int64_t top = 4 + static_cast<std::int64_t>(i) * kRow;
    const std::int64_t size = b.change.units() < 0 ? -b.change.units() : b.change.units();
    const std::int64_t length = most == 0 ? 0 : size * half / most;
    const bool down = b.change.units() < 0;
    out += row_label(b.label, top + kRow / 2);
    out += linked(b.href,
                  fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                              "<title>{}: {}</title></rect>",
                              down ? "loss" : "gain", down ? zero - length : zero, top + 3,
                              std::max<std::int64_t>(length, 1), kRow - 6,
                              html_escape(b.label), html_escape(b.change_text)));
    out += "\n" + row_value(b.change_text, top + kRow / 2);
  }
  return out + "</svg>";
}

}  // namespace kaohe
