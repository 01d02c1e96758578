// Unit tests for the output formats: extensions matched ignoring case, and
// choose_output_format's rules (report/output_format.h): -o never guesses.
#include "report/output_format.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace kaohe {

namespace {

using F = OutputFormat;

const std::vector<F> kScore = {F::kTable, F::kCsv, F::kTsv, F::kJson, F::kMarkdown,
                               F::kXlsx, F::kHtml};
const std::vector<F> kExplain = {F::kTable, F::kJson};
const std::vector<F> kDiff = {F::kTable, F::kCsv, F::kTsv, F::kJson, F::kMarkdown};

// The usage error choose_output_format throws: "message\nhint".
std::string refusal(const std::string& format, const std::string& output,
                    const std::vector<F>& writable = kScore,
                    const std::string& command = "score") {
  try {
    choose_output_format(format, output, writable, command);
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitUsage);
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics()[0].message + "\n" + e.diagnostics()[0].hint;
  }
  FAIL("no usage error for -O '", format, "' -o '", output, "'");
  return {};
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("output format: the extension is matched ignoring case") {
  CHECK(format_from_extension("r.csv") == F::kCsv);
  CHECK(format_from_extension("R.CSV") == F::kCsv);
  CHECK(format_from_extension("R.Json") == F::kJson);
  CHECK(format_from_extension("R.XLSX") == F::kXlsx);
  CHECK(format_from_extension("R.MD") == F::kMarkdown);
  CHECK(format_from_extension("R.TXT") == F::kTable);
  CHECK(format_from_extension("R.TSV") == F::kTsv);
  CHECK(format_from_extension("dir/考核 2025.Csv") == F::kCsv);
  CHECK(format_from_extension("R.HTML") == F::kHtml);
}

TEST_CASE("output format: html is a page of score, explain and diff") {
  CHECK(parse_output_format("html") == F::kHtml);
  CHECK(format_name(F::kHtml) == "html");
  CHECK(format_extension(F::kHtml) == ".html");
  CHECK(choose_output_format("", "results.html", kScore, "score") == F::kHtml);
  CHECK(choose_output_format("html", "-", kScore, "score") == F::kHtml);
  CHECK(contains(refusal("", "r.htm"), "kaohe writes HTML pages as .html: name the file r.html"));
  // A page is not a text table: .txt does not take it.
  CHECK(contains(refusal("html", "r.txt"), "the extension \".txt\" means table, but -O "
                                           "says html"));
}

TEST_CASE("output format: only the last extension of the file name counts") {
  CHECK(format_from_extension("r.pdf") == std::nullopt);
  CHECK(format_from_extension("r.htm") == std::nullopt);
  CHECK(format_from_extension("r.xls") == std::nullopt);
  CHECK(format_from_extension("r.xlsm") == std::nullopt);
  CHECK(format_from_extension("r.csvx") == std::nullopt);
  CHECK(format_from_extension("r.csv.gz") == std::nullopt);
  CHECK(format_from_extension("r.") == std::nullopt);
  CHECK(format_from_extension("results") == std::nullopt);
  CHECK(format_from_extension("out.csv/results") == std::nullopt);
  CHECK(format_from_extension(".csv") == std::nullopt);  // a hidden file
  CHECK(format_from_extension("dir/.csv") == std::nullopt);
  CHECK(format_from_extension("r.csv ") == std::nullopt);
  CHECK(format_from_extension("rcsv") == std::nullopt);
  CHECK(file_extension("r.") == std::string_view());
  CHECK(file_extension("a.d/r") == std::nullopt);
  CHECK(file_extension("a/b.tar.GZ") == std::string_view("GZ"));
}

TEST_CASE("output format: names and extensions round-trip") {
  for (F f : kScore) {
    CHECK(parse_output_format(format_name(f)) == f);
    CHECK(format_from_extension("r" + std::string(format_extension(f))) == f);
  }
  CHECK(parse_output_format("CSV") == std::nullopt);  // -O names are exact
}

TEST_CASE("output format: standard output is the table unless -O says") {
  CHECK(choose_output_format("", "-", kScore, "score") == F::kTable);
  CHECK(choose_output_format("json", "-", kScore, "score") == F::kJson);
  CHECK(choose_output_format("xlsx", "-", kScore, "score") == F::kXlsx);  // refused later
}

TEST_CASE("output format: without -O the extension decides") {
  CHECK(choose_output_format("", "R.XLSX", kScore, "score") == F::kXlsx);
  CHECK(choose_output_format("", "R.CSV", kScore, "score") == F::kCsv);
  CHECK(choose_output_format("", "r.Json", kExplain, "explain") == F::kJson);
  CHECK(choose_output_format("", "r.TXT", kExplain, "explain") == F::kTable);
  CHECK(choose_output_format("", "r.md", kDiff, "diff") == F::kMarkdown);
}

TEST_CASE("output format: an unknown extension or none is a usage error") {
  const std::string pdf = refusal("", "results.pdf");
  CHECK(contains(pdf, "-o results.pdf: unknown extension \".pdf\""));
  CHECK(contains(pdf, "table (.txt), csv (.csv), tsv (.tsv), json (.json), "
                      "markdown (.md), xlsx (.xlsx) and html (.html)"));
  CHECK(contains(pdf, "add -O csv, or name the file results.csv"));
  CHECK(contains(refusal("", "results"), "no extension"));
  CHECK(contains(refusal("", "results"), "name the file results.csv"));
  CHECK(contains(refusal("", "results."), "no extension after the dot"));
  CHECK(contains(refusal("", "results."), "name the file results.csv"));
  CHECK(contains(refusal("", "r.csvx"), "unknown extension \".csvx\""));
  CHECK(contains(refusal("", "r.csv.gz"), "name the file r.csv,"));
  CHECK(contains(refusal("", ".csv"), "name the file results.csv"));
  CHECK(contains(refusal("", "d/.XLSX"), "name the file d/results.XLSX"));
}

TEST_CASE("output format: workbook extensions point to .xlsx") {
  CHECK(contains(refusal("", "r.xls"), "kaohe writes Excel workbooks as .xlsx: "
                                       "name the file r.xlsx"));
  CHECK(contains(refusal("", "r.XLSM"), "name the file r.xlsx"));
  CHECK(contains(refusal("", "r.markdown"), "name the file r.md"));
  // diff writes no workbook: no .xlsx suggested.
  const std::string diff = refusal("", "r.xls", kDiff, "diff");
  CHECK(contains(diff, "'kaohe diff' writes table (.txt), csv (.csv), tsv (.tsv), "
                       "json (.json) and markdown (.md)"));
  CHECK_FALSE(contains(diff, "xlsx"));
}

TEST_CASE("output format: an explicit -O takes any name kaohe has no extension for") {
  CHECK(choose_output_format("csv", "results", kScore, "score") == F::kCsv);
  CHECK(choose_output_format("xlsx", "again.bin", kScore, "score") == F::kXlsx);
  CHECK(choose_output_format("json", "r.pdf", kScore, "score") == F::kJson);
  CHECK(choose_output_format("csv", "r.CSV", kScore, "score") == F::kCsv);
}

TEST_CASE("output format: .txt takes any text format, not a workbook") {
  CHECK(choose_output_format("csv", "r.txt", kScore, "score") == F::kCsv);
  CHECK(choose_output_format("markdown", "r.TXT", kScore, "score") == F::kMarkdown);
  CHECK(choose_output_format("json", "r.txt", kExplain, "explain") == F::kJson);
  CHECK(contains(refusal("xlsx", "r.txt"), "the extension \".txt\" means table, but -O "
                                           "says xlsx"));
}

TEST_CASE("output format: -O contradicting a known extension is a usage error") {
  const std::string xlsx = refusal("csv", "r.xlsx");
  CHECK(contains(xlsx, "-o r.xlsx: the extension \".xlsx\" means xlsx, but -O says csv"));
  CHECK(contains(xlsx, "name the file r.csv, or leave out -O to write xlsx"));
  CHECK(contains(refusal("json", "r.CSV"), "\".CSV\" means csv, but -O says json"));
  CHECK(contains(refusal("table", "r.md"), "name the file r.txt"));
  CHECK(contains(refusal("tsv", "r.csv"), "name the file r.tsv"));
  // explain writes no csv: leaving out -O would not help.
  const std::string explain = refusal("json", "e.csv", kExplain, "explain");
  CHECK(contains(explain, "name the file e.json"));
  CHECK_FALSE(contains(explain, "leave out -O"));
}

TEST_CASE("output format: a format the command does not write is a usage error") {
  const std::string csv = refusal("", "e.csv", kExplain, "explain");
  CHECK(contains(csv, "-o e.csv: 'kaohe explain' does not write csv"));
  CHECK(contains(csv, "name the file e.txt or e.json"));
  CHECK(contains(refusal("", "e.XLSX", kExplain, "explain"),
                 "only 'kaohe score' writes a workbook"));
  CHECK(contains(refusal("", "d.xlsx", kDiff, "diff"), "'kaohe diff' does not write xlsx"));
  CHECK(contains(refusal("", "e.pdf", kExplain, "explain"),
                 "add -O table, or name the file e.txt"));
  CHECK(contains(refusal("xlsx", "-", kDiff, "diff"), "'kaohe diff' does not write 'xlsx'"));
  CHECK(contains(refusal("CSV", "-"), "does not write 'CSV'"));
}

TEST_CASE("output format: -o must name a file") {
  CHECK(contains(refusal("", ""), "-o needs a file name"));
  CHECK(contains(refusal("csv", ""), "-o needs a file name"));
  CHECK(contains(refusal("csv", "out/"), "-o out/: names a directory"));
  CHECK(contains(refusal("", "out/"), "e.g. -o out/results.csv"));
  CHECK(contains(refusal("", "."), "e.g. -o ./results.csv"));
  CHECK(contains(refusal("", "a/.."), "names a directory"));
}

}  // namespace kaohe
