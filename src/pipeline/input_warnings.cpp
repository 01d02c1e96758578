// The input warnings: empty files, rows outside the period.
#include "pipeline/input_warnings.h"
#include "base/messages.h"

#include <fmt/format.h>

namespace kaohe {
namespace {

// "N rows [in K files] lie outside the scheme's period (FROM to TO) [or
// their unit's own days] and are not counted" ("the period of this run
// (FROM to TO, --as-of)" in an interim run).
std::string outside_message(std::int64_t rows, int files, const Period& period,
                            bool own_days, bool as_of) {
  // An interim run's period ends at --as-of, not where the scheme's does.
  const char* whose = as_of ? tr("the period of this run") : tr("the scheme's period");
  std::string span = trf("({} to {}{})", period.from.to_string(), period.to.to_string(),
                         as_of ? ", --as-of" : "");
  if (own_days) span += tr(" or their unit's own days (from/to in the roster)");
  if (rows == 1) {
    return trf("1 row lies outside {} {} and is not counted", whose, span);
  }
  const std::string where = files > 1 ? trf(" in {} files", files) : "";
  return trf("{} rows{} lie outside {} {} and are not counted", rows, where, whose, span);
}

}  // namespace

std::vector<Diagnostic> empty_file_warnings(const std::vector<InputStats>& stats) {
  std::vector<Diagnostic> out;
  for (const InputStats& s : stats) {
    if (!s.empty || (s.kind != "events" && s.kind != "measures")) continue;
    Diagnostic w;
    w.file = s.file;
    w.severity = Severity::kWarning;
    w.message = s.file == "-" ? tr("no rows: standard input is empty or holds a header only")
                              : tr("no rows: the file is empty or holds a header only");
    w.hint = trf("no {} are read from it; if it should hold rows, export it again", s.kind);
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<Diagnostic> outside_period_warnings(const std::vector<InputStats>& stats,
                                                const std::optional<Period>& period,
                                                bool as_of) {
  std::vector<Diagnostic> out;
  if (!period) return out;
  for (const InputStats& s : stats) {
    if (s.outside == 0) continue;
    Diagnostic w;
    w.file = s.file;
    w.line = s.first_outside_line;
    w.severity = Severity::kWarning;
    w.message = outside_message(s.outside, 1, *period, s.outside_own_days, as_of);
    w.source_line = s.first_outside_text;
    w.hint = s.outside == 1 ? tr("check the date, or the scheme's period")
                            : tr("this is the first of them; check the dates, or "
                                 "the scheme's period");
    out.push_back(std::move(w));
  }
  return out;
}

std::optional<Diagnostic> outside_period_summary(const std::vector<InputStats>& stats,
                                                 const std::optional<Period>& period,
                                                 bool as_of) {
  std::vector<Diagnostic> each = outside_period_warnings(stats, period, as_of);
  if (each.empty()) return std::nullopt;
  std::int64_t rows = 0;
  bool own_days = false;
  for (const InputStats& s : stats) {
    rows += s.outside;
    own_days = own_days || s.outside_own_days;
  }
  Diagnostic w = each.front();
  w.message = outside_message(rows, static_cast<int>(each.size()), *period, own_days, as_of);
  if (rows > 1) w.message += tr("; this is the first");

  w.source_line.clear();
  w.hint.clear();
  return w;
}

}  // namespace kaohe
