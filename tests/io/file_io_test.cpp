// Unit tests of the file helpers (io/file_io.cpp): a directory's entries
// in byte order with whether each is a regular file, and file identity
// through hard and symbolic links.
#include "io/file_io.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "base/diagnostic.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

namespace fs = std::filesystem;

TEST_CASE("list_directory: names in byte order, regular files told apart") {
  std::string tmpl = "/tmp/kaohe_dir_XXXXXX";
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  const fs::path dir = tmpl;
  for (const char* name : {"events.csv", "Events.csv", "事件.csv", "events-2.csv"}) {
    std::ofstream(dir / name) << "x\n";
  }
  fs::create_directory(dir / "sub.csv");
  fs::create_symlink("events.csv", dir / "link.csv");
  fs::create_symlink("nowhere.csv", dir / "dangling.csv");
  std::vector<DirEntry> entries = list_directory(dir.string());
  std::vector<std::string> names;
  for (const DirEntry& e : entries) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"Events.csv", "dangling.csv", "events-2.csv",
                                          "events.csv", "link.csv", "sub.csv", "事件.csv"});
  CHECK(entries[0].regular);
  CHECK_FALSE(entries[1].regular);  // dangling link
  CHECK(entries[4].regular);        // a link to a file
  CHECK_FALSE(entries[5].regular);  // a directory
  fs::remove_all(dir);
}

TEST_CASE("list_directory: an unreadable directory is exit 66") {
  Error e = test::expect_error([] { (void)list_directory("/nonexistent/kaohe"); });
  CHECK(e.exit_code() == kExitNoInput);
}

TEST_CASE("file_id: one file by any name, and none for a missing one") {
  test::TempFile a("x\n");
  const std::string hard = a.path() + ".hard";
  const std::string soft = a.path() + ".soft";
  fs::create_hard_link(a.path(), hard);
  fs::create_symlink(a.path(), soft);
  test::TempFile b("x\n");
  REQUIRE(file_id(a.path()));
  CHECK(file_id(hard) == file_id(a.path()));
  CHECK(file_id(soft) == file_id(a.path()));
  CHECK(file_id(b.path()) != file_id(a.path()));
  CHECK_FALSE(file_id(a.path() + ".missing"));
  fs::remove(hard);
  fs::remove(soft);
}

}  // namespace
}  // namespace kaohe
