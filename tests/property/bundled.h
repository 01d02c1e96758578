// Helpers for the property tests: the bundled schemes that have an example
// folder of the same name (schemes/NAME.yaml + examples/NAME/), loaded and
// scored through the library, and a scratch directory for extra inputs.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/data_sources.h"
#include "pipeline/evaluation.h"
#include "scheme/scheme_loader.h"

#ifndef KAOHE_SOURCE_DIR
#error "tests/CMakeLists.txt defines KAOHE_SOURCE_DIR for the property tests"
#endif

namespace kaohe::test {

struct Bundled {
  std::string name;    // "party-building"
  std::string scheme;  // path of schemes/NAME.yaml
  std::string data;    // path of examples/NAME
};

// Every schemes/NAME.yaml with an examples/NAME folder, in byte order.
inline std::vector<Bundled> bundled_examples() {
  namespace fs = std::filesystem;
  const fs::path root(KAOHE_SOURCE_DIR);
  std::vector<Bundled> out;
  for (const auto& entry : fs::directory_iterator(root / "schemes")) {
    if (entry.path().extension() != ".yaml") continue;
    std::string name = entry.path().stem().string();
    fs::path data = root / "examples" / name;
    if (!fs::is_directory(data)) continue;
    out.push_back({name, entry.path().string(), data.string()});
  }
  std::sort(out.begin(), out.end(),
            [](const Bundled& a, const Bundled& b) { return a.name < b.name; });
  return out;
}

// Scores a bundled example, with `extra_events` files read after the
// folder's own. Fails the test (with every diagnostic) when it does not
// score.
inline std::optional<Evaluation> score_bundled(
    const Bundled& b, const std::vector<std::string>& extra_events = {}) {
  try {
    DataSources sources = resolve_sources(b.data, std::nullopt, {}, {});
    for (const std::string& e : extra_events) sources.events.push_back(e);
    return evaluate(load_scheme(b.scheme), sources);
  } catch (const Error& e) {
    FAIL_CHECK(b.name << " does not score:\n" << e.what());
    return std::nullopt;
  }
}

// A scratch directory, removed with everything in it at scope exit.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() /
                        "kaohe-property-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      FAIL("cannot create a scratch directory");
    }
    path_ = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `text` to NAME in the directory; returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    std::string p = (std::filesystem::path(path_) / name).string();
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    REQUIRE(out.good());
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace kaohe::test
