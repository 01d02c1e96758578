// Streams and validates event rows (SPEC §2, §9, §10).
#include "input/event_reader.h"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "base/messages.h"
#include "base/short_bytes.h"
#include "base/time_buckets.h"
#include "input/csv_columns.h"
#include "input/csv_reader.h"
#include "input/excel_forms.h"
#include "input/row_errors.h"
#include "input/sheet_header.h"
#include "input/sheet_text.h"
#include "input/workbook_sheet.h"
#include "input/text_decoder.h"
#include "input/unit_index.h"
#include "io/file_io.h"
#include "input/unit_period.h"
#include "scheme/sub_periods.h"
#include "scoring/lateness.h"

namespace kaohe {
namespace {

// A positive whole number written with digits only.
// At most kMaxCount, so that sums over tens of millions of rows stay exact.
constexpr std::int64_t kMaxCount = 1000000000;

std::optional<std::int64_t> parse_count(std::string_view s) {
  if (s.empty() || s[0] == '0') return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1 || v > kMaxCount) {
    return std::nullopt;
  }
  return v;
}

// The hint for points that are not a number.
std::string points_hint(std::string_view text) {
  if (text.find(',') != std::string_view::npos) {
    return tr("use '.' as the decimal point; a thousands separator ',' stands only between "
              "groups of three digits, as in \"1,234.5\"");
  }
  if (text.ends_with('%') || text.ends_with("％")) {
    return tr("points are an amount, not a percentage: write a plain decimal such as 0.5");
  }
  return tr("write a plain decimal such as 0.5");
}

std::vector<std::string> leaf_ids(const Scheme& scheme, bool events) {
  std::vector<std::string> out;
  for (const auto& n : scheme.nodes) {
    // A leaf scored per sub-period is named as written, once.
    if (n.is_leaf() && n.sub_period <= 0 &&
        (events ? rule_reads_events(n.rule.kind) : rule_reads_measures(n.rule.kind))) {
      out.push_back(n.periodic >= 0 ? n.template_id : n.id);
    }
  }
  return out;
}

std::vector<std::string> named(const Rule& r) {
  std::vector<std::string> out;
  for (const auto& n : r.named) out.push_back(n.name);
  return out;
}

// A date packed into one word, year << 9 | month << 5 | day (never 0,
// as years have four digits), and back. Rows carry dates as codes until
// the Event is built: a std::optional<Date> copied through memory right
// after its flag byte was written stalls the CPU (a store that cannot be
// forwarded to the wider load).
inline std::uint32_t date_code(const std::optional<Date>& d) {
  if (!d) return 0;
  return static_cast<std::uint32_t>(d->year) << 9 |
         static_cast<std::uint32_t>(d->month) << 5 | static_cast<std::uint32_t>(d->day);
}
inline std::optional<Date> date_of(std::uint32_t code) {
  if (code == 0) return std::nullopt;
  return Date{static_cast<int>(code >> 9), static_cast<int>(code >> 5 & 15),
              static_cast<int>(code & 31)};
}
// The date of a date code, or Date{} (year 0).
inline Date date_or_none(std::uint32_t code) { return date_of(code).value_or(Date{}); }

// date_code(parse_excel_date(text)): the slow path behind Date::parse,
// out of line so that the per-row code stays as it was.
[[gnu::noinline, gnu::cold]] std::uint32_t excel_date_code(std::string_view text) {
  return date_code(parse_excel_date(text));
}

// Where an events file keeps each column (-1: absent), from its header.
struct EventColumns {
  int unit = -1, item = -1, date = -1, count = -1, tier = -1, role = -1,
      points = -1, ref = -1, due = -1, done = -1;
  int key = -1;  // row_key: a row of `kaohe sql` named by its table's key
  int size = 0;  // fields per row
};

// Checks event rows against the scheme and roster and hands the valid ones
// to a sink. One per reading thread: it remembers the items seen and the
// (unit, item) pairs known to apply, so each check runs once per pair.
class RowChecker {
 public:
  RowChecker(const Scheme& scheme, const Roster& roster, const MeasureTable& measures,
             const UnitIndex& units, const EventColumns& cols, int file_index,
             const std::string& path)
      : scheme_(scheme), roster_(roster), measures_(measures), units_(units),
        cols_(cols), header_size_(cols.size), file_index_(file_index), path_(&path),
        node_count_(scheme.nodes.size()),
        applies_((roster.units.size() * node_count_ + 63) / 64, 0) {
    // Units with days of their own (roster from/to, --as-of): each row's
    // date is tested against its unit's, as date codes.
    if (scheme.period) {
      period_codes_ = {date_code(scheme.period->from), date_code(scheme.period->to)};
    }
    // Parents precede children (Scheme::nodes).
    for (const Node& n : scheme.nodes) {
      for_every_category_.push_back(
          n.applies_to.empty() &&
          (n.parent < 0 || for_every_category_[static_cast<std::size_t>(n.parent)]));
    }
    for (const int col : {cols.points, cols.due, cols.done}) {
      if (col >= 0) points_due_done_[deadline_columns_++] = col;
    }
    bool own = scheme.as_of.has_value();
    for (const Unit& u : roster.units) own = own || u.from || u.to;
    if (own && scheme.period) {
      unit_days_.reserve(roster.units.size());
      for (const Unit& u : roster.units) {
        const std::optional<UnitPeriod> p = unit_period(scheme, u);
        unit_days_.push_back(p ? std::make_pair(date_code(p->from), date_code(p->to))
                               : std::make_pair(~std::uint32_t{0}, std::uint32_t{0}));
      }
    }
  }

  // The row_key column (-1: none), for RowErrors::set_key_column.
  int key_column() const { return cols_.key; }

  // What a row's lookups found, ahead of its check (-1: not found, or not
  // looked up yet); `home` is where its unit's search starts.
  struct Keys {
    std::size_t home = 0;
    int unit = -1;
    int node = -1;
    std::uint32_t date = 0;  // the date column's date_code(), 0: none or invalid
  };

  // Rows are checked in batches, in three passes, so that the cache misses
  // of a row's lookups overlap those of the other rows of its batch instead
  // of each stalling in turn: prefetch() asks for the unit index slot,
  // locate() finds the unit and item, parses the date, and asks for their
  // "applies" bit (and the caller asks the sink for their sums), and
  // check() does the rest. The first two passes change nothing but the
  // date memo (parse_date_code): the result is what check() alone gives.
  void prefetch(const CsvRow& row, Keys& k) const {
    if (static_cast<int>(row.fields.size()) == header_size_) {
      k.home = units_.home(row.fields[cols_.unit]);
    }
  }
  void locate(const CsvRow& row, Keys& k) {
    if (static_cast<int>(row.fields.size()) != header_size_) return;
    k.unit = units_.find(row.fields[cols_.unit], k.home);
    if (cols_.date >= 0 && !row.fields[cols_.date].empty()) {
      k.date = parse_date_code(row.fields[cols_.date]);
    }
    k.node = seen_node(row.fields[cols_.item], k.date);
    if (k.unit >= 0 && k.node >= 0) __builtin_prefetch(&applies_[pair(k.unit, k.node) / 64]);
  }

  // Checks one record; counts it in `stats`, reports its problems to
  // `errors`, and hands it to `sink` when it is valid and in the period.
  // `keys` are what locate() found for it. `lines_known`: row.line is the
  // file's line (else the event gets 0).
  void check(const CsvRow& row, Keys keys, bool lines_known, RowErrors& errors,
             InputStats& stats, EventSink& sink) {
    if (check_common(row, keys, lines_known, stats, sink)) return;
    const Scheme& scheme = scheme_;
    const Roster& roster = roster_;
    const MeasureTable& measures = measures_;
    const int file_index = file_index_;
    const int c_unit = cols_.unit, c_item = cols_.item, c_date = cols_.date,
              c_count = cols_.count, c_tier = cols_.tier, c_role = cols_.role,
              c_points = cols_.points, c_ref = cols_.ref;

    ++stats.read;
    const std::int64_t errors_before = errors.count();
    if (static_cast<int>(row.fields.size()) != header_size_) {
      errors.add(row, 0,
                 trf("row has {} fields, the header has {}",
                             row.fields.size(), header_size_),
                 tr("quote fields that contain commas"));
      ++stats.reported;
      return;
    }
    Event e;
    e.file = file_index;
    e.line = lines_known ? row.line : 0;
    std::string_view unit_id = row.fields[c_unit];
    e.unit = keys.unit;
    if (e.unit < 0) {
      errors.add(row, c_unit + 1,
                 unit_id.empty() ? std::string(tr("empty unit_id"))
                                 : trf("unknown unit_id \"{}\"", unit_id),
                 !errors.shown()   ? std::string()
                 : unit_id.empty() ? trf("every row needs the id of a unit "
                                                 "listed in {}", roster.file)
                                   : unknown_unit_hint(roster, unit_id));
    }
    std::string_view item = row.fields[c_item];
    // An item first seen in this batch was not known to locate().
    e.node = keys.node >= 0 ? keys.node : seen_node(item, keys.date);
    const SeenItem* seen_before = e.node < 0 ? seen(item) : nullptr;
    const std::vector<int>* copies =
        e.node >= 0 ? nullptr
        : seen_before ? seen_before->copies
                      : scheme.find_copies(std::string(item));
    if (copies != nullptr && !scheme.nodes[copies->front()].is_leaf()) copies = nullptr;
    if (copies != nullptr) {
      // An item scored per sub-period (`periods:`): the row's date picks
      // the copy.
      const Node& first = scheme.nodes[copies->front()];
      const Node& periodic = scheme.nodes[first.periodic];
      const bool dated = c_date >= 0 && !row.fields[c_date].empty();
      if (!rule_reads_events(first.rule.kind)) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" ({}) is scored from measures, not "
                               "events", item, first.template_name),
                   tr("move this row to a measures file"));
      } else if (!dated) {
        errors.add(row, c_date >= 0 ? c_date + 1 : 0,
                   trf("item \"{}\" is scored once per {} ('periods' of \"{}\") "
                               "and needs a date", item, every_name(periodic.periods->per),
                               periodic.id),
                   tr("the date says which sub-period the row counts in: write it as 2025-03-01"));
      } else if (keys.date != 0) {
        // Outside the period, the row is checked against the nearest copy,
        // then left out as outside the period.
        const Date d = *date_of(keys.date);
        const int i = sub_period_of(*periodic.periods, d);
        e.node = i >= 0 ? (*copies)[i]
                 : d < periodic.periods->spans.front().from ? copies->front()
                                                            : copies->back();
        if (seen_before == nullptr) {
          remember(SeenItem{head_of(item), std::string(item), copies->front(), copies});
        }
      }
      // An invalid date is reported below.
    } else if (e.node < 0) {
      int n = scheme.find(std::string(item));
      const Node* node = n >= 0 ? &scheme.nodes[n] : nullptr;
      if (node != nullptr && node->periodic >= 0) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" is kaohe's name for one sub-period of \"{}\"; "
                               "write the item's own id", item, node->template_id),
                   trf("write item_id {} with the row's date: the date picks the "
                               "sub-period", node->template_id));
      } else if (node == nullptr) {
        errors.add(row, c_item + 1, trf("unknown item_id \"{}\"", item),
                   errors.shown() ? unknown_item_hint(item, leaf_ids(scheme, true), "events")
                                  : std::string());
      } else if (!node->is_leaf()) {
        errors.add(row, c_item + 1,
                   trf("item \"{}\" ({}) groups other items; events go "
                               "to one of its leaves", item, node->name));
      } else if (!rule_reads_events(node->rule.kind)) {
        const bool result = node->rule.kind == RuleKind::kResult;
        errors.add(row, c_item + 1,
                   result ? trf("item \"{}\" ({}) is converted from another "
                                        "assessment's result, not scored from events",
                                        item, node->name)
                          : trf("item \"{}\" ({}) is scored from measures, not "
                                        "events", item, node->name),
                   result ? tr("remove this row") : tr("move this row to a measures file"));
      } else {
        e.node = n;
        remember(SeenItem{head_of(item), std::string(item), n});
      }
    }
    const Node* node = e.node >= 0 ? &scheme.nodes[e.node] : nullptr;
    const RuleKind kind = node ? node->rule.kind : RuleKind::kNone;
    if (!node || e.unit < 0 || known_to_apply(e.unit, e.node)) {
      // known to apply, or nothing to check
    } else if (!scheme.applies_to_category(e.node, roster.units[e.unit].category)) {
      errors.add(row, c_item + 1,
                 trf("item \"{}\" does not apply to unit \"{}\" (category "
                             "\"{}\")", node->id, unit_id,
                             roster.units[e.unit].category),
                 tr("a row for an item that does not apply is a mistake in the data"));
    } else if (measures.subtree_marked_na(scheme, e.unit, e.node)) {
      errors.add(row, c_item + 1,
                 trf("item \"{}\" is marked NA (does not apply) for unit "
                             "\"{}\" in the measures", node->id, unit_id),
                 tr("remove the NA row or this event row"));
    } else {
      mark_applies(e.unit, e.node);
    }

    if (c_date >= 0 && !row.fields[c_date].empty()) {
      e.date = date_of(parse_date_code(row.fields[c_date]));
      if (!e.date) {
        DateProblem p = date_problem("date", row.fields[c_date]);
        errors.add(row, c_date + 1, std::move(p.message), std::move(p.hint));
      }
    } else if (kind == RuleKind::kQuota) {
      errors.add(row, c_date >= 0 ? c_date + 1 : 0,
                 trf("item \"{}\" counts rows per {} and needs a date", node->id,
                             every_name(node->rule.quota.per)));
    }
    if (c_count >= 0 && !row.fields[c_count].empty()) {
      // The strict form, then a spreadsheet's ("1,234", full-width digits).
      std::optional<std::int64_t> c = parse_count(row.fields[c_count]);
      if (!c) c = parse_excel_count(row.fields[c_count], kMaxCount);
      if (c) {
        e.count = *c;
      } else {
        errors.add(row, c_count + 1,
                   trf("count \"{}\" is not a whole number from 1 to {}",
                               row.fields[c_count], kMaxCount),
                   tr("count is how many times it happened: 1, 2, 3 …"));
      }
    }
    auto named_column = [&](int col, RuleKind uses, const char* what, int& out) {
      if (col < 0 || row.fields[col].empty()) {
        if (node && kind == uses) {
          errors.add(row, col >= 0 ? col + 1 : 0,
                     trf("item \"{}\" needs a {} (one of {})", node->id,
                                 what, fmt::join(named(node->rule), ", ")));
        }
        return;
      }
      if (!node) return;
      std::string_view v = row.fields[col];
      // A quota with tiers (其中扩大学习不少于4次) takes a tier on some rows.
      const bool quota_tier = uses == RuleKind::kTiered && kind == RuleKind::kQuota &&
                              !node->rule.named.empty();
      if (kind != uses && !quota_tier) {
        errors.add(row, col + 1,
                   trf("item \"{}\" does not use a {}, got \"{}\"",
                               node->id, what, v),
                   trf("leave the {} column empty for this item", what));
        return;
      }
      out = node->rule.find_named(std::string(v));
      if (out < 0) {
        std::string hint = did_you_mean(v, named(node->rule));
        if (hint.empty()) {
          hint = trf("item \"{}\" knows: {}", node->id,
                             fmt::join(named(node->rule), ", "));
        }
        errors.add(row, col + 1,
                   trf("unknown {} \"{}\" for item \"{}\"", what, v, node->id),
                   hint);
      }
    };
    // Most rows leave both empty and use neither: skip the call then.
    auto given = [&](int col) { return col >= 0 && !row.fields[col].empty(); };
    if (given(c_tier) || kind == RuleKind::kTiered) {
      named_column(c_tier, RuleKind::kTiered, "tier", e.tier);
    }
    if (given(c_role) || kind == RuleKind::kRole) {
      named_column(c_role, RuleKind::kRole, "role", e.role);
    }

    const bool has_points = c_points >= 0 && !row.fields[c_points].empty();
    if (node && kind == RuleKind::kRanged) {
      if (!has_points) {
        errors.add(row, c_points >= 0 ? c_points + 1 : 0,
                   trf("item \"{}\" takes its amount from the points "
                               "column ({}–{})", node->id,
                               node->rule.range_min.to_string(),
                               node->rule.range_max.to_string()));
      } else if (auto p = parse_data_decimal(row.fields[c_points]); !p) {
        errors.add(row, c_points + 1,
                   trf("points \"{}\" is not a number",
                               row.fields[c_points]),
                   points_hint(row.fields[c_points]));
      } else if (*p < node->rule.range_min || *p > node->rule.range_max) {
        errors.add(row, c_points + 1,
                   trf("points {} is outside the range {}–{} of item \"{}\"",
                               p->to_string(), node->rule.range_min.to_string(),
                               node->rule.range_max.to_string(), node->id));
      } else {
        e.points = *p;
      }
    } else if (node && has_points) {
      errors.add(row, c_points + 1,
                 trf("item \"{}\" has a fixed amount and takes no points, "
                             "got \"{}\"", node->id, row.fields[c_points]),
                 tr("leave the points column empty for this item"));
    }
    if (given(cols_.due) || given(cols_.done) || kind == RuleKind::kLate) {
      deadline(row, node, e, errors);
    }
    if (c_ref >= 0) e.ref = row.fields[c_ref];

    if (errors.count() != errors_before) {
      ++stats.reported;
      return;
    }
    accept(row, e, stats, sink);
  }

 private:
  // The common row in fewer steps: its unit and item found by locate(),
  // the item known to apply to the unit and not one that takes points or a
  // deadline; a tiered (role) item's row with a tier (role) the item
  // names, the other column empty; any other item's row with the tier and
  // role columns empty; points, due and done empty; and its date and count
  // (when given) valid — a date given when the item needs one. Such a row
  // passes every check of check(), which is the rule; this is a shortcut
  // to the same result. False, changing nothing, for any other row.
  bool check_common(const CsvRow& row, Keys keys, bool lines_known, InputStats& stats,
                    EventSink& sink) {
    if (keys.unit < 0 || keys.node < 0 ||
        static_cast<int>(row.fields.size()) != header_size_ ||
        (!known_to_apply(keys.unit, keys.node) && !learn_applies(keys.unit, keys.node))) {
      return false;
    }
    const Rule& rule = scheme_.nodes[keys.node].rule;
    const RuleKind kind = rule.kind;
    if (kind == RuleKind::kRanged || kind == RuleKind::kLate) return false;
    const std::string_view* f = row.fields.data();
    const auto empty = [f](int col) { return col < 0 || f[col].empty(); };
    for (int i = 0; i < deadline_columns_; ++i) {
      if (!f[points_due_done_[i]].empty()) return false;
    }
    int tier = -1, role = -1;
    if (kind == RuleKind::kTiered || kind == RuleKind::kRole) {
      // It names one of the item's amounts (as check()'s named_column
      // finds it) and leaves the other column empty.
      const bool tiered = kind == RuleKind::kTiered;
      const int col = tiered ? cols_.tier : cols_.role;
      if (empty(col) || !empty(tiered ? cols_.role : cols_.tier)) return false;
      const int i = named_index(rule, f[col]);
      if (i < 0) return false;
      (tiered ? tier : role) = i;
    } else if (!empty(cols_.tier) || !empty(cols_.role)) {
      return false;
    }
    // One Event kept for this path, whose points and dates of a deadline
    // stay at their defaults (its tier and role are set below): a new
    // Event a row is a 112-byte memset (rep stos in g++ 12), which cost a
    // quarter of this function.
    Event& e = plain_event_;
    if (!empty(cols_.date)) {
      if (keys.date == 0) return false;  // locate() parsed it
      e.date = date_of(keys.date);
    } else if (kind == RuleKind::kQuota) {
      return false;
    } else {
      e.date.reset();
    }
    e.count = 1;
    if (!empty(cols_.count)) {
      const std::string_view text = f[cols_.count];
      if (text.size() == 1 && text[0] >= '1' && text[0] <= '9') {
        e.count = text[0] - '0';  // what parse_count gives, without its call
      } else {
        const std::optional<std::int64_t> c = parse_count(text);
        if (!c) return false;
        e.count = *c;
      }
    }
    e.tier = tier;
    e.role = role;
    e.unit = keys.unit;
    e.node = keys.node;
    e.file = file_index_;
    e.line = lines_known ? row.line : 0;
    e.ref = cols_.ref >= 0 ? f[cols_.ref] : std::string_view();
    ++stats.read;
    accept(row, e, stats, sink);
    return true;
  }

  // The due and done columns (deadlines, 每延迟1天扣1分): only a late item
  // takes them, and it needs a due date — the item's fixed one, or the
  // row's. Sets e.due and e.done and, when the row is valid so far, the
  // days late (scoring/lateness.h) up to the end of the unit's period.
  void deadline(const CsvRow& row, const Node* node, Event& e, RowErrors& errors) {
    if (node == nullptr) return;  // an unknown item, reported
    const int c_due = cols_.due, c_done = cols_.done;
    auto given = [&](int col) { return col >= 0 && !row.fields[col].empty(); };
    if (node->rule.kind != RuleKind::kLate) {
      for (auto [col, what] : {std::pair{c_due, "due"}, std::pair{c_done, "done"}}) {
        if (!given(col)) continue;
        errors.add(row, col + 1,
                   trf("item \"{}\" does not use a {} date, got \"{}\"", node->id,
                               what, row.fields[col]),
                   trf("leave the {} column empty for this item", what));
      }
      return;
    }
    const std::int64_t errors_before = errors.count();
    auto parse = [&](int col, const char* what, std::optional<Date>& out) {
      out = parse_data_date(row.fields[col]);
      if (!out) {
        DateProblem p = date_problem(what, row.fields[col]);
        errors.add(row, col + 1, std::move(p.message), std::move(p.hint));
      }
    };
    const std::optional<Date>& fixed = node->rule.late_due;
    if (fixed) {
      e.due = fixed;
      if (given(c_due)) {
        errors.add(row, c_due + 1,
                   trf("item \"{}\" is due {} for every row (the scheme's "
                               "'due'), got \"{}\"", node->id, fixed->to_string(),
                               row.fields[c_due]),
                   tr("leave the due column empty for this item"));
      }
    } else if (given(c_due)) {
      parse(c_due, "due", e.due);
    } else {
      errors.add(row, c_due >= 0 ? c_due + 1 : 0,
                 trf("item \"{}\" counts days late and needs a due date", node->id),
                 c_due >= 0 ? tr("fill the due column, e.g. 2025-03-31")
                            : tr("add a due column, or give the item a fixed 'due' in the scheme"));
    }
    if (given(c_done)) parse(c_done, "done", e.done);
    if (errors.count() != errors_before || e.unit < 0) return;
    e.late_days = days_late(node->rule, scheme_.calendar, *e.due, e.done,
                            node_days(scheme_, roster_.units[e.unit], e.node));
  }

  // Counts a valid row `e` and hands it to `sink` when it is in the period;
  // otherwise counts it as outside. A row without a date is tested by its
  // due date, when it has one: a task due in another period belongs there.
  void accept(const CsvRow& row, const Event& e, InputStats& stats, EventSink& sink) {
    const std::optional<Period>& period = scheme_.period;
    const std::optional<Date>& when = e.date ? e.date : e.due;
    bool outside = false;
    if (!when) {
      // Rows without a date are counted (SPEC §10).
    } else if (unit_days_.empty()) {
      const std::uint32_t code = date_code(when);
      outside = period && (code < period_codes_.first || period_codes_.second < code);
    } else {
      const std::uint32_t code = date_code(when);
      const auto& [from, to] = unit_days_[static_cast<std::size_t>(e.unit)];
      outside = code < from || to < code;
    }
    if (outside) {
      // Inside the period of the run (up to --as-of): left out by the
      // unit's own days.
      const Date last = scheme_.as_of ? std::min(*scheme_.as_of, period->to) : period->to;
      if (period && !(*when < period->from || last < *when)) stats.outside_own_days = true;
      if (stats.outside == 0) {
        stats.first_outside_line = row.line;
        stats.first_outside_text = std::string(row.raw);
      }
      ++stats.outside;
      return;
    }
    ++stats.counted;
    try {
      sink.on_event(e);
    } catch (const Error& err) {
      // A sum that overflows (a count or an amount too large to add up):
      // the row that made it, shown, so that it can be found and fixed.
      Diagnostic d;
      d.file = *path_;
      d.line = row.line;
      d.message = err.diagnostics().empty() ? std::string(tr("arithmetic overflow"))
                                            : err.diagnostics().front().message;
      d.source_line = std::string(row.raw);
      d.hint = tr("this row's count or points make its item's total too large to add up; "
                  "check the count and points columns");
      throw Error(err.exit_code(), d);
    }
  }

  // Rule::find_named of `name` without making a std::string of it.
  static int named_index(const Rule& rule, std::string_view name) {
    for (std::size_t i = 0; i < rule.named.size(); ++i) {
      if (rule.named[i].name == name) return static_cast<int>(i);
    }
    return -1;
  }
  static std::uint64_t head_of(std::string_view id) {
    return pack_bytes(id.data(), std::min<std::size_t>(id.size(), 8));
  }
  struct SeenItem;
  // An item seen before (a valid event leaf, or one scored per
  // sub-period), or nullptr.
  const SeenItem* seen(std::string_view item) const {
    const std::uint64_t head = head_of(item);
    // The first item seen (most of a log's rows, often), then the item's
    // slot: a ledger of 20 items would walk 10 a row.
    const auto same = [&](const SeenItem& s) {
      return s.head == head && s.id.size() == item.size() && (item.size() <= 8 || s.id == item);
    };
    if (!seen_items_.empty() && same(seen_items_.front())) return &seen_items_.front();
    const std::uint8_t at = item_slots_[item_slot(head, item.size())];
    if (at != 0 && same(seen_items_[at - 1])) return &seen_items_[at - 1];
    for (const SeenItem& s : seen_items_) {
      if (same(s)) return &s;
    }
    return nullptr;
  }
  // The node of an item seen before, or -1: for an item scored per
  // sub-period, the copy whose sub-period holds the row's date (a
  // date_code; -1 without a valid date inside the period).
  int seen_node(std::string_view item, std::uint32_t date) const {
    const SeenItem* s = seen(item);
    if (s == nullptr) return -1;
    if (s->copies == nullptr) return s->node;
    if (date == 0) return -1;
    const int i = sub_period_of(*scheme_.nodes[scheme_.nodes[s->node].periodic].periods,
                                *date_of(date));
    return i < 0 ? -1 : (*s->copies)[i];
  }
  // date_code(parse_data_date(text)), remembering the texts of ISO length
  // and what they gave, one slot per month and day digits (dates_, below):
  // a log in date order repeats the date of the row before, and a ledger
  // in any order has a year's dates at most. Each slot starts with an
  // invalid text, known to give 0. A spreadsheet's form (2025/3/1) is
  // tried only when Date::parse fails (parse_data_date), so ISO costs what
  // it did.
  std::uint32_t parse_date_code(std::string_view text) {
    // Date::parse takes ten bytes only: any other length is a slow form.
    if (text.size() != 10) [[unlikely]] return excel_date_code(text);
    const std::uint64_t head = pack_bytes(text.data(), 8);
    const auto tail = static_cast<std::uint16_t>(pack_bytes(text.data() + 8, 2));
    if (const DateSlot& last = dates_[last_date_]; head == last.head && tail == last.tail) {
      return last.code;
    }
    // "YYYY-MM-DD": the low bits of the digits of MM (bytes 5, 6) and DD
    // (8, 9) tell the 12 × 31 valid month days apart.
    const std::size_t slot =
        ((head >> 40 & 1) << 9 | (head >> 48 & 15) << 5 | (tail & 3) << 4 | (tail >> 8 & 15)) %
        kDateSlots;
    DateSlot& d = dates_[slot];
    if (head != d.head || tail != d.tail) {
      std::uint32_t code = date_code(Date::parse(text));
      if (code == 0) [[unlikely]] code = excel_date_code(text);
      d = DateSlot{head, tail, code};
    }
    last_date_ = slot;
    return d.code;
  }
  // Per unit, the first and last date code of its days, when some unit has
  // days of its own; empty when every unit's are the scheme's period.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> unit_days_;
  std::pair<std::uint32_t, std::uint32_t> period_codes_;  // the scheme's period, as date codes
  Event plain_event_;  // check_common()'s row
  // The bit of (unit, node) in applies_, whether it is set, and setting it.
  std::size_t pair(int unit, int node) const {
    return static_cast<std::size_t>(unit) * node_count_ + static_cast<std::size_t>(node);
  }
  bool known_to_apply(int unit, int node) const {
    const std::size_t bit = pair(unit, node);
    return (applies_[bit / 64] >> (bit % 64) & 1) != 0;
  }
  void mark_applies(int unit, int node) {
    const std::size_t bit = pair(unit, node);
    applies_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  // The test check() makes of a pair not yet known to apply, marking it
  // when it passes; false (reported by check()) when the item does not
  // apply to the unit's category or is marked NA for it. With many units
  // and few rows each, most rows are a pair's first: this keeps them on
  // check_common's path.
  [[gnu::noinline]] bool learn_applies(int unit, int node) {
    if ((!for_every_category_[static_cast<std::size_t>(node)] &&
         !scheme_.applies_to_category(node, roster_.units[unit].category)) ||
        measures_.subtree_marked_na(scheme_, unit, node)) {
      return false;
    }
    mark_applies(unit, node);
    return true;
  }

  const Scheme& scheme_;
  const Roster& roster_;
  const MeasureTable& measures_;
  const UnitIndex& units_;
  const EventColumns cols_;
  // Those of the points, due and done columns the file has, for
  // check_common(), which needs them empty: most files have none.
  std::array<int, 3> points_due_done_{};
  int deadline_columns_ = 0;
  const int header_size_;
  const int file_index_;
  const std::string* path_;  // the file, for an overflow's diagnostic
  // Leaf lookups repeat on every row: the valid event leaves seen so far,
  // each with its first bytes packed for a one-word compare.
  struct SeenItem {
    std::uint64_t head = 0;  // pack_bytes of the id's first (up to 8) bytes
    std::string id;
    int node = -1;
    // An item scored per sub-period: its copies (Scheme::copies), in
    // date order; `node` is the first.
    const std::vector<int>* copies = nullptr;
  };
  std::vector<SeenItem> seen_items_;
  // Of each slot (item_slot of an id's head and length), 1 + the index in
  // seen_items_ of the first item seen there (of the first 255), or 0.
  static constexpr std::size_t kItemSlots = 64;
  static std::size_t item_slot(std::uint64_t head, std::size_t size) {
    return ((head + size) * 0x9E3779B97F4A7C15ULL) >> 58;  // 6 bits: kItemSlots
  }
  std::array<std::uint8_t, kItemSlots> item_slots_{};
  void remember(SeenItem s) {
    std::uint8_t& at = item_slots_[item_slot(s.head, s.id.size())];
    if (at == 0 && seen_items_.size() < 255) at = static_cast<std::uint8_t>(seen_items_.size() + 1);
    seen_items_.push_back(std::move(s));
  }
  const std::size_t node_count_;  // scheme_.nodes.size(), for pair()
  // Per node, whether neither it nor a node above it has `applies_to`:
  // learn_applies() then need not compare the unit's category.
  std::vector<bool> for_every_category_;
  // The (unit, node) pairs known to apply (category and NA rows checked),
  // one bit each (see pair()).
  std::vector<std::uint64_t> applies_;
  // Date texts parsed (8 + 2 bytes) and their results, by the slot
  // parse_date_code() works out (10 bits: 1 + 4 of MM, 2 + 4 of DD);
  // each starts as "0000-00-00", which gives 0.
  static constexpr std::size_t kDateSlots = 1024;
  struct DateSlot {
    std::uint64_t head = pack_bytes("0000-00-", 8);
    std::uint16_t tail = static_cast<std::uint16_t>(pack_bytes("00", 2));
    std::uint32_t code = 0;
  };
  std::vector<DateSlot> dates_ = std::vector<DateSlot>(kDateSlots);
  // The slot of the date before, tried first: one compare a row in a
  // log in date order, as before there were slots. An index, not a
  // pointer, so that copies of the checker (one per part) stay right.
  std::size_t last_date_ = 0;
};

// Reads the header record of `reader` into `cols`. False when the file is
// empty (it holds no events) or its header is wrong: a required column
// missing, a column repeated or only a variant in case or spaces
// (find_columns; reported).
bool read_header(CsvReader& reader, const Scheme& scheme, Diagnostics& diags,
                 ProgressTicker* progress, int skip, EventColumns& cols, int& title_rows) {
  // `note` is not listed: kaohe never reads it, so it is an extra column
  // (备注 too). The synonyms are a clerk's Chinese headers (DESIGN §5).
  static constexpr ColumnSpec kColumns[] = {
      {"unit_id", true, kUnitSynonyms},
      {"item_id", true, kItemSynonyms},
      {"date", false, "日期/发生日期"},
      {"count", false, "次数/数量"},
      {"tier", false, "级别/等级"},
      {"role", false, "角色"},
      {"points", false, "分值/分数"},
      {"ref", false, "文号/依据"},
      {"due", false, "截止日期/应完成日期"},
      {"done", false, "完成日期/实际完成日期"},
      {"row_key", false}};
  CsvHeader header;
  std::vector<int> columns;
  if (read_sheet_header(reader, kColumns, &scheme.columns.events, skip, diags, header, columns,
                        title_rows) != HeaderFound::kFound) {
    return false;
  }
  const std::optional<std::vector<int>> found = std::move(columns);
  cols.unit = (*found)[0];
  cols.item = (*found)[1];
  cols.date = (*found)[2];
  cols.count = (*found)[3];
  cols.tier = (*found)[4];
  cols.role = (*found)[5];
  cols.points = (*found)[6];
  cols.ref = (*found)[7];
  cols.due = (*found)[8];
  cols.done = (*found)[9];
  cols.key = (*found)[10];
  cols.size = header.size();
  if (progress != nullptr) progress->add(reader.bytes_read());
  return true;
}

// Rows checked together (see RowChecker::prefetch).
constexpr std::size_t kBatchRows = 32;

// Reads the records left in `reader` through `checker`.
void check_rows(CsvReader& reader, RowChecker& checker, bool lines_known,
                RowErrors& errors, InputStats& stats, EventSink& sink,
                ProgressTicker* progress) {
  std::vector<CsvRow> rows(kBatchRows);
  std::array<RowChecker::Keys, kBatchRows> keys;
  std::uint64_t reported = reader.bytes_read();
  while (std::size_t n = reader.next_batch(rows)) {
    for (std::size_t i = 0; i < n; ++i) {
      keys[i] = RowChecker::Keys{};
      checker.prefetch(rows[i], keys[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      checker.locate(rows[i], keys[i]);
      if (keys[i].unit >= 0 && keys[i].node >= 0) {
        sink.prefetch(keys[i].unit, keys[i].node, date_or_none(keys[i].date));
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      checker.check(rows[i], keys[i], lines_known, errors, stats, sink);
    }
    if (progress != nullptr && reader.bytes_read() != reported) {
      progress->add(reader.bytes_read() - reported);
      reported = reader.bytes_read();
    }
  }
  if (progress != nullptr) progress->add(reader.bytes_read() - reported);
}

// One part of a file read on its own thread: the bytes [begin, end), which
// start and end at record boundaries if the guess that split the file was
// right (see read_in_parts).
struct Part {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::unique_ptr<EventSink> sink;
  Diagnostics diags;         // its first row errors, lines from its start
  std::int64_t errors = 0;   // all its row errors
  InputStats stats;
  int lines = 0;             // line breaks in the part
  std::exception_ptr failed; // anything thrown while reading it
};

// Reads `part` through a checker of its own; never throws.
void read_part(Part& part, CsvReader& reader, bool first, const RowChecker& proto,
               ProgressTicker* progress) {
  try {
    RowChecker checker = proto;
    RowErrors errors(reader.name(), part.diags);
    errors.set_key_column(checker.key_column());
    check_rows(reader, checker, first, errors, part.stats, *part.sink, progress);
    part.errors = errors.count();
    errors.discard_summary();
    part.lines = reader.next_line() - 1;
  } catch (...) {
    part.failed = std::current_exception();
  }
}

// The offset just past the first LF at or after `from` in [from, size), or
// 0 when there is none.
std::uint64_t after_line_break(const std::string& path, int fd, std::uint64_t from,
                               std::uint64_t size) {
  std::unique_ptr<ByteSource> src = open_range(path, fd, from, size);
  std::vector<char> block(64 * 1024);
  for (std::uint64_t at = from;;) {
    std::size_t got = src->read(block.data(), block.size());
    if (got == 0) return 0;
    if (const void* lf = std::memchr(block.data(), '\n', got)) {
      return at + static_cast<std::uint64_t>(static_cast<const char*>(lf) - block.data()) + 1;
    }
    at += got;
  }
}

// The size of `f` when it is a regular UTF-8 file worth reading in parts
// under `options`, else 0.
std::uint64_t splittable_size(std::FILE* f, const ReadOptions& options) {
  if (options.threads < 2 || options.sheet.encoding == Encoding::kGb18030) return 0;
  struct stat st {};
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  auto size = static_cast<std::uint64_t>(st.st_size);
  if (size == 0 || size < options.split_bytes) return 0;
  // UTF-16 (a byte-order mark FF FE or FE FF) is converted: read as one.
  unsigned char head[2] = {0, 0};
  if (::pread(fileno(f), head, 2, 0) == 2 &&
      ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) {
    return 0;
  }
  return size;
}

// Reads a big file in parts on several threads, each part with its own
// checker, errors and sink, then joins them in file order. The file is cut
// just after a line break near each 1/n of its size, guessing that the
// break ends a record (not one inside a quoted field). The guess holds
// exactly when every part before the last ends its last record at its end:
// a part that ends inside quotes fails with an unterminated quote. When
// any part fails, nothing is kept (a shared sink is cleared) and false is
// returned: the caller reads the file on one thread, which reports what is
// wrong as usual. Otherwise the joined result (rows, sums, errors with
// their lines, counts) is what reading on one thread gives.
bool read_in_parts(const std::string& path, int fd, std::uint64_t size, int file_index,
                   const Scheme& scheme, const Roster& roster, const MeasureTable& measures,
                   EventSink& sink, Diagnostics& diags, const ReadOptions& options,
                   InputStats& stats) {
  // Where the parts begin: the first at 0, the others after a line break.
  std::vector<std::uint64_t> begins{0};
  // As many parts as threads, but no more split sinks (one a part) than
  // the budget holds: -j caps the threads' memory as well as their number.
  // When they do not all fit, the parts add to the sink's own sums
  // instead, if it shares them (EventSink::share).
  auto n = static_cast<std::uint64_t>(options.threads);
  std::unique_ptr<EventSink> first_shared;
  if (const std::size_t each = sink.split_bytes();
      each > 0 && options.parts_memory / each < n) {
    first_shared = sink.share();
    if (!first_shared) n = std::min<std::uint64_t>(n, options.parts_memory / each);
  }
  const bool shared = first_shared != nullptr;
  for (std::uint64_t k = 1; k < n; ++k) {
    std::uint64_t at = after_line_break(path, fd, std::max(size * k / n, begins.back()), size);
    if (at == 0 || at >= size) break;
    if (at > begins.back()) begins.push_back(at);
  }
  if (begins.size() < 2) return false;
  std::vector<Part> parts(begins.size());
  std::vector<std::unique_ptr<ByteSource>> sources;
  std::vector<std::unique_ptr<CsvReader>> readers;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    parts[k].begin = begins[k];
    parts[k].end = k + 1 < begins.size() ? begins[k + 1] : size;
    parts[k].sink = !shared ? sink.split() : k == 0 ? std::move(first_shared) : sink.share();
    if (!parts[k].sink) return false;
    sources.push_back(open_range(path, fd, parts[k].begin, parts[k].end));
    readers.push_back(std::make_unique<CsvReader>(path, *sources.back()));
  }

  // The header, from the first part; the others read as it does.
  CsvReader& first = *readers[0];
  first.set_delimiter(options.sheet.delimiter);
  EventColumns cols;
  const int skip = options.sheet.skip_for(path);
  try {
    if (!read_header(first, scheme, diags, options.progress, skip, cols,
                     stats.form.title_rows)) {
      return true;
    }
  } catch (const Error&) {
    return false;  // not UTF-8 (a GBK header), or bad: one thread says what
  }
  for (std::size_t k = 1; k < readers.size(); ++k) readers[k]->follow(first);

  const UnitIndex units(roster);
  const RowChecker proto(scheme, roster, measures, units, cols, file_index, path);
  std::vector<std::thread> threads;
  threads.reserve(parts.size() - 1);
  std::size_t started = 1;
  try {
    for (; started < parts.size(); ++started) {
      threads.emplace_back(read_part, std::ref(parts[started]), std::ref(*readers[started]),
                           false, std::cref(proto), options.progress);
    }
  } catch (const std::system_error&) {
    // No more threads to be had (a process or memory limit): the parts
    // left are read on this thread, one after another — the same result.
  }
  read_part(parts[0], first, true, proto, options.progress);
  for (std::size_t k = started; k < parts.size(); ++k) {
    read_part(parts[k], *readers[k], false, proto, options.progress);
  }
  for (std::thread& t : threads) t.join();
  for (const Part& part : parts) {
    if (part.failed) {
      if (shared) sink.clear();  // the parts' rows are in it
      return false;
    }
  }

  // The parts' sums. Split sinks gather in the first before any reaches
  // `sink`, so that a sum that overflows leaves `sink` as it was; one
  // thread then reads the file and says at which row. Shared sums have
  // overflowed in a part already, if at all.
  if (shared) {
    for (Part& part : parts) sink.join(*part.sink);
  } else {
    for (std::size_t k = 1; k < parts.size(); ++k) {
      if (!parts[0].sink->join(*parts[k].sink)) return false;
    }
    if (!sink.join(*parts[0].sink)) return false;
  }

  RowErrors errors(path, diags);
  int line_offset = 0;
  for (Part& part : parts) {
    errors.absorb(part.diags.list(), part.errors, line_offset);
    if (stats.outside == 0 && part.stats.outside > 0) {
      stats.first_outside_line = part.stats.first_outside_line + line_offset;
      stats.first_outside_text = part.stats.first_outside_text;
    }
    line_offset += part.lines;
    stats.read += part.stats.read;
    stats.counted += part.stats.counted;
    stats.outside += part.stats.outside;
    stats.outside_own_days = stats.outside_own_days || part.stats.outside_own_days;
    stats.reported += part.stats.reported;
  }
  // How it was read, as one thread would say it.
  unsigned char bom[3] = {0, 0, 0};
  const bool has_bom = ::pread(fd, bom, 3, 0) == 3 && bom[0] == 0xEF && bom[1] == 0xBB &&
                       bom[2] == 0xBF;
  stats.form.encoding = has_bom ? "UTF-8 with BOM" : "UTF-8";
  stats.form.delimiter = first.delimiter();
  stats.form.delimiter_forced = options.sheet.delimiter != 0;
  stats.form.title_forced = skip >= 0;
  stats.form.empty_columns = first.unnamed_columns();
  for (const auto& reader : readers) stats.form.empty_rows += reader->empty_rows();
  return true;
}

}  // namespace

InputStats read_events(const std::string& path, int file_index,
                       const Scheme& scheme, const Roster& roster,
                       const MeasureTable& measures, EventSink& sink,
                       Diagnostics& diags, const ReadOptions& options) {
  InputStats stats;
  stats.kind = "events";
  stats.file = path;
  FilePtr f = open_sheet_file(path);
  // A workbook is one zip stream: never read in parts.
  if (std::uint64_t size = is_workbook_path(path) ? 0 : splittable_size(f.get(), options)) {
    // The parts' diagnostics join `diags` only when they all succeed.
    Diagnostics part_diags;
    InputStats part_stats = stats;
    if (read_in_parts(path, fileno(f.get()), size, file_index, scheme, roster, measures,
                      sink, part_diags, options, part_stats)) {
      for (const Diagnostic& d : part_diags.list()) diags.add(d);
      return part_stats;
    }
  }
  SheetText text = open_sheet(path, f.get(), options.sheet);
  CsvReader& reader = *text.reader;
  EventColumns cols;
  if (!read_header(reader, scheme, diags, options.progress, options.sheet.skip_for(path), cols,
                   stats.form.title_rows)) {
    return stats;
  }

  // Diagnostics name the reader's name: a workbook's names its sheet.
  RowErrors errors(reader.name(), diags);
  errors.set_key_column(cols.key);
  const UnitIndex units(roster);
  RowChecker checker(scheme, roster, measures, units, cols, file_index, reader.name());
  check_rows(reader, checker, true, errors, stats, sink, options.progress);
  text.describe(stats.form, options.sheet);
  return stats;
}

}  // namespace kaohe
