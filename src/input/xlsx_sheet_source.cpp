// A worksheet's <sheetData> turned into CSV lines, one per row number.
#include "input/xlsx_sheet_source.h"

#include <fmt/format.h>

#include <cstring>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/xlsx_xml.h"

namespace kaohe {

class XlsxSheetSource::Cells : public XmlHandler {
 public:
  Cells(XlsxWorkbook& book, std::string where, std::string& out)
      : book_(book), where_(std::move(where)), out_(out) {}

  void start(std::string_view name, const char** attrs) override {
    if (name == "dimension") {
      const char* ref = xml_attribute(attrs, "ref");
      if (ref != nullptr) {
        std::string_view r(ref);
        const std::size_t colon = r.find(':');
        if (const auto last = parse_cell_ref(colon == r.npos ? r : r.substr(colon + 1))) {
          width_ = std::max(width_, static_cast<std::size_t>(last->column));
        }
      }
    } else if (name == "row") {
      const char* r = xml_attribute(attrs, "r");
      const int row = r != nullptr ? std::atoi(r) : last_row_ + 1;
      // A row inside a row (a damaged or hostile part) is out of place too:
      // its end would write the outer row after itself.
      if (in_row_ || row <= last_row_ || row > 1048576) {
        fail(row, 0, trf("row {} comes after row {}", row, in_row_ ? row_ : last_row_));
      }
      in_row_ = true;
      row_ = row;
      column_ = 0;
      cells_.clear();
    } else if (name == "c") {
      const char* r = xml_attribute(attrs, "r");
      int column = column_ + 1;
      if (r != nullptr) {
        const auto ref = parse_cell_ref(r);
        if (!ref || ref->row != row_ || ref->column <= column_) {
          fail(row_, column, trf("cell reference \"{}\" is out of place in row {}", r,
                                         row_));
        }
        column = ref->column;
      }
      column_ = column;
      const char* t = xml_attribute(attrs, "t");
      type_ = t == nullptr ? "n" : t;
      const char* s = xml_attribute(attrs, "s");
      style_ = s == nullptr ? 0 : static_cast<std::size_t>(std::atol(s));
      value_.clear();
      inline_.clear();
      formula_ = false;
      has_value_ = false;
    } else if (name == "v") {
      in_ = In::kValue;
      has_value_ = true;
    } else if (name == "f") {
      formula_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && phonetic_ == 0) {
      in_ = In::kInline;
      has_value_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_ = In::kNone;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "c") {
      std::string text = cell_text();
      if (!text.empty()) {
        if (cells_.size() < static_cast<std::size_t>(column_)) cells_.resize(column_);
        cells_[column_ - 1] = std::move(text);
      }
    } else if (name == "row") {
      in_row_ = false;
      emit_row();
    }
  }

  void text(std::string_view piece) override {
    if (in_ == In::kValue) value_ += piece;
    if (in_ == In::kInline) inline_ += piece;
  }

 private:
  enum class In { kNone, kValue, kInline };

  [[noreturn]] void fail(int row, int column, std::string message) const {
    throw Error(kExitDataErr, Diagnostic{where_, row, column, Severity::kError,
                                         std::move(message), "",
                                         tr("the workbook is damaged: open it in Excel or WPS "
                                            "and save it again")});
  }

  // The cell's text as a CSV export would show it.
  std::string cell_text() {
    if (formula_ && !has_value_) {
      throw Error(kExitDataErr,
                  Diagnostic{where_, row_, column_, Severity::kError,
                             trf("cell {}{} holds a formula without its result",
                                         column_letters(column_), row_),
                             "",
                             tr("open the workbook in Excel or WPS and save it: they save "
                                "each formula's result, which kaohe reads")});
    }
    if (type_ == "s") {
      const auto index = number_text(value_);
      std::size_t i = 0;
      if (!index || index->find_first_not_of("0123456789") != std::string::npos ||
          index->size() > 12 || (i = std::stoull(*index)) >= book_.shared_count()) {
        fail(row_, column_, trf("cell {}{} refers to shared string \"{}\", which the "
                                        "workbook does not have",
                                        column_letters(column_), row_, value_));
      }
      return std::string(book_.shared(i));
    }
    if (type_ == "inlineStr") return unescape_xstring(inline_);
    if (type_ == "str") return unescape_xstring(value_);
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (type_ == "e") return value_;
    if (type_ == "d") {
      // An ISO 8601 date (Strict workbooks): the day when the time is 0.
      const std::string_view v(value_);
      if (v.size() > 10 && v[10] == 'T' &&
          v.substr(11).find_first_not_of("0:.Z") == std::string_view::npos) {
        return std::string(v.substr(0, 10));
      }
      return value_;
    }
    if (!has_value_) return {};
    std::optional<std::string> text;
    switch (book_.look(style_)) {
      case NumberLook::kDate:
        text = serial_date_text(value_, book_.date1904());
        if (!text) text = number_text(value_);
        break;
      case NumberLook::kPercent:
        text = percent_text(value_);
        break;
      case NumberLook::kPlain:
        text = number_text(value_);
        break;
    }
    return text ? *text : value_;
  }

  static bool needs_quotes(const std::string& f) {
    return f.find_first_of(",\"\r\n") != std::string::npos;
  }

  void emit_row() {
    std::size_t used = cells_.size();
    while (used > 0 && cells_[used - 1].empty()) --used;
    out_.append(static_cast<std::size_t>(row_ - last_row_ - 1), '\n');
    last_row_ = row_;
    if (used == 0) {
      out_ += '\n';
      return;
    }
    width_ = std::max(width_, used);
    for (std::size_t i = 0; i < width_; ++i) {
      if (i > 0) out_ += ',';
      if (i >= used) continue;
      const std::string& f = cells_[i];
      if (!needs_quotes(f)) {
        out_ += f;
        continue;
      }
      out_ += '"';
      for (char c : f) {
        if (c == '"') out_ += '"';
        out_ += c;
      }
      out_ += '"';
    }
    out_ += '\n';
  }

  XlsxWorkbook& book_;
  std::string where_;  // "book.xlsx:Sheet", for diagnostics
  std::string& out_;
  std::size_t width_ = 0;  // columns of every line: the used range's
  int last_row_ = 0;       // the last row written
  int row_ = 0;
  bool in_row_ = false;    // between a row's start and its end
  int column_ = 0;
  std::vector<std::string> cells_;
  std::string type_;
  std::size_t style_ = 0;
  std::string value_;
  std::string inline_;
  bool formula_ = false;
  bool has_value_ = false;
  int phonetic_ = 0;
  In in_ = In::kNone;
};

XlsxSheetSource::XlsxSheetSource(std::unique_ptr<XlsxWorkbook> book, std::size_t index)
    : book_(std::move(book)) {
  book_->load_shared_strings();
  const XlsxSheetInfo& sheet = book_->sheets().at(index);
  cells_ = std::make_unique<Cells>(*book_, book_->name() + ":" + sheet.name, pending_);
  part_ = std::make_unique<XmlPart>(book_->archive(), sheet.part, *cells_);
}

XlsxSheetSource::~XlsxSheetSource() = default;

std::size_t XlsxSheetSource::read(char* out, std::size_t n) {
  while (pending_.size() - pending_pos_ < n && !done_) {
    if (pending_pos_ > 0) {
      pending_.erase(0, pending_pos_);
      pending_pos_ = 0;
    }
    done_ = !part_->step();
  }
  const std::size_t got = std::min(n, pending_.size() - pending_pos_);
  std::memcpy(out, pending_.data() + pending_pos_, got);
  pending_pos_ += got;
  return got;
}

InvalidText XlsxSheetSource::describe_invalid(const char* bad, const char*) const {
  if (*bad == '\0') {
    return {tr("a NUL character"), tr("_x0000_ in a cell"),
            tr("remove the invisible character from the cell")};
  }
  return {tr("invalid text"), trf("byte 0x{:02X}", static_cast<unsigned char>(*bad)), ""};
}

}  // namespace kaohe
