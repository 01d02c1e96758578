// Writing scaffold files into a folder (scaffold/write_scaffold.h).
#include "scaffold/write_scaffold.h"

#include <filesystem>
#include <system_error>

#include "base/diagnostic.h"
#include "io/output_file.h"
#include "scaffold/template_workbook.h"

namespace kaohe {

std::string scaffold_path(const std::string& dir, const ScaffoldFile& file) {
  if (dir.empty() || dir == ".") return file.path;
  return dir.back() == '/' ? dir + file.path : dir + '/' + file.path;
}

void write_scaffold(const std::string& dir, const std::vector<ScaffoldFile>& files,
                    bool force) {
  namespace fs = std::filesystem;
  std::vector<Diagnostic> taken;
  for (const ScaffoldFile& f : files) {
    const std::string path = scaffold_path(dir, f);
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (!fs::exists(st)) continue;
    Diagnostic d;
    d.file = path;
    if (fs::is_directory(st)) {
      d.message = "is a folder; a file of that name would be written here";
    } else if (force) {
      continue;
    } else {
      d.message = "already exists; nothing was written";
    }
    taken.push_back(std::move(d));
  }
  if (!taken.empty()) {
    bool only_folders = true;
    for (const Diagnostic& d : taken) only_folders &= d.message.rfind("is a folder", 0) == 0;
    taken.back().hint = only_folders
                            ? "choose another folder"
                            : "pass --force to overwrite, or choose another folder";
    throw Error(kExitCantCreate, std::move(taken));
  }
  for (const ScaffoldFile& f : files) {
    const std::string path = scaffold_path(dir, f);
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      fs::create_directories(parent, ec);
      if (ec) {
        throw Error::in_file(kExitCantCreate, parent.string(),
                             "cannot create the folder: " + ec.message());
      }
    }
    if (f.sheet.empty()) {
      write_output(path, f.text);
    } else {
      write_output_with(path, [&f](const std::string& temp) {
        return write_template_workbook(f.text, f.sheet, temp);
      });
    }
  }
}

}  // namespace kaohe
