// Groups, drops and averages a unit's score sheets (DESIGN.md §2 "Score
// sheets from several raters").
#include "scoring/sheets.h"
#include "base/messages.h"

#include <fmt/format.h>

namespace kaohe {
namespace {

// The first sheet of the highest value, then the first of the lowest
// among the others.
void mark_dropped(SheetGroupTally& g) {
  const int n = static_cast<int>(g.sheets.size());
  int high = 0;
  for (int i = 1; i < n; ++i) {
    if (*g.sheets[high]->value < *g.sheets[i]->value) high = i;
  }
  int low = -1;
  for (int i = 0; i < n; ++i) {
    if (i == high) continue;
    if (low < 0 || *g.sheets[i]->value < *g.sheets[low]->value) low = i;
  }
  g.dropped_high = high;
  g.dropped_low = low;
}

// "group 干部职工 has 2 sheets", "3 sheets" (no groups): in English for
// explain's lines, which are data.
std::string sheets_of(const SheetGroupTally& g) {
  const std::size_t n = g.sheets.size();
  std::string count = n == 0   ? std::string("no sheets")
                      : n == 1 ? std::string("1 sheet")
                               : fmt::format("{} sheets", n);
  return g.name.empty() ? count : fmt::format("group {} has {}", g.name, count);
}

// The same in the message language.
std::string sheets_of_message(const SheetGroupTally& g) {
  const std::size_t n = g.sheets.size();
  std::string count = n == 0   ? std::string(tr("no sheets"))
                      : n == 1 ? std::string(tr("1 sheet"))
                               : trf("{} sheets", n);

  return g.name.empty() ? count : trf("group {} has {}", g.name, count);
}

}  // namespace

SheetsTally tally_sheets(const Rule& rule, const std::vector<Measure>& rows) {
  const SheetsSpec& spec = rule.sheets;
  SheetsTally out;
  if (spec.groups.empty()) {
    out.groups.emplace_back();
  } else {
    for (const SheetGroup& g : spec.groups) {
      SheetGroupTally t;
      t.name = g.name;
      t.weight = g.weight;
      out.groups.push_back(std::move(t));
    }
  }
  for (const Measure& m : rows) {
    if (!m.value) continue;
    for (SheetGroupTally& g : out.groups) {
      if (g.name == m.key) {
        g.sheets.push_back(&m);
        break;
      }
    }
  }
  const std::int64_t needed = spec.needed();
  for (SheetGroupTally& g : out.groups) {
    const auto n = static_cast<std::int64_t>(g.sheets.size());
    if (n < needed) {
      if (!out.too_few.empty()) continue;  // the first group short tells
      out.too_few = sheets_of(g);
      out.too_few_message = sheets_of_message(g);
      if (n == 0) {
        // "has no sheets" says it all.
      } else if (spec.min_sheets >= needed) {
        out.too_few += fmt::format(", fewer than min_sheets {}", spec.min_sheets);
        out.too_few_message += trf(", fewer than min_sheets {}", spec.min_sheets);
      } else {
        out.too_few += ": dropping the highest and the lowest needs at least 3";
        out.too_few_message += tr(": dropping the highest and the lowest needs at least 3");
      }

      continue;
    }
    if (spec.drop_high_low) mark_dropped(g);
    Rational sum;
    std::int64_t kept = 0;
    for (int i = 0; i < static_cast<int>(g.sheets.size()); ++i) {
      if (i == g.dropped_high || i == g.dropped_low) continue;
      sum += Rational(*g.sheets[i]->value);
      ++kept;
    }
    g.mean = sum / Rational(kept);
    out.mean += g.weight * g.mean;
  }
  if (!out.too_few.empty()) out.mean = Rational();
  return out;
}

}  // namespace kaohe
