// Unit tests of writing scaffold files: folders created, nothing written
// over an existing file unless forced (exit 73, each such file named), a
// folder in the way refused even with force.
#include "scaffold/write_scaffold.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

namespace fs = std::filesystem;

// A folder in /tmp, removed with what it holds on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = "/tmp/kaohe_scaffold_XXXXXX";
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::vector<ScaffoldFile> kFiles = {{"a.yaml", "a\n"}, {"data/b.csv", "b\n"}};

TEST_CASE("write_scaffold: paths under a folder, '.' left out") {
  CHECK(scaffold_path(".", kFiles[1]) == "data/b.csv");
  CHECK(scaffold_path("office", kFiles[1]) == "office/data/b.csv");
  CHECK(scaffold_path("office/", kFiles[1]) == "office/data/b.csv");
}

TEST_CASE("write_scaffold: creates the folders and writes every file") {
  TempDir dir;
  write_scaffold(dir / "new/office", kFiles, false);
  CHECK(read(dir / "new/office/a.yaml") == "a\n");
  CHECK(read(dir / "new/office/data/b.csv") == "b\n");
}

TEST_CASE("write_scaffold: an existing file stops everything; --force overwrites") {
  TempDir dir;
  fs::create_directories(dir / "data");
  std::ofstream(dir / "data/b.csv") << "mine\n";
  const Error e = test::expect_error([&] { write_scaffold(dir.path(), kFiles, false); });
  CHECK(e.exit_code() == kExitCantCreate);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(e.diagnostics()[0].file == dir / "data/b.csv");
  CHECK(test::contains(e.diagnostics()[0].message, "already exists"));
  CHECK(test::contains(e.diagnostics()[0].hint, "--force"));
  CHECK(!fs::exists(dir / "a.yaml"));        // nothing written
  CHECK(read(dir / "data/b.csv") == "mine\n");  // nothing changed
  write_scaffold(dir.path(), kFiles, true);
  CHECK(read(dir / "a.yaml") == "a\n");
  CHECK(read(dir / "data/b.csv") == "b\n");
}

TEST_CASE("write_scaffold: a folder where a file goes is refused, even with force") {
  TempDir dir;
  fs::create_directories(dir / "a.yaml");
  const Error e = test::expect_error([&] { write_scaffold(dir.path(), kFiles, true); });
  CHECK(e.exit_code() == kExitCantCreate);
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(test::contains(e.diagnostics()[0].message, "is a folder"));
  CHECK(e.diagnostics()[0].hint == "choose another folder");
  CHECK(!fs::exists(dir / "data/b.csv"));
}

}  // namespace
}  // namespace kaohe
