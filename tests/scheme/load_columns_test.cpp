// Unit tests of the scheme's `columns:` key (scheme/load_columns.cpp): a
// data file's own header names per kind of file, and every wrong mapping.
#include <doctest/doctest.h>

#include <string>

#include "base/diagnostic.h"
#include "scheme/scheme_loader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::find_diag;

const std::string kScheme =
    "kaohe: 1\n"
    "root:\n"
    "  id: total\n"
    "  name: 总分\n"
    "  points: 100\n"
    "  children:\n"
    "    - {id: late, name: 迟报, points: 100, per_event: {deduct: 2}}\n";

Error load_fail(const std::string& text) {
  return test::expect_error([&] { (void)parse_scheme("s.yaml", text); });
}

}  // namespace

TEST_CASE("columns: each kind of file's headers land in the model") {
  const Scheme s = parse_scheme(
      "s.yaml", kScheme +
                    "columns:\n"
                    "  events: {被考核单位: unit_id, 发生时间: date}\n"
                    "  roster: {单位简称: name}\n"
                    "  measures: {考核结果: value}\n");
  CHECK(s.columns.events.size() == 2);
  CHECK(s.columns.events.at("被考核单位") == "unit_id");
  CHECK(s.columns.events.at("发生时间") == "date");
  CHECK(s.columns.roster.at("单位简称") == "name");
  CHECK(s.columns.measures.at("考核结果") == "value");
  CHECK(parse_scheme("s.yaml", kScheme).columns.events.empty());
}

TEST_CASE("columns: wrong mappings are errors with a did-you-mean") {
  Error kind = load_fail(kScheme + "columns: {event: {单位: unit_id}}\n");
  const Diagnostic* k = find_diag(kind.diagnostics(), "unknown key 'event' in columns");
  REQUIRE(k != nullptr);
  CHECK(k->hint == "did you mean \"events\"?");
  Error column = load_fail(kScheme + "columns: {events: {单位: unit_ids}}\n");
  const Diagnostic* d = find_diag(column.diagnostics(),
                                  "header \"单位\" is mapped to \"unit_ids\", which is no "
                                  "column of events");
  REQUIRE(d != nullptr);
  CHECK(d->hint == "did you mean \"unit_id\"?");
  CHECK(d->line == 8);
  // A roster column is no events column.
  Error other = load_fail(kScheme + "columns: {events: {单位名称: name}}\n");
  const Diagnostic* o = find_diag(other.diagnostics(), "no column of events");
  REQUIRE(o != nullptr);
  CHECK(o->hint ==
        "the columns of events are: unit_id, item_id, date, count, tier, role, points, "
        "ref, due, done");
  Error not_map = load_fail(kScheme + "columns: [unit_id]\n");
  CHECK(find_diag(not_map.diagnostics(), "'columns' maps each kind of file") != nullptr);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("columns: measures' layout is declared beside their headers") {
  CHECK(parse_scheme("s.yaml", kScheme).columns.measure_layout == MeasureLayout::kDetect);
  const Scheme wide = parse_scheme(
      "s.yaml", kScheme + "columns: {measures: {layout: wide, 考核结果: value}}\n");
  CHECK(wide.columns.measure_layout == MeasureLayout::kWide);
  CHECK(wide.columns.measure_layout_pos.line == 8);
  CHECK(wide.columns.measures.size() == 1);  // layout is no header
  CHECK(parse_scheme("s.yaml", kScheme + "columns: {measures: {layout: long}}\n")
            .columns.measure_layout == MeasureLayout::kLong);
  Error bad = load_fail(kScheme + "columns: {measures: {layout: tall}}\n");
  CHECK(find_diag(bad.diagnostics(), "'columns: measures: layout' is long or wide") !=
        nullptr);
  // Only measures have a layout.
  Error events = load_fail(kScheme + "columns: {events: {layout: wide}}\n");
  CHECK(find_diag(events.diagnostics(), "no column of events") != nullptr);
}

}  // namespace kaohe
