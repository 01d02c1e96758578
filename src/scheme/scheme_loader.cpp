// Turns the YAML tree of a scheme into the Scheme model: the top-level
// keys (version, precision, rounding, period, calendar, categories,
// normalise, flags, seed slips), the order in which the parts are read, and the references
// between parts checked once all is read. Each part of the grammar has its
// own file (scheme/loader_context.h lists them); all problems are collected
// before failing.
#include "scheme/scheme_loader.h"

#include <fmt/format.h>

#include <memory>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/calendar_reader.h"
#include "io/file_io.h"
#include "scheme/loader_context.h"
#include "scheme/yaml_tree.h"

namespace kaohe::scheme_loading {
namespace {

const std::vector<std::string> kTopKeys = {
    "kaohe", "title", "source", "precision", "rounding", "period", "calendar",
    "categories", "normalise", "flags", "grades", "gates", "quotas", "ranking", "root",
    "seed_slips", "columns", "note"};

}  // namespace

Scheme Loader::load() {
  std::unique_ptr<YamlNode> doc = parse_yaml(file_, text_);
  scheme_.file = file_;
  scheme_.text = text_;
  if (!doc->is_map()) {
    error(doc->pos, trf("a scheme is a mapping of keys, got {}",
                                doc->kind_name()),
          tr("start the file with 'kaohe: 1'"));
    diags_.throw_if_errors(kExitDataErr);
  }
  check_keys(*doc, kTopKeys, tr("scheme"));
  read_version(*doc);
  if (const YamlNode* n = doc->get("title")) scheme_.title = text(*n, "title");
  if (const YamlNode* n = doc->get("source")) scheme_.source = text(*n, "source");
  if (const YamlNode* n = doc->get("precision")) {
    auto p = integer(*n, "precision");
    if (p && (*p < 0 || *p > 6)) {
      error(n->pos, tr("precision must be between 0 and 6 decimal places"), "");
    } else if (p) {
      scheme_.precision = static_cast<int>(*p);
    }
  }
  if (const YamlNode* n = doc->get("rounding")) read_rounding(*n);
  if (const YamlNode* n = doc->get("period")) read_period(*n);
  if (const YamlNode* n = doc->get("calendar")) read_calendar(*n);
  if (const YamlNode* n = doc->get("categories")) read_categories(*n);
  read_normalise(doc->get("normalise"));
  if (const YamlNode* n = doc->get("flags")) read_flags(*n);
  const YamlNode* root = doc->get("root");
  if (root == nullptr) {
    error(doc->pos, tr("the scheme has no 'root' node"),
          tr("add 'root:' with id, name, points and children"));
  } else {
    read_node(*root, -1, 0);
  }
  validate_tree();
  if (const YamlNode* n = doc->get("grades")) read_grades(*n);
  if (const YamlNode* n = doc->get("gates")) read_gates(*n);
  if (const YamlNode* n = doc->get("quotas")) read_quotas(*n);
  if (const YamlNode* n = doc->get("ranking")) read_ranking(*n);
  if (const YamlNode* n = doc->get("seed_slips")) read_seed_slips(*n);
  if (const YamlNode* n = doc->get("columns")) read_columns(*n);
  validate_references();
  diags_.throw_if_errors(kExitDataErr);
  return std::move(scheme_);
}

void Loader::read_version(const YamlNode& doc) {
  const YamlNode* v = doc.get("kaohe");
  if (v == nullptr) {
    error(doc.pos, tr("the scheme does not say which grammar version it uses"),
          trf("add 'kaohe: {}' as the first line", kGrammarVersion));
    return;
  }
  auto n = integer(*v, "kaohe");
  if (!n) return;
  if (v->scalar != std::to_string(*n)) {
    error(v->pos, trf("the grammar version is a whole number, got '{}'",
                              v->scalar),
          trf("write 'kaohe: {}'", kGrammarVersion));
    return;
  }
  if (*n != kGrammarVersion) {
    error(v->pos,
          trf("grammar version {} is not supported (this kaohe reads "
                      "version {})", *n, kGrammarVersion),
          *n > kGrammarVersion ? tr("upgrade kaohe") : "");
    return;
  }
  scheme_.version = static_cast<int>(*n);
}

void Loader::read_rounding(const YamlNode& n) {
  std::string s = text(n, "rounding");
  if (s == "half_up") {
    scheme_.rounding = RoundingMode::kHalfUp;
  } else if (s == "half_even") {
    scheme_.rounding = RoundingMode::kHalfEven;
  } else if (n.is_scalar()) {
    error(n.pos, trf("rounding must be half_up or half_even, got '{}'", s),
          did_you_mean(s, {"half_up", "half_even"}));
  }
}

void Loader::read_period(const YamlNode& n) {
  if (!n.is_map()) {
    error(n.pos, tr("'period' must be a mapping with 'from' and 'to'"),
          "period: {from: 2025-01-01, to: 2025-12-31}");
    return;
  }
  check_keys(n, {"from", "to"}, "period");
  std::optional<Date> from, to;
  for (const char* key : {"from", "to"}) {
    const YamlNode* v = n.get(key);
    if (v == nullptr) {
      error(n.pos, trf("'period' needs '{}'", key), "");
      continue;
    }
    std::string s = text(*v, key);
    auto d = Date::parse(s);
    if (!d && v->is_scalar()) {
      error(v->pos, trf("'{}' must be a date YYYY-MM-DD, got '{}'", key, s), "");
    }
    (std::string(key) == "from" ? from : to) = d;
  }
  if (from && to) {
    if (*to < *from) {
      error(n.pos, tr("the period ends before it starts"), "");
      return;
    }
    scheme_.period = Period{*from, *to};
  }
}

// A working-day calendar file, named relative to the scheme's folder.
// Its own problems are errors of that file; one that does not cover the
// period is an error here.
void Loader::read_calendar(const YamlNode& n) {
  calendar_given_ = true;
  const std::string name = text(n, "calendar");
  if (name.empty()) {
    if (n.is_scalar()) error(n.pos, tr("'calendar' names a file"), "calendar: calendars/cn-2025.csv");
    return;
  }
  const std::size_t slash = file_.rfind('/');
  const std::string path =
      name.front() == '/' || slash == std::string::npos ? name : file_.substr(0, slash + 1) + name;
  try {
    scheme_.calendar = load_calendar(path);
  } catch (const Error& e) {
    if (e.exit_code() == kExitNoInput) {
      error(n.pos, trf("cannot read the calendar file '{}'", path),
            tr("calendar files are named relative to the scheme's folder"));
      return;
    }
    for (const Diagnostic& d : e.diagnostics()) diags_.add(d);
    return;
  }
  scheme_.calendar_file = name;
  const std::optional<Period>& p = scheme_.period;
  if (p && !(scheme_.calendar.covers(p->from) && scheme_.calendar.covers(p->to))) {
    error(n.pos,
          trf("the calendar covers {}, but the period runs from {} to {}",
                      scheme_.calendar.years(), p->from.to_string(), p->to.to_string()),
          tr("use a calendar that lists the holidays of every year of the period"));
  } else if (!p) {
    error(n.pos, tr("a calendar needs the scheme's 'period'"),
          trf("add period: {{from: 2025-01-01, to: 2025-12-31}}"));
  }
}

void Loader::read_categories(const YamlNode& y) {
  if (!y.is_map() || y.entries.empty()) {
    error(y.pos, tr("'categories' maps each category to its full marks"),
          trf("e.g. categories: {{A: 100, B: 95, C: 80}}"));
    return;
  }
  for (const auto& [k, v] : y.entries) {
    if (auto d = non_negative(*v, tr("full marks"))) {
      if (*d == Decimal()) {
        error(v->pos, tr("a category's full marks must be above 0"), "");
        continue;
      }
      scheme_.categories.push_back({k->scalar, *d, k->pos});
    }
  }
}

// `normalise: 100 | N | none`: the total on a scale of N, whatever the
// unit's full marks (按百分制折算). Categories normalise to 100 unless they
// say otherwise; a scheme without them does not unless it says so.
void Loader::read_normalise(const YamlNode* y) {
  if (y == nullptr) {
    if (!scheme_.categories.empty()) scheme_.normalise_to = Decimal::from_int(100);
    return;
  }
  scheme_.normalise_pos = y->pos;
  if (y->is_scalar() && y->scalar == "none") return;
  const std::string hint =
      tr("write normalise: 100 (按百分制折算), another full scale such as 1000, or "
      "none to keep each unit's own total");
  if (!y->is_scalar()) {
    error(y->pos, trf("'normalise' must be a number or 'none', got {}",
                              y->kind_name()),
          hint);
    return;
  }
  const std::optional<Decimal> d = Decimal::parse(y->scalar);
  if (!d || *d <= Decimal()) {
    error(y->pos, trf("'normalise' must be a number above 0 or 'none', got '{}'",
                              y->scalar),
          hint);
    return;
  }
  scheme_.normalise_to = *d;
}

void Loader::read_flags(const YamlNode& y) {
  if (!y.is_sequence()) {
    error(y.pos, trf("'flags' is a list of {{id, name}}"),
          trf("e.g. - {{id: veto, name: 一票否决}}"));
    return;
  }
  for (const auto& item : y.items) {
    if (!item->is_map()) {
      error(item->pos, trf("a flag is a mapping {{id, name}}"), "");
      continue;
    }
    check_keys(*item, {"id", "name"}, tr("a flag"));
    Flag f;
    f.pos = item->pos;
    if (const YamlNode* v = item->get("id")) f.id = text(*v, "id");
    if (const YamlNode* v = item->get("name")) f.name = text(*v, "name");
    if (f.id.empty() || f.name.empty()) {
      error(item->pos, tr("a flag needs 'id' and 'name'"), "");
      continue;
    }
    if (scheme_.find_flag(f.id) >= 0) {
      error(item->pos, trf("flag '{}' is declared twice", f.id), "");
      continue;
    }
    scheme_.flags.push_back(f);
  }
}

// seed_slips: [{node: ID | category: NAME, seed: "the seed's sentence"}]
void Loader::read_seed_slips(const YamlNode& y) {
  if (!y.is_sequence()) {
    error(y.pos, trf("'seed_slips' is a list of {{node or category, seed}}"),
          trf("e.g. - {{node: p1, seed: \"(一)…(16分)\"}}"));
    return;
  }
  for (const auto& item : y.items) {
    if (!item->is_map()) {
      error(item->pos, trf("a seed slip is a mapping {{node or category, seed}}"), "");
      continue;
    }
    check_keys(*item, {"node", "category", "seed", "note"}, tr("a seed slip"));
    SeedSlip slip;
    slip.pos = item->pos;
    if (const YamlNode* v = item->get("node")) slip.node = text(*v, "node");
    if (const YamlNode* v = item->get("category")) slip.category = text(*v, "category");
    if (const YamlNode* v = item->get("seed")) slip.seed = text(*v, "seed");
    if (slip.node.empty() == slip.category.empty()) {
      error(item->pos, tr("a seed slip names one 'node' or one 'category'"),
            tr("the node whose children's points disagree with its own, or the "
            "category whose declared full marks disagree with its items"));
      continue;
    }
    if (slip.seed.empty()) {
      error(item->pos, tr("a seed slip needs 'seed': the sentence of the seed it keeps"),
            tr("quote the seed, so that check can say where the numbers come from"));
      continue;
    }
    if (!slip.node.empty() && scheme_.find(slip.node) < 0) {
      check_node(*item->get("node"), slip.node, tr("seed slip names "));
      continue;
    }
    if (!slip.category.empty() && scheme_.find_category(slip.category) < 0) {
      std::vector<std::string> names;
      for (const Category& c : scheme_.categories) names.push_back(c.name);
      error(item->get("category")->pos,
            trf("seed slip names unknown category '{}'", slip.category),
            did_you_mean(slip.category, names));
      continue;
    }
    scheme_.seed_slips.push_back(std::move(slip));
  }
}

// References between parts of the scheme, checked once all is read.
void Loader::validate_references() {
  for (const auto& [index, pos] : applies_to_nodes_) {
    for (const std::string& c : scheme_.nodes[index].applies_to) {
      if (scheme_.find_category(c) < 0) {
        std::vector<std::string> names;
        for (const auto& cat : scheme_.categories) names.push_back(cat.name);
        error(pos, trf("unknown category '{}'", c),
              names.empty() ? trf("declare the categories: categories: {{A: 100, B: 95}}")
                            : did_you_mean(c, names));
      }
    }
  }
  for (const auto& [index, pos] : move_to_nodes_) {
    const Node& node = scheme_.nodes[index];
    int target = scheme_.find(node.move_to);
    if (target < 0 || node.parent < 0 || scheme_.nodes[target].parent != node.parent ||
        target == index) {
      std::vector<std::string> siblings;
      if (node.parent >= 0) {
        for (int c : scheme_.nodes[node.parent].children) {
          if (c != index) siblings.push_back(scheme_.nodes[c].id);
        }
      }
      error(pos, trf("move_to '{}' is not a sibling of '{}'", node.move_to,
                             node.id),
            did_you_mean(node.move_to, siblings));
    }
  }
  for (const auto& [index, pos] : effect_nodes_) {
    const Rule& r = scheme_.nodes[index].rule;
    if (!r.raise.empty() && scheme_.find_flag(r.raise) < 0) {
      error(pos, trf("unknown flag '{}'", r.raise),
            scheme_.flags.empty() ? tr("declare it under 'flags:'")
                                  : did_you_mean(r.raise, flag_ids()));
    }
    if (!r.zero.empty()) {
      int target = scheme_.find(r.zero);
      bool ancestor = false;
      for (int a = index; a >= 0; a = scheme_.nodes[a].parent) ancestor |= a == target;
      if (!ancestor) {
        error(pos, trf("'zero: {}' must name this leaf or one of its "
                               "ancestors", r.zero),
              did_you_mean(r.zero, scheme_.ids()));
      }
    }
    for (const std::string& t : r.raise_tiers) {
      if (r.find_named(t) < 0) {
        error(pos, trf("raise_tiers names unknown tier '{}'", t), "");
      }
    }
  }
}

}  // namespace kaohe::scheme_loading

namespace kaohe {

Scheme parse_scheme(const std::string& file, const std::string& text) {
  return scheme_loading::Loader(file, text).load();
}

Scheme load_scheme(const std::string& path) {
  std::string text = read_whole_file(path, kMaxSchemeBytes);
  return parse_scheme(path, text);
}

}  // namespace kaohe
