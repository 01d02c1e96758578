// Cell values of a workbook as CSV text: numbers, serial dates, percents,
// cell references and OOXML's escaped characters.
#include "input/xlsx_cells.h"

#include <fmt/format.h>

#include "base/date.h"

namespace kaohe {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::size_t kSignificantDigits = 15;  // what Excel keeps
constexpr std::size_t kMaxNumberText = 64;

// The number `v` times 10^shift as exact decimal text (number_text).
std::optional<std::string> decimal_text(std::string_view v, int shift) {
  std::size_t i = 0;
  bool negative = false;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) negative = v[i++] == '-';
  std::string digits;  // all mantissa digits, the point removed
  long point = 0;      // digits before the point
  bool any = false;
  bool seen_point = false;
  for (; i < v.size(); ++i) {
    if (is_digit(v[i])) {
      any = true;
      if (digits.empty() && v[i] == '0') {  // a leading zero
        if (seen_point) --point;
        continue;
      }
      digits += v[i];
      if (!seen_point) ++point;
    } else if (v[i] == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  long exponent = 0;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) exp_negative = v[i++] == '-';
    const std::size_t start = i;
    for (; i < v.size() && is_digit(v[i]); ++i) {
      if (exponent > 100000) return std::nullopt;
      exponent = exponent * 10 + (v[i] - '0');
    }
    if (i == start) return std::nullopt;
    if (exp_negative) exponent = -exponent;
  }
  if (i != v.size()) return std::nullopt;
  point += exponent + shift;
  if (digits.size() > kSignificantDigits) {
    const bool up = digits[kSignificantDigits] >= '5';
    digits.resize(kSignificantDigits);
    if (up) {
      std::size_t k = digits.size();
      while (k > 0 && digits[k - 1] == '9') digits[--k] = '0';
      if (k == 0) {
        digits.insert(digits.begin(), '1');
        digits.pop_back();
        ++point;
      } else {
        ++digits[k - 1];
      }
    }
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.empty()) return std::string("0");
  const long n = static_cast<long>(digits.size());
  if (point > static_cast<long>(kMaxNumberText) || -point > static_cast<long>(kMaxNumberText)) {
    return std::nullopt;
  }
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out += digits;
  } else if (point >= n) {
    out += digits;
    out.append(static_cast<std::size_t>(point - n), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(point));
  }
  if (out.size() > kMaxNumberText) return std::nullopt;
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

}  // namespace

NumberLook look_of_format(int id, std::string_view code) {
  if (code.empty()) {
    if (id == 9 || id == 10) return NumberLook::kPercent;
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
        (id >= 50 && id <= 54) || id == 57 || id == 58) {
      return NumberLook::kDate;
    }
    return NumberLook::kPlain;
  }
  // The first section, without quoted text, escaped characters and
  // bracketed parts (colours, locales, conditions).
  std::string bare;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or a fill/space width)
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else {
      bare += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  const bool year_or_day = bare.find_first_of("yd") != std::string::npos;
  const bool month = bare.find('m') != std::string::npos;
  const bool clock = bare.find_first_of("hs") != std::string::npos;
  if (year_or_day || (month && !clock)) return NumberLook::kDate;
  if (bare.find('%') != std::string::npos) return NumberLook::kPercent;
  return NumberLook::kPlain;
}

std::optional<std::string> number_text(std::string_view v) { return decimal_text(v, 0); }

std::optional<std::string> percent_text(std::string_view v) {
  std::optional<std::string> out = decimal_text(v, 2);
  if (out) *out += '%';
  return out;
}

std::optional<std::string> serial_date_text(std::string_view v, bool date1904) {
  const std::optional<std::string> n = number_text(v);
  if (!n || n->find('.') != std::string::npos || n->size() > 7) return std::nullopt;
  if ((*n)[0] == '-') return std::nullopt;
  const int serial = std::stoi(*n);
  Date date;
  if (date1904) {
    date = Date{1904, 1, 1}.plus_days(serial);
  } else {
    if (serial < 1 || serial == 60) return std::nullopt;  // 60: Excel's 1900-02-29
    date = serial < 60 ? Date{1899, 12, 31}.plus_days(serial)
                       : Date{1899, 12, 30}.plus_days(serial);
  }
  if (date.year > 9999) return std::nullopt;
  return date.to_string();
}

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  CellRef out;
  const std::size_t letters = i;
  for (; i < ref.size(); ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    out.column = out.column * 26 + (c - 'A' + 1);
    if (out.column > 16384) return std::nullopt;  // XFD
  }
  if (i == letters) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  const std::size_t digits = i;
  for (; i < ref.size() && is_digit(ref[i]); ++i) {
    out.row = out.row * 10 + (ref[i] - '0');
    if (out.row > 1048576) return std::nullopt;
  }
  if (i == digits || i != ref.size() || out.row == 0) return std::nullopt;
  return out;
}

std::string unescape_xstring(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned code = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6; ++k) {
        const int h = hex_value(text[i + k]);
        if (h < 0) hex = false;
        code = code * 16 + static_cast<unsigned>(h < 0 ? 0 : h);
      }
      if (hex && (code < 0xD800 || code > 0xDFFF)) {
        append_utf8(out, code);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace kaohe
