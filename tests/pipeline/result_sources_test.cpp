// Unit tests of the sources of `result` leaves (pipeline/result_sources.cpp)
// on files in a temporary folder: a saved JSON result and the same scheme
// scored in the run give the same numbers; paths are relative to the
// scheme's folder; a unit missing there, an unknown node, a file that is
// not a result, a missing file or folder and a cycle (A uses B uses A) are
// errors at the right lines; check_result_references finds them without
// data.
#include "pipeline/result_sources.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/evaluation.h"
#include "report/render.h"
#include "scheme/scheme_loader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;

// A temporary folder, removed with what it holds.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/kaohe_results_XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `text` to `name` (folders made as needed); returns the path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  std::string at(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The source: 安全生产, 100 points from a base of 100, 15 per accident.
const char* const kSafety = R"(kaohe: 1
title: 安全生产
root:
  id: total
  name: 安全生产
  points: 100
  base: 100
  floor: 0
  children:
    - {id: accident, name: 事故, per_event: {deduct: 15}}
    - {id: drill, name: 演练, points: 0, direct: {missing: na}}
)";

void write_safety(const TempDir& dir, const std::string& folder) {
  dir.write(folder + "/units.csv", "unit_id,name\nV1,东村\nV2,西村\nV3,南村\n");
  dir.write(folder + "/events.csv", "unit_id,item_id\nV1,accident\nV3,accident\nV3,accident\n");
}

// The scheme converting it: 20 points × score ÷ 100, and 倒扣分2分.
std::string converting(const std::string& source, const std::string& missing = "") {
  return "kaohe: 1\n"
         "title: 综合\n"
         "root:\n"
         "  id: root\n"
         "  name: 综合\n"
         "  points: 100\n"
         "  children:\n"
         "    - {id: safe, name: 安全折算, points: 20, result: {" + source + missing + "}}\n"
         "    - {id: minus, name: 安全倒扣, result: {" + source + ", deduct: 2}}\n"
         "    - {id: rest, name: 其他, points: 80, direct: {missing: full}}\n";
}

DataSources data_of(const TempDir& dir, const std::string& folder) {
  DataSources s = resolve_sources(dir.at(folder), std::nullopt, {}, {});
  s.threads = 1;
  return s;
}

std::string printed(const Evaluation& ev, const std::string& unit, const std::string& node) {
  const NodeScore& c = ev.sheet.at(ev.roster.find(unit), ev.scheme.find(node));
  return c.applicable ? c.score.format(2) : "NA";
}

TEST_CASE("result sources: a scheme scored in the run and its saved result agree") {
  TempDir dir;
  dir.write("src/safety.yaml", kSafety);
  write_safety(dir, "src/data");
  dir.write("data/units.csv", "unit_id,name\nV1,东村\nV2,西村\nV3,南村\n");
  // Scored in the run: paths relative to the scheme's folder.
  const std::string main = dir.write("main.yaml", converting("scheme: src/safety.yaml, data: src/data"));
  Evaluation ev = evaluate(load_scheme(main), data_of(dir, "data"));
  CHECK(printed(ev, "V1", "safe") == "17.00");   // 20 × 85 ÷ 100
  CHECK(printed(ev, "V1", "minus") == "-0.30");  // −2 × 15 ÷ 100
  CHECK(printed(ev, "V2", "safe") == "20.00");
  CHECK(printed(ev, "V2", "minus") == "0.00");
  CHECK(printed(ev, "V3", "safe") == "14.00");   // 70
  CHECK(printed(ev, "V3", "minus") == "-0.60");
  const ResultLeafSource* src = ev.results.find(ev.scheme.find("safe"));
  REQUIRE(src != nullptr);
  CHECK(src->file == dir.at("src/safety.yaml"));
  CHECK(src->scale == Decimal::from_int(100));  // the source root's points

  // The source saved with -O json, then read back: the same numbers.
  Evaluation source = evaluate(load_scheme(dir.at("src/safety.yaml")), data_of(dir, "src/data"));
  dir.write("saved/safety.json", render_json(source));
  const std::string saved = dir.write("saved.yaml", converting("from: saved/safety.json"));
  Evaluation again = evaluate(load_scheme(saved), data_of(dir, "data"));
  for (const char* u : {"V1", "V2", "V3"}) {
    for (const char* n : {"safe", "minus", "root"}) {
      CHECK_MESSAGE(printed(again, u, n) == printed(ev, u, n), u << " " << n);
    }
  }
}

TEST_CASE("result sources: a node of the source, n/a there, a unit missing there") {
  TempDir dir;
  dir.write("safety.yaml", kSafety);
  write_safety(dir, "sdata");
  dir.write("sdata/measures.csv", "unit_id,item_id,value\nV1,drill,0\n");
  dir.write("data/units.csv", "unit_id,name\nV1,东村\nV2,西村\nV4,北村\n");
  // drill has 0 points: its scale must be given; V2 has no drill (n/a).
  const std::string main = dir.write(
      "main.yaml",
      "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 10\n  children:\n"
      "    - {id: d, name: 演练折算, points: 10, not_applicable: full,\n"
      "       result: {scheme: safety.yaml, data: sdata, node: drill, scale: 1, missing: zero}}\n");
  Evaluation ev = evaluate(load_scheme(main), data_of(dir, "data"));
  CHECK(printed(ev, "V1", "d") == "0.00");
  CHECK(printed(ev, "V2", "d") == "10.00");  // n/a in the source → full (its policy)
  CHECK(printed(ev, "V4", "d") == "0.00");   // not in the source → missing: zero
  // A unit missing with the default policy: an error at its roster line.
  dir.write("strict.yaml",
            "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 20\n  children:\n"
            "    - {id: s, name: 安全折算, points: 20, result: {scheme: safety.yaml, data: sdata}}\n");
  Error e = test::expect_error(
      [&] { (void)evaluate(load_scheme(dir.at("strict.yaml")), data_of(dir, "data")); });
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].line == 4);  // V4's line of units.csv
  CHECK(contains(e.diagnostics()[0].message, "unit \"V4\" (北村): not in the result of"));
}

TEST_CASE("result sources: unknown node, no scale, not a result, missing files") {
  TempDir dir;
  dir.write("safety.yaml", kSafety);
  write_safety(dir, "sdata");
  dir.write("data/units.csv", "unit_id,name\nV1,东村\n");
  dir.write("notes.json", "{\"hello\": 1}\n");
  const std::string main = dir.write(
      "main.yaml",
      "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 40\n  children:\n"
      "    - {id: a, name: 甲, points: 10, result: {scheme: safety.yaml, data: sdata, node: acident}}\n"
      "    - {id: b, name: 乙, points: 10, result: {scheme: safety.yaml, data: sdata, node: accident}}\n"
      "    - {id: c, name: 丙, points: 10, result: {from: notes.json}}\n"
      "    - {id: d, name: 丁, points: 5, result: {from: gone.json}}\n"
      "    - {id: e, name: 戊, points: 5, result: {scheme: safety.yaml, data: nodata}}\n");
  Error e = test::expect_error([&] { (void)evaluate(load_scheme(main), data_of(dir, "data")); });
  const std::vector<Diagnostic>& d = e.diagnostics();
  REQUIRE(d.size() == 5);
  CHECK(d[0].line == 7);
  CHECK(contains(d[0].message, "has no node 'acident'"));
  CHECK(d[0].hint == "did you mean \"accident\"?");
  CHECK(d[1].line == 8);  // an adjustment: no full marks
  CHECK(contains(d[1].message, "does not say the full marks of 'accident'"));
  CHECK(d[2].file == dir.at("notes.json"));
  CHECK(contains(d[2].message, "not a kaohe result"));
  CHECK(contains(d[2].hint, "'from' of item \"c\""));
  CHECK(d[3].line == 10);
  CHECK(contains(d[3].message, "cannot read the result file"));
  CHECK(d[4].line == 11);
  CHECK(contains(d[4].message, "cannot read the data folder"));
  // The same without data: check_result_references, but the source's data
  // is not scored (the folder's absence is still seen).
  std::vector<Diagnostic> refs = check_result_references(load_scheme(main));
  REQUIRE(refs.size() == 5);
  CHECK(contains(refs[0].message, "has no node 'acident'"));
  CHECK(contains(refs[1].message, "does not say the full marks"));
  CHECK(contains(refs[2].message, "not a kaohe result"));
  CHECK(contains(refs[3].message, "cannot read the result file"));
  CHECK(contains(refs[4].message, "cannot read the data folder"));
}

TEST_CASE("result sources: a cycle, direct or through another scheme, is refused") {
  TempDir dir;
  dir.write("data/units.csv", "unit_id,name\nV1,东村\n");
  const std::string a = dir.write(
      "a.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 甲\n  points: 10\n  children:\n"
                "    - {id: b, name: 乙折算, points: 10, result: {scheme: b.yaml, data: data}}\n");
  dir.write("b.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 乙\n  points: 10\n  children:\n"
                      "    - {id: a, name: 甲折算, points: 10, result: {scheme: ./a.yaml, data: data}}\n");
  Error e = test::expect_error([&] { (void)evaluate(load_scheme(a), data_of(dir, "data")); });
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].file == dir.at("b.yaml"));
  CHECK(contains(e.diagnostics()[0].message, "results form a cycle: " + a + " → " +
                                                  dir.at("b.yaml") + " → " + a));
  std::vector<Diagnostic> refs = check_result_references(load_scheme(a));
  REQUIRE(refs.size() == 1);
  CHECK(contains(refs[0].message, "results form a cycle"));
  // A scheme naming itself.
  const std::string self = dir.write(
      "self.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 自\n  points: 10\n  children:\n"
                   "    - {id: s, name: 自折算, points: 10, result: {scheme: self.yaml, data: data}}\n");
  Error e2 = test::expect_error([&] { (void)evaluate(load_scheme(self), data_of(dir, "data")); });
  REQUIRE(e2.diagnostics().size() == 1);
  CHECK(e2.diagnostics()[0].line == 7);
  CHECK(contains(e2.diagnostics()[0].message, "results form a cycle"));
}

TEST_CASE("result sources: a normalised total is read on 100") {
  TempDir dir;
  dir.write("cat.yaml",
            "kaohe: 1\ncategories: {A: 10, B: 5}\nroot:\n  id: total\n  name: 分类\n"
            "  points: 10\n  children:\n"
            "    - {id: x, name: 甲, points: 5, direct: {}}\n"
            "    - {id: y, name: 乙, points: 5, applies_to: [A], direct: {}}\n");
  dir.write("cdata/units.csv", "unit_id,name,category\nV1,东村,A\nV2,西村,B\n");
  dir.write("cdata/measures.csv", "unit_id,item_id,value\nV1,x,4\nV1,y,5\nV2,x,4\n");
  dir.write("data/units.csv", "unit_id,name\nV1,东村\nV2,西村\n");
  const std::string main = dir.write(
      "main.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 10\n  children:\n"
                   "    - {id: c, name: 折算, points: 10, result: {scheme: cat.yaml, data: cdata}}\n");
  Evaluation ev = evaluate(load_scheme(main), data_of(dir, "data"));
  // 'total' is the printed total: 90 and 80 of 100 once normalised (B: 4 of 5).
  CHECK(printed(ev, "V1", "c") == "9.00");
  CHECK(printed(ev, "V2", "c") == "8.00");
  // Read on the root's 10 points, it lies outside 0..10: an error per unit.
  const std::string wrong = dir.write(
      "wrong.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 10\n  children:\n"
                    "    - {id: r, name: 根, result: {scheme: cat.yaml, data: cdata, deduct: 1,\n"
                    "       scale: 10}}\n");
  Error e = test::expect_error([&] { (void)evaluate(load_scheme(wrong), data_of(dir, "data")); });
  REQUIRE(e.diagnostics().size() == 3);
  CHECK(e.diagnostics()[0].severity == Severity::kWarning);  // scale 10, not 100
  CHECK(contains(e.diagnostics()[0].message, "is not the full marks of the total"));
  CHECK(contains(e.diagnostics()[1].message, "scores 90 in the total of"));
  CHECK(contains(e.diagnostics()[1].message, "outside 0..10"));
}

}  // namespace
}  // namespace kaohe

namespace kaohe {
namespace {

TEST_CASE("result sources: a scale other than the source's full marks is a check warning") {
  TempDir dir;
  dir.write("safety.yaml", kSafety);
  write_safety(dir, "sdata");
  dir.write("data/units.csv", "unit_id,name\nV1,东村\nV2,西村\nV3,南村\n");
  const std::string main = dir.write(
      "main.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 20\n  children:\n"
                   "    - {id: s, name: 安全折算, points: 20,\n"
                   "       result: {scheme: safety.yaml, data: sdata, scale: 120}}\n"
                   "    - {id: t, name: 同满分, result: {scheme: safety.yaml, data: sdata,\n"
                   "       scale: 100, deduct: 1}}\n");
  std::vector<Diagnostic> refs = check_result_references(load_scheme(main));
  REQUIRE(refs.size() == 1);  // t's scale is the source's own: no finding
  CHECK(refs[0].severity == Severity::kWarning);
  CHECK(refs[0].line == 8);
  CHECK(contains(refs[0].message, "'scale' 120 of item \"s\" is not the full marks of the "
                                  "total"));
  CHECK(contains(refs[0].hint, "cannot reach the item's"));
  // Scoring goes on (a warning): 85 of 120 → 20 × 85 ÷ 120 = 14.17.
  Evaluation ev = evaluate(load_scheme(main), data_of(dir, "data"));
  CHECK(printed(ev, "V1", "s") == "14.17");
}

}  // namespace
}  // namespace kaohe

namespace kaohe {
namespace {

TEST_CASE("result sources: a saved interim result (--as-of) is a check warning") {
  TempDir dir;
  dir.write("dated.yaml", std::string(kSafety).replace(0, 9, "kaohe: 1\nperiod: {from: 2025-01-01, "
                                                            "to: 2025-12-31}\n"));
  write_safety(dir, "sdata");
  DataSources interim = data_of(dir, "sdata");
  interim.as_of = Date::parse("2025-06-30");
  dir.write("h1.json", render_json(evaluate(load_scheme(dir.at("dated.yaml")), interim)));
  dir.write("year.json", render_json(evaluate(load_scheme(dir.at("dated.yaml")),
                                              data_of(dir, "sdata"))));
  const std::string main = dir.write(
      "main.yaml", "kaohe: 1\nroot:\n  id: root\n  name: 综合\n  points: 20\n  children:\n"
                   "    - {id: h, name: 半年, points: 10, result: {from: h1.json}}\n"
                   "    - {id: y, name: 全年, points: 10, result: {from: year.json}}\n");
  std::vector<Diagnostic> refs = check_result_references(load_scheme(main));
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].severity == Severity::kWarning);
  CHECK(refs[0].line == 7);
  CHECK(contains(refs[0].message, "reads an interim result (as of 2025-06-30)"));
}

}  // namespace
}  // namespace kaohe
