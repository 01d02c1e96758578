// Reads the roster (units.csv).
#include "input/roster.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <utility>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/csv_reader.h"
#include "input/excel_forms.h"
#include "input/csv_columns.h"
#include "input/row_errors.h"
#include "input/sheet_header.h"
#include "input/sheet_text.h"
#include "input/text_decoder.h"
#include "io/file_io.h"

namespace kaohe {
namespace {

// Reads the rows of units.csv into `roster`, adding the problems of bad
// rows to `diags`. False when the file as a whole cannot be read (no
// header, a missing column: added to `diags` too); a CSV syntax error is
// thrown by the reader.
bool read_roster(const std::string& path, const SheetOptions& sheet, const HeaderMap* own,
                 Roster& roster, Diagnostics& diags) {
  const std::size_t extra = roster.columns.size();
  FilePtr f = open_sheet_file(path);
  SheetText text = open_sheet(path, f.get(), sheet);
  CsvReader& reader = *text.reader;
  CsvRow row;
  // In a roster 单位名称 is the unit's name; its id is 单位编码 (or 单位).
  static constexpr ColumnSpec kColumns[] = {
      {"unit_id", true, "单位/单位编码/单位代码/编码/编号"},
      {"name", true, "单位名称/名称"},
      {"category", false, "类别/单位类别/类型"},
      {"from", false, "开始日期/起始日期"},
      {"to", false, "结束日期/终止日期"}};
  // The scheme's own columns after kaohe's, required, by folded name.
  std::vector<ColumnSpec> spec(std::begin(kColumns), std::end(kColumns));
  std::vector<std::string> folded;
  folded.reserve(extra);
  for (const std::string& c : roster.columns) folded.push_back(fold_column_name(c));
  for (const std::string& f : folded) spec.push_back({f, true});
  CsvHeader header;
  std::vector<int> found;
  const HeaderFound got = read_sheet_header(reader, spec, own, sheet.skip_for(path), diags,
                                            header, found, roster.form.title_rows);
  if (got == HeaderFound::kNoRows) {
    diags.add(Diagnostic{reader.name(), 0, 0, Severity::kError,
                         tr("the roster is empty: it needs a header row"), "",
                         tr("start it with: unit_id,name")});
  }
  if (got != HeaderFound::kFound) return false;
  const std::optional<std::vector<int>> cols = std::move(found);
  const int c_id = (*cols)[0];
  const int c_name = (*cols)[1];
  const int c_cat = (*cols)[2];
  const int c_from = (*cols)[3];
  const int c_to = (*cols)[4];
  roster.has_categories = c_cat >= 0;
  // Bad rows as in the other files: the first 50 in full, the rest counted.
  RowErrors errors(reader.name(), diags);
  while (reader.next(row)) {
    if (!check_width(header, row, errors)) continue;
    Unit u;
    u.id = std::string(row.fields[c_id]);
    u.name = std::string(row.fields[c_name]);
    if (c_cat >= 0) u.category = std::string(row.fields[c_cat]);
    for (std::size_t k = 0; k < extra; ++k) {
      u.extra.emplace_back(row.fields[(*cols)[std::size(kColumns) + k]]);
    }
    if (u.id.empty()) {
      errors.add(row, c_id + 1, tr("empty unit_id"),
                 tr("every unit needs an id: the unit_id that events and measures rows name"));
      continue;
    }
    // The unit's own period (hired mid-year, merged in June): both ends
    // optional, each a date.
    bool bad_date = false;
    for (auto [col, out] : {std::pair{c_from, &u.from}, std::pair{c_to, &u.to}}) {
      if (col < 0 || row.fields[col].empty()) continue;
      *out = parse_data_date(row.fields[col]);
      if (!*out) {
        DateProblem p = date_problem(header.names()[col], row.fields[col]);
        errors.add(row, col + 1, std::move(p.message),
                   p.hint + tr("; from is the first day the unit is assessed, to the last; "
                               "leave it empty for the whole period"));
        bad_date = true;
      }
    }
    if (bad_date) continue;
    if (u.from && u.to && *u.to < *u.from) {
      errors.add(row, c_to + 1,
                 trf("the unit's period ends ({}) before it starts ({})",
                             u.to->to_string(), u.from->to_string()),
                 tr("from is the first day the unit is assessed, to the last"));
      continue;
    }
    if (const int first = roster.find(u.id); first >= 0) {
      errors.add(row, c_id + 1,
                 trf("duplicate unit_id \"{}\" (first listed at line {})", u.id,
                             roster.units[first].line),
                 tr("each unit is listed once"));
      continue;
    }
    u.line = row.line;
    u.text = std::string(row.raw);
    roster.add(std::move(u));
  }
  text.describe(roster.form, sheet);
  return true;
}

}  // namespace

std::uint32_t Roster::hash_of(std::string_view id) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(id) >> 16);
}

int Roster::find(std::string_view id) const {
  if (slots_.empty()) return -1;
  const std::uint32_t hash = hash_of(id);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return -1;
    const auto unit = static_cast<int>(slot & 0xFFFFFFFF) - 1;
    if (slot >> 32 == hash && units[static_cast<std::size_t>(unit)].id == id) return unit;
  }
}

void Roster::add(Unit unit) {
  units.push_back(std::move(unit));
  if (slots_.size() < 2 * units.size()) {
    // Twice the size, the slots there are placed again by the hash they
    // hold (no id is hashed again).
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, 2 * old.size()), 0);
    for (std::uint64_t slot : old) {
      if (slot != 0) place(slot);
    }
  }
  place(std::uint64_t{hash_of(units.back().id)} << 32 | units.size());
}

void Roster::place(std::uint64_t slot) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = (slot >> 32) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = slot;
}

Roster load_roster(const std::string& path, Diagnostics& diags, const SheetOptions& sheet,
                   const HeaderMap* own, const std::vector<std::string>& columns) {
  Roster roster;
  roster.file = path;
  roster.columns = columns;
  Diagnostics found;
  bool readable = false;
  try {
    readable = read_roster(path, sheet, own, roster, found);
  } catch (const Error& e) {
    if (e.exit_code() != kExitDataErr) throw;
    // A CSV syntax error joins the problems of the rows before it.
    for (const Diagnostic& d : e.diagnostics()) found.add(d);
  }
  if (!readable) throw Error(kExitDataErr, found.list());
  for (const Diagnostic& d : found.list()) diags.add(d);
  return roster;
}

Roster load_roster(const std::string& path, const SheetOptions& sheet) {
  Diagnostics diags;
  Roster roster = load_roster(path, diags, sheet);
  diags.throw_if_errors(kExitDataErr);
  return roster;
}

}  // namespace kaohe
