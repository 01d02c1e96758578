// `kaohe template SCHEME`: writes the blank input sheets a scheme reads
// (scaffold/templates.h) — units.csv, events.csv and measures.csv with
// exactly the columns its rules need, and, without --units, items.csv
// listing what to fill in; never over an existing file without --force.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace kaohe {

struct TemplateOptions {
  std::string scheme;
  std::string dir = ".";        // -o: where the sheets go
  std::string units;            // --units: a roster; measures.csv then has
                                // one row per unit × item to fill in
  std::string header = "zh";    // zh: Chinese headers; en: kaohe's names
  std::string format = "csv";   // -O: csv; xlsx is refused as not supported yet
  bool force = false;           // overwrite files that already exist
};

void add_template_command(CLI::App& app, TemplateOptions& opts);
// Loads the scheme (and the roster), writes the sheets; on success prints
// only, on stderr, how many files it wrote. Returns the exit code; throws
// kaohe::Error: 64 for -O xlsx, the loader's 65/66, 73 when a file exists
// (without --force) or cannot be created.
int run_template(const TemplateOptions& opts);

}  // namespace kaohe
