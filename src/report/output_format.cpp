// Output format names and extensions.
#include "report/output_format.h"

namespace kaohe {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "markdown") return OutputFormat::kMarkdown;
  if (name == "xlsx") return OutputFormat::kXlsx;
  return std::nullopt;
}

std::optional<OutputFormat> format_from_extension(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() > ext.size() &&
           path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".csv")) return OutputFormat::kCsv;
  if (ends(".tsv")) return OutputFormat::kTsv;
  if (ends(".json")) return OutputFormat::kJson;
  if (ends(".md")) return OutputFormat::kMarkdown;
  if (ends(".txt")) return OutputFormat::kTable;
  if (ends(".xlsx")) return OutputFormat::kXlsx;
  return std::nullopt;
}

}  // namespace kaohe
