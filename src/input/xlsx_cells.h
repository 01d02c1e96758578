// The text of one SpreadsheetML cell as a CSV export would hold it
// (DESIGN.md §1 "Workbooks"): numbers to at most 15 significant digits,
// as Excel keeps them, in plain decimal notation; serial dates of a
// date-formatted cell as ISO dates; percent-formatted numbers as "90%".
// Pure functions on text: no XML, no zip.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

// How a cell's number format shows its number.
enum class NumberLook { kPlain, kDate, kPercent };

// What a number format shows: kDate for the built-in date formats (14–22,
// 27–36, 50–58, the ids Chinese Excel and WPS use) and for a format code
// with a year or day part (`yyyy"年"m"月"d"日"`, `m/d/yy`) or a month part
// without hours; kPercent for ids 9 and 10 and a code with `%` outside
// quotes; else kPlain. `code` is empty for a built-in id.
NumberLook look_of_format(int id, std::string_view code);

// The exact decimal text of an xlsx number (`<v>` of a numeric cell:
// "3", "-0.5", "1.5E-2", "0.30000000000000004"), rounded half away from
// zero to 15 significant digits and written without an exponent or
// trailing zeros ("0.3", "0.015", "45717"). nullopt when `v` is not a
// number or its plain form would be longer than 64 characters.
std::optional<std::string> number_text(std::string_view v);

// The ISO date ("2025-03-01") of a whole serial day number in the 1900
// date system (1 = 1900-01-01, with Excel's 1900-02-29 at 60) or, when
// `date1904`, the 1904 one (0 = 1904-01-01). nullopt for a serial with a
// time part, below 1 (0 in 1904), or after 9999-12-31.
std::optional<std::string> serial_date_text(std::string_view v, bool date1904);

// `number_text(v)` × 100 followed by "%" ("0.9" → "90%").
std::optional<std::string> percent_text(std::string_view v);

// The 1-based column and row of a cell reference ("B12" → 2, 12; "$B$12"
// too). nullopt when `ref` is not one (columns up to XFD, rows up to
// 1048576).
struct CellRef {
  int column = 0;
  int row = 0;
};
std::optional<CellRef> parse_cell_ref(std::string_view ref);

// `text` with OOXML's escapes of control characters (`_x000D_` → CR,
// `_x005F_x000D_` → the literal `_x000D_`) undone.
std::string unescape_xstring(std::string_view text);

}  // namespace kaohe
