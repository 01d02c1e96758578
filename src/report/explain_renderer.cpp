// Text and JSON forms of an explanation.
#include "report/explain_renderer.h"

#include <fmt/format.h>

#include "base/terminal_text.h"
#include "report/json_text.h"

#include "report/text_width.h"

namespace kaohe {
namespace {

// An effect as an exact decimal with its sign; a fraction that does not
// terminate in six digits is shown rounded, marked ≈.
std::string effect_text(const Rational& r) {
  std::optional<Decimal> d = r.to_decimal();
  std::string s;
  if (d) {
    s = d->to_string();
  } else {
    s = "≈" + round_to(r, 6, RoundingMode::kHalfUp).to_string();
  }
  if (r.is_zero()) return "0";
  return r.is_negative() || s[0] == '-' ? s : "+" + s;
}


struct TextRow {
  std::string left;
  std::string source;
  std::string effect;
};

void text_rows(const Evaluation& ev, const ExplainNode& n, int depth,
               std::vector<TextRow>& out) {
  const Node& node = ev.scheme.nodes[n.node];
  std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::string head = indent + node.name + " (" + node.id + ")";
  if (n.applicable) {
    head += "  " + n.score.format(ev.scheme.precision) + " / " + n.full_marks.to_string();
  } else {
    head += "  not applicable";
  }
  out.push_back({head, "", ""});
  for (const ExplainLine& l : n.lines) {
    std::string left = indent + "  " + l.text;
    std::string source = l.source;
    if (!l.ref.empty()) source += (source.empty() ? "" : " ") + l.ref;
    out.push_back({left, source, l.effect ? effect_text(*l.effect) : ""});
  }
  for (const ExplainNode& c : n.children) text_rows(ev, c, depth + 1, out);
}

void json_node(const Evaluation& ev, const ExplainNode& n, int depth, std::string& out) {
  const Node& node = ev.scheme.nodes[n.node];
  std::string pad(static_cast<std::size_t>(depth) * 2 + 4, ' ');
  out += pad + fmt::format("{{\"id\": {}, \"name\": {}, \"applicable\": {}, ",
                           json_quote(node.id), json_quote(node.name),
                           n.applicable ? "true" : "false");
  out += fmt::format("\"score\": {}, \"full_marks\": {}, \"lines\": [",
                     n.applicable ? n.score.format(ev.scheme.precision) : "null",
                     n.full_marks.to_string());
  for (std::size_t i = 0; i < n.lines.size(); ++i) {
    const ExplainLine& l = n.lines[i];
    out += fmt::format("{}{{\"text\": {}, \"source\": {}, \"ref\": {}, \"effect\": {}}}",
                       i ? ", " : "", json_quote(l.text), json_quote(l.source), json_quote(l.ref),
                       l.effect ? json_quote(effect_text(*l.effect)) : "null");
  }
  out += "], \"children\": [";
  if (!n.children.empty()) out += "\n";
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    json_node(ev, n.children[i], depth + 1, out);
    out += i + 1 < n.children.size() ? ",\n" : "\n";
  }
  if (!n.children.empty()) out += pad;
  out += "]}";
}

}  // namespace

std::string render_explanation(const Evaluation& ev, const Explanation& ex,
                               OutputFormat format) {
  const Unit& unit = ev.roster.units[ex.unit];
  const int p = ev.scheme.precision;
  const Rational gap = Rational(ev.sheet.at(ex.unit, 0).score) -
                       Rational(ev.sheet.at(ex.unit, 0).full_marks);
  if (format == OutputFormat::kJson) {
    std::string out = "{\n  \"schema_version\": 1,\n";
    out += fmt::format("  \"unit_id\": {}, \"name\": {}, \"category\": {},\n",
                       json_quote(unit.id), json_quote(unit.name), json_quote(unit.category));
    out += fmt::format("  \"total\": {}, \"full_marks\": {}, \"rank\": {}, \"grade\": {},\n",
                       ex.total.format(p), ex.full_marks.to_string(), ex.rank,
                       json_quote(ex.grade));
    out += "  \"flags\": [";
    for (std::size_t i = 0; i < ex.flags.size(); ++i) out += (i ? ", " : "") + json_quote(ex.flags[i]);
    out += "],\n  \"sum_of_effects\": " + json_quote(effect_text(ex.sum_of_effects)) + ",\n";
    out += "  \"tree\":\n";
    json_node(ev, ex.root, 0, out);
    out += ",\n  \"closing\": [";
    for (std::size_t i = 0; i < ex.closing.size(); ++i) {
      out += (i ? ", " : "") + json_quote(ex.closing[i].text);
    }
    out += "]\n}\n";
    return out;
  }
  // Input text is shown with its control characters escaped
  // (terminal_safe), measured after escaping so the columns stay aligned.
  std::string out = fmt::format(
      "{} {}{}: total {} of {}, rank {}{}\n", terminal_safe(unit.id), terminal_safe(unit.name),
      unit.category.empty() ? "" : " (" + terminal_safe(unit.category) + ")",
      ex.total.format(p), ex.full_marks.to_string(), ex.rank,
      ex.grade.empty() ? "" : ", grade " + terminal_safe(ex.grade));
  if (!ex.flags.empty()) {
    out += "flags: " + terminal_safe(fmt::format("{}", fmt::join(ex.flags, "; "))) + "\n";
  }
  out += "\n";
  std::vector<TextRow> rows;
  text_rows(ev, ex.root, 0, rows);
  for (TextRow& r : rows) {
    r.left = terminal_safe(r.left);
    r.source = terminal_safe(r.source);
  }
  int left_w = 0, source_w = 0, effect_w = 0;
  for (const TextRow& r : rows) {
    left_w = std::max(left_w, display_width(r.left));
    source_w = std::max(source_w, display_width(r.source));
    effect_w = std::max(effect_w, display_width(r.effect));
  }
  for (const TextRow& r : rows) {
    std::string text = pad_right(r.left, left_w);
    if (source_w > 0) text += "  " + pad_right(r.source, source_w);
    text += "  " + pad_left(r.effect, effect_w);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  out += fmt::format("\nthe effects add up to {} = {} − {}\n", effect_text(ex.sum_of_effects),
                     ev.sheet.at(ex.unit, 0).score.format(p),
                     ev.sheet.at(ex.unit, 0).full_marks.to_string());
  if (!(ex.sum_of_effects == gap)) {
    out += "warning: the effects do not add up; please report this\n";
  }
  for (const ExplainLine& l : ex.closing) out += terminal_safe(l.text) + "\n";
  return out;
}

}  // namespace kaohe
