// One cell of CSV (RFC 4180) or TSV output, shared by the grade table and
// the diff: quoting, and the guard against formula injection (OWASP "CSV
// Injection"): a spreadsheet runs a cell that starts with = + - @, a tab
// or a CR as a formula, so such a text cell (a unit named
// "=HYPERLINK(…)") is written with a leading apostrophe, which Excel and
// WPS show as plain text.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

// Whether a spreadsheet would read `cell` as a formula.
bool looks_like_formula(std::string_view cell);

// Appends `cell` to `out` as a field: with `sep` ',' quoted when it holds a
// comma, a quote or a line break (quotes doubled); with '\t' (TSV has no
// quoting) tabs and line breaks become spaces. With `guard`, a cell that
// looks like a formula gets a leading "'" first. Numbers kaohe prints
// ("-2.50") are passed with `guard` false: they are data, not text.
void append_delimited_field(std::string& out, std::string_view cell, char sep, bool guard);

}  // namespace kaohe
