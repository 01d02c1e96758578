// The output formats of `score` and their names and file extensions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

// kXlsx is a binary workbook (report/xlsx_writer.h), written to a file only.
enum class OutputFormat { kTable, kCsv, kTsv, kJson, kMarkdown, kXlsx };

// "table", "csv", "tsv", "json", "markdown", "xlsx" → format; nullopt
// otherwise.
std::optional<OutputFormat> parse_output_format(std::string_view name);
// The format a file name implies by its extension (.csv, .tsv, .json,
// .md, .txt, .xlsx); nullopt when the extension says nothing.
std::optional<OutputFormat> format_from_extension(std::string_view path);

}  // namespace kaohe
