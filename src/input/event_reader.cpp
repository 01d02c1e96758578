// Streams and validates event rows (SPEC §2, §9, §10).
#include "input/event_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <utility>
#include <vector>

#include "input/csv_columns.h"
#include "input/csv_reader.h"
#include "input/row_errors.h"
#include "input/text_decoder.h"
#include "io/file_io.h"

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

std::vector<std::string> leaf_ids(const Scheme& scheme, bool events) {
  std::vector<std::string> out;
  for (const auto& n : scheme.nodes) {
    if (n.is_leaf() && (events ? rule_reads_events(n.rule.kind)
                               : rule_reads_measures(n.rule.kind))) {
      out.push_back(n.id);
    }
  }
  return out;
}

std::vector<std::string> named(const Rule& r) {
  std::vector<std::string> out;
  for (const auto& n : r.named) out.push_back(n.name);
  return out;
}

// Unit ids to roster positions, for the lookup on every row: open
// addressing over a power-of-two table of 16-byte slots that hold short ids
// (up to 11 bytes) themselves, so a lookup usually reads one slot. At
// 10,000 units the table stays in the core's cache, where the roster's own
// node-based map does not.
class UnitIndex {
 public:
  explicit UnitIndex(const Roster& roster) : roster_(roster) {
    std::size_t size = 16;
    while (size < roster.units.size() + roster.units.size() / 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (int u = 0; u < roster.size(); ++u) {
      const Slot key = Slot::of(roster.units[u].id, u);
      std::size_t i = hash(key, roster.units[u].id) & mask_;
      while (slots_[i].unit >= 0) i = (i + 1) & mask_;
      slots_[i] = key;
    }
  }
  // Position of the unit with this exact id, or -1.
  int find(std::string_view id) const {
    const Slot key = Slot::of(id, -1);
    for (std::size_t i = hash(key, id) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.unit < 0) return -1;
      if (std::memcmp(s.key, key.key, sizeof key.key) == 0 &&
          (s.key[kShort] != kLong || roster_.units[s.unit].id == id)) {
        return s.unit;
      }
    }
  }

 private:
  static constexpr std::size_t kShort = 11;  // longest id held in a slot
  static constexpr char kLong = static_cast<char>(0xFF);
  struct Slot {
    // The id's first bytes, zero-padded, then its length, or kLong (then
    // the roster has the rest).
    char key[kShort + 1] = {};
    std::int32_t unit = -1;
    static Slot of(std::string_view id, int unit) {
      Slot s;
      std::memcpy(s.key, id.data(), std::min(id.size(), kShort));
      s.key[kShort] = id.size() <= kShort ? static_cast<char>(id.size()) : kLong;
      s.unit = unit;
      return s;
    }
  };
  // A short id's hash mixes its slot key (two loads, two multiplies); a
  // long one's covers all its bytes.
  static std::uint64_t hash(const Slot& key, std::string_view id) {
    if (id.size() > kShort) return std::hash<std::string_view>{}(id);
    std::uint64_t a = 0;
    std::uint32_t b = 0;
    std::memcpy(&a, key.key, sizeof a);
    std::memcpy(&b, key.key + sizeof a, sizeof b);
    std::uint64_t h = a * 0x9E3779B97F4A7C15ULL + b * 0xC2B2AE3D27D4EB4FULL;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
  }
  const Roster& roster_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

std::string unit_ids_hint(const Roster& roster, std::string_view id) {
  std::vector<std::string> ids;
  ids.reserve(roster.units.size());
  for (const auto& u : roster.units) ids.push_back(u.id);
  std::string hint = did_you_mean(id, ids);
  return hint.empty() ? fmt::format("every unit must be listed in {}", roster.file)
                      : hint;
}

}  // namespace

InputStats read_events(const std::string& path, int file_index,
                       const Scheme& scheme, const Roster& roster,
                       const MeasureTable& measures, EventSink& sink,
                       Diagnostics& diags, Encoding encoding) {
  InputStats stats;
  stats.kind = "events";
  stats.file = path;
  FilePtr f = open_input(path);
  std::unique_ptr<ByteSource> text = open_text(path, f.get(), encoding);
  CsvReader reader(path, *text);
  CsvRow row;
  if (!reader.next(row)) return stats;  // an empty file holds no events
  CsvHeader header(row);
  int c_unit = require_column(header, "unit_id", path, row, diags);
  int c_item = require_column(header, "item_id", path, row, diags);
  if (c_unit < 0 || c_item < 0) return stats;
  const int c_date = header.find("date");
  const int c_count = header.find("count");
  const int c_tier = header.find("tier");
  const int c_role = header.find("role");
  const int c_points = header.find("points");
  const int c_ref = header.find("ref");

  RowErrors errors(path, diags);
  const UnitIndex units(roster);
  // Leaf lookups repeat on every row: the valid event leaves seen so far.
  std::vector<std::pair<std::string, int>> seen_items;
  // The (unit, node) pairs known to apply (category and NA rows checked),
  // one bit each: the checks run once per pair, not once per row.
  const std::size_t node_count = scheme.nodes.size();
  std::vector<bool> applies(roster.units.size() * node_count, false);

  while (reader.next(row)) {
    ++stats.read;
    const std::int64_t errors_before = errors.count();
    if (static_cast<int>(row.fields.size()) != header.size()) {
      errors.add(row, 0,
                 fmt::format("row has {} fields, the header has {}",
                             row.fields.size(), header.size()),
                 "quote fields that contain commas");
      ++stats.reported;
      continue;
    }
    Event e;
    e.file = file_index;
    e.line = row.line;
    std::string_view unit_id = row.fields[c_unit];
    e.unit = units.find(unit_id);
    if (e.unit < 0) {
      errors.add(row, c_unit + 1,
                 unit_id.empty() ? std::string("empty unit_id")
                                 : fmt::format("unknown unit_id \"{}\"", unit_id),
                 errors.shown() ? unit_ids_hint(roster, unit_id) : std::string());
    }
    std::string_view item = row.fields[c_item];
    auto seen = std::find_if(seen_items.begin(), seen_items.end(),
                             [&](const auto& s) { return s.first == item; });
    if (seen != seen_items.end()) {
      e.node = seen->second;
    } else {
      int n = scheme.find(std::string(item));
      const Node* node = n >= 0 ? &scheme.nodes[n] : nullptr;
      if (node == nullptr) {
        errors.add(row, c_item + 1, fmt::format("unknown item_id \"{}\"", item),
                   errors.shown() ? did_you_mean(item, leaf_ids(scheme, true))
                                  : std::string());
      } else if (!node->is_leaf()) {
        errors.add(row, c_item + 1,
                   fmt::format("item \"{}\" ({}) groups other items; events go "
                               "to one of its leaves", item, node->name));
      } else if (!rule_reads_events(node->rule.kind)) {
        errors.add(row, c_item + 1,
                   fmt::format("item \"{}\" ({}) is scored from measures, not "
                               "events", item, node->name),
                   "move this row to a measures file");
      } else {
        e.node = n;
        seen_items.emplace_back(std::string(item), n);
      }
    }
    const Node* node = e.node >= 0 ? &scheme.nodes[e.node] : nullptr;
    const RuleKind kind = node ? node->rule.kind : RuleKind::kNone;
    const std::size_t pair =
        static_cast<std::size_t>(e.unit) * node_count + static_cast<std::size_t>(e.node);
    if (!node || e.unit < 0 || applies[pair]) {
      // known to apply, or nothing to check
    } else if (!scheme.applies_to_category(e.node, roster.units[e.unit].category)) {
      errors.add(row, c_item + 1,
                 fmt::format("item \"{}\" does not apply to unit \"{}\" (category "
                             "\"{}\")", node->id, unit_id,
                             roster.units[e.unit].category),
                 "a row for an item that does not apply is a mistake in the data");
    } else if (measures.subtree_marked_na(scheme, e.unit, e.node)) {
      errors.add(row, c_item + 1,
                 fmt::format("item \"{}\" is marked NA (does not apply) for unit "
                             "\"{}\" in the measures", node->id, unit_id),
                 "remove the NA row or this event row");
    } else {
      applies[pair] = true;
    }

    if (c_date >= 0 && !row.fields[c_date].empty()) {
      e.date = Date::parse(row.fields[c_date]);
      if (!e.date) {
        errors.add(row, c_date + 1,
                   fmt::format("date \"{}\" is not a date YYYY-MM-DD",
                               row.fields[c_date]),
                   "write dates as 2025-03-01");
      }
    } else if (kind == RuleKind::kQuota) {
      errors.add(row, c_date >= 0 ? c_date + 1 : 0,
                 fmt::format("item \"{}\" counts rows per month and needs a date",
                             node->id));
    }
    if (c_count >= 0 && !row.fields[c_count].empty()) {
      if (auto c = parse_count(row.fields[c_count])) {
        e.count = *c;
      } else {
        errors.add(row, c_count + 1,
                   fmt::format("count \"{}\" is not a whole number from 1 to {}",
                               row.fields[c_count], kMaxCount),
                   "count is how many times it happened: 1, 2, 3 …");
      }
    }
    auto named_column = [&](int col, RuleKind uses, const char* what, int& out) {
      if (col < 0 || row.fields[col].empty()) {
        if (node && kind == uses) {
          errors.add(row, col >= 0 ? col + 1 : 0,
                     fmt::format("item \"{}\" needs a {} (one of {})", node->id,
                                 what, fmt::join(named(node->rule), ", ")));
        }
        return;
      }
      if (!node) return;
      std::string_view v = row.fields[col];
      if (kind != uses) {
        errors.add(row, col + 1,
                   fmt::format("item \"{}\" does not use a {}, got \"{}\"",
                               node->id, what, v),
                   fmt::format("leave the {} column empty for this item", what));
        return;
      }
      out = node->rule.find_named(std::string(v));
      if (out < 0) {
        std::string hint = did_you_mean(v, named(node->rule));
        if (hint.empty()) {
          hint = fmt::format("item \"{}\" knows: {}", node->id,
                             fmt::join(named(node->rule), ", "));
        }
        errors.add(row, col + 1,
                   fmt::format("unknown {} \"{}\" for item \"{}\"", what, v, node->id),
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
                   fmt::format("item \"{}\" takes its amount from the points "
                               "column ({}–{})", node->id,
                               node->rule.range_min.to_string(),
                               node->rule.range_max.to_string()));
      } else if (auto p = Decimal::parse(row.fields[c_points]); !p) {
        errors.add(row, c_points + 1,
                   fmt::format("points \"{}\" is not a number",
                               row.fields[c_points]),
                   "write a plain decimal such as 0.5");
      } else if (*p < node->rule.range_min || *p > node->rule.range_max) {
        errors.add(row, c_points + 1,
                   fmt::format("points {} is outside the range {}–{} of item \"{}\"",
                               p->to_string(), node->rule.range_min.to_string(),
                               node->rule.range_max.to_string(), node->id));
      } else {
        e.points = *p;
      }
    } else if (node && has_points) {
      errors.add(row, c_points + 1,
                 fmt::format("item \"{}\" has a fixed amount and takes no points, "
                             "got \"{}\"", node->id, row.fields[c_points]),
                 "leave the points column empty for this item");
    }
    if (c_ref >= 0) e.ref = row.fields[c_ref];

    if (errors.count() != errors_before) {
      ++stats.reported;
      continue;
    }
    if (scheme.period && e.date &&
        (*e.date < scheme.period->from || scheme.period->to < *e.date)) {
      ++stats.outside;
      continue;
    }
    ++stats.counted;
    sink.on_event(e);
  }
  return stats;
}

}  // namespace kaohe
