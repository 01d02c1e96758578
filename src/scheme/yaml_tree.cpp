// Builds a YamlNode tree from yaml-cpp's event stream (never its Node API),
// so that anchors, aliases, tags and duplicate keys are caught before they
// can share or explode, and nesting is bounded without deep recursion.
#include "scheme/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <string_view>
#include <utility>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "input/utf8.h"

namespace kaohe {

const YamlNode* YamlNode::get(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k->scalar == key) return v.get();
  }
  return nullptr;
}

const char* YamlNode::kind_name() const {
  switch (kind) {
    case Kind::kNull: return tr("nothing");
    case Kind::kScalar: return tr("a value");
    case Kind::kSequence: return tr("a list");
    case Kind::kMap: return tr("a mapping");
  }
  return "?";
}

std::string line_of(const std::string& text, int n) {
  std::size_t begin = 0;
  for (int i = 1; i < n; ++i) {
    begin = text.find('\n', begin);
    if (begin == std::string::npos) return {};
    ++begin;
  }
  std::size_t end = text.find('\n', begin);
  if (end == std::string::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

namespace {

// Thrown from inside the handler to stop yaml-cpp at the first rejected
// construct; converted to kaohe::Error by parse_yaml.
struct Rejected {
  SourcePos pos;
  std::string message;
  std::string hint;
};

SourcePos to_pos(const YAML::Mark& m) { return {m.line + 1, m.column + 1}; }

// yaml-cpp's message for a syntax error (its parser's ErrorMsg words,
// yaml-cpp/exceptions.h) in the message language; one it does not list, or
// one of a newer yaml-cpp, stays as yaml-cpp wrote it. A message that ends
// in ": " is followed by what was found.
std::string yaml_cpp_message(const std::string& msg) {
  static const char* const known[] = {
      tr_noop("YAML directives must have exactly one argument"),
      tr_noop("bad YAML version: "),
      tr_noop("YAML major version too large"),
      tr_noop("repeated YAML directive"),
      tr_noop("TAG directives must have exactly two arguments"),
      tr_noop("repeated TAG directive"),
      tr_noop("illegal character found while scanning tag handle"),
      tr_noop("tag handle with no suffix"),
      tr_noop("end of verbatim tag not found"),
      tr_noop("end of map not found"),
      tr_noop("end of map flow not found"),
      tr_noop("end of sequence not found"),
      tr_noop("end of sequence flow not found"),
      tr_noop("cannot assign multiple tags to the same node"),
      tr_noop("cannot assign multiple anchors to the same node"),
      tr_noop("cannot assign multiple aliases to the same node"),
      tr_noop("aliases can't have any content, *including* tags"),
      tr_noop("bad character found while scanning hex number"),
      tr_noop("invalid unicode: "),
      tr_noop("unknown escape character: "),
      tr_noop("unknown token"),
      tr_noop("illegal document indicator in scalar"),
      tr_noop("illegal EOF in scalar"),
      tr_noop("illegal character in scalar"),
      tr_noop("illegal tab when looking for indentation"),
      tr_noop("illegal flow end"),
      tr_noop("illegal block entry"),
      tr_noop("illegal map key"),
      tr_noop("illegal map value"),
      tr_noop("alias not found after *"),
      tr_noop("anchor not found after &"),
      tr_noop("illegal character found while scanning alias"),
      tr_noop("illegal character found while scanning anchor"),
      tr_noop("cannot set zero indentation for a block scalar"),
      tr_noop("unexpected character in block scalar"),
      tr_noop("cannot assign the same alias to multiple nodes"),
      tr_noop("the referenced anchor is not defined"),
  };
  for (const char* english : known) {
    const std::string_view e(english);
    if (msg == e) return tr(english);
    if (e.size() > 2 && e.substr(e.size() - 2) == ": " && msg.rfind(e, 0) == 0) {
      return tr(english) + msg.substr(e.size());
    }
  }
  return msg;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  std::unique_ptr<YamlNode> take_root() { return std::move(root_); }
  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents_;
    if (documents_ > 1) {
      throw Rejected{to_pos(mark), tr("a scheme file holds one YAML document"),
                     tr("remove the second '---' and what follows, or split "
                     "the schemes into separate files")};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    auto n = std::make_unique<YamlNode>();
    n->pos = to_pos(mark);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Rejected{to_pos(mark), tr("aliases (*name) are not allowed in schemes"),
                   tr("write the value out in full")};
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    throw Rejected{to_pos(mark), tr("anchors (&name) are not allowed in schemes"),
                   tr("write the value out in full")};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag, true);
    if (value.find('\0') != std::string::npos) {  // "\0" or "\x00" in quotes
      throw Rejected{to_pos(mark), tr("a value holds a NUL character"),
                     tr("remove the \\0 escape; names and titles are printed")};
    }
    auto n = std::make_unique<YamlNode>();
    n->kind = YamlNode::Kind::kScalar;
    n->pos = to_pos(mark);
    n->scalar = value;
    n->quoted = (tag == "!");
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::kSequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::kMap);
  }
  void OnMapEnd() override {
    if (pending_key_.back()) {
      // A key without a value cannot happen in valid YAML; be safe.
      throw Rejected{pending_key_.back()->pos, tr("a key without a value"), ""};
    }
    close();
  }

 private:
  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Rejected{to_pos(mark), tr("anchors (&name) are not allowed in schemes"),
                     tr("write the value out in full")};
    }
  }
  void check_tag(const YAML::Mark& mark, const std::string& tag, bool scalar) {
    // "?" is a plain node, "!" a quoted scalar: both untagged.
    if (tag.empty() || tag == "?" || (scalar && tag == "!")) return;
    throw Rejected{to_pos(mark),
                   trf("tags like '{}' are not allowed in schemes",
                               tag.rfind("tag:yaml.org,2002:", 0) == 0
                                   ? "!!" + tag.substr(18)
                                   : tag),
                   tr("remove the tag; kaohe reads every value as text")};
  }
  void open(const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor, YamlNode::Kind kind) {
    check_anchor(mark, anchor);
    check_tag(mark, tag, false);
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      throw Rejected{to_pos(mark),
                     trf("nesting deeper than {} levels", kMaxYamlDepth),
                     tr("a scheme never needs this depth; check the brackets")};
    }
    auto n = std::make_unique<YamlNode>();
    n->kind = kind;
    n->pos = to_pos(mark);
    YamlNode* raw = n.get();
    add(std::move(n));
    stack_.push_back(raw);
    pending_key_.push_back(nullptr);
  }
  void close() {
    stack_.pop_back();
    pending_key_.pop_back();
  }
  void add(std::unique_ptr<YamlNode> n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    YamlNode* parent = stack_.back();
    if (parent->is_sequence()) {
      parent->items.push_back(std::move(n));
      return;
    }
    std::unique_ptr<YamlNode>& key = pending_key_.back();
    if (!key) {
      if (!n->is_scalar()) {
        // yaml-cpp also reads an unclosed '[' or '{' as a key.
        throw Rejected{n->pos, tr("a mapping key must be plain text"),
                       trf("a list or mapping cannot be a key; is a '[' or '{{' "
                       "left unclosed?")};
      }
      for (const auto& [k, v] : parent->entries) {
        if (k->scalar == n->scalar) {
          throw Rejected{
              n->pos,
              trf("duplicate key '{}' (first written at line {})",
                          n->scalar, k->pos.line),
              tr("keep one of the two; YAML keys must be unique in a mapping")};
        }
      }
      key = std::move(n);
      return;
    }
    parent->entries.emplace_back(std::move(key), std::move(n));
    key = nullptr;
  }

  std::unique_ptr<YamlNode> root_;
  std::vector<YamlNode*> stack_;
  std::vector<std::unique_ptr<YamlNode>> pending_key_;
  int documents_ = 0;
};

}  // namespace

std::unique_ptr<YamlNode> parse_yaml(const std::string& file,
                                     const std::string& text) {
  auto fail = [&](SourcePos pos, std::string message, std::string hint) {
    Diagnostic d;
    d.file = file;
    d.line = pos.line;
    d.col = pos.col;
    d.message = std::move(message);
    d.source_line = pos.line > 0 ? printable_utf8(line_of(text, pos.line)) : std::string();
    d.hint = std::move(hint);
    return Error(kExitDataErr, std::move(d));
  };
  if (text.size() > kMaxSchemeBytes) {
    throw fail({0, 0},
               trf("scheme file is larger than {} bytes", kMaxSchemeBytes),
               tr("a scheme is a short text file; is this the right file?"));
  }
  // Every byte is strict UTF-8 without NUL, as in the CSV files: names
  // and titles are printed, and JSON output must stay valid UTF-8.
  Utf8Scan scan = scan_utf8(text.data(), text.data() + text.size(), true);
  if (scan.problem != TextProblem::kNone) {
    std::size_t at = static_cast<std::size_t>(scan.stop - text.data());
    std::size_t line_start = text.rfind('\n', at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    SourcePos pos{static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1,
                  static_cast<int>(at - line_start) + 1};
    throw fail(pos,
               scan.problem == TextProblem::kNul
                   ? tr("scheme file contains a NUL byte")
                   : trf("invalid UTF-8 (byte 0x{:02X})",
                                 static_cast<unsigned char>(*scan.stop)),
               tr("a scheme is UTF-8 text; is this the right file?"));
  }
  // yaml-cpp 0.7 fails on CR-only line endings with a misleading message.
  if (text.find('\r') != std::string::npos &&
      text.find('\n') == std::string::npos) {
    throw fail({1, 0}, tr("the file uses CR-only line endings"),
               tr("save it with LF or CRLF line endings"));
  }
  std::istringstream in(text);
  TreeBuilder builder;
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Rejected& r) {
    throw fail(r.pos, r.message, r.hint);
  } catch (const YAML::Exception& e) {
    SourcePos pos{e.mark.line + 1, e.mark.column + 1};
    if (e.mark.is_null()) pos = {0, 0};
    std::string msg = e.msg;
    if (msg.empty() || msg == "bad file") msg = tr("the YAML is nested too deeply");
    throw fail(pos, trf("YAML syntax: {}", yaml_cpp_message(msg)), "");
  }
  std::unique_ptr<YamlNode> root = builder.take_root();
  if (!root) {
    throw fail({0, 0}, tr("the scheme file is empty"),
               tr("a scheme starts with 'kaohe: 1'; see DESIGN.md"));
  }
  return root;
}

}  // namespace kaohe
