// The diff page of the HTML report (report/html_renderer.h): units that
// moved, as bars and as a table, and the scheme's changes, numbers as
// diff's table shows them.
#include <fmt/format.h>

#include "report/diff_renderer.h"
#include "report/html_page.h"
#include "report/html_renderer.h"
#include "report/html_text.h"
#include "report/svg_charts.h"

namespace kaohe {
namespace {

std::string num(const std::optional<Decimal>& d, int precision) {
  return d ? d->format(precision) : std::string("-");
}

std::string rank_text(int rank) { return rank ? std::to_string(rank) : std::string("-"); }

// "▲ 2" for a unit two places up, "▼ 1" down, "" when it stays or is on
// one side only. Ranks count from 1 at the top: a smaller rank is up.
std::string move_text(const UnitChange& c) {
  if (!c.old_rank || !c.new_rank || c.old_rank == c.new_rank) return {};
  return c.new_rank < c.old_rank ? fmt::format("▲ {}", c.old_rank - c.new_rank)
                                 : fmt::format("▼ {}", c.new_rank - c.old_rank);
}

std::string parts_text(const UnitChange& c, const ResultDiff& d) {
  if (c.only_old) return "only in the old result";
  if (c.only_new) return "only in the new result";
  std::string out;
  for (const PartChange& p : c.parts) {
    if (!out.empty()) out += "; ";
    out += p.id + " " + num(p.old_score, d.old_precision) + " → " + num(p.new_score, d.precision);
  }
  return out;
}

std::string units_table(const ResultDiff& d) {
  std::string out =
      "<div class=\"table-wrap\"><table id=\"results\">\n<thead><tr>"
      "<th><button type=\"button\">unit</button></th>"
      "<th><button type=\"button\">name</button></th>"
      "<th><button type=\"button\">category</button></th>"
      "<th class=\"num\"><button type=\"button\">old total</button></th>"
      "<th class=\"num\"><button type=\"button\">new total</button></th>"
      "<th class=\"num\"><button type=\"button\">change</button></th>"
      "<th class=\"num\"><button type=\"button\">old rank</button></th>"
      "<th class=\"num\"><button type=\"button\">new rank</button></th>"
      "<th><button type=\"button\">moved</button></th>"
      "<th><button type=\"button\">old grade</button></th>"
      "<th><button type=\"button\">new grade</button></th>"
      "<th><button type=\"button\">parts that moved</button></th>"
      "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < d.units.size(); ++i) {
    const UnitChange& c = d.units[i];
    const std::string move = move_text(c);
    const char* cls = move.empty() ? "" : c.new_rank < c.old_rank ? " class=\"up\"" : " class=\"down\"";
    const bool regraded = c.old_grade != c.new_grade;
    const char* grade_cls = regraded ? " class=\"grade-changed\"" : "";
    out += fmt::format(
        "<tr id=\"change-{}\" data-order=\"{}\"{}><td>{}</td><td>{}</td><td>{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"move\">{}</td>"
        "<td{}>{}</td><td{}>{}</td><td>{}</td></tr>\n",
        i, i, cls, html_escape(c.unit_id), html_escape(c.name), html_escape(c.category),
        num(c.old_total, d.old_precision), num(c.new_total, d.precision),
        html_escape(total_change_text(c, d)), rank_text(c.old_rank), rank_text(c.new_rank),
        move, grade_cls, html_escape(c.old_grade), grade_cls, html_escape(c.new_grade),
        html_escape(parts_text(c, d)));
  }
  return out + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string render_diff_html(const ResultDiff& d, std::string_view old_name,
                             std::string_view new_name) {
  std::string body = "<header>\n<h1>kaohe diff</h1>\n<p class=\"meta\">" +
                     html_escape(old_name) + " → " + html_escape(new_name) + "</p>\n</header>\n";
  int up = 0, down = 0, regraded = 0;
  for (const UnitChange& c : d.units) {
    if (c.old_rank && c.new_rank && c.new_rank < c.old_rank) ++up;
    if (c.old_rank && c.new_rank && c.new_rank > c.old_rank) ++down;
    if (c.old_grade != c.new_grade) ++regraded;
  }
  body += fmt::format("<p class=\"summary\">{} units changed: {} moved up, {} moved down, {} "
                      "changed grade; {} scheme changes</p>\n",
                      d.units.size(), up, down, regraded, d.scheme.size());
  body += "<section id=\"units\">\n<h2>Units that changed</h2>\n";
  if (d.units.empty()) {
    body += "<p class=\"note\">no unit changed</p>\n";
  } else {
    std::vector<ChangeBar> bars;
    for (std::size_t i = 0; i < d.units.size(); ++i) {
      const UnitChange& c = d.units[i];
      // Units whose total stayed (a rank or grade moved) have no bar.
      if (!c.old_total || !c.new_total || *c.old_total == *c.new_total) continue;
      bars.push_back({c.unit_id + " " + c.name, *c.new_total - *c.old_total,
                      total_change_text(c, d), fmt::format("#change-{}", i)});
    }
    body += svg_change_bars(bars, "change of total per unit") + "\n";
    body += units_table(d);
  }
  body += "</section>\n<section id=\"scheme\">\n<h2>Scheme changes</h2>\n";
  if (d.scheme.empty()) {
    body += "<p class=\"note\">the schemes do not differ</p>\n";
  } else {
    body += "<ul class=\"scheme-changes\">\n";
    for (const SchemeChange& c : d.scheme) {
      body += "<li><code>" + html_escape(scheme_line(c)) + "</code></li>\n";
    }
    body += "</ul>\n";
  }
  if (!d.not_compared.empty()) {
    body += "<p class=\"note\">not compared (a saved result does not record them): " +
            html_escape(fmt::format("{}", fmt::join(d.not_compared, ", "))) + "</p>\n";
  }
  body += "</section>\n";
  return html_page("kaohe diff", body);
}

}  // namespace kaohe
