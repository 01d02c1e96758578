// Resolution of a run's input files: the data folder's names (DESIGN.md
// §5 "Data folder"), then the explicit files, then no file read twice.
#include "input/data_sources.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "base/ascii.h"
#include "base/messages.h"
#include "input/data_file_names.h"
#include "input/workbook_sheet.h"
#include "io/file_io.h"

namespace kaohe {
namespace {

// The option that names a kind of file explicitly.
std::string option_of(DataKind kind) { return fmt::format("--{}", kind_name(kind)); }

// "event.csv" → "events.csv", "Measure-2.csv" → "Measures-2.csv": a CSV
// name that lacks only the "s" of a kind; empty for any other name.
std::string plural_of_kind(const std::string& name) {
  const std::string folded = ascii_lowercase(name);
  for (std::string_view word : {"unit", "event", "measure"}) {
    if (folded.compare(0, word.size(), word) != 0) continue;
    std::string plural = name;
    const char last = name[word.size() - 1];  // "EVENT.csv" → "EVENTS.csv"
    plural.insert(word.size(), 1, last >= 'A' && last <= 'Z' ? 'S' : 's');
    if (classify_data_file(plural).kind) return plural;
  }
  return {};
}

// What the data folder gives for the kinds it is asked for.
struct Folder {
  std::optional<std::string> units;  // the roster, when asked for and found
  std::vector<std::string> events;
  std::vector<std::string> measures;
  Diagnostics diags;  // errors and warnings, in name order
};

// Lists `dir` and sorts its names into kinds (`wanted[kind]`: that kind
// is read from the folder).
Folder scan_folder(const std::string& dir, const bool (&wanted)[3]) {
  Folder out;
  const auto path_of = [&](const std::string& name) {
    return (std::filesystem::path(dir) / name).string();
  };
  // Per kind, the first name of each folded form: names that differ only
  // in letter case are one name to Windows, and would be read twice.
  std::map<std::string, std::string> seen[3];
  for (const DirEntry& entry : list_directory(dir)) {
    const DataFileName what = classify_data_file(entry.name);
    if (what.ignored) continue;
    const std::string path = path_of(entry.name);
    if (what.copy_of) {
      if (!wanted[static_cast<int>(*what.copy_of)]) continue;  // its kind is named
      const std::string_view kind = kind_name(*what.copy_of);
      out.diags.error(path, 0, 0,
                      trf("the name says this is a copy (\"{}\"): read with "
                                  "the other {} files, its rows would count twice",
                                  what.copy_mark, kind),
                      {},
                      trf("rename it (e.g. {}-2.csv) if it holds other rows, "
                                  "remove it if it is a copy, or name the files to "
                                  "read with {} FILE",
                                  kind, option_of(*what.copy_of)));
      continue;
    }
    if (what.kind) {
      const int k = static_cast<int>(*what.kind);
      if (!wanted[k]) continue;  // an explicit option replaces this kind
      // Keyed by the stem: events.csv, events.txt and events.xlsx are one
      // sheet saved twice.
      const std::string folded = ascii_lowercase(entry.name);
      auto [first, fresh] = seen[k].emplace(folded.substr(0, folded.rfind('.')), entry.name);
      if (!fresh && ascii_lowercase(first->second) != folded) {
        out.diags.error(
            path, 0, 0,
            trf("{} has the same name with another extension: both would be "
                        "read as {}",
                        first->second, kind_name(*what.kind)),
            {},
            trf("one sheet saved twice (as CSV, text or workbook) would count "
                        "twice: keep one "
                        "of the two, or name the files to read with {} FILE",
                        option_of(*what.kind)));
        continue;
      }
      if (!fresh) {
        out.diags.error(
            path, 0, 0,
            trf("the name differs from {} only in letter case: both would "
                        "be read as {}",
                        first->second, kind_name(*what.kind)),
            {},
            trf("kaohe matches names in any case, as Windows does: keep "
                        "one of the two, or name the files to read with {} FILE",
                        option_of(*what.kind)));
        continue;
      }
      if (*what.kind == DataKind::kUnits) out.units = path;
      if (*what.kind == DataKind::kEvents) out.events.push_back(path);
      if (*what.kind == DataKind::kMeasures) out.measures.push_back(path);
      continue;
    }
    if (!entry.regular) continue;  // a folder named notes.csv: not a file
    if (what.csv) {
      const std::string plural = plural_of_kind(entry.name);
      out.diags.warning(
          path, 0, 0,
          tr("not read: the name is not units.csv, events[-NAME].csv or "
             "measures[-NAME].csv"),
          {},
          plural.empty()
              ? tr("rename it to be read (events-NAME.csv or events_NAME.csv, in any "
                   "letter case), name it with --events FILE or --measures FILE, or "
                   "move it out of the folder")
              : trf("did you mean {}? rename it to be read", plural));
    } else if (what.workbook_kind && wanted[static_cast<int>(*what.workbook_kind)]) {
      const std::string_view kind = kind_name(*what.workbook_kind);
      out.diags.warning(path, 0, 0,
                        tr("not read: kaohe reads CSV files and .xlsx workbooks, not Excel "
                           "97–2003 .xls ones"),
                        {},
                        trf("save it from Excel or WPS as \"Excel 工作簿\" "
                                    "({}.xlsx) or as \"CSV UTF-8\" ({}.csv)",
                                    kind, kind));
    }
  }
  return out;
}

// One input of the run, for telling whether two are the same file.
struct Input {
  const std::string* path;
  DataKind kind;
  bool named;  // on the command line, not from DIR
};

// How an input came into the run, e.g. "--events" or "events from the
// data directory".
std::string origin(const Input& in) {
  if (in.named) return option_of(in.kind);
  if (in.kind == DataKind::kUnits) return tr("the roster of the data directory");
  return trf("{} from the data directory", kind_name(in.kind));
}

// A path and the file it names, for comparing: the same file when the
// absolute paths are the same without "." and "..", or the files are (links).
struct FileKey {
  std::filesystem::path where;
  std::optional<FileId> id;
  explicit FileKey(const std::string& path) : id(file_id(path)) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::absolute(path, ec);
    where = ec ? std::filesystem::path(path) : p.lexically_normal();
  }
  bool same_as(const FileKey& o) const { return where == o.where || (id && o.id && *id == *o.id); }
};

// Throws when two inputs are one file: 64 when one of them is named on
// the command line, else (links inside DIR) 65.
void refuse_same_file_twice(const std::vector<Input>& inputs) {
  std::vector<FileKey> keys;
  for (const Input& in : inputs) keys.emplace_back(*in.path);
  Diagnostics diags;
  bool named = false;
  for (std::size_t j = 0; j < inputs.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      if (!keys[i].same_as(keys[j])) continue;
      const Input& a = inputs[i];
      const Input& b = inputs[j];
      const std::string how = origin(a) == origin(b)
                                  ? trf("twice as {}", origin(a))
                                  : trf("as {} and as {}", origin(a), origin(b));
      const std::string message =
          *a.path == *b.path
              ? trf("this file is given {}", how)
              : trf("this is the same file as {}, given {}", *a.path, how);
      diags.error(*b.path, 0, 0, message, {},
                  a.kind == b.kind
                      ? tr("name each file once: read twice, every row in it would "
                           "count twice")
                      : tr("a file holds one kind of data: check which file each "
                           "option should name"));
      named = named || a.named || b.named;
      break;
    }
  }
  diags.throw_if_errors(named ? kExitUsage : kExitDataErr);
}

}  // namespace

// The inputs of a workbook given as the data folder: its sheets by their
// names (`wanted[kind]`: that kind is read from it).
static void read_workbook_kinds(const std::string& path, const bool (&wanted)[3], DataSources& s) {
  const WorkbookKinds kinds = sheets_by_kind(path);
  if (wanted[0] && kinds.units.size() != 1) {
    throw Error::in_file(
        kExitNoInput, path,
        kinds.units.empty() ? std::string(tr("the workbook has no sheet named for the roster"))
                            : trf("the workbook has {} sheets named for the roster",
                                          kinds.units.size()),
        tr("name one sheet units (or 单位名单, 名单, 单位, 花名册), the events sheets events or "
           "events-NAME (or 事件, 台账, 扣分, 加扣分), the measures sheets measures or "
           "measures-NAME (or 指标, 测评, 数值, 数据); or name the sheets with --units "
           "FILE.xlsx:SHEET"));
  }
  if (wanted[0]) s.units = kinds.units[0];
  if (wanted[1]) s.events = kinds.events;
  if (wanted[2]) s.measures = kinds.measures;
  for (const std::string& other : kinds.others) {
    s.warnings.push_back(Diagnostic{path + ":" + other, 0, 0, Severity::kWarning,
                                    tr("not read: the sheet's name is no input's"), "",
                                    tr("name it units, events[-NAME] or measures[-NAME] to be "
                                       "read")});
  }
}

DataSources resolve_sources(const std::optional<std::string>& dir,
                            const std::optional<std::string>& units,
                            const std::vector<std::string>& events,
                            const std::vector<std::string>& measures) {
  DataSources s;
  const bool book = dir && !is_directory(*dir) && split_sheet_path(*dir).workbook &&
                    split_sheet_path(*dir).sheet.empty();
  if (book) {
    const bool wanted[3] = {!units, events.empty(), measures.empty()};
    read_workbook_kinds(*dir, wanted, s);
  } else if (dir) {
    if (!is_directory(*dir)) {
      throw Error::in_file(kExitNoInput, *dir, tr("no such data directory"),
                           tr("--data names a folder holding units.csv, events*.csv, "
                              "measures*.csv"));
    }
    const bool wanted[3] = {!units, events.empty(), measures.empty()};
    Folder folder = scan_folder(*dir, wanted);
    if (wanted[0] && !folder.units) {
      std::vector<Diagnostic> all = folder.diags.list();
      all.push_back(Error::in_file(kExitNoInput, *dir, tr("the data directory has no units.csv"),
                                   tr("every run needs the roster: units.csv with "
                                      "unit_id,name"))
                        .diagnostics()[0]);
      throw Error(kExitNoInput, std::move(all));
    }
    folder.diags.throw_if_errors(kExitDataErr);
    s.warnings = folder.diags.list();
    if (folder.units) s.units = *folder.units;
    s.events = std::move(folder.events);
    s.measures = std::move(folder.measures);
  }
  if (units) s.units = *units;
  if (!events.empty()) s.events = events;
  if (!measures.empty()) s.measures = measures;
  if (s.units.empty()) {
    throw Error(kExitUsage, tr("no roster: give a data directory or --units FILE"),
                tr("e.g. kaohe score scheme.yaml --data 2025/"));
  }
  // A workbook's inputs carry the name of the sheet read from then on.
  if (s.units != "-") s.units = name_the_sheet(s.units);
  for (auto& e : s.events) {
    if (e != "-") e = name_the_sheet(e);
  }
  for (auto& m : s.measures) {
    if (m != "-") m = name_the_sheet(m);
  }
  int stdin_uses = s.units == "-";
  for (const auto& e : s.events) stdin_uses += e == "-";
  for (const auto& m : s.measures) stdin_uses += m == "-";
  if (stdin_uses > 1) {
    throw Error(kExitUsage, tr("standard input (-) can be read only once per run"));
  }
  std::vector<Input> inputs;
  if (s.units != "-") inputs.push_back({&s.units, DataKind::kUnits, units.has_value()});
  for (const auto& e : s.events) {
    if (e != "-") inputs.push_back({&e, DataKind::kEvents, !events.empty()});
  }
  for (const auto& m : s.measures) {
    if (m != "-") inputs.push_back({&m, DataKind::kMeasures, !measures.empty()});
  }
  refuse_same_file_twice(inputs);
  s.sheet.run_files.push_back(s.units);
  s.sheet.run_files.insert(s.sheet.run_files.end(), s.events.begin(), s.events.end());
  s.sheet.run_files.insert(s.sheet.run_files.end(), s.measures.begin(), s.measures.end());
  // A file of DIR named on the command line is read after all.
  std::erase_if(s.warnings, [&](const Diagnostic& w) {
    const FileKey key(w.file);
    for (const Input& in : inputs) {
      if (in.named && key.same_as(FileKey(*in.path))) return true;
    }
    return false;
  });
  return s;
}

}  // namespace kaohe
