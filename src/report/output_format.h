// The output formats of `score`, `explain` and `diff`, their names and file
// extensions, and the one rule that picks a run's format from -O and -o.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kaohe {

// kXlsx is a binary workbook (report/xlsx_writer.h), written to a file only;
// kHtml a self-contained page (report/html_renderer.h).
enum class OutputFormat { kTable, kCsv, kTsv, kJson, kMarkdown, kXlsx, kHtml };

// "table", "csv", "tsv", "json", "markdown", "xlsx", "html" → format; nullopt
// otherwise (names are exact, lower case).
std::optional<OutputFormat> parse_output_format(std::string_view name);

// The name parse_output_format reads ("table", …).
std::string_view format_name(OutputFormat format);

// The one extension that names `format`, with its dot: ".txt" for the
// table, ".csv", ".tsv", ".json", ".md", ".xlsx", ".html".
std::string_view format_extension(OutputFormat format);

// The extension of the file name at the end of `path` (the part after its
// last '/'), without the dot: "r.CSV" → "CSV", "r." → "". nullopt when the
// name has no dot after its first byte ("results", ".profile", "a.d/r").
std::optional<std::string_view> file_extension(std::string_view path);

// The format the extension of `path` names, matched ignoring ASCII case
// (".csv", ".tsv", ".json", ".md", ".txt", ".xlsx", ".html"); nullopt for any other
// extension or none.
std::optional<OutputFormat> format_from_extension(std::string_view path);

// The format of one run of `command` ("score", "explain", "diff"), which
// writes the formats `writable` (kTable first). `format_option` is -O ("":
// not given), `output` is -o ("-": standard output). The rules (DESIGN.md
// §5, "-o never guesses"):
//   - -O given: that format, whatever the file name, unless the file's
//     extension names a different format (".txt" takes any text format);
//   - else to standard output: the table;
//   - else the format the extension names (ignoring case).
// Throws Error(kExitUsage) naming the formats and extensions, with a hint,
// when -O names a format `command` does not write, the extension is
// unknown or missing, names a format `command` does not write, or
// contradicts -O, and when `output` is empty or names a directory.
OutputFormat choose_output_format(std::string_view format_option,
                                  std::string_view output,
                                  std::span<const OutputFormat> writable,
                                  std::string_view command);

}  // namespace kaohe
