// Unit tests of reading one events file in parts on several threads
// (input/event_reader.cpp, read_in_parts): whatever the number of parts and
// wherever the cuts fall, the sums, the row counts and every diagnostic
// (with its line number) are those of reading on one thread; a cut inside
// a quoted field makes the reader fall back to one thread.
#include "input/event_reader.h"

#include <doctest/doctest.h>

#include <iconv.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"
#include "scoring/tally.h"

namespace kaohe {
namespace {

using test::TempFile;

const char* const kScheme = R"(kaohe: 1
period: {from: 2025-01-01, to: 2025-12-31}
flags:
  - {id: veto, name: 一票否决}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: late_report, name: 迟报, points: 10, per_event: {deduct: 2}}
    - {id: praise, name: 表彰, tiered: {add: {国家级: 3, 省级: 2, 市级: 1}}}
    - {id: info, name: 信息, points: 5, ranged: {deduct: [0.1, 0.5]}}
    - {id: monthly, name: 报送, points: 5, quota: {required: 2, deduct: 0.2}}
    - id: matters
      name: 督办事项
      points: 20
      same_ref: highest
      children:
        - {id: done, name: 完成, points: 10, per_event: {add: 1}}
        - {id: missed, name: 未完成, points: 10, per_event: {deduct: 3}}
    - {id: overdue, name: 延迟, late: {deduct: 1, row_max: 30}}
    - {id: judged, name: 评定, points: 60, direct: {}}
    - {id: accident, name: 事故, flag_event: {raise: veto}}
    - {id: patrol, name: 巡查, points: 5, quota: {required: 1, per: week, count: dates, deduct: 0.5}}
)";

Roster make_roster() {
  return test::roster_of({{"V1", "一村", ""}, {"V2", "二村", ""}, {"V3", "三村", ""}},
                         false);
}

// What one read produced, in a form that compares whole.
struct Outcome {
  InputStats stats;
  std::vector<std::string> diags;  // rendered, in order
  std::vector<std::string> sums;   // per unit and event leaf, after finish()
};

// Reads `paths` one after another on `threads` into fresh sums; the stats
// are the last file's. A `budget` (ReadOptions::parts_memory) of 1 byte
// holds no split sink: the parts share the sums.
Outcome read_files(const std::vector<std::string>& paths, int threads,
                   std::uint64_t budget = 0) {
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = make_roster();
  MeasureTable measures;
  Tallies tallies(scheme, roster.size());
  Diagnostics diags;
  ReadOptions options;
  options.threads = threads;
  options.split_bytes = 0;  // split even a small file
  if (budget > 0) options.parts_memory = budget;
  Outcome out;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    out.stats = read_events(paths[i], static_cast<int>(i), scheme, roster, measures, tallies,
                            diags, options);
  }
  tallies.finish();
  for (const Diagnostic& d : diags.list()) out.diags.push_back(format_diagnostic(d));
  for (int u = 0; u < roster.size(); ++u) {
    for (int n = 0; n < static_cast<int>(scheme.nodes.size()); ++n) {
      const Node& node = scheme.nodes[n];
      if (!node.is_leaf() || !rule_reads_events(node.rule.kind)) continue;
      const Tally& t = tallies.at(u, n);
      std::string line = roster.units[u].id + " " + node.id +
                         " rows=" + std::to_string(tallies.has_rows(u, n)) +
                         " count=" + std::to_string(t.count) +
                         " amount=" + t.amount.to_string() +
                         " triggered=" + std::to_string(tallies.triggered(u, n));
      if (node.rule.kind == RuleKind::kQuota) {
        const QuotaCounter& q = tallies.quota(n);
        for (int b = 0; b < q.buckets().count(); ++b) {
          line += " " + std::to_string(q.have(u, b, -1));
        }
      }
      out.sums.push_back(line);
    }
  }
  return out;
}

Outcome read_with(const std::string& path, int threads, std::uint64_t budget = 0) {
  return read_files({path}, threads, budget);
}

void check_same(const Outcome& one, const Outcome& many) {
  // How the file was read (-v) does not depend on the threads either.
  CHECK(std::string(many.stats.form.encoding) == one.stats.form.encoding);
  CHECK(many.stats.form.delimiter == one.stats.form.delimiter);
  CHECK(many.stats.form.title_rows == one.stats.form.title_rows);
  CHECK(many.stats.form.empty_rows == one.stats.form.empty_rows);
  CHECK(many.stats.form.empty_columns == one.stats.form.empty_columns);
  CHECK(many.stats.read == one.stats.read);
  CHECK(many.stats.counted == one.stats.counted);
  CHECK(many.stats.outside == one.stats.outside);
  CHECK(many.stats.reported == one.stats.reported);
  CHECK(many.stats.first_outside_line == one.stats.first_outside_line);
  CHECK(many.stats.first_outside_text == one.stats.first_outside_text);
  CHECK(many.diags == one.diags);
  CHECK(many.sums == one.sums);
}

// A varied events file: valid rows of every kind, quoted fields with
// commas, doubled quotes and line breaks, blank lines, CRLF, rows outside
// the period and bad rows, spread through the file.
std::string varied_events(int rows) {
  std::string csv = "unit_id,item_id,date,count,tier,points,ref,note\r\n";
  const char* units[] = {"V1", "V2", "V3"};
  for (int i = 0; i < rows; ++i) {
    // (V3 has no accident: its flag stays down.)
    std::string u = units[i % 3 == 2 && i % 13 == 10 ? 1 : i % 3];
    std::string month = std::to_string(10 + i % 3);
    std::string date = "2025-" + month + "-1" + std::to_string(i % 10);
    switch (i % 13) {
      case 0: csv += u + ",late_report," + date + ",,,,,\"迟报, 第" + std::to_string(i) + "次\"\r\n"; break;
      case 1: csv += u + ",praise," + date + ",,省级,,,\n"; break;
      case 2: csv += u + ",info," + date + ",2,,0.3,,\"说明 \"\"甲\"\"\"\n"; break;
      case 3: csv += u + ",monthly," + date + ",,,,,\n"; break;
      case 4: csv += u + ",done," + date + ",,,,督办" + std::to_string(i % 7) + ",\n"; break;
      case 5: csv += u + ",missed," + date + ",,,,督办" + std::to_string(i % 7) + ",\n"; break;
      case 6: csv += "\n"; break;
      case 7: csv += u + ",late_report,2024-12-31,,,,,\n"; break;  // outside
      case 8: csv += "V9,late_reprot," + date + ",,,,,\n"; break;   // two errors
      case 9: csv += u + ",late_report," + date + ",3,,,,\"两行\n说明\"\n"; break;
      case 10: csv += u + ",accident," + date + ",,,,,\n"; break;
      case 11: csv += u + ",patrol," + date + ",,,,,\n"; break;
      default: csv += u + ",praise," + date + ",,部级,,,\n"; break;  // unknown tier
    }
  }
  return csv;
}

TEST_CASE("parts: any number of threads gives the one-thread result, diagnostics and lines included") {
  TempFile f(varied_events(700));
  Outcome one = read_with(f.path(), 1);
  REQUIRE(one.stats.read > 600);
  REQUIRE(one.stats.reported > 50);  // past the 50 shown: the "more" line too
  REQUIRE(one.stats.outside > 0);
  for (int threads : {2, 3, 4, 7, 16}) {
    CAPTURE(threads);
    check_same(one, read_with(f.path(), threads));
  }
}

TEST_CASE("parts: threads that share the sums, as split sinks do not fit, give the one-thread result") {
  TempFile f(varied_events(700));
  Outcome one = read_with(f.path(), 1);
  REQUIRE(one.stats.read > 600);
  for (int threads : {2, 3, 4, 7, 16}) {
    CAPTURE(threads);
    check_same(one, read_with(f.path(), threads, 1));
  }
  // Many rows of a few units: the threads add to the same sums at once.
  std::string csv = "unit_id,item_id,date,count,tier,ref\n";
  for (int i = 0; i < 20000; ++i) {
    const std::string u = i % 2 ? "V1" : "V2";
    const std::string date = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    switch (i % 5) {
      case 0: csv += u + ",late_report," + date + "," + std::to_string(1 + i % 4) + ",,\n"; break;
      case 1: csv += u + ",praise," + date + ",,国家级,\n"; break;
      case 2: csv += u + ",patrol," + date + ",,,\n"; break;
      case 3: csv += u + ",monthly," + date + ",2,,\n"; break;
      default: csv += u + ",done," + date + ",,,督办" + std::to_string(i % 50) + "\n"; break;
    }
  }
  TempFile busy(csv);
  Outcome busy_one = read_with(busy.path(), 1);
  REQUIRE(busy_one.stats.counted == 20000);
  for (int threads : {2, 4}) {
    CAPTURE(threads);
    check_same(busy_one, read_with(busy.path(), threads, 1));
  }
}

// `csv` as a sheet exported by a clerk: a title row, tabs for commas
// outside quotes (`tabs`), empty rows every so often, unnamed columns at
// the header's end, a UTF-8 byte-order mark or GBK bytes.
std::string as_sheet(const std::string& csv, bool tabs, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  out += tabs ? "2025年度督查台账\t\t\r\n" : "2025年度督查台账,,\r\n";
  bool quoted = false;
  int line = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '\n') {
      if (line == 0) {  // unnamed columns, before the header's CRLF
        out.insert(out.size() - (out.back() == '\r' ? 1 : 0), tabs ? "\t\t" : ",,");
      }
      if (++line % 13 == 0) out += tabs ? "\n\t\t\t" : "\n,,,";
    }
    out += (!quoted && tabs && c == ',') ? '\t' : c;
  }
  return out;
}

TEST_CASE("parts: a sheet's title, delimiter, empty rows and BOM read as on one thread") {
  for (bool tabs : {false, true}) {
    for (bool bom : {false, true}) {
      CAPTURE(tabs);
      CAPTURE(bom);
      TempFile f(as_sheet(varied_events(500), tabs, bom));
      Outcome one = read_with(f.path(), 1);
      REQUIRE(one.stats.read > 400);
      CHECK(one.stats.form.title_rows == 1);
      CHECK(one.stats.form.delimiter == (tabs ? '\t' : ','));
      CHECK(one.stats.form.empty_rows > 20);
      CHECK(one.stats.form.empty_columns == 2);
      CHECK(std::string(one.stats.form.encoding) == (bom ? "UTF-8 with BOM" : "UTF-8"));
      for (int threads : {2, 3, 7}) {
        CAPTURE(threads);
        check_same(one, read_with(f.path(), threads));
      }
    }
  }
}

TEST_CASE("parts: a GBK file falls back to one thread, where its encoding is found") {
  const std::string utf8 = varied_events(400);
  TempFile plain(utf8);
  const Outcome expected = read_with(plain.path(), 1);
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string gbk(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = gbk.data();
  std::size_t o_left = gbk.size();
  REQUIRE(iconv(cd, &in, &in_left, &o, &o_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  gbk.resize(gbk.size() - o_left);
  TempFile f(gbk);
  for (int threads : {1, 2, 5}) {
    CAPTURE(threads);
    Outcome got = read_with(f.path(), threads);
    CHECK(std::string(got.stats.form.encoding) == "GB18030");
    CHECK(got.stats.read == expected.stats.read);
    CHECK(got.stats.counted == expected.stats.counted);
    CHECK(got.sums == expected.sums);
    CHECK(got.diags.size() == expected.diags.size());
  }
}

TEST_CASE("parts: late rows (due, done, days late) give the one-thread result") {
  std::string csv = "unit_id,item_id,date,due,done\n";
  const char* units[] = {"V1", "V2", "V3"};
  for (int i = 0; i < 400; ++i) {
    const std::string u = units[i % 3];
    const std::string due = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    switch (i % 5) {
      case 0: csv += u + ",overdue,," + due + ",2025-10-0" + std::to_string(1 + i % 9) + "\n"; break;
      case 1: csv += u + ",overdue,," + due + ",\n"; break;           // not done
      case 2: csv += u + ",overdue,,2024-12-1" + std::to_string(i % 10) + ",\n"; break;  // outside
      case 3: csv += u + ",late_report,2025-03-01,," + due + "\n"; break;  // error: done
      default: csv += u + ",overdue,," + due + ",1/1/2025\n"; break;  // error: not a date
    }
  }
  TempFile f(csv);
  Outcome one = read_with(f.path(), 1);
  REQUIRE(one.stats.counted == 160);
  REQUIRE(one.stats.outside == 80);
  REQUIRE(one.stats.reported == 160);
  for (int threads : {2, 3, 5}) {
    CAPTURE(threads);
    check_same(one, read_with(f.path(), threads));
  }
}

TEST_CASE("parts: the first errors shown come from any part, in file order") {
  // The first half of the file is clean, so every shown error comes from
  // a later part and must carry the file's line numbers.
  std::string csv = "unit_id,item_id,date\n";
  for (int i = 0; i < 300; ++i) csv += "V1,late_report,2025-03-01\n";
  for (int i = 0; i < 60; ++i) csv += "V1,late_reprot,2025-03-01\n";
  TempFile f(csv);
  Outcome one = read_with(f.path(), 1);
  REQUIRE(one.diags.size() == 51);
  CHECK(one.diags.front().find(":302:2: error: unknown item_id") != std::string::npos);
  for (int threads : {2, 3, 5}) {
    CAPTURE(threads);
    check_same(one, read_with(f.path(), threads));
  }
}

// A sink that splits, keeping each event's line, to see whether a file
// was read in parts (rows of later parts carry line 0).
class LineSink : public EventSink {
 public:
  void on_event(const Event& e) override { lines.push_back(e.line); }
  std::unique_ptr<EventSink> split() const override { return std::make_unique<LineSink>(); }
  bool join(EventSink& part) override {
    auto& p = dynamic_cast<LineSink&>(part);
    lines.insert(lines.end(), p.lines.begin(), p.lines.end());
    return true;
  }
  std::vector<int> lines;
};

std::vector<int> lines_read(const std::string& path, int threads) {
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = make_roster();
  MeasureTable measures;
  LineSink sink;
  Diagnostics diags;
  ReadOptions options;
  options.threads = threads;
  options.split_bytes = 0;
  (void)read_events(path, 0, scheme, roster, measures, sink, diags, options);
  CHECK(diags.empty());
  return sink.lines;
}

TEST_CASE("parts: a clean file is read in parts, later parts' rows carry no line") {
  std::string csv = "unit_id,item_id\n";
  for (int i = 0; i < 100; ++i) csv += "V2,late_report\n";
  TempFile f(csv);
  std::vector<int> lines = lines_read(f.path(), 2);
  REQUIRE(lines.size() == 100);
  CHECK(lines.front() == 2);
  CHECK(lines.back() == 0);
}

// A sink that says each split costs `each` bytes and counts the splits.
class CostlySink : public LineSink {
 public:
  explicit CostlySink(std::size_t each, int* splits) : each_(each), splits_(splits) {}
  std::unique_ptr<EventSink> split() const override {
    ++*splits_;
    return std::make_unique<CostlySink>(each_, splits_);
  }
  std::size_t split_bytes() const override { return each_; }

 private:
  std::size_t each_;
  int* splits_;
};

TEST_CASE("parts: -j caps the parts' memory: no more split sinks than the budget holds") {
  std::string csv = "unit_id,item_id\n";
  for (int i = 0; i < 1000; ++i) csv += "V2,late_report\n";
  TempFile f(csv);
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = make_roster();
  MeasureTable measures;
  // (No structured bindings: CAPTURE makes a lambda, and clang 14 cannot
  // capture a binding.)
  for (const std::pair<std::uint64_t, int>& budget_parts :
       std::vector<std::pair<std::uint64_t, int>>{{100, 1}, {250, 2}, {1000, 8}}) {
    const std::uint64_t budget = budget_parts.first;
    const int want_parts = budget_parts.second;
    int splits = 0;
    CostlySink sink(100, &splits);
    Diagnostics diags;
    ReadOptions options;
    options.threads = 8;
    options.split_bytes = 0;
    options.parts_memory = budget;
    (void)read_events(f.path(), 0, scheme, roster, measures, sink, diags, options);
    CAPTURE(budget);
    CHECK(diags.empty());
    // Each part reads into a sink of its own; one part is no split.
    CHECK(splits == (want_parts > 1 ? want_parts : 0));
    CHECK(sink.lines.size() == 1000);
  }
}

// One quoted note of many lines spans the middle of the file, so the line
// break each cut lands after is inside quotes, after the parts have taken
// some rows.
std::string quoted_trap() {
  std::string csv = "unit_id,item_id,note\n";
  for (int i = 0; i < 10; ++i) csv += "V1,late_report,\n";
  csv += "V1,late_report,\"";
  for (int i = 0; i < 200; ++i) csv += "第" + std::to_string(i) + "行, 有逗号\n";
  csv += "\"\n";
  for (int i = 0; i < 10; ++i) csv += "V3,late_report,\n";
  return csv;
}

TEST_CASE("parts: a cut inside a quoted field falls back to one thread") {
  TempFile f(quoted_trap());
  for (int threads : {2, 3}) {
    CAPTURE(threads);
    std::vector<int> lines = lines_read(f.path(), threads);
    REQUIRE(lines.size() == 21);
    CHECK(lines[10] == 12);
    CHECK(lines[11] == 213);  // every line known: read on one thread
    CHECK(lines.back() == 222);
  }
}

TEST_CASE("parts: shared sums are cleared when a cut falls inside quotes, and read again") {
  TempFile f(quoted_trap());
  Outcome one = read_with(f.path(), 1);
  REQUIRE(one.stats.counted == 21);
  for (int threads : {2, 3}) {
    CAPTURE(threads);
    check_same(one, read_with(f.path(), threads, 1));
  }
}

TEST_CASE("parts: a second file is not read into shared sums: its fall-back keeps the first's") {
  std::string clean = "unit_id,item_id,date\n";
  for (int i = 0; i < 300; ++i) clean += "V2,patrol,2025-0" + std::to_string(1 + i % 9) + "-01\n";
  TempFile first(clean);
  TempFile second(quoted_trap());
  Outcome one = read_files({first.path(), second.path()}, 1);
  for (int threads : {2, 3}) {
    CAPTURE(threads);
    check_same(one, read_files({first.path(), second.path()}, threads, 1));
  }
}

TEST_CASE("parts: a sum that overflows is the one-thread error, whatever the parts") {
  // 2 points × 10⁹ a row: the 4,612th row passes Decimal's 9.2 × 10¹².
  std::string csv = "unit_id,item_id,count\n";
  for (int i = 0; i < 6000; ++i) csv += "V1,late_report,1000000000\n";
  TempFile f(csv);
  auto error_of = [&](int threads, std::uint64_t budget) {
    Error e = test::expect_error([&] { (void)read_with(f.path(), threads, budget); });
    std::string text;
    for (const Diagnostic& d : e.diagnostics()) text += format_diagnostic(d);
    return text;
  };
  const std::string one = error_of(1, 0);
  CHECK(one.find(":4613:") != std::string::npos);
  CHECK(error_of(2, 1) == one);  // shared sums
  CHECK(error_of(3, 1) == one);
  CHECK(error_of(2, 0) == one);  // split sinks
}

TEST_CASE("parts: a fatal syntax error in a later part is reported as on one thread") {
  std::string csv = "unit_id,item_id,note\n";
  for (int i = 0; i < 100; ++i) csv += "V1,late_report,ok\n";
  csv += "V1,late_report,bad\"quote\n";
  for (int i = 0; i < 10; ++i) csv += "V1,late_report,ok\n";
  TempFile f(csv);
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = make_roster();
  MeasureTable measures;
  Tallies tallies(scheme, roster.size());
  Diagnostics diags;
  ReadOptions options;
  options.threads = 4;
  options.split_bytes = 0;
  Error e = test::expect_error(
      [&] { (void)read_events(f.path(), 0, scheme, roster, measures, tallies, diags, options); });
  CHECK(e.exit_code() == 65);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].line == 102);
  CHECK(e.diagnostics()[0].message.find("quote inside an unquoted field") == 0);
}

TEST_CASE("parts: a byte-order mark, a missing final newline and a header only") {
  SUBCASE("BOM and no final newline") {
    std::string csv = "\xEF\xBB\xBFunit_id,item_id,date\n";
    for (int i = 0; i < 50; ++i) csv += "V1,monthly,2025-0" + std::to_string(1 + i % 9) + "-01\n";
    csv += "V2,monthly,2025-02-02";
    TempFile f(csv);
    Outcome one = read_with(f.path(), 1);
    CHECK(one.stats.counted == 51);
    check_same(one, read_with(f.path(), 3));
  }
  SUBCASE("header only") {
    TempFile f("unit_id,item_id,date\n");
    Outcome many = read_with(f.path(), 4);
    CHECK(many.stats.read == 0);
    CHECK(many.diags.empty());
  }
  SUBCASE("a repeated column is reported once") {
    std::string csv = "unit_id,item_id,count,count\n";
    for (int i = 0; i < 30; ++i) csv += "V1,late_report,1,2\n";
    TempFile f(csv);
    Outcome one = read_with(f.path(), 1);
    REQUIRE(one.diags.size() == 1);
    CHECK(one.diags[0].find("duplicate column \"count\": fields 3 and 4") !=
          std::string::npos);
    check_same(one, read_with(f.path(), 3));
  }
  SUBCASE("a missing required column is reported once") {
    std::string csv = "unit,item_id\n";
    for (int i = 0; i < 30; ++i) csv += "V1,late_report\n";
    TempFile f(csv);
    Outcome one = read_with(f.path(), 1);
    REQUIRE(one.diags.size() == 1);
    check_same(one, read_with(f.path(), 3));
  }
}

}  // namespace
}  // namespace kaohe
