// Text, CSV/TSV and JSON forms of an explanation. The text is for people:
// effects to the scheme's precision, on the part's own scale and on the
// total; CSV and JSON keep the exact values.
#include "report/explain_renderer.h"

#include <fmt/format.h>

#include "base/terminal_text.h"
#include "report/delimited_text.h"
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
  std::string part;
  std::string effect;
};

void text_rows(const Evaluation& ev, const ExplainNode& n, int depth, const ExplainNode* part,
               std::vector<TextRow>& out) {
  const Node& node = ev.scheme.nodes[n.node];
  std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::string head = indent + node.name + " (" + node.id + ")";
  if (n.applicable) {
    head += "  " + n.score.format(ev.scheme.precision) + " / " + n.full_marks.to_string();
  } else {
    head += "  not applicable";
  }
  out.push_back({head, "", "", ""});
  const int p = ev.scheme.precision;
  for (const ExplainLine& l : n.lines) {
    std::string left = indent + "  " + l.text;
    std::string source = l.source;
    if (!l.ref.empty()) source += (source.empty() ? "" : " ") + l.ref;
    const std::optional<Rational> local = on_part(l, part);
    out.push_back({left, source, local ? readable_effect(*local, p) : "",
                   l.effect ? readable_effect(*l.effect, p) : ""});
  }
  for (const ExplainNode& c : n.children) {
    text_rows(ev, c, depth + 1, depth == 0 ? &c : part, out);
  }
}

// One row of `explain -O csv|tsv` per node and per line, in tree order.
void delimited_rows(const Evaluation& ev, const ExplainNode& n, int depth,
                    const ExplainNode* part, const std::string& unit, char sep,
                    std::string& out) {
  const Node& node = ev.scheme.nodes[n.node];
  auto row = [&](std::string_view kind, std::string_view text, std::string_view source,
                 std::string_view ref, const std::optional<Rational>& effect,
                 const std::optional<Rational>& local, std::string_view score,
                 std::string_view full) {
    const std::string depth_text = std::to_string(depth);
    const std::string exact = effect ? effect->to_string() : std::string();
    const std::string total = effect ? effect_text(*effect) : std::string();
    const std::string part_text = local ? effect_text(*local) : std::string();
    const std::string_view cells[] = {unit, node.id, node.name, depth_text, kind, score, full,
                                      text, source, ref, part_text, total, exact};
    const bool text_cell[] = {true, true, true, false, false, false, false,
                              true, true, true, false, false, false};
    for (std::size_t i = 0; i < std::size(cells); ++i) {
      if (i) out += sep;
      // An effect that does not terminate in six digits is ≈-marked text.
      const bool approx = !cells[i].empty() && cells[i].substr(0, 3) == "≈";
      append_delimited_field(out, cells[i], sep, text_cell[i] || approx);
    }
    out += "\n";
  };
  const std::string score = n.applicable ? n.score.format(ev.scheme.precision) : "NA";
  row("node", "", "", "", std::nullopt, std::nullopt, score, n.full_marks.to_string());
  for (const ExplainLine& l : n.lines) {
    row("line", l.text, l.source, l.ref, l.effect, on_part(l, part), "", "");
  }
  for (const ExplainNode& c : n.children) {
    delimited_rows(ev, c, depth + 1, depth == 0 ? &c : part, unit, sep, out);
  }
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
    out += fmt::format(
        "{}{{\"text\": {}, \"source\": {}, \"ref\": {}, \"effect\": {}, \"effect_exact\": {}}}",
        i ? ", " : "", json_quote(l.text), json_quote(l.source), json_quote(l.ref),
        l.effect ? json_quote(effect_text(*l.effect)) : "null",
        l.effect ? json_quote(l.effect->to_string()) : "null");
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

// The exact value is in -O json and -O csv.
std::string readable_effect(const Rational& r, int precision) {
  if (r.is_zero()) return "0";
  std::optional<Decimal> d = r.to_decimal();
  if (d) {
    const std::string s = d->to_string();
    const std::size_t dot = s.find('.');
    const std::size_t decimals = dot == std::string::npos ? 0 : s.size() - dot - 1;
    if (decimals <= static_cast<std::size_t>(precision)) {
      return r.is_negative() ? s : "+" + s;
    }
  }
  const Decimal rounded = round_to(r, precision, RoundingMode::kHalfUp);
  if (rounded == Decimal()) return "≈0";
  const std::string s = rounded.format(precision);
  return "≈" + (r.is_negative() ? s : "+" + s);
}

std::optional<Rational> on_part(const ExplainLine& l, const ExplainNode* part) {
  if (!l.effect || part == nullptr || part->multiplier.is_zero()) return std::nullopt;
  return *l.effect / part->multiplier;
}

std::string render_explanation(const Evaluation& ev, const Explanation& ex,
                               OutputFormat format) {
  const Unit& unit = ev.roster.units[ex.unit];
  const int p = ev.scheme.precision;
  const Rational gap = Rational(ev.sheet.at(ex.unit, 0).score) -
                       Rational(ev.sheet.at(ex.unit, 0).full_marks);
  if (format == OutputFormat::kCsv || format == OutputFormat::kTsv) {
    const char sep = format == OutputFormat::kCsv ? ',' : '\t';
    std::string out;
    const std::string_view header[] = {"unit_id", "node_id", "node_name", "depth",
                                       "kind", "score", "full_marks", "text", "source",
                                       "ref", "effect_on_part", "effect_on_total",
                                       "effect_exact"};
    for (std::size_t i = 0; i < std::size(header); ++i) {
      if (i) out += sep;
      out += header[i];
    }
    out += "\n";
    delimited_rows(ev, ex.root, 0, nullptr, unit.id, sep, out);
    return out;
  }
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
  rows.push_back({"", "", "on part", "on total"});
  text_rows(ev, ex.root, 0, nullptr, rows);
  for (TextRow& r : rows) {
    r.left = terminal_safe(r.left);
    r.source = terminal_safe(r.source);
  }
  int left_w = 0, source_w = 0, part_w = 0, effect_w = 0;
  for (const TextRow& r : rows) {
    left_w = std::max(left_w, display_width(r.left));
    source_w = std::max(source_w, display_width(r.source));
    part_w = std::max(part_w, display_width(r.part));
    effect_w = std::max(effect_w, display_width(r.effect));
  }
  for (const TextRow& r : rows) {
    std::string text = pad_right(r.left, left_w);
    if (source_w > 0) text += "  " + pad_right(r.source, source_w);
    text += "  " + pad_left(r.part, part_w);
    text += "  " + pad_left(r.effect, effect_w);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  out += fmt::format("\nthe effects add up to {} = {} − {}\n",
                     readable_effect(ex.sum_of_effects, p),
                     ev.sheet.at(ex.unit, 0).score.format(p),
                     ev.sheet.at(ex.unit, 0).full_marks.to_string());
  if (!(ex.sum_of_effects == gap)) {
    out += "warning: the effects do not add up; please report this\n";
  }
  for (const ExplainLine& l : ex.closing) out += terminal_safe(l.text) + "\n";
  return out;
}

}  // namespace kaohe
