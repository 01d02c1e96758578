// Reading a workbook's relationships, sheet list, styles and shared
// strings (ECMA-376 Part 1, §12.3 and §18.2–18.8), each part streamed.
#include "input/xlsx_workbook.h"

#include <fmt/format.h>

#include <map>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/xlsx_xml.h"

namespace kaohe {
namespace {

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// `target` of a relationship of the part in folder `base` ("xl/"), as a
// path in the archive: "/xl/x.xml" is absolute, "../x.xml" goes up.
std::string resolve_target(std::string_view base, std::string_view target) {
  if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
  std::string out(base);
  while (target.substr(0, 3) == "../") {
    target.remove_prefix(3);
    if (!out.empty()) out.pop_back();  // the folder's '/'
    const std::size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash + 1);
  }
  return out + std::string(target);
}

std::string folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

struct Relationship {
  std::string type;
  std::string target;  // resolved
};

// A .rels part: Id → relationship.
class RelsReader : public XmlHandler {
 public:
  explicit RelsReader(std::string base) : base_(std::move(base)) {}
  std::map<std::string, Relationship> rels;
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = xml_attribute(attrs, "Id");
    const char* type = xml_attribute(attrs, "Type");
    const char* target = xml_attribute(attrs, "Target");
    const char* mode = xml_attribute(attrs, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    rels[id] = Relationship{type, resolve_target(base_, target)};
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}

 private:
  std::string base_;
};

std::map<std::string, Relationship> read_rels(XlsxArchive& archive, const std::string& part,
                                              const std::string& base) {
  RelsReader reader(base);
  if (archive.has(part)) XmlPart(archive, part, reader).run();
  return std::move(reader.rels);
}

// The first relationship whose type ends with `/kind`.
const Relationship* find_type(const std::map<std::string, Relationship>& rels,
                              std::string_view kind) {
  for (const auto& [id, rel] : rels) {
    if (ends_with(rel.type, kind) && rel.type.size() > kind.size() &&
        rel.type[rel.type.size() - kind.size() - 1] == '/') {
      return &rel;
    }
  }
  return nullptr;
}

// workbook.xml: the sheets in tab order and the date system.
class WorkbookReader : public XmlHandler {
 public:
  struct Sheet {
    std::string name;
    std::string rel;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = xml_attribute(attrs, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    } else if (name == "sheet") {
      const char* n = xml_attribute(attrs, "name");
      const char* id = xml_attribute(attrs, "id");  // r:id
      if (n != nullptr && id != nullptr) sheets.push_back({n, id});
    }
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

// styles.xml: each cell format's number look.
class StylesReader : public XmlHandler {
 public:
  std::vector<NumberLook> looks;
  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = xml_attribute(attrs, "numFmtId");
      const char* code = xml_attribute(attrs, "formatCode");
      if (id != nullptr && code != nullptr) codes_[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = xml_attribute(attrs, "numFmtId");
      const int n = id == nullptr ? 0 : std::atoi(id);
      const auto code = codes_.find(n);
      looks.push_back(look_of_format(n, code == codes_.end() ? "" : code->second));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void text(std::string_view) override {}

 private:
  std::map<int, std::string> codes_;
  bool in_cell_xfs_ = false;
};

// sharedStrings.xml: each <si>'s text, phonetic runs (<rPh>) left out.
class SharedStringsReader : public XmlHandler {
 public:
  SharedStringsReader(const std::string& file, std::string& text,
                      std::vector<std::uint64_t>& ends)
      : file_(file), text_(text), ends_(ends) {}
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      piece_.clear();
    } else if (name == "t" && phonetic_ == 0) {
      in_t_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "si") {
      text_ += unescape_xstring(piece_);
      if (text_.size() > XlsxWorkbook::kMaxSharedBytes) {
        throw Error::in_file(kExitDataErr, file_,
                             tr("the workbook's shared strings are over 2 GiB"),
                             tr("save the sheet as CSV instead"));
      }
      ends_.push_back(text_.size());
    }
  }
  void text(std::string_view piece) override {
    if (in_t_) piece_ += piece;
  }

 private:
  const std::string& file_;
  std::string& text_;
  std::vector<std::uint64_t>& ends_;
  std::string piece_;
  bool in_t_ = false;
  int phonetic_ = 0;
};

// Stops at the first cell with a value.
class AnyValueReader : public XmlHandler {
 public:
  bool found = false;
  void start(std::string_view name, const char**) override {
    in_value_ = name == "v" || name == "t";
  }
  void end(std::string_view) override { in_value_ = false; }
  void text(std::string_view piece) override {
    if (in_value_ && !piece.empty()) found = true;
  }

 private:
  bool in_value_ = false;
};

}  // namespace

XlsxWorkbook::XlsxWorkbook(std::string name, std::FILE* file)
    : name_(name), archive_(std::move(name), file) {
  std::string workbook_part = "xl/workbook.xml";
  const auto root = read_rels(archive_, "_rels/.rels", "");
  if (const Relationship* doc = find_type(root, "officeDocument")) workbook_part = doc->target;
  if (!archive_.has(workbook_part)) {
    throw Error::in_file(kExitDataErr, name_,
                         tr("not an .xlsx workbook: the zip archive has no workbook part"),
                         tr("save it from Excel or WPS as \"Excel 工作簿 (*.xlsx)\""));
  }
  const std::string base = folder_of(workbook_part);
  const std::string rels_part =
      base + "_rels/" + workbook_part.substr(base.size()) + ".rels";
  const auto rels = read_rels(archive_, rels_part, base);

  WorkbookReader book;
  XmlPart(archive_, workbook_part, book).run();
  date1904_ = book.date1904;
  for (const auto& s : book.sheets) {
    const auto rel = rels.find(s.rel);
    if (rel == rels.end() || !ends_with(rel->second.type, "/worksheet")) {
      continue;  // a chart sheet or dialog sheet: no cells
    }
    sheets_.push_back({s.name, rel->second.target});
  }
  if (sheets_.empty()) {
    throw Error::in_file(kExitDataErr, name_, tr("the workbook has no worksheet"));
  }
  if (const Relationship* styles = find_type(rels, "styles"); styles && archive_.has(styles->target)) {
    StylesReader reader;
    XmlPart(archive_, styles->target, reader).run();
    looks_ = std::move(reader.looks);
  }
  if (const Relationship* shared = find_type(rels, "sharedStrings")) {
    shared_part_ = shared->target;
  }
}

void XlsxWorkbook::load_shared_strings() {
  if (shared_loaded_) return;
  shared_loaded_ = true;
  if (shared_part_.empty() || !archive_.has(shared_part_)) return;
  SharedStringsReader reader(name_, shared_text_, shared_ends_);
  XmlPart(archive_, shared_part_, reader).run();
}

bool XlsxWorkbook::sheet_has_values(std::size_t i) {
  AnyValueReader reader;
  XmlPart part(archive_, sheets_.at(i).part, reader);
  while (!reader.found && part.step()) {
  }
  return reader.found;
}

}  // namespace kaohe
