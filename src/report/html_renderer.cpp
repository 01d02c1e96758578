// The score and explain pages of the HTML report (report/html_renderer.h).
#include "report/html_renderer.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/html_page.h"
#include "report/html_text.h"
#include "report/html_unit.h"
#include "report/result_rows.h"
#include "report/svg_charts.h"

namespace kaohe {
namespace {

// The anchor of a unit's section: by roster position, so that any unit id
// (spaces, quotes, CJK) gives a valid, unique id.
std::string unit_anchor(int unit) { return fmt::format("unit-{}", unit); }

// The page's title: the scheme's, else a plain one.
std::string page_title(const Evaluation& ev, std::string_view what) {
  const std::string& title = ev.scheme.title;
  return title.empty() ? std::string("kaohe ") + std::string(what)
                       : title + " — " + std::string(what);
}

// The heading: title, period (as of an interim date), the number of units.
std::string heading(const Evaluation& ev, std::string_view what) {
  const Scheme& s = ev.scheme;
  std::string out = "<header>\n<h1>" + html_escape(page_title(ev, what)) + "</h1>\n";
  std::vector<std::string> meta;
  if (s.period) {
    meta.push_back("period " + s.period->from.to_string() + " to " + s.period->to.to_string());
  }
  if (s.as_of) meta.push_back("as of " + s.as_of->to_string() + " (interim)");
  meta.push_back(fmt::format("{} units", ev.roster.units.size()));
  if (!s.source.empty()) meta.push_back("source: " + s.source);
  out += "<p class=\"meta\">" + html_escape(fmt::format("{}", fmt::join(meta, " · "))) +
         "</p>\n</header>\n";
  return out;
}

// The value a row carries for a filter, and the option choosing it: "v:"
// and the text, so that no text (an empty one included) is "", which
// means "all".
std::string filter_value(std::string_view text) {
  return "v:" + html_escape(text);
}

// A <select> filtering the table's rows by `key` among `values`.
std::string filter(std::string_view key, std::string_view label,
                   const std::vector<std::string>& values) {
  std::string out = fmt::format("<label>{} <select data-filter=\"{}\"><option value=\"\">all"
                                "</option>",
                                html_escape(label), html_escape(key));
  for (const std::string& v : values) {
    out += fmt::format("<option value=\"{}\">{}</option>", filter_value(v),
                       v.empty() ? "(none)" : html_escape(v));
  }
  return out + "</select></label>\n";
}

// The ranked table, its cells those of the terminal table (result_rows).
std::string ranked_table(const Evaluation& ev) {
  const ResultRows r = result_rows(ev, "-");
  const std::vector<int> cols = shown_columns(ev, r);
  std::string out = "<section id=\"table\">\n<h2>Ranked table</h2>\n<div class=\"filters\">\n";
  if (ev.roster.has_categories) {
    std::vector<std::string> categories;
    for (const Unit& u : ev.roster.units) {
      if (std::find(categories.begin(), categories.end(), u.category) == categories.end()) {
        categories.push_back(u.category);
      }
    }
    out += filter("category", "category", categories);
  }
  if (!ev.scheme.grades.empty()) {
    std::vector<std::string> grades;
    for (const Grade& g : ev.scheme.grades) grades.push_back(g.name);
    if (std::any_of(ev.standings.begin(), ev.standings.end(),
                    [](const Standing& s) { return s.grade < 0; })) {
      grades.emplace_back();
    }
    out += filter("grade", "grade", grades);
  }
  out += fmt::format("<span id=\"shown-count\">{0} of {0} units shown</span>\n</div>\n",
                     ev.standings.size());
  out += "<div class=\"table-wrap\"><table id=\"results\">\n<thead><tr>";
  for (int c : cols) {
    out += fmt::format("<th{}><button type=\"button\">{}</button></th>",
                       r.numeric[c] ? " class=\"num\"" : "", html_escape(r.titles[c]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const Standing& s = ev.standings[i];
    const Unit& unit = ev.roster.units[s.unit];
    const std::string grade = s.grade >= 0 ? ev.scheme.grades[s.grade].name : std::string();
    out += fmt::format("<tr data-order=\"{}\" data-category=\"{}\" data-grade=\"{}\">", i,
                       filter_value(unit.category), filter_value(grade));
    for (int c : cols) {
      const std::string& id = r.ids[c];
      const std::string& cell = r.rows[i][c];
      const std::string cls = r.numeric[c] ? " class=\"num\""
                              : id == "flags" || id == "reasons" || id == "grade"
                                  ? " class=\"" + id + "\""
                                  : std::string();
      const std::string text =
          id == "unit_id" ? fmt::format("<a href=\"#{}\">{}</a>", unit_anchor(s.unit),
                                        html_escape(cell))
                          : html_escape(cell);
      out += "<td" + cls + ">" + text + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n</section>\n";
}

// How many units have each grade, in the scheme's order.
std::string grade_distribution(const Evaluation& ev) {
  const Scheme& scheme = ev.scheme;
  if (scheme.grades.empty()) return {};
  std::vector<CountBar> bars;
  for (const Grade& g : scheme.grades) bars.push_back({g.name, 0});
  int none = 0;
  for (const Standing& s : ev.standings) {
    if (s.grade >= 0) {
      ++bars[static_cast<std::size_t>(s.grade)].count;
    } else {
      ++none;
    }
  }
  if (none > 0) bars.push_back({"(no grade)", none});
  return "<section id=\"grades\">\n<h2>Grade distribution</h2>\n" +
         svg_count_bars(bars, "units per grade") + "\n</section>\n";
}

// Each part's scores across the units it applies to, then the total's.
std::string spreads(const Evaluation& ev, const std::vector<Explanation>& explained) {
  const Scheme& scheme = ev.scheme;
  const int p = scheme.precision;
  std::vector<StripRow> rows;
  for (int part : scheme.parts()) {
    StripRow row;
    row.label = scheme.nodes[part].name;
    for (const Standing& s : ev.standings) {
      const NodeScore& score = ev.sheet.at(s.unit, part);
      if (!score.applicable) continue;
      const Unit& unit = ev.roster.units[s.unit];
      row.full_marks = std::max(row.full_marks, score.full_marks);
      row.dots.push_back({unit.id + " " + unit.name, score.score, score.score.format(p),
                          "#" + unit_anchor(s.unit)});
    }
    rows.push_back(std::move(row));
  }
  StripRow total;
  total.label = ev.header == Evaluation::Header::kChinese ? "总分" : "total";
  for (std::size_t i = 0; i < ev.standings.size(); ++i) {
    const Standing& s = ev.standings[i];
    const Unit& unit = ev.roster.units[s.unit];
    const Decimal t = ev.sheet.total(s.unit);
    total.full_marks = std::max(total.full_marks, explained[i].full_marks);
    total.dots.push_back({unit.id + " " + unit.name, t, t.format(p), "#" + unit_anchor(s.unit)});
  }
  rows.push_back(std::move(total));
  return "<section id=\"spread\">\n<h2>Spread of each part across units</h2>\n"
         "<p class=\"note\">one dot per unit on the part's own scale; the bar is the "
         "median</p>\n" +
         svg_strip_plot(rows, "scores of each part across units") + "\n</section>\n";
}

}  // namespace

std::string render_score_html(const Evaluation& ev, const std::vector<Explanation>& explained) {
  std::string body = heading(ev, "results");
  body += "<nav class=\"no-print\"><a href=\"#table\">ranked table</a>";
  if (!ev.scheme.grades.empty()) body += "<a href=\"#grades\">grades</a>";
  body += "<a href=\"#spread\">spread</a><a href=\"#units\">each unit</a></nav>\n";
  body += ranked_table(ev);
  body += grade_distribution(ev);
  body += spreads(ev, explained);
  body += "<section id=\"units\">\n<h2>Each unit, from full marks to its score</h2>\n"
          "<p class=\"note\">each bar is one item's effect on the total, as "
          "<code>kaohe explain</code> gives it; a bar links to the input rows behind "
          "it</p>\n";
  for (const Explanation& ex : explained) {
    body += html_unit_section(ev, ex, unit_anchor(ex.unit), UnitDetail::kRows);
  }
  body += "</section>\n";
  return html_page(page_title(ev, "results"), body);
}

std::string render_explain_html(const Evaluation& ev, const std::vector<Explanation>& explained) {
  std::string body = heading(ev, "explain");
  for (const Explanation& ex : explained) {
    body += html_unit_section(ev, ex, unit_anchor(ex.unit), UnitDetail::kTree);
  }
  return html_page(page_title(ev, "explain"), body);
}

}  // namespace kaohe
