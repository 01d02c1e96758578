// Unit tests for diagnostics: exact rendering goldens, collection and
// throwing, Error's what(), and "did you mean" suggestions.
#include "base/diagnostic.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kaohe {
namespace {

Diagnostic make(std::string file, int line, int col, std::string message,
                std::string source_line = {}, std::string hint = {},
                Severity severity = Severity::kError) {
  Diagnostic d;
  d.file = std::move(file);
  d.line = line;
  d.col = col;
  d.severity = severity;
  d.message = std::move(message);
  d.source_line = std::move(source_line);
  d.hint = std::move(hint);
  return d;
}

}  // namespace

TEST_CASE("format_diagnostic: the full form") {
  const Diagnostic d =
      make("events.csv", 7, 2, "unknown item_id \"late_reprot\"",
           "V1,late_reprot,2025-03-01", "did you mean \"late_report\"?");
  CHECK(format_diagnostic(d) ==
        "events.csv:7:2: error: unknown item_id \"late_reprot\"\n"
        "    7 | V1,late_reprot,2025-03-01\n"
        "  hint: did you mean \"late_report\"?\n");
}

TEST_CASE("format_diagnostic: locations") {
  CHECK(format_diagnostic(make("scheme.yaml", 12, 0, "bad key")) ==
        "scheme.yaml:12: error: bad key\n");
  CHECK(format_diagnostic(make("units.csv", 0, 0, "empty file")) ==
        "units.csv: error: empty file\n");
  CHECK(format_diagnostic(make("units.csv", 0, 3, "empty file")) ==
        "units.csv: error: empty file\n");
  CHECK(format_diagnostic(make("", 0, 0, "no scheme given")) ==
        "error: no scheme given\n");
  CHECK(format_diagnostic(make("", 4, 2, "no file")) == "error: no file\n");
  CHECK(format_diagnostic(make("a.csv", 123456, 10, "m")) ==
        "a.csv:123456:10: error: m\n");
}

TEST_CASE("format_diagnostic: warnings, source lines and hints") {
  CHECK(format_diagnostic(make("m.csv", 3, 0, "duplicate row", "", "",
                               Severity::kWarning)) ==
        "m.csv:3: warning: duplicate row\n");
  CHECK(format_diagnostic(make("m.csv", 12345, 1, "x", "a,b")) ==
        "m.csv:12345:1: error: x\n"
        "12345 | a,b\n");
  CHECK(format_diagnostic(make("m.csv", 1234567, 1, "x", "a,b")) ==
        "m.csv:1234567:1: error: x\n"
        "1234567 | a,b\n");
  CHECK(format_diagnostic(make("m.csv", 0, 0, "x", "header,row")) ==
        "m.csv: error: x\n"
        "      | header,row\n");
  CHECK(format_diagnostic(make("", 0, 0, "x", "", "try --help")) ==
        "error: x\n"
        "  hint: try --help\n");
  CHECK(format_diagnostic(make("单位.csv", 2, 1, "未知单位 \"三班\"",
                               "三班,90")) ==
        "单位.csv:2:1: error: 未知单位 \"三班\"\n"
        "    2 | 三班,90\n");
}

TEST_CASE("format_diagnostic: long source lines are cut at 200 bytes") {
  const std::string exact(200, 'a');
  CHECK(format_diagnostic(make("f", 1, 0, "m", exact)) ==
        "f:1: error: m\n    1 | " + exact + "\n");
  const std::string long_ascii(250, 'b');
  CHECK(format_diagnostic(make("f", 1, 0, "m", long_ascii)) ==
        "f:1: error: m\n    1 | " + std::string(200, 'b') + "…\n");
  // A three-byte character straddling byte 200 is dropped whole.
  const std::string straddle = std::string(199, 'c') + "中文";
  CHECK(format_diagnostic(make("f", 1, 0, "m", straddle)) ==
        "f:1: error: m\n    1 | " + std::string(199, 'c') + "…\n");
  // One ending exactly at byte 200 is kept.
  const std::string ends_at_200 = std::string(197, 'd') + "中文";
  CHECK(format_diagnostic(make("f", 1, 0, "m", ends_at_200)) ==
        "f:1: error: m\n    1 | " + std::string(197, 'd') + "中…\n");
}

TEST_CASE("Diagnostics collects and throws once") {
  Diagnostics diags;
  CHECK(diags.empty());
  CHECK(diags.error_count() == 0);
  diags.warning("m.csv", 2, 0, "unused column \"note\"");
  CHECK_FALSE(diags.empty());
  CHECK(diags.error_count() == 0);
  CHECK_NOTHROW(diags.throw_if_errors(kExitDataErr));

  diags.error("m.csv", 5, 3, "not a number: \"abc\"", "U1,x,abc");
  diags.add(make("e.csv", 9, 2, "unknown item_id \"x\"", "", "did you mean?"));
  CHECK(diags.error_count() == 2);
  REQUIRE(diags.list().size() == 3);
  CHECK(diags.list()[0].severity == Severity::kWarning);
  CHECK(diags.list()[1].col == 3);
  CHECK(diags.list()[1].source_line == "U1,x,abc");

  try {
    diags.throw_if_errors(kExitDataErr);
    FAIL("expected an Error");
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitDataErr);
    CHECK(e.diagnostics().size() == 3);
    CHECK(std::string(e.what()) ==
          "m.csv:2: warning: unused column \"note\"\n"
          "m.csv:5:3: error: not a number: \"abc\"\n"
          "    5 | U1,x,abc\n"
          "e.csv:9:2: error: unknown item_id \"x\"\n"
          "  hint: did you mean?\n");
  }
}

TEST_CASE("Error constructors and what()") {
  const Error plain(kExitUsage, "no scheme given", "pass --scheme FILE");
  CHECK(plain.exit_code() == kExitUsage);
  REQUIRE(plain.diagnostics().size() == 1);
  CHECK(plain.diagnostics()[0].file.empty());
  CHECK(plain.diagnostics()[0].severity == Severity::kError);
  CHECK(std::string(plain.what()) ==
        "error: no scheme given\n  hint: pass --scheme FILE\n");

  const Error no_hint(kExitIoErr, "write failed");
  CHECK(std::string(no_hint.what()) == "error: write failed\n");

  const Error one(kExitNoInput, make("x.csv", 0, 0, "cannot open"));
  CHECK(one.exit_code() == kExitNoInput);
  CHECK(std::string(one.what()) == "x.csv: error: cannot open\n");

  const Error many(kExitDataErr, std::vector<Diagnostic>{
                                     make("a", 1, 0, "first"),
                                     make("b", 2, 0, "second")});
  CHECK(std::string(many.what()) == "a:1: error: first\nb:2: error: second\n");

  // Copies keep their own message.
  const Error copy = many;
  CHECK(std::string(copy.what()) == many.what());
  const std::exception& base = plain;
  CHECK(std::string(base.what()) == plain.what());
}

TEST_CASE("closest_match and did_you_mean") {
  const std::vector<std::string> items = {"late_report", "absent", "bonus",
                                          "请假"};
  CHECK(closest_match("late_reprot", items) == "late_report");
  CHECK(closest_match("late_report", items) == "late_report");
  CHECK(closest_match("LATE_REPORT", items) == "late_report");
  CHECK(closest_match("Absent", items) == "absent");
  CHECK(closest_match("absnt", items) == "absent");
  CHECK(closest_match("bonu", items) == "bonus");
  // Swapping two adjacent letters costs 1, like any other typo.
  CHECK(closest_match("bonsu", items) == "bonus");
  CHECK(closest_match("bnsuo", items) == "");
  CHECK(closest_match("xyz", items) == "");
  CHECK(closest_match("", items) == "");
  CHECK(closest_match("absent", {}) == "");
  CHECK(closest_match("请假", items) == "请假");
  // Distance counts bytes: one changed CJK character is three edits, over
  // the limit of two for a six-byte word.
  CHECK(closest_match("请求", items) == "");
  // Ties go to the first candidate; smaller distance wins regardless.
  CHECK(closest_match("hat", {"cat", "bat"}) == "cat");
  CHECK(closest_match("hat", {"cats", "hats"}) == "hats");

  CHECK(did_you_mean("late_reprot", items) ==
        "did you mean \"late_report\"?");
  CHECK(did_you_mean("xyz", items) == "");
}

}  // namespace kaohe
