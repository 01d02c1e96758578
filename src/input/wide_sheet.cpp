// Finding the item columns of a wide measures sheet (input/wide_sheet.h).
#include "input/wide_sheet.h"

#include "base/messages.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "input/csv_columns.h"

namespace kaohe {
namespace {

// The measure items a long row may name, as it names them, with the node
// each one is (the first copy, for an item scored per sub-period).
struct MeasureItem {
  std::string item;
  const Node* node;
};

std::vector<MeasureItem> measure_items(const Scheme& scheme) {
  std::vector<MeasureItem> items;
  for (const Node& n : scheme.nodes) {
    if (n.is_leaf() && rule_reads_measures(n.rule.kind) && n.sub_period <= 0) {
      items.push_back({n.periodic >= 0 ? n.template_id : n.id, &n});
    }
  }
  return items;
}

// The measure item `cell` (a header, folded as `folded`) names by its id,
// or by a name, or nullptr; `by_name` gets every item of that name.
const MeasureItem* item_named(const std::vector<MeasureItem>& items, const std::string& cell,
                              const std::string& folded,
                              std::vector<const MeasureItem*>& by_name) {
  const MeasureItem* match = nullptr;
  for (const MeasureItem& m : items) {
    if (m.item == cell || m.item == folded) match = &m;
    if (m.node->name == cell || fold_column_name(m.node->name) == folded) {
      by_name.push_back(&m);
    }
  }
  if (match == nullptr && !by_name.empty()) match = by_name.front();
  return match;
}

}  // namespace

bool check_one_layout(const CsvHeader& header, std::span<const int> long_columns,
                      std::span<const int> read, const Scheme& scheme,
                      const std::string& path, const HeaderRow& header_row,
                      Diagnostics& diags) {
  std::vector<MeasureItem> items;
  for (int f = 0; f < header.size(); ++f) {
    if (std::find(read.begin(), read.end(), f) != read.end()) continue;
    const std::string& cell = header.names()[f];
    const std::string folded = fold_column_name(cell);
    if (folded.empty()) continue;
    if (items.empty()) items = measure_items(scheme);  // only for a long file's extra column
    std::vector<const MeasureItem*> by_name;
    const MeasureItem* match = item_named(items, cell, folded, by_name);
    if (match == nullptr) continue;
    std::vector<std::string> long_names;
    const char* names[] = {"item_id", "value", "key"};
    for (std::size_t i = 0; i < long_columns.size() && i < 3; ++i) {
      if (long_columns[i] >= 0) {
        const std::string& h = header.names()[long_columns[i]];
        long_names.push_back(fold_column_name(h) == names[i]
                                 ? fmt::format("\"{}\"", h)
                                 : fmt::format("\"{}\" ({})", h, names[i]));
      }
    }
    std::string message;
    if (long_names.size() == 1) {
      message = trf("header \"{}\" names item \"{}\" (a wide sheet's column), and the "
                    "header has {} (a long sheet's)",
                    cell, match->item, long_names[0]);
    } else if (long_names.size() == 2) {
      message = trf("header \"{}\" names item \"{}\" (a wide sheet's column), and the "
                    "header has {} and {} (a long sheet's)",
                    cell, match->item, long_names[0], long_names[1]);
    } else {
      message = trf("header \"{}\" names item \"{}\" (a wide sheet's column), and the "
                    "header has {} and {} and {} (a long sheet's)",
                    cell, match->item, long_names[0], long_names[1], long_names[2]);
    }
    diags.error(path, header_row.line, f + 1, std::move(message), header_row.raw,
                tr("a measures file is either long (unit_id,item_id,value[,key]) or wide (a "
                   "unit column and one column per item): put the two in two files"));
    return false;
  }
  return true;
}

WideFound find_wide_columns(const CsvHeader& header, std::span<const int> read,
                            const Scheme& scheme, const std::string& path,
                            const HeaderRow& header_row, Diagnostics& diags,
                            std::vector<WideColumn>& out) {
  out.clear();
  const std::vector<MeasureItem> items = measure_items(scheme);
  struct Problem {
    int field;
    std::string message;
    std::string hint;
  };
  std::vector<Problem> problems;
  std::vector<int> unmatched;  // fields naming nothing known
  for (int f = 0; f < header.size(); ++f) {
    if (std::find(read.begin(), read.end(), f) != read.end()) continue;
    const std::string& whole = header.names()[f];
    if (fold_column_name(whole).empty()) continue;  // an unnamed column
    // `item:key`: the key after the first colon, ASCII or full-width.
    std::size_t colon = whole.find(':');
    std::size_t colon_len = 1;
    if (const std::size_t wide_colon = whole.find("：");
        wide_colon != std::string::npos && wide_colon < colon) {
      colon = wide_colon;
      colon_len = std::string_view("：").size();
    }
    const std::string cell = whole.substr(0, colon);
    const std::string key =
        colon == std::string::npos ? std::string() : whole.substr(colon + colon_len);
    const std::string folded = fold_column_name(cell);
    if (std::find(std::begin(kWideIgnored), std::end(kWideIgnored), folded) !=
        std::end(kWideIgnored)) {
      continue;
    }
    std::vector<const MeasureItem*> by_name;
    const MeasureItem* match = item_named(items, cell, folded, by_name);
    if (by_name.size() > 1 && match == by_name.front() && match->item != cell &&
        match->item != folded) {
      std::vector<std::string> ids;
      for (const MeasureItem* m : by_name) ids.push_back(m->item);
      problems.push_back({f,
                          trf("header \"{}\" is the name of {} items: {}", cell,
                                      ids.size(), fmt::join(ids, ", ")),
                          tr("write the item's id as the header, which names one item")});
      continue;
    }
    if (match == nullptr) {
      unmatched.push_back(f);
      continue;
    }
    const std::vector<std::string> keys = match->node->rule.measure_keys();
    if (!keys.empty() && key.empty()) {
      problems.push_back(
          {f,
           trf("item \"{}\" ({}) takes one value per key ({}), and this column "
                       "names none",
                       match->item, match->node->name, fmt::join(keys, ", ")),
           trf("head one column per key, as \"{}:{}\", or give the item in a long "
                       "measures file beside: unit_id,item_id,value,key",
                       cell, keys.front())});
      continue;
    }
    if (keys.empty() && colon != std::string::npos) {
      problems.push_back({f,
                          trf("item \"{}\" ({}) takes one value without a key, "
                                      "got key \"{}\"",
                                      match->item, match->node->name, key),
                          trf("head the column \"{}\" alone", cell)});
      continue;
    }
    if (!keys.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string hint = did_you_mean(key, keys);
      if (hint.empty()) hint = trf("the keys are: {}", fmt::join(keys, ", "));
      problems.push_back(
          {f, trf("unknown key \"{}\" for item \"{}\"", key, match->item),
           std::move(hint)});
      continue;
    }
    const auto twice = std::find_if(out.begin(), out.end(), [&](const WideColumn& c) {
      return c.item == match->item && c.key == key;
    });
    if (twice != out.end()) {
      problems.push_back({f,
                          trf("headers \"{}\" (column {}) and \"{}\" (column {}) "
                                      "both name item \"{}\"{}",
                                      header.names()[twice->field], twice->field + 1, whole,
                                      f + 1, match->item,
                                      key.empty() ? "" : trf(", key \"{}\"", key)),
                          tr("keep one column per item")});
      continue;
    }
    out.push_back({f, match->item, key});
  }
  if (out.empty() && problems.empty()) return WideFound::kNotWide;
  if (!unmatched.empty()) {
    std::vector<std::string> names;
    for (const MeasureItem& m : items) {
      names.push_back(m.item);
      names.push_back(m.node->name);
    }
    for (int f : unmatched) {
      const std::string& cell = header.names()[f];
      std::string hint = did_you_mean(cell, names);
      if (hint.empty()) {
        hint = trf(
            "a wide measures sheet has a unit column and one column per measure item, "
            "headed by the item's id or name; other columns it may hold: {}",
            fmt::join(kWideIgnored, ", "));
      }
      problems.push_back({f,
                          trf("header \"{}\" names no measure item of the scheme",
                                      cell),
                          std::move(hint)});
    }
  }
  if (problems.empty()) return WideFound::kWide;
  std::sort(problems.begin(), problems.end(),
            [](const Problem& a, const Problem& b) { return a.field < b.field; });
  for (Problem& p : problems) {
    diags.error(path, header_row.line, p.field + 1, std::move(p.message), header_row.raw,
                std::move(p.hint));
  }
  return WideFound::kBad;
}

}  // namespace kaohe
