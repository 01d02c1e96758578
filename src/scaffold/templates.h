// The blank input sheets of `kaohe template`: for a loaded scheme, the
// roster, events and measures files with exactly the columns the scheme
// reads, ready for a clerk to fill in.
#pragma once

#include <string>
#include <vector>

#include "input/roster.h"
#include "scaffold/scaffold_file.h"
#include "scheme/model.h"

namespace kaohe {

// The header words of the sheets: the built-in Chinese synonyms the
// readers accept (单位, 项目, 日期, …; the default) or kaohe's own names
// (unit_id, item_id, date, …).
enum class TemplateHeader { kChinese, kKaohe };

// The columns of units.csv, by kaohe's names: unit_id, name, category
// when the scheme declares categories, then Scheme::roster_columns() as
// the scheme writes them.
std::vector<std::string> roster_template_columns(const Scheme& scheme);

// The columns of events.csv the scheme's event rules read, by kaohe's
// names, in the readers' order: unit_id, item_id, date (a quota, or an
// item scored per sub-period), count, tier (tiered; a quota or flag with
// tiers), role, points (ranged), ref (same_ref above an event item), due
// (late without the item's own due date), done (late), note. Empty when
// no rule reads events.
std::vector<std::string> event_template_columns(const Scheme& scheme);

// The columns of measures.csv, by kaohe's names: unit_id, item_id, value,
// key (votes, mean, checklist, sheets with groups), period (an item
// scored per sub-period), rater (sheets). Empty when no rule reads
// measures.
std::vector<std::string> measure_template_columns(const Scheme& scheme);

// The sheets to write: units.csv (header only) unless `roster` is given
// (the clerk's own roster is read, not rewritten); events.csv (header only)
// when an event rule exists; measures.csv when a measure rule exists —
// with `roster`, one row per unit × measure item (× key, × sub-period)
// the unit's category admits, the value empty, followed by the unit's
// and the item's names as extra columns (not read); without it, the
// header only. Without `roster`, also items.csv when any item takes rows:
// one row per such item (its id, name, rule, points, keys or tiers, and
// the file its rows go to).
std::vector<ScaffoldFile> template_files(const Scheme& scheme, const Roster* roster,
                                         TemplateHeader header);

}  // namespace kaohe
