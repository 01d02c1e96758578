// Blank input sheets for a scheme (scaffold/templates.h): which columns
// each kind of rule reads, and the rows of a measures sheet to fill in.
#include "scaffold/templates.h"

#include <algorithm>
#include <string_view>

#include "report/delimited_text.h"

namespace kaohe {
namespace {

// kaohe's column name → the first built-in Chinese synonym the readers
// accept (input/roster.cpp, event_reader.cpp, measure_reader.cpp), and
// the extra columns a template adds (not read).
struct HeaderWord {
  std::string_view kaohe;
  std::string_view roster;  // in units.csv
  std::string_view data;    // in events.csv, measures.csv and items.csv
};
constexpr HeaderWord kWords[] = {
    {"unit_id", "单位编码", "单位"},
    {"name", "单位名称", "名称"},
    {"category", "类别", "类别"},
    {"item_id", "", "项目"},
    {"date", "", "日期"},
    {"count", "", "次数"},
    {"tier", "", "级别"},
    {"role", "", "角色"},
    {"points", "", "分值"},
    {"ref", "", "文号"},
    {"due", "", "截止日期"},
    {"done", "", "完成日期"},
    {"note", "", "备注"},
    {"value", "", "数值"},
    {"key", "", "等次"},
    {"period", "", "期间"},
    {"rater", "", "评议人"},
    {"unit_name", "", "单位全称"},
    {"item_name", "", "项目名称"},
    {"rule", "", "规则"},
    {"full_marks", "", "满分"},
    {"keys", "", "等次或级别"},
    {"file", "", "填写在"},
};

std::string header_word(std::string_view column, TemplateHeader header, bool roster) {
  if (header == TemplateHeader::kChinese) {
    for (const HeaderWord& w : kWords) {
      if (w.kaohe != column) continue;
      std::string_view zh = roster ? w.roster : w.data;
      if (!zh.empty()) return std::string(zh);
    }
  }
  return std::string(column);  // kaohe's own name; a scheme's roster column
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    append_delimited_field(out, cells[i], ',', true);
  }
  out += '\n';
}

std::string header_line(const std::vector<std::string>& columns, TemplateHeader header,
                        bool roster) {
  std::vector<std::string> words;
  for (const std::string& c : columns) words.push_back(header_word(c, header, roster));
  std::string out;
  append_row(out, words);
  return out;
}

// The item id a clerk writes for leaf `n`: inside a node with `periods:`,
// the id as the scheme writes it, not the copy's.
const std::string& item_id(const Node& n) {
  return n.periodic >= 0 && !n.template_id.empty() ? n.template_id : n.id;
}
const std::string& item_name(const Node& n) {
  return n.periodic >= 0 && !n.template_name.empty() ? n.template_name : n.name;
}

// Whether `n` or one of its ancestors counts rows sharing a ref once.
bool under_same_ref(const Scheme& s, int n) {
  for (int i = n; i >= 0; i = s.nodes[i].parent) {
    if (s.nodes[i].same_ref_highest) return true;
  }
  return false;
}

bool has_tiers(const Rule& r) {
  return r.kind == RuleKind::kTiered ||
         (r.kind == RuleKind::kQuota && !r.named.empty()) || !r.raise_tiers.empty();
}

// The names a row's key or tier takes for rule `r`: measure keys, tiers or
// roles.
std::vector<std::string> row_keys(const Rule& r) {
  if (rule_reads_measures(r.kind)) return r.measure_keys();
  std::vector<std::string> out;
  if (r.kind == RuleKind::kTiered || r.kind == RuleKind::kRole ||
      (r.kind == RuleKind::kQuota && !r.named.empty())) {
    for (const NamedAmount& a : r.named) out.push_back(a.name);
  }
  for (const std::string& t : r.raise_tiers) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// The sub-period label of leaf `n` in a copy, or "".
std::string period_label(const Scheme& s, const Node& n) {
  if (n.periodic < 0 || n.sub_period < 0) return {};
  const Node& p = s.nodes[n.periodic];
  if (!p.periods) return {};
  return p.periods->labels[n.sub_period];
}

std::vector<std::string> present_in_order(const std::vector<std::string>& order,
                                          const std::vector<std::string>& present) {
  std::vector<std::string> out;
  for (const std::string& c : order) {
    if (std::find(present.begin(), present.end(), c) != present.end()) out.push_back(c);
  }
  return out;
}

std::string items_sheet(const Scheme& s, TemplateHeader header) {
  const std::vector<std::string> columns = {"item_id", "item_name", "rule", "full_marks",
                                            "keys", "file"};
  std::string out = header_line(columns, header, false);
  std::vector<std::string> seen;
  for (const Node& n : s.nodes) {
    const Rule& r = n.rule;
    const bool events = rule_reads_events(r.kind);
    if (!n.is_leaf() || (!events && !rule_reads_measures(r.kind))) continue;
    const std::string& id = item_id(n);
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    append_row(out, {id, item_name(n), describe_rule(r),
                     n.points ? n.points->to_string() : std::string(), joined(row_keys(r)),
                     events ? "events.csv" : "measures.csv"});
  }
  return out;
}

std::string measures_sheet(const Scheme& s, const Roster* roster, TemplateHeader header) {
  std::vector<std::string> columns = measure_template_columns(s);
  const bool keyed = std::find(columns.begin(), columns.end(), "key") != columns.end();
  const bool periods = std::find(columns.begin(), columns.end(), "period") != columns.end();
  const bool raters = std::find(columns.begin(), columns.end(), "rater") != columns.end();
  if (roster) {
    columns.push_back("unit_name");
    columns.push_back("item_name");
  }
  std::string out = header_line(columns, header, false);
  if (!roster) return out;
  for (const Unit& u : roster->units) {
    for (int i = 0; i < static_cast<int>(s.nodes.size()); ++i) {
      const Node& n = s.nodes[i];
      if (!n.is_leaf() || !rule_reads_measures(n.rule.kind)) continue;
      if (roster->has_categories && !s.applies_to_category(i, u.category)) continue;
      std::vector<std::string> keys = n.rule.measure_keys();
      if (keys.empty()) keys.push_back({});
      for (const std::string& key : keys) {
        std::vector<std::string> row = {u.id, item_id(n), ""};
        if (keyed) row.push_back(key);
        if (periods) row.push_back(period_label(s, n));
        if (raters) row.push_back({});
        row.push_back(u.name);
        row.push_back(item_name(n));
        append_row(out, row);
      }
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> roster_template_columns(const Scheme& scheme) {
  std::vector<std::string> out = {"unit_id", "name"};
  if (!scheme.categories.empty()) out.push_back("category");
  for (const std::string& c : scheme.roster_columns()) out.push_back(c);
  return out;
}

std::vector<std::string> event_template_columns(const Scheme& scheme) {
  std::vector<std::string> present;
  bool any = false;
  for (int i = 0; i < static_cast<int>(scheme.nodes.size()); ++i) {
    const Node& n = scheme.nodes[i];
    const Rule& r = n.rule;
    if (!n.is_leaf() || !rule_reads_events(r.kind)) continue;
    any = true;
    if (r.kind == RuleKind::kQuota || n.periodic >= 0) present.push_back("date");
    if (has_tiers(r)) present.push_back("tier");
    if (r.kind == RuleKind::kRole) present.push_back("role");
    if (r.kind == RuleKind::kRanged) present.push_back("points");
    if (under_same_ref(scheme, i)) present.push_back("ref");
    if (r.kind == RuleKind::kLate) {
      if (!r.late_due) present.push_back("due");
      present.push_back("done");
    }
  }
  if (!any) return {};
  present.insert(present.end(), {"unit_id", "item_id", "count", "note"});
  return present_in_order({"unit_id", "item_id", "date", "count", "tier", "role", "points",
                           "ref", "due", "done", "note"},
                          present);
}

std::vector<std::string> measure_template_columns(const Scheme& scheme) {
  std::vector<std::string> present;
  bool any = false;
  for (const Node& n : scheme.nodes) {
    const Rule& r = n.rule;
    if (!n.is_leaf() || !rule_reads_measures(r.kind)) continue;
    any = true;
    if (!r.measure_keys().empty()) present.push_back("key");
    if (n.periodic >= 0) present.push_back("period");
    if (r.kind == RuleKind::kSheets) present.push_back("rater");
  }
  if (!any) return {};
  present.insert(present.end(), {"unit_id", "item_id", "value"});
  return present_in_order({"unit_id", "item_id", "value", "key", "period", "rater"}, present);
}

std::vector<ScaffoldFile> template_files(const Scheme& scheme, const Roster* roster,
                                         TemplateHeader header) {
  std::vector<ScaffoldFile> out;
  if (!roster) {
    out.push_back({"units.csv", header_line(roster_template_columns(scheme), header, true), {}});
  }
  const std::vector<std::string> events = event_template_columns(scheme);
  if (!events.empty()) out.push_back({"events.csv", header_line(events, header, false), {}});
  const bool measures = !measure_template_columns(scheme).empty();
  if (measures) out.push_back({"measures.csv", measures_sheet(scheme, roster, header), {}});
  if (!roster && (measures || !events.empty())) {
    out.push_back({"items.csv", items_sheet(scheme, header), {}});
  }
  return out;
}

}  // namespace kaohe
