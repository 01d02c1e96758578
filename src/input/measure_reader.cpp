// Reads and validates measure rows (SPEC §2, §9, §10).
#include "input/measure_reader.h"

#include "base/messages.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <span>

#include "input/csv_columns.h"
#include "input/csv_reader.h"
#include "input/excel_forms.h"
#include "input/row_errors.h"
#include "input/sheet_header.h"
#include "input/sheet_text.h"
#include "input/text_decoder.h"
#include "input/unit_index.h"
#include "input/wide_sheet.h"
#include "io/file_io.h"
#include "scheme/sub_periods.h"

namespace kaohe {
namespace {

// A value the rule does not allow: the message (empty: none) and a hint.
struct ValueProblem {
  std::string message;
  std::string hint;
};

// The scale a percentage of `rule`'s value is taken of: 1 for a completion
// ratio, the scale (1 by default) of a scaled value; nullopt for a rule
// whose value is no ratio (a score, votes, a checklist mark…).
std::optional<Decimal> percent_scale(const Rule& r) {
  switch (r.kind) {
    case RuleKind::kCompletion:
    case RuleKind::kAllOrNothing:
      return Decimal::from_int(1);
    case RuleKind::kScaled:
    case RuleKind::kMean:
    case RuleKind::kScaledDeduction:
    case RuleKind::kSheets:
      return r.scale.value_or(Decimal::from_int(1));
    case RuleKind::kBands:
      // Bands of a percentage (达到90%) take a ratio: "90%" is 0.9. Bands of
      // a number (90分) take no percentage.
      if (r.bands_percent) return Decimal::from_int(1);
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// A value Decimal::parse refused, in a spreadsheet's form: "1,234",
// full-width digits, or a percentage of the item's scale ("90%" is 0.9 of
// a completion ratio, 90 on a scale of 100). `node` is the measured item
// (nullptr when unknown: no percentage then). Sets `problem` for a
// percentage the item does not take.
std::optional<Decimal> excel_value(const Node* node, std::string_view text,
                                   std::string& problem) {
  if (auto v = parse_excel_decimal(text)) return v;
  const std::optional<std::string> folded = fold_full_width(text);
  const std::string_view t = folded ? std::string_view(*folded) : text;
  if (t.empty() || t.back() != '%' || node == nullptr) return std::nullopt;
  const std::optional<Decimal> scale = percent_scale(node->rule);
  if (!scale) {
    if (parse_excel_decimal(t.substr(0, t.size() - 1))) {
      problem = trf("item \"{}\" takes no percentage, got \"{}\"", node->id, text);
    }
    return std::nullopt;
  }
  return parse_excel_percent(text, *scale);
}

// Checks `v` (the value column) against the range the rule allows.
ValueProblem value_problem(const Node& node, Decimal v) {
  const Rule& r = node.rule;
  const Decimal zero;
  const Decimal one = Decimal::from_int(1);
  // The message and hint are written only for a value out of range: this
  // runs on every measure row.
  auto outside = [&](Decimal lo, Decimal hi, const char* what, auto hint) {
    if (v < lo || v > hi) {
      return ValueProblem{trf("value {} is outside {}–{} for item \"{}\"{}",
                                      v.to_string(), lo.to_string(), hi.to_string(),
                                      node.id, what),
                          hint()};
    }
    return ValueProblem{};
  };
  switch (r.kind) {
    case RuleKind::kCompletion:
    case RuleKind::kAllOrNothing:
      return outside(zero, one, tr(" (a completion ratio)"), [] {
        return std::string(tr("a completion ratio is a fraction of 1: write 0.85 for 85%"));
      });
    case RuleKind::kScaled:
    case RuleKind::kMean:
    case RuleKind::kScaledDeduction:
      return outside(zero, r.scale.value_or(one), "", [&] {
        return trf("item \"{}\" takes values on a scale of 0 to {}", node.id,
                           r.scale.value_or(one).to_string());
      });
    case RuleKind::kSheets:
      return outside(zero, r.scale.value_or(one), tr(" (a rater's sheet)"), [&] {
        return trf("a sheet of item \"{}\" is marked out of {} (its 'scale'): "
                           "check the sheet, or the scale", node.id,
                           r.scale.value_or(one).to_string());
      });
    case RuleKind::kDirect:
      return outside(node.floor.value_or(zero), node.cap.value_or(*node.points),
                     tr(" (a score)"), [] {
                       return std::string(
                           tr("the value is the item's score itself: from its floor "
                              "(or 0) to its cap (or its points)"));
                     });
    case RuleKind::kVotes:
      if (!v.is_integer() || v < zero) {
        return {trf("vote count {} is not a whole number ≥ 0", v.to_string()),
                tr("write how many votes this level got, such as 30")};
      }
      return {};
    case RuleKind::kChecklist:
      if (v != zero && v != one) {
        return {trf("checklist value {} must be 1 (met) or 0 (not met)",
                            v.to_string()),
                tr("write 1 when the criterion is met, 0 when it is not")};
      }
      return {};
    case RuleKind::kRelative:
      if (v < zero) {
        return {trf("value {} must not be negative", v.to_string()),
                tr("the value is compared with the best unit's value: write 0 or more")};
      }
      return {};
    default:
      return {};
  }
}

// The node a measure row names: `item` as written, and for an item
// inside a node scored per sub-period (`periods:`), the copy of the
// sub-period the `period` column names. -1 when there is none; problems
// with the period column, or an item that needs one, are reported here
// (`reported` set); an unknown item is left to the caller.
int measure_node(const Scheme& scheme, const CsvRow& row, const std::string& item,
                 std::string_view period, bool na, int c_item, int c_period,
                 RowErrors& errors, bool& reported) {
  const std::vector<int>* copies = scheme.find_copies(item);
  const int n = scheme.find(item);
  const Node* periodic = copies ? &scheme.nodes[scheme.nodes[copies->front()].periodic] : nullptr;
  auto report = [&](int col, std::string message, std::string hint) {
    errors.add(row, col, std::move(message), std::move(hint));
    reported = true;
    return -1;
  };
  if (period.empty()) {
    if (n >= 0 && scheme.nodes[n].periodic >= 0) {
      const Node& copy = scheme.nodes[n];
      return report(c_item + 1,
                    trf("item \"{}\" is kaohe's name for one sub-period of \"{}\"; "
                                "write the item's own id", item, copy.template_id),
                    trf("write item_id {} and {} in a period column",
                                copy.template_id,
                                scheme.nodes[copy.periodic].periods->labels[copy.sub_period]));
    }
    // Without a period: NA for the whole node with `periods:` (a value
    // for it, when it groups other items, is that error).
    const bool whole_node = periodic != nullptr && n == scheme.find(periodic->id);
    if (periodic != nullptr &&
        !(whole_node && (na || !scheme.nodes[copies->front()].is_leaf()))) {
      return report(c_period >= 0 ? c_period + 1 : 0,
                    trf("item \"{}\" is scored once per {} ('periods' of \"{}\") "
                                "and needs the sub-period in the period column",
                                item, every_name(periodic->periods->per), periodic->id),
                    trf("add a column period with one of: {}",
                                fmt::join(periodic->periods->labels, ", ")));
    }
    return n;
  }
  if (periodic == nullptr) {
    if (n < 0) return -1;  // an unknown item
    return report(c_period + 1,
                  trf("item \"{}\" is not scored per sub-period, got period \"{}\"",
                              item, period),
                  tr("leave the period column empty for this item"));
  }
  const int i = find_label(*periodic->periods, period);
  if (i < 0) {
    std::string hint = did_you_mean(period, periodic->periods->labels);
    if (hint.empty()) {
      hint = trf("the sub-periods of \"{}\" are: {}", periodic->id,
                         fmt::join(periodic->periods->labels, ", "));
    }
    return report(c_period + 1,
                  trf("unknown period \"{}\" for item \"{}\" (scored once per {})",
                              period, item, every_name(periodic->periods->per)),
                  std::move(hint));
  }
  return (*copies)[i];
}

}  // namespace

const Measure* MeasureTable::sheet_of_rater(int unit, int node, int id) const {
  const std::vector<Measure>* rows = find(unit, node);
  if (rows == nullptr) return nullptr;
  if (rows->size() < kScannedSheets) {
    for (const Measure& m : *rows) {
      if (m.rater == id) return &m;
    }
    return nullptr;
  }
  auto it = sheet_index_.find(RaterSheet{slot_key(unit, node), id});
  return it == sheet_index_.end() ? nullptr : &(*rows)[static_cast<std::size_t>(it->second)];
}

void MeasureTable::add_sheet(int unit, int node, Measure m) {
  std::vector<Measure>& rows = slot(unit, node);
  rows.push_back(std::move(m));
  auto index = [&](std::size_t i) {
    if (rows[i].rater >= 0) {
      sheet_index_.emplace(RaterSheet{slot_key(unit, node), rows[i].rater},
                           static_cast<int>(i));
    }
  };
  if (rows.size() == kScannedSheets) {
    for (std::size_t i = 0; i < rows.size(); ++i) index(i);  // from now on
  } else if (rows.size() > kScannedSheets) {
    index(rows.size() - 1);
  }
}

InputStats read_measures(const std::string& path, int file_index,
                         const std::vector<std::string>& files,
                         const Scheme& scheme, const Roster& roster,
                         MeasureTable& table, Diagnostics& diags,
                         const SheetOptions& sheet) {
  InputStats stats;
  stats.kind = "measures";
  stats.file = path;
  FilePtr f = open_sheet_file(path);
  SheetText text = open_sheet(path, f.get(), sheet);
  // Diagnostics name the reader's name: a workbook's names its sheet.
  const std::string where = text.reader->name();
  CsvRow row;
  static constexpr ColumnSpec kColumns[] = {
      {"unit_id", true, kUnitSynonyms},
      {"item_id", true, kItemSynonyms},
      {"value", true, "数值/得分/分数/分值"},
      {"key", false, "等次/档次/来源"},
      {"period", false, "期间/考核期"},
      {"rater", false, "评议人/评分人/打分人"}};
  // A wide sheet's (input/wide_sheet.h): only the unit is required, and
  // item_id, value and key, found, are the error of two layouts in one.
  static constexpr ColumnSpec kWideColumns[] = {
      {"unit_id", true, kUnitSynonyms},
      {"item_id", false, kItemSynonyms},
      {"value", false, "数值/得分/分数/分值"},
      {"key", false, "等次/档次/来源"},
      {"period", false, "期间/考核期"},
      {"rater", false, "评议人/评分人/打分人"}};
  CsvHeader header;
  std::vector<int> found;
  HeaderRow header_row;
  Diagnostics long_problems;
  Diagnostics wide_problems;
  const HeaderMap* own = &scheme.columns.measures;
  const MeasureLayout layout = scheme.columns.measure_layout;
  HeaderFound got = HeaderFound::kBad;
  if (layout != MeasureLayout::kWide) {
    got = read_sheet_header(*text.reader, kColumns, own, sheet.skip_for(path), long_problems,
                            header, found, stats.form.title_rows, &header_row);
    if (got == HeaderFound::kFound &&
        !check_one_layout(header, std::span(found).subspan(1, 3), found, scheme, where,
                          header_row, diags)) {
      stats.read_through = false;
      return stats;
    }
  }
  std::vector<WideColumn> wide;  // empty: the long layout
  if (got == HeaderFound::kBad && layout != MeasureLayout::kLong) {
    // No long header: a wide one (a unit column, a column per item) is
    // read from the top again. Only then: a long file costs nothing more.
    if (layout != MeasureLayout::kWide) {
      text = SheetText{};
      std::rewind(f.get());
      text = open_sheet(path, f.get(), sheet);
    }
    std::vector<int> cols;
    got = read_sheet_header(*text.reader, kWideColumns, own, sheet.skip_for(path),
                            wide_problems, header, cols, stats.form.title_rows, &header_row);
    if (got == HeaderFound::kFound && (cols[1] >= 0 || cols[2] >= 0 || cols[3] >= 0)) {
      // Some long column: with an item column beside it, that is the
      // error to show; under a declared wide layout, the long header is.
      got = HeaderFound::kBad;
      if (!check_one_layout(header, std::span(cols).subspan(1, 3), cols, scheme, where,
                            header_row, diags)) {
        stats.read_through = false;
        return stats;
      }
    } else if (got == HeaderFound::kFound) {
      switch (find_wide_columns(header, cols, scheme, where, header_row, diags, wide)) {
        case WideFound::kWide:
          found = std::move(cols);
          break;
        case WideFound::kBad:
          stats.read_through = false;
          return stats;
        case WideFound::kNotWide:
          got = HeaderFound::kBad;
          break;
      }
    }
    if (got == HeaderFound::kBad && layout == MeasureLayout::kWide &&
        wide_problems.error_count() == 0) {
      diags.error(where, header_row.line, 0,
                  tr("the scheme declares its measures files wide, and this header names no "
                     "measure item"),
                  header_row.raw,
                  trf("a wide sheet has a unit column and one column per item, "
                              "headed by its id or name; for the long layout, remove "
                              "'layout: wide' from 'columns: measures' (line {} of the "
                              "scheme)",
                              scheme.columns.measure_layout_pos.line));
      stats.read_through = false;
      return stats;
    }
  }
  if (got != HeaderFound::kFound) {
    const Diagnostics& problems =
        layout == MeasureLayout::kWide ? wide_problems : long_problems;
    for (const Diagnostic& d : problems.list()) diags.add(d);
  }
  if (got == HeaderFound::kNoRows) return stats;
  if (got == HeaderFound::kBad) {
    stats.read_through = false;
    return stats;
  }
  CsvReader& reader = *text.reader;
  const std::optional<std::vector<int>> cols = std::move(found);
  const int c_unit = (*cols)[0];
  const int c_item = (*cols)[1];
  const int c_value = (*cols)[2];
  const int c_key = (*cols)[3];
  const int c_period = (*cols)[4];
  const int c_rater = (*cols)[5];
  RowErrors errors(where, diags);
  const UnitIndex units(roster);
  std::vector<std::string> measure_leaves;
  // The keys each node's rule expects, worked out once, not once a row.
  std::vector<std::vector<std::string>> keys_of;
  keys_of.reserve(scheme.nodes.size());
  for (const auto& n : scheme.nodes) {
    // A leaf scored per sub-period is named as written, once.
    if (n.is_leaf() && rule_reads_measures(n.rule.kind) && n.sub_period <= 0) {
      measure_leaves.push_back(n.periodic >= 0 ? n.template_id : n.id);
    }
    keys_of.push_back(n.rule.measure_keys());
  }

  // One measure row: `item` with value `value_text` for `unit` (-1:
  // unknown, reported), from fields c_item, c_value (and c_key, -1: none,
  // holding `key`) of `row`; a second value is reported at field c_at. A
  // long row is one; a wide row is one per non-empty item cell.
  auto read_one = [&](const CsvRow& row, std::string_view unit_id, int unit,
                      const std::string& item, std::string_view value_text,
                      const std::string& key, int c_item, int c_value, int c_key,
                      int c_at) {
    const std::int64_t before = errors.count();
      const std::string_view period = c_period >= 0 ? row.fields[c_period] : std::string_view();
      bool item_reported = false;
      const int n = measure_node(scheme, row, item, period, value_text == "NA", c_item,
                                 c_period, errors, item_reported);
      const Node* node = n >= 0 ? &scheme.nodes[n] : nullptr;
      if (item_reported) {
        // reported by measure_node
      } else if (node == nullptr) {
        errors.add(row, c_item + 1, trf("unknown item_id \"{}\"", item),
                   errors.shown() ? unknown_item_hint(item, measure_leaves, "measures",
                                                      tr(" (or NA for a group)"))
                                  : std::string());
      } else if ((!node->is_leaf() || !rule_reads_measures(node->rule.kind)) &&
                 value_text == "NA" &&
                 key.empty()) {
        // NA on a group or an event item: the whole node does not apply.
        table.mark_node_na();
      } else if (!node->is_leaf()) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" ({}) groups other items; measures go "
                               "to one of its leaves", item, node->name),
                   tr("only NA (the group does not apply) may be given for a group"));
        node = nullptr;
      } else if (node->rule.kind == RuleKind::kResult) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" ({}) is converted from another assessment's "
                               "result, not scored from measures", item, node->name),
                   tr("remove this row; only NA (the item does not apply) may be given here"));
        node = nullptr;
      } else if (!rule_reads_measures(node->rule.kind)) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" ({}) is scored from events, not measures",
                               item, node->name),
                   tr("move this row to an events file; only NA (the item does not "
                      "apply) may be given here"));
        node = nullptr;
      }
      if (node && unit >= 0 &&
          !scheme.applies_to_category(n, roster.units[unit].category)) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" does not apply to unit \"{}\" (category "
                               "\"{}\")", item, unit_id, roster.units[unit].category),
                   tr("a row for an item that does not apply is a mistake in the data"));
        node = nullptr;
      }
      Measure m;
      m.file = file_index;
      m.line = row.line;
      m.key = key;
      const std::string_view rater = c_rater >= 0 ? row.fields[c_rater] : std::string_view();
      const bool sheets = node && node->rule.kind == RuleKind::kSheets;
      if (node && !sheets && !rater.empty()) {
        errors.add(row, c_rater + 1,
                   trf("item \"{}\" ({}) takes no rater, got rater \"{}\"", item,
                               node->name, rater),
                   tr("a rater names one sheet of a 'sheets' item (评议表); leave the "
                      "rater column empty for this item"));
      } else if (sheets && value_text == "NA" && !rater.empty()) {
        errors.add(row, c_rater + 1,
                   tr("NA says the whole item does not apply; leave the rater empty"),
                   tr("an NA row is no rater's sheet: write NA alone, or the rater's mark"));
      }
      if (node && rule_reads_measures(node->rule.kind)) {
        const std::vector<std::string>& keys = keys_of[n];
        if (value_text == "NA") {
          if (!key.empty()) {
            errors.add(row, c_key + 1,
                       tr("NA says the whole item does not apply; leave the key empty"));
          }
        } else if (keys.empty() && !key.empty()) {
          errors.add(row, c_key + 1,
                     sheets ? trf("item \"{}\" has no rater groups, got key \"{}\"",
                                          item, key)
                            : trf("item \"{}\" takes one value without a key, got "
                                          "key \"{}\"", item, key),
                     sheets ? tr("leave the key column empty (one plain mean of every sheet), "
                                 "or declare the item's 'groups'")
                            : tr("leave the key column empty for this item"));
        } else if (!keys.empty() &&
                   std::find(keys.begin(), keys.end(), key) == keys.end()) {
          std::string hint = did_you_mean(key, keys);
          if (hint.empty()) {
            hint = sheets ? trf("the rater groups are: {}", fmt::join(keys, ", "))
                          : trf("the keys are: {}", fmt::join(keys, ", "));
          }
          std::string message =
              key.empty() ? (sheets ? trf("item \"{}\" needs a rater group in the key column", item)
                                    : trf("item \"{}\" needs a key", item))
              : sheets    ? trf("unknown rater group \"{}\" for item \"{}\"", key, item)
                          : trf("unknown key \"{}\" for item \"{}\"", key, item);
          errors.add(row, c_key >= 0 ? c_key + 1 : 0, std::move(message), hint);
        }
      }
      if (value_text != "NA") {
        std::optional<Decimal> v = Decimal::parse(value_text);
        std::string percent_problem;
        if (!v) v = excel_value(node && rule_reads_measures(node->rule.kind) ? node : nullptr,
                                value_text, percent_problem);
        if (!percent_problem.empty()) {
          errors.add(row, c_value + 1, std::move(percent_problem),
                     tr("a percentage is read only for an item whose value is a ratio: "
                        "completion, all_or_nothing, scaled, mean, scaled_deduction, "
                        "sheets, and bands written as percentages"));
        } else if (v) {
          m.value = *v;
          if (node && rule_reads_measures(node->rule.kind)) {
            ValueProblem problem = value_problem(*node, *v);
            if (!problem.message.empty()) {
              errors.add(row, c_value + 1, std::move(problem.message),
                         std::move(problem.hint));
            }
          }
        } else {
          std::string hint = tr("write a plain decimal such as 92.5, or NA");
          if (value_text.find(',') != std::string_view::npos) {
            hint = tr("use '.' as the decimal point; a thousands separator ',' stands only "
                      "between groups of three digits, as in \"1,234.5\"");
          } else if (const std::optional<std::string> folded = fold_full_width(value_text);
                     (folded ? *folded : std::string(value_text)).ends_with('%')) {
            const std::string t = folded ? *folded : std::string(value_text);
            hint = parse_excel_decimal(std::string_view(t).substr(0, t.size() - 1))
                       ? tr("a percentage takes at most six decimals once converted: write "
                            "85% or 0.85")
                       : tr("write a percentage as a number and '%', with no space: 85%");
          }
          errors.add(row, c_value + 1,
                     value_text.empty() ? std::string(tr("empty value"))
                                  : trf("value \"{}\" is not a number", value_text),
                     hint);
        }
      }
      if (errors.count() != before && unit >= 0 && node) {
        // Scoring then does not report the unit again for lacking this row.
        table.mark_rejected(unit, n);
      }
      if (errors.count() == before && unit >= 0 && node && sheets) {
        // Any number of sheets per group, one per rater; NA only alone (an
        // NA row is alone in its slot, as nothing is added beside it).
        if (m.value && !rater.empty()) m.rater = table.intern_rater(rater);
        const std::vector<Measure>& slot = table.slot(unit, n);
        const Measure* first =
            m.rater >= 0 ? table.sheet_of_rater(unit, n, m.rater) : nullptr;
        if (first != nullptr) {
          errors.add(row, c_rater + 1,
                     trf("a second sheet from rater \"{}\" for unit \"{}\", item "
                                 "\"{}\"{} (first given at {}:{})",
                                 rater, unit_id, item,
                                 period.empty() ? "" : trf(", period \"{}\"", period),
                                 files[first->file], first->line),
                     tr("a rater fills in one sheet per unit: keep one row per unit, item "
                        "and rater"));
        } else if (!slot.empty() && (!slot.front().value || !m.value)) {
          const Measure& prev = slot.front();
          errors.add(row, c_value + 1,
                     trf("unit \"{}\", item \"{}\"{} has sheets and NA (first "
                                 "given at {}:{})",
                                 unit_id, item,
                                 period.empty() ? "" : trf(", period \"{}\"", period),
                                 files[prev.file], prev.line),
                     tr("NA says the item does not apply to the unit: give its sheets, or "
                        "NA alone"));
        } else {
          table.add_sheet(unit, n, std::move(m));
        }
        // The unit then lacks that sheet: scoring does not report it again
        // as too few sheets.
        if (errors.count() != before) table.mark_rejected(unit, n);
      } else if (errors.count() == before && unit >= 0 && node) {
        std::vector<Measure>& slot = table.slot(unit, n);
        for (const Measure& prev : slot) {
          if (prev.key == m.key || !prev.value || !m.value) {
            errors.add(row, c_at + 1,
                       trf("a second value for unit \"{}\", item \"{}\"{}{} "
                                   "(first given at {}:{})",
                                   unit_id, item,
                                   period.empty() ? "" : trf(", period \"{}\"", period),
                                   key.empty() ? "" : trf(", key \"{}\"", key),
                                   files[prev.file], prev.line),
                       tr("keep one row per unit, item and key"));
            break;
          }
        }
        if (errors.count() == before) slot.push_back(std::move(m));
      }
  };

  while (reader.next(row)) {
    ++stats.read;
    const std::int64_t before = errors.count();
    if (static_cast<int>(row.fields.size()) != header.size()) {
      errors.add(row, 0,
                 trf("row has {} fields, the header has {}",
                             row.fields.size(), header.size()),
                 tr("quote fields that contain commas"));
      ++stats.reported;
      continue;
    }
    std::string_view unit_id = row.fields[c_unit];
    int unit = units.find(unit_id);
    if (unit < 0) {
      errors.add(row, c_unit + 1, trf("unknown unit_id \"{}\"", unit_id),
                 errors.shown() ? unknown_unit_hint(roster, unit_id) : std::string());
    }
    if (wide.empty()) {
      read_one(row, unit_id, unit, std::string(row.fields[c_item]), row.fields[c_value],
               c_key >= 0 ? std::string(row.fields[c_key]) : std::string(), c_item, c_value,
               c_key, c_unit);
    } else {
      for (const WideColumn& w : wide) {
        const std::string_view cell = row.fields[w.field];
        if (cell.empty()) continue;  // no row: the item's 'missing:' applies
        read_one(row, unit_id, unit, w.item, cell, w.key, w.field, w.field,
                 w.key.empty() ? -1 : w.field, w.field);
      }
    }
    if (errors.count() != before) {
      ++stats.reported;
    } else {
      ++stats.counted;
    }
  }
  text.describe(stats.form, sheet);
  return stats;
}

}  // namespace kaohe
