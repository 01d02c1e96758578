// The output formats of `score` and their names and file extensions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

enum class OutputFormat { kTable, kCsv, kTsv, kJson, kMarkdown };

// "table", "csv", "tsv", "json", "markdown" → format; nullopt otherwise.
std::optional<OutputFormat> parse_output_format(std::string_view name);
// The format a file name implies by its extension (.csv, .tsv, .json,
// .md, .txt); nullopt when the extension says nothing.
std::optional<OutputFormat> format_from_extension(std::string_view path);

}  // namespace kaohe
