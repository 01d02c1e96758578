// A unit's section of the HTML pages (report/html_unit.h): its waterfall
// and the explain lines behind it, numbers as `explain` shows them.
#include "report/html_unit.h"

#include <fmt/format.h>

#include <functional>

#include "report/explain_renderer.h"
#include "report/html_text.h"

namespace kaohe {
namespace {

// The sum of the effects of a node's own lines, and whether any has one.
std::optional<Rational> own_effect(const ExplainNode& n) {
  std::optional<Rational> sum;
  for (const ExplainLine& l : n.lines) {
    if (l.effect) sum = sum.value_or(Rational()) + *l.effect;
  }
  return sum;
}

// "measures.csv:10,11 ref" — where a line comes from.
std::string source_of(const ExplainLine& l) {
  std::string s = l.source;
  if (!l.ref.empty()) s += (s.empty() ? "" : " ") + l.ref;
  return s;
}

std::string node_title(const Evaluation& ev, const ExplainNode& n) {
  const Node& node = ev.scheme.nodes[n.node];
  return node.name + " (" + node.id + ")";
}

// The steps' explain lines, each step an item anchored for its bar.
std::string rows_list(const Evaluation& ev, const Explanation& ex, std::string_view anchor) {
  const int p = ev.scheme.precision;
  std::string out = "<ol class=\"rows\">\n";
  std::function<void(const ExplainNode&)> walk = [&](const ExplainNode& n) {
    const std::optional<Rational> sum = own_effect(n);
    if (sum && !sum->is_zero()) {
      out += fmt::format("<li id=\"{}-n{}\"><b>{}</b> {} on the total<ul>\n",
                         html_escape(anchor), n.node, html_escape(node_title(ev, n)),
                         html_escape(readable_effect(*sum, p)));
      for (const ExplainLine& l : n.lines) {
        out += "<li>" + html_escape(l.text);
        const std::string src = source_of(l);
        if (!src.empty()) out += " <code>" + html_escape(src) + "</code>";
        if (l.effect) out += " " + html_escape(readable_effect(*l.effect, p));
        out += "</li>\n";
      }
      out += "</ul></li>\n";
    }
    for (const ExplainNode& c : n.children) walk(c);
  };
  walk(ex.root);
  return out + "</ol>\n";
}

// The explain tree as rows of a table, as the text tree lays it out.
void tree_rows(const Evaluation& ev, const ExplainNode& n, int depth, const ExplainNode* part,
               std::string_view anchor, std::string& out) {
  const int p = ev.scheme.precision;
  const std::string indent =
      fmt::format(" style=\"padding-left:calc(0.5em + {} * 1.2em)\"", depth);
  const std::string score = n.applicable
                                ? n.score.format(p) + " / " + n.full_marks.to_string()
                                : std::string("not applicable");
  const std::optional<Rational> sum = own_effect(n);
  const std::string id = sum && !sum->is_zero()
                             ? fmt::format(" id=\"{}-n{}\"", html_escape(anchor), n.node)
                             : std::string();
  out += fmt::format("<tr class=\"node\"{}><td class=\"item\"{}>{}</td><td class=\"num\">{}"
                     "</td><td></td><td></td><td></td></tr>\n",
                     id, indent, html_escape(node_title(ev, n)), html_escape(score));
  const std::string line_indent =
      fmt::format(" style=\"padding-left:calc(0.5em + {} * 1.2em)\"", depth + 1);
  for (const ExplainLine& l : n.lines) {
    const std::optional<Rational> local = on_part(l, part);
    out += fmt::format("<tr><td{} colspan=\"2\">{}</td><td><code>{}</code></td>"
                       "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                       line_indent, html_escape(l.text), html_escape(source_of(l)),
                       local ? html_escape(readable_effect(*local, p)) : "",
                       l.effect ? html_escape(readable_effect(*l.effect, p)) : "");
  }
  for (const ExplainNode& c : n.children) {
    tree_rows(ev, c, depth + 1, depth == 0 ? &c : part, anchor, out);
  }
}

}  // namespace

Waterfall waterfall_of(const Evaluation& ev, const Explanation& ex, std::string_view anchor) {
  const int p = ev.scheme.precision;
  const NodeScore& root = ev.sheet.at(ex.unit, 0);
  Waterfall w;
  w.start_label = "full marks";
  w.start = root.full_marks;
  w.start_text = root.full_marks.to_string();
  w.end_label = "score";
  w.end = root.score;
  w.end_text = root.score.format(p);
  std::function<void(const ExplainNode&)> walk = [&](const ExplainNode& n) {
    const std::optional<Rational> sum = own_effect(n);
    if (sum && !sum->is_zero()) {
      WaterfallStep s;
      s.label = ev.scheme.nodes[n.node].name;
      // Millionths for the drawing; the text is explain's.
      s.effect = round_to(*sum, Decimal::kMaxScale, RoundingMode::kHalfUp);
      s.effect_text = readable_effect(*sum, p);
      for (const ExplainLine& l : n.lines) {
        if (!s.tooltip.empty()) s.tooltip += "\n";
        s.tooltip += l.text;
        const std::string src = source_of(l);
        if (!src.empty()) s.tooltip += " — " + src;
      }
      s.href = fmt::format("#{}-n{}", anchor, n.node);
      w.steps.push_back(std::move(s));
    }
    for (const ExplainNode& c : n.children) walk(c);
  };
  walk(ex.root);
  return w;
}

std::string html_unit_section(const Evaluation& ev, const Explanation& ex,
                              std::string_view anchor, UnitDetail detail) {
  const Unit& unit = ev.roster.units[ex.unit];
  const int p = ev.scheme.precision;
  std::string out = fmt::format("<section class=\"unit\" id=\"{}\">\n", html_escape(anchor));
  out += fmt::format("<h3>{}. <span class=\"unit-id\">{}</span> <span class=\"unit-name\">{}"
                     "</span>{}: total <span class=\"total\">{}</span> of {}{}</h3>\n",
                     ex.rank, html_escape(unit.id), html_escape(unit.name),
                     unit.category.empty() ? "" : " (" + html_escape(unit.category) + ")",
                     ex.total.format(p), ex.full_marks.to_string(),
                     ex.grade.empty() ? "" : ", grade " + html_escape(ex.grade));
  if (!ex.flags.empty()) {
    out += "<p class=\"flags\">flags: " +
           html_escape(fmt::format("{}", fmt::join(ex.flags, "; "))) + "</p>\n";
  }
  out += svg_waterfall(waterfall_of(ev, ex, anchor),
                       unit.id + " " + unit.name + ": from full marks to the score") + "\n";
  const NodeScore& root = ev.sheet.at(ex.unit, 0);
  out += fmt::format("<p class=\"note\">the effects add up to {} = {} − {}</p>\n",
                     html_escape(readable_effect(ex.sum_of_effects, p)), root.score.format(p),
                     root.full_marks.to_string());
  if (!(ex.sum_of_effects == Rational(root.score) - Rational(root.full_marks))) {
    out += "<p class=\"warning\">warning: the effects do not add up; please report this</p>\n";
  }
  for (const ExplainLine& l : ex.closing) {
    out += "<p class=\"note\">" + html_escape(l.text) + "</p>\n";
  }
  if (detail == UnitDetail::kRows) {
    out += rows_list(ev, ex, anchor);
  } else {
    out += "<table class=\"tree\"><thead><tr><th>item</th><th class=\"num\">score</th>"
           "<th>input rows</th><th class=\"num\">on part</th><th class=\"num\">on total</th>"
           "</tr></thead><tbody>\n";
    tree_rows(ev, ex.root, 0, nullptr, anchor, out);
    out += "</tbody></table>\n";
  }
  return out + "</section>\n";
}

}  // namespace kaohe
