// Unit tests of the resolution of a run's files (input/data_sources.cpp):
// which files of a data folder are read and in which order, copies and
// names that differ only in case refused, other CSV files and workbooks
// warned about, and no file read twice, by path or through a link.
#include "input/data_sources.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "input/xlsx_fixture.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

namespace fs = std::filesystem;
using test::contains;
using test::expect_error;

// A folder in /tmp, removed with what it holds on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = "/tmp/kaohe_dir_XXXXXX";
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  // Writes `name` (a small CSV file) and returns its path.
  std::string add(const std::string& name, const std::string& text = "unit_id,name\n") const {
    std::ofstream(*this / name) << text;
    return *this / name;
  }

 private:
  std::string path_;
};

DataSources from_dir(const TempDir& dir) {
  return resolve_sources(dir.path(), std::nullopt, {}, {});
}

std::vector<std::string> messages(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.file + ": " + d.message);
  return out;
}

TEST_CASE("a data folder gives the kinds' files, in byte order of name") {
  TempDir dir;
  for (const char* name : {"units.csv", "events.csv", "events-b.csv", "events_a.csv",
                           "Events-C.csv", "measures.csv", "measures-2.csv"}) {
    dir.add(name);
  }
  DataSources s = from_dir(dir);
  CHECK(s.units == dir / "units.csv");
  CHECK(s.events == std::vector<std::string>{dir / "Events-C.csv", dir / "events-b.csv",
                                             dir / "events.csv", dir / "events_a.csv"});
  CHECK(s.measures ==
        std::vector<std::string>{dir / "measures-2.csv", dir / "measures.csv"});
  CHECK(s.warnings.empty());
}

TEST_CASE("names in any letter case are read, the roster too") {
  TempDir dir;
  dir.add("Units.CSV");
  dir.add("EVENTS.csv");
  dir.add("measures.Csv");
  DataSources s = from_dir(dir);
  CHECK(s.units == dir / "Units.CSV");
  CHECK(s.events == std::vector<std::string>{dir / "EVENTS.csv"});
  CHECK(s.measures == std::vector<std::string>{dir / "measures.Csv"});
}

TEST_CASE("two names that differ only in case are refused, naming both") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("events.csv");
  dir.add("EVENTS.csv");
  dir.add("events.CSV");
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitDataErr);
  REQUIRE(e.diagnostics().size() == 2);  // events.CSV and events.csv, after EVENTS.csv
  for (const Diagnostic& d : e.diagnostics()) {
    CHECK(d.severity == Severity::kError);
    CHECK(contains(d.message, "differs from EVENTS.csv only in letter case"));
    CHECK(contains(d.hint, "--events FILE"));
  }
  CHECK(e.diagnostics()[0].file == dir / "events.CSV");
  CHECK(e.diagnostics()[1].file == dir / "events.csv");
}

TEST_CASE("text and TSV files named like a kind are read, one sheet saved twice refused") {
  TempDir dir;
  dir.add("units.txt");
  dir.add("events.tsv");
  dir.add("events-b.csv");
  dir.add("Measures.TXT");
  dir.add("notes.txt");  // no kind: passed over in silence
  DataSources s = from_dir(dir);
  CHECK(s.units == dir / "units.txt");
  CHECK(s.events == std::vector<std::string>{dir / "events-b.csv", dir / "events.tsv"});
  CHECK(s.measures == std::vector<std::string>{dir / "Measures.TXT"});
  CHECK(s.warnings.empty());
  dir.add("measures.csv");
  dir.add("Events.txt");
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitDataErr);
  REQUIRE(e.diagnostics().size() == 2);
  CHECK(e.diagnostics()[0].file == dir / "events.tsv");
  CHECK(contains(e.diagnostics()[0].message,
                 "Events.txt has the same name with another extension: both would be read "
                 "as events"));
  CHECK(e.diagnostics()[1].file == dir / "measures.csv");
  CHECK(contains(e.diagnostics()[1].message, "Measures.TXT has the same name"));
  CHECK(contains(e.diagnostics()[1].hint, "--measures FILE"));
}

TEST_CASE("two rosters that differ only in case are refused") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("Units.csv");
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitDataErr);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(contains(e.diagnostics()[0].hint, "--units FILE"));
  // With --units, the folder's rosters are not read: nothing to refuse.
  std::string roster = dir.add("roster.csv");
  CHECK(resolve_sources(dir.path(), roster, {}, {}).units == roster);
}

TEST_CASE("a copy that the folder would give is refused, every one at once") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("events.csv");
  dir.add("events - 副本.csv");
  dir.add("events (1).csv");
  dir.add("measures - Copy.csv");
  dir.add("notes.csv");
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitDataErr);
  const std::vector<std::string> m = messages(e.diagnostics());
  REQUIRE(m.size() == 4);  // byte order: " (" < " -" < "me" < "no"
  CHECK(contains(m[0], "events (1).csv: the name says this is a copy (\"(1)\")"));
  CHECK(contains(m[1], "events - 副本.csv: the name says this is a copy (\"副本\")"));
  CHECK(contains(m[2], "measures - Copy.csv: the name says this is a copy (\"Copy\")"));
  CHECK(contains(m[3], "notes.csv: not read"));  // the warnings come along
  CHECK(e.diagnostics()[3].severity == Severity::kWarning);
  CHECK(contains(e.diagnostics()[1].hint, "--events FILE"));
  CHECK(contains(e.diagnostics()[2].hint, "--measures FILE"));
}

TEST_CASE("a copy is read when named, and ignored when its kind is named") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("events.csv");
  const std::string copy = dir.add("events - 副本.csv");
  DataSources s = resolve_sources(dir.path(), std::nullopt, {copy}, {});
  CHECK(s.events == std::vector<std::string>{copy});
  CHECK(s.warnings.empty());
  // A CSV file of no kind named explicitly is read, not warned about.
  const std::string other = dir.add("事件.csv");
  s = resolve_sources(dir.path(), std::nullopt, {other}, {});
  CHECK(s.events == std::vector<std::string>{other});
  CHECK(s.warnings.empty());
  CHECK(resolve_sources(dir.path(), std::nullopt, {copy}, {}).warnings.size() == 1);
  // A copy of measures does not stop a run whose measures are named.
  dir.add("measures (2).csv");
  const std::string m = dir.add("m.csv");
  CHECK(resolve_sources(dir.path(), std::nullopt, {copy}, {m}).measures ==
        std::vector<std::string>{m});
}

TEST_CASE("CSV files of no kind are warnings; other files and folders are not") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("事件.csv");
  dir.add("Notes.CSV");
  dir.add("units - 副本.csv");  // only units.csv is read: a warning, no error
  dir.add("README.txt");
  dir.add("results.xlsx");
  dir.add("~$events.csv");
  dir.add(".hidden.csv");
  fs::create_directory(dir / "old.csv");
  fs::create_directory(dir / "2024");
  DataSources s = from_dir(dir);
  const std::vector<std::string> m = messages(s.warnings);
  REQUIRE(m.size() == 3);
  CHECK(contains(m[0], "Notes.CSV: not read"));
  CHECK(contains(m[1], "units - 副本.csv: not read"));
  CHECK(contains(m[2], "事件.csv: not read"));
  for (const Diagnostic& d : s.warnings) CHECK(d.severity == Severity::kWarning);
  CHECK(s.events.empty());
}

TEST_CASE("a name that lacks only the s of a kind gets a did-you-mean") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("event.csv");
  dir.add("EVENT-2.CSV");
  dir.add("Measure_b.csv");
  dir.add("unit.csv");
  dir.add("eventual.csv");
  DataSources s = from_dir(dir);
  REQUIRE(s.warnings.size() == 5);
  CHECK(s.warnings[0].hint == "did you mean EVENTS-2.CSV? rename it to be read");
  CHECK(s.warnings[1].hint == "did you mean Measures_b.csv? rename it to be read");
  CHECK(s.warnings[2].hint == "did you mean events.csv? rename it to be read");
  CHECK(contains(s.warnings[3].hint, "rename it to be read (events-NAME.csv"));  // eventual
  CHECK(s.warnings[4].hint == "did you mean units.csv? rename it to be read");
}

TEST_CASE("an .xlsx workbook named like an input is read; an .xls one is a warning") {
  TempDir dir;
  dir.add("units.csv");
  testing::write_zip(dir / "events.xlsx",
                     testing::workbook_parts({{"Sheet1", ""}, {"扣分", "<row r=\"1\"><c r=\"A1\">"
                                                                "<v>1</v></c></row>"}}));
  dir.add("Measures.XLS");
  DataSources s = from_dir(dir);
  // The workbook's input names the sheet read.
  CHECK(s.events == std::vector<std::string>{dir / "events.xlsx" + ":扣分"});
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].file == dir / "Measures.XLS");
  CHECK(contains(s.warnings[0].message, "not Excel 97–2003 .xls ones"));
  CHECK(contains(s.warnings[0].hint, "measures.xlsx"));
  TempDir elsewhere;
  const std::string e = elsewhere.add("e.csv");
  CHECK(resolve_sources(dir.path(), std::nullopt, {e}, {}).warnings.size() == 1);
}

TEST_CASE("events.csv and events.xlsx in one folder are one sheet saved twice") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("events.csv");
  testing::write_zip(dir / "events.xlsx", testing::workbook_parts({{"Sheet1", ""}}));
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitDataErr);
  CHECK(contains(e.what(), "events.csv has the same name with another extension"));
}

TEST_CASE("a workbook as the data folder: a sheet per kind by its name") {
  TempDir dir;
  const std::string book = dir / "data.xlsx";
  const std::string row = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
  testing::write_zip(book, testing::workbook_parts({{"名单", row},
                                                    {"扣分-一季度", row},
                                                    {"events-2", row},
                                                    {"指标", row},
                                                    {"说明", row}}));
  DataSources s = resolve_sources(book, std::nullopt, {}, {});
  CHECK(s.units == book + ":名单");
  CHECK(s.events == std::vector<std::string>{book + ":扣分-一季度", book + ":events-2"});
  CHECK(s.measures == std::vector<std::string>{book + ":指标"});
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].file == book + ":说明");
  // An explicit option replaces its kind.
  const std::string units = dir.add("u.csv");
  CHECK(resolve_sources(book, units, {}, {}).units == units);

  const std::string no_roster = dir / "no-roster.xlsx";
  testing::write_zip(no_roster, testing::workbook_parts({{"events", row}}));
  Error e = expect_error([&] { (void)resolve_sources(no_roster, std::nullopt, {}, {}); });
  CHECK(e.exit_code() == kExitNoInput);
  CHECK(contains(e.what(), "the workbook has no sheet named for the roster"));
}

TEST_CASE("the folder's warnings come with the error of a missing roster") {
  TempDir dir;
  dir.add("unit.csv");
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitNoInput);
  const std::vector<std::string> m = messages(e.diagnostics());
  REQUIRE(m.size() == 2);
  CHECK(contains(m[0], "unit.csv: not read"));
  CHECK(m[1] == dir.path() + ": the data directory has no units.csv");
}

TEST_CASE("a folder named events.csv is given, for opening to refuse") {
  TempDir dir;
  dir.add("units.csv");
  fs::create_directory(dir / "events.csv");
  CHECK(from_dir(dir).events == std::vector<std::string>{dir / "events.csv"});
}

TEST_CASE("the same file twice by path is a usage error naming both") {
  TempDir dir;
  const std::string units = dir.add("u.csv");
  const std::string a = dir.add("a.csv");
  const std::string dotted = dir.path() + "/./a.csv";
  Error e = expect_error([&] { (void)resolve_sources(std::nullopt, units, {a, dotted}, {}); });
  CHECK(e.exit_code() == kExitUsage);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].file == dotted);
  CHECK(e.diagnostics()[0].message ==
        "this is the same file as " + a + ", given twice as --events");
  CHECK(contains(e.diagnostics()[0].hint, "every row in it would count twice"));

  e = expect_error([&] { (void)resolve_sources(std::nullopt, units, {a, a}, {}); });
  CHECK(e.diagnostics()[0].message == "this file is given twice as --events");
  e = expect_error([&] { (void)resolve_sources(std::nullopt, units, {a}, {a}); });
  CHECK(e.diagnostics()[0].message == "this file is given as --events and as --measures");
  CHECK(contains(e.diagnostics()[0].hint, "one kind of data"));
  e = expect_error([&] { (void)resolve_sources(std::nullopt, a, {a}, {}); });
  CHECK(e.diagnostics()[0].message == "this file is given as --units and as --events");
  // Missing files are compared by path too (opening then says they are missing).
  const std::string gone = dir / "gone.csv";
  e = expect_error([&] { (void)resolve_sources(std::nullopt, units, {gone, gone}, {}); });
  CHECK(e.exit_code() == kExitUsage);
}

TEST_CASE("the same file twice through a link") {
  TempDir dir;
  const std::string units = dir.add("u.csv");
  const std::string a = dir.add("a.csv");
  fs::create_hard_link(a, dir / "hard.csv");
  fs::create_symlink("a.csv", dir / "soft.csv");
  for (const std::string& link : {dir / "hard.csv", dir / "soft.csv"}) {
    CAPTURE(link);
    Error e = expect_error([&] { (void)resolve_sources(std::nullopt, units, {link, a}, {}); });
    CHECK(e.exit_code() == kExitUsage);
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == a);
    CHECK(e.diagnostics()[0].message ==
          "this is the same file as " + link + ", given twice as --events");
  }
}

TEST_CASE("the folder's file named again in another role") {
  TempDir dir;
  dir.add("units.csv");
  const std::string events = dir.add("events.csv");
  Error e = expect_error([&] { (void)resolve_sources(dir.path(), std::nullopt, {}, {events}); });
  CHECK(e.exit_code() == kExitUsage);
  CHECK(e.diagnostics()[0].message ==
        "this file is given as events from the data directory and as --measures");
  // --events replaces the folder's events: the same file once is fine.
  CHECK(resolve_sources(dir.path(), std::nullopt, {events}, {}).events ==
        std::vector<std::string>{events});
}

TEST_CASE("two names of one file inside the folder are a data error") {
  TempDir dir;
  dir.add("units.csv");
  dir.add("events.csv");
  fs::create_symlink("events.csv", dir / "events-2.csv");
  Error e = expect_error([&] { (void)from_dir(dir); });
  CHECK(e.exit_code() == kExitDataErr);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].file == dir / "events.csv");
  CHECK(e.diagnostics()[0].message ==
        "this is the same file as " + (dir / "events-2.csv") +
            ", given twice as events from the data directory");
}

TEST_CASE("standard input is not a file to compare") {
  TempDir dir;
  const std::string units = dir.add("u.csv");
  CHECK(resolve_sources(std::nullopt, units, {"-"}, {}).events ==
        std::vector<std::string>{"-"});
}

}  // namespace
}  // namespace kaohe
