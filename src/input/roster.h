// The scored population, read from units.csv: unit ids, names and optional
// categories, with a fast lookup by id for the event and measure readers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/diagnostic.h"
#include "input/sheet_options.h"

namespace kaohe {

struct Unit {
  std::string id;
  std::string name;
  std::string category;  // empty without a category column
  int line = 0;          // where units.csv lists it
  std::string text = {}; // that line as written, shown under diagnostics
  // The unit's own period (`from`/`to` columns: hired mid-year, merged in
  // June); absent: the scheme's. See input/unit_period.h.
  std::optional<Date> from = {}, to = {};
  // The values of Roster::columns, in that order (`one_of: {column: …}`).
  std::vector<std::string> extra = {};
};

struct Roster {
  std::string file;
  std::vector<Unit> units;  // in file order; add them with add()
  bool has_categories = false;
  // The further columns the scheme reads (Scheme::roster_columns), as the
  // scheme names them; each unit holds its values in Unit::extra.
  std::vector<std::string> columns;
  SheetForm form;  // how units.csv was read, for -v

  // Position of the unit with this exact id, or -1.
  int find(std::string_view id) const;
  // Appends `unit` to `units`. Precondition: find(unit.id) < 0.
  void add(Unit unit);
  int size() const { return static_cast<int>(units.size()); }

 private:
  // The ids' index: open addressing over a power-of-two table at most
  // half full, each slot 32 bits of the id's hash and 1 + the unit's
  // position (0: empty). A roster of a million units is read with one
  // cache miss a unit, where a node-based map took three.
  static std::uint32_t hash_of(std::string_view id);
  void place(std::uint64_t slot);  // into the first empty slot from its hash's
  std::vector<std::uint64_t> slots_;
};

// Reads units.csv (`unit_id,name[,category]`, columns by header name, extra
// columns ignored). A bad row (ragged, an empty id, an id listed before) is
// added to `diags` and left out: of a duplicated id the first row is kept,
// so the rest of the data can still be checked against the roster. A
// problem with the whole file (no header, a missing column, a CSV syntax
// error) throws kaohe::Error 65 carrying every problem of the file found
// so far; 66 when the file cannot be opened. An empty roster (header only)
// is valid. `sheet`: the encoding, delimiter and title rows, forced or
// found (input/sheet_options.h). `own`: the scheme's header names for the
// roster (`columns: {roster:}`). `columns`: further columns the scheme
// reads (Scheme::roster_columns), each required, matched as the header
// names are (fold_column_name).
Roster load_roster(const std::string& path, Diagnostics& diags,
                   const SheetOptions& sheet = {},
                   const std::map<std::string, std::string, std::less<>>* own = nullptr,
                   const std::vector<std::string>& columns = {});

// The same, throwing kaohe::Error 65 with every problem when there is any.
Roster load_roster(const std::string& path, const SheetOptions& sheet = {});

}  // namespace kaohe
