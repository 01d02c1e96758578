// The loader's `columns:` key: a data file's own header names, per kind of
// file, for headers the built-in Chinese synonyms do not cover
// (input/csv_columns.h reads them), and `measures: {layout: long|wide}`
// (input/wide_sheet.h).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {
namespace {

struct FileKind {
  const char* key;
  std::vector<std::string> columns;  // kaohe's columns of that kind of file
};

const std::vector<FileKind>& file_kinds() {
  static const std::vector<FileKind> kinds = {
      {"events",
       {"unit_id", "item_id", "date", "count", "tier", "role", "points", "ref", "due",
        "done"}},
      {"roster", {"unit_id", "name", "category", "from", "to"}},
      {"measures", {"unit_id", "item_id", "value", "key", "period", "rater"}},
  };
  return kinds;
}

}  // namespace

void Loader::read_columns(const YamlNode& y) {
  const std::string example = trf("e.g. columns: {{events: {{考核单位: unit_id, 发生日期: date}}}}");
  if (!y.is_map()) {
    error(y.pos,
          trf("'columns' maps each kind of file to its headers, got {}",
                      y.kind_name()),
          example);
    return;
  }
  check_keys(y, {"events", "roster", "measures"}, "columns");
  for (const FileKind& kind : file_kinds()) {
    const YamlNode* m = y.get(kind.key);
    if (m == nullptr) continue;
    if (!m->is_map()) {
      error(m->pos,
            trf("'columns: {}' maps a header to a column, got {}", kind.key,
                        m->kind_name()),
            example);
      continue;
    }
    ColumnMapping::Map& out = std::string(kind.key) == "events"   ? scheme_.columns.events
                              : std::string(kind.key) == "roster" ? scheme_.columns.roster
                                                                  : scheme_.columns.measures;
    for (const auto& [k, v] : m->entries) {
      const std::string header = text(*k, tr("a header"));
      const std::string column = text(*v, trf("the column of header \"{}\"", header));
      if (header.empty()) {
        error(k->pos, tr("an empty header name"), tr("write the header as the file has it"));
        continue;
      }
      if (column.empty()) continue;  // not a scalar: reported by text()
      if (header == "layout" && std::string(kind.key) == "measures") {
        // Not a header: how measures files are laid out.
        if (column == "long" || column == "wide") {
          scheme_.columns.measure_layout =
              column == "long" ? MeasureLayout::kLong : MeasureLayout::kWide;
          scheme_.columns.measure_layout_pos = v->pos;
        } else {
          error(v->pos,
                trf("'columns: measures: layout' is long or wide, got \"{}\"", column),
                tr("long: unit_id,item_id,value rows; wide: a unit column and one column per "
                "item; without 'layout', each file's header decides"));
        }
        continue;
      }
      if (std::find(kind.columns.begin(), kind.columns.end(), column) == kind.columns.end()) {
        std::string hint = did_you_mean(column, kind.columns);
        if (hint.empty()) {
          hint = trf("the columns of {} are: {}", kind.key,
                             fmt::join(kind.columns, ", "));
        }
        error(v->pos,
              trf("header \"{}\" is mapped to \"{}\", which is no column of {}",
                          header, column, kind.key),
              hint);
        continue;
      }
      out[header] = column;
    }
  }
}

}  // namespace kaohe::scheme_loading
