// Writing scaffold files into a folder (scaffold/write_scaffold.h).
#include "scaffold/write_scaffold.h"

#include <filesystem>
#include <system_error>

#include "base/diagnostic.h"
#include "base/messages.h"
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
  bool only_folders = true;
  for (const ScaffoldFile& f : files) {
    const std::string path = scaffold_path(dir, f);
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (!fs::exists(st)) continue;
    Diagnostic d;
    d.file = path;
    const bool folder = fs::is_directory(st);
    if (folder) {
      d.message = tr("is a folder; a file of that name would be written here");
    } else if (force) {
      continue;
    } else {
      d.message = tr("already exists; nothing was written");
    }
    only_folders &= folder;
    taken.push_back(std::move(d));
  }
  if (!taken.empty()) {
    taken.back().hint = only_folders
                            ? tr("choose another folder")
                            : tr("pass --force to overwrite, or choose another folder");
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
                             trf("cannot create the folder: {}", system_error_text(ec.value())));
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
