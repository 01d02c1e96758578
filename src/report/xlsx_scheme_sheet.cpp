// The sheet "方案" (report/xlsx_scheme_sheet.h).
#include "report/xlsx_scheme_sheet.h"

#include <algorithm>
#include <string>
#include <vector>

#include "report/text_width.h"
#include "scheme/scheme_entries.h"

namespace kaohe {
namespace {

// The keys of the entries of `section`, each once, in the order they
// first appear (most entries of a section have the same keys; a few are
// written only when set).
std::vector<std::string> section_keys(const std::vector<SchemeEntry>& entries,
                                      const std::string& section) {
  std::vector<std::string> keys;
  for (const SchemeEntry& e : entries) {
    if (e.section != section) continue;
    for (const SchemeField& f : e.fields) {
      if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) keys.push_back(f.key);
    }
  }
  return keys;
}

// A field's cell text: the value, the items joined by ", ", or "" when not
// set or empty.
std::string field_text(const SchemeField& f) {
  if (f.type == SchemeField::Type::kList) return f.items.empty() ? std::string() : f.text();
  return f.value.value_or("");
}

}  // namespace

void write_scheme_sheet(XlsxBook& book, const Scheme& scheme) {
  if (book.failed()) return;
  lxw_worksheet* ws = book.add_sheet("方案");
  if (ws == nullptr) return;
  const std::vector<SchemeEntry> entries = scheme_entries(scheme);
  std::size_t columns = 2;
  for (const SchemeSection& section : scheme_sections()) {
    columns = std::max(columns, section_keys(entries, section.name).size() + 1);
  }
  const lxw_row_t top = book.title_row(ws, columns);
  std::vector<int> width(columns, 0);
  lxw_row_t row = top;
  auto header = [&](std::size_t i, const std::string& text) {
    width[i] = std::max(width[i], display_width(text));
    book.header_cell(ws, row, static_cast<lxw_col_t>(i), text);
  };
  // `value`: a number or a percentage becomes a numeric cell; an id or a
  // key stays text whatever it looks like.
  auto cell = [&](std::size_t i, const std::string& text, bool value, bool numeric) {
    width[i] = std::max(width[i], display_width(text));
    if (value) {
      book.cell_or_percent(ws, row, static_cast<lxw_col_t>(i), text, numeric);
    } else {
      book.cell(ws, row, static_cast<lxw_col_t>(i), text, false, false);
    }
  };
  bool first_block = true;
  std::vector<const SchemeEntry*> settings;
  for (const SchemeSection& section : scheme_sections()) {
    std::vector<const SchemeEntry*> block;
    for (const SchemeEntry& e : entries) {
      if (e.section == section.name) block.push_back(&e);
    }
    if (block.empty()) continue;
    if (section.shape != SchemeSection::Shape::kList) {
      settings.insert(settings.end(), block.begin(), block.end());
      continue;
    }
    if (!first_block) row += 2;  // a blank row between blocks
    first_block = false;
    header(0, std::string(section.json) + ": " + section.id_key);
    const std::vector<std::string> keys = section_keys(entries, section.name);
    for (std::size_t k = 0; k < keys.size(); ++k) header(k + 1, keys[k]);
    if (section.name == std::string("node")) book.print_setup(ws, row);
    for (const SchemeEntry* e : block) {
      if (book.failed()) return;
      ++row;
      cell(0, e->id, false, false);
      for (std::size_t k = 0; k < keys.size(); ++k) {
        const SchemeField* f = e->field(keys[k]);
        if (f != nullptr) cell(k + 1, field_text(*f), true, f->type == SchemeField::Type::kNumber);
      }
    }
  }
  if (!settings.empty()) {
    row += 2;
    header(0, "setting");
    header(1, "value");
    for (const SchemeEntry* e : settings) {
      for (const SchemeField& f : e->fields) {
        if (book.failed()) return;
        const std::string text = field_text(f);
        if (text.empty()) continue;
        ++row;
        cell(0, f.key.empty() ? e->section : e->section + "." + f.key, false, false);
        cell(1, text, true, f.type == SchemeField::Type::kNumber);
      }
    }
  }
  book.set_widths(ws, width);
}

}  // namespace kaohe
