// Replays the committed fuzz seed corpora (tests/fuzz/corpus/) through the
// same paths as the libFuzzer targets, in the ordinary test run — so the
// sanitizer build of the suite (.ci/run) checks every seed, including the
// reproducers of crashes the fuzzers found, without clang or libFuzzer.
// Every input must read through or end in a kaohe::Error with exit 65
// (74 for a read error), never anything else.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_reader.h"
#include "input/text_decoder.h"
#include "property/bundled.h"
#include "scheme/scheme_lint.h"
#include "scheme/scheme_loader.h"

namespace kaohe::test {
namespace {

std::vector<std::filesystem::path> corpus(const char* kind) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(
           std::filesystem::path(KAOHE_SOURCE_DIR) / "tests/fuzz/corpus" / kind)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string contents(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Reads every row of `bytes`: as the FILE* constructor does, or as
// GB18030 in 7-byte blocks (csv_reader_fuzz.cpp's 'G' prefix). Returns the
// exit code of the kaohe::Error thrown, or 0.
int read_all(std::string bytes, bool gb18030) {
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> f(
      bytes.empty() ? std::fopen("/dev/null", "rb")
                    : fmemopen(bytes.data(), bytes.size(), "rb"));
  REQUIRE(f);
  try {
    CsvRow row;
    if (gb18030) {
      std::unique_ptr<ByteSource> text = open_text("seed.csv", f.get(), Encoding::kGb18030, 7);
      CsvReader reader("seed.csv", *text);
      while (reader.next(row)) {
      }
    } else {
      CsvReader reader("seed.csv", f.get());
      while (reader.next(row)) {
      }
    }
  } catch (const Error& e) {
    return e.exit_code();
  }
  return 0;
}

TEST_CASE("property: every CSV fuzz seed reads through or ends in a clean error") {
  std::vector<std::filesystem::path> seeds = corpus("csv");
  CHECK(seeds.size() >= 10);
  for (const auto& p : seeds) {
    CAPTURE(p.filename().string());
    std::string bytes = contents(p);
    bool gb = !bytes.empty() && bytes[0] == 'G';
    int code = read_all(gb ? bytes.substr(1) : bytes, gb);
    CHECK((code == 0 || code == kExitDataErr));
    // Both paths, whatever the prefix says.
    code = read_all(bytes, !gb);
    CHECK((code == 0 || code == kExitDataErr));
  }
}

TEST_CASE("property: every scheme fuzz seed loads or ends in a clean error") {
  std::vector<std::filesystem::path> seeds = corpus("scheme");
  CHECK(seeds.size() >= 10);
  int loaded = 0;
  for (const auto& p : seeds) {
    CAPTURE(p.filename().string());
    try {
      Scheme s = parse_scheme(p.filename().string(), contents(p));
      (void)lint_scheme(s);
      ++loaded;
    } catch (const Error& e) {
      CHECK(e.exit_code() == kExitDataErr);
      CHECK(!e.diagnostics().empty());
    }
  }
  // The trimmed bundled schemes among the seeds still load.
  CHECK(loaded >= 5);
}

}  // namespace
}  // namespace kaohe::test
