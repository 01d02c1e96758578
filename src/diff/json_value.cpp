// A recursive-descent JSON parser with positions and a depth limit.
#include "diff/json_value.h"

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {

const JsonValue* JsonValue::get(std::string_view key) const {
  for (std::size_t i = 0; i < member_names.size(); ++i) {
    if (member_names[i] == key) return &member_values[i];
  }
  return nullptr;
}

namespace {

class Parser {
 public:
  Parser(const std::string& file, const std::string& text) : file_(file), s_(text) {}

  JsonValue parse() {
    JsonValue v = value(0);
    skip_space();
    if (pos_ != s_.size()) fail(tr("unexpected text after the JSON value"));
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& message) {
    throw Error(kExitDataErr, Diagnostic{file_, line_, 0, Severity::kError,
                                         trf("invalid JSON: {}", message), "",
                                         tr("diff reads files written by "
                                            "'kaohe score -O json'")});
  }
  void skip_space() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n') ++line_;
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      ++pos_;
    }
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(trf("expected '{}'", c));
  }
  void literal(std::string_view word) {
    if (s_.compare(pos_, word.size(), word) != 0) fail(tr("unknown literal"));
    pos_ += word.size();
  }

  JsonValue value(int depth) {
    if (depth > 64) fail(tr("nested too deeply"));
    skip_space();
    if (pos_ >= s_.size()) fail(tr("unexpected end of file"));
    JsonValue v;
    v.line = line_;
    char c = s_[pos_];
    if (c == '{') {
      ++pos_;
      v.kind = JsonValue::Kind::kObject;
      if (eat('}')) return v;
      do {
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != '"') fail(tr("expected a member name"));
        std::string key = string();
        expect(':');
        v.member_names.push_back(std::move(key));
        v.member_values.push_back(value(depth + 1));
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      ++pos_;
      v.kind = JsonValue::Kind::kArray;
      if (eat(']')) return v;
      do {
        v.items.push_back(value(depth + 1));
      } while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.kind = JsonValue::Kind::kString;
      v.text = string();
    } else if (c == 't') {
      literal("true");
      v.kind = JsonValue::Kind::kBool;
      v.boolean = true;
    } else if (c == 'f') {
      literal("false");
      v.kind = JsonValue::Kind::kBool;
    } else if (c == 'n') {
      literal("null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = JsonValue::Kind::kNumber;
      std::size_t start = pos_;
      while (pos_ < s_.size() &&
             std::string_view("+-.eE0123456789").find(s_[pos_]) != std::string_view::npos) {
        ++pos_;
      }
      v.text = s_.substr(start, pos_ - start);
    } else {
      fail(trf("unexpected character '{}'", c));
    }
    return v;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  unsigned hex4() {
    if (pos_ + 4 > s_.size()) fail(tr("truncated \\u escape"));
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      char h = s_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= h - '0';
      else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
      else fail(tr("bad \\u escape"));
    }
    return v;
  }

  std::string string() {
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) fail(tr("unterminated string"));
      char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail(tr("control character in a string"));
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) fail(tr("unterminated string"));
      char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(pos_, 2, "\\u") == 0) {
            pos_ += 2;
            unsigned lo = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          fail(tr("bad escape in a string"));
      }
    }
  }

  const std::string& file_;
  const std::string& s_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

JsonValue parse_json(const std::string& file, const std::string& text) {
  return Parser(file, text).parse();
}

}  // namespace kaohe
