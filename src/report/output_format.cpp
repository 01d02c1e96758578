// Output format names and extensions, and the choice of a run's format from
// -O and the extension of -o (never a guess: an unknown extension is a
// usage error).
#include "report/output_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>

#include "base/ascii.h"
#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

struct FormatInfo {
  OutputFormat format;
  std::string_view name;
  std::string_view extension;  // with the dot
};

constexpr std::array<FormatInfo, 7> kFormats{{
    {OutputFormat::kTable, "table", ".txt"},
    {OutputFormat::kCsv, "csv", ".csv"},
    {OutputFormat::kTsv, "tsv", ".tsv"},
    {OutputFormat::kJson, "json", ".json"},
    {OutputFormat::kMarkdown, "markdown", ".md"},
    {OutputFormat::kXlsx, "xlsx", ".xlsx"},
    {OutputFormat::kHtml, "html", ".html"},
}};

// Extensions that are not kaohe's but whose meaning is plain, for hints
// only: the file name kaohe suggests instead.
struct NearExtension {
  std::string_view extension;  // lower case, without the dot
  OutputFormat format;
  std::string_view what;       // "kaohe writes WHAT as .ext"
};
constexpr std::array<NearExtension, 6> kNearExtensions{{
    {"xls", OutputFormat::kXlsx, tr_noop("Excel workbooks")},
    {"xlsm", OutputFormat::kXlsx, tr_noop("Excel workbooks")},
    {"xlsb", OutputFormat::kXlsx, tr_noop("Excel workbooks")},
    {"markdown", OutputFormat::kMarkdown, tr_noop("Markdown")},
    {"text", OutputFormat::kTable, tr_noop("the table")},
    {"htm", OutputFormat::kHtml, tr_noop("HTML pages")},
}};

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool can_write(std::span<const OutputFormat> writable, OutputFormat f) {
  return std::find(writable.begin(), writable.end(), f) != writable.end();
}

// `path` with its extension (if any) replaced by `format`'s.
std::string renamed(std::string_view path, OutputFormat format) {
  std::string_view stem = path;
  if (auto ext = file_extension(path)) stem.remove_suffix(ext->size() + 1);
  return fmt::format("{}{}", stem, format_extension(format));
}

// "table (.txt), csv (.csv) and json (.json)".
std::string list_formats(std::span<const OutputFormat> writable) {
  std::string out;
  for (std::size_t i = 0; i < writable.size(); ++i) {
    if (i > 0) out += i + 1 == writable.size() ? tr(" and ") : ", ";
    out += fmt::format("{} ({})", format_name(writable[i]),
                       format_extension(writable[i]));
  }
  return out;
}

// The hint for a file name whose extension is unknown or missing: a near
// extension's format ("r.xls" → r.xlsx), else the format the name names
// before its last extension ("r.csv.gz" → r.csv), else csv (the table
// for explain).
std::string unknown_extension_hint(std::string_view output,
                                   std::span<const OutputFormat> writable) {
  const std::optional<std::string_view> ext = file_extension(output);
  for (const NearExtension& near : kNearExtensions) {
    if (ext && equals_ignoring_ascii_case(*ext, near.extension) &&
        can_write(writable, near.format)) {
      return trf("kaohe writes {} as {}: name the file {}", tr(near.what.data()),
                         format_extension(near.format), renamed(output, near.format));
    }
  }
  std::string_view stem = output;
  if (ext) stem.remove_suffix(ext->size() + 1);
  const std::optional<OutputFormat> inner = format_from_extension(stem);
  if (ext && inner && can_write(writable, *inner)) {
    return trf("name the file {}, or add -O {} to keep the name", stem,
                       format_name(*inner));
  }
  OutputFormat f = can_write(writable, OutputFormat::kCsv) ? OutputFormat::kCsv
                                                           : OutputFormat::kTable;
  std::string name = renamed(output, f);
  const std::string_view base = file_name(output);
  if (!ext && base.starts_with('.')) {
    // "-o .csv": a hidden file named like an extension, e.g. results.csv.
    const std::string results = fmt::format("results{}", base);
    const std::optional<OutputFormat> meant = format_from_extension(results);
    if (meant && can_write(writable, *meant)) {
      f = *meant;
      name = fmt::format("{}{}", output.substr(0, output.size() - base.size()),
                         results);
    }
  }
  return trf("add -O {}, or name the file {}", format_name(f), name);
}

[[noreturn]] void refuse_unknown_extension(std::string_view output,
                                           std::span<const OutputFormat> writable,
                                           std::string_view command) {
  const std::optional<std::string_view> ext = file_extension(output);
  std::string what;
  if (!ext) {
    what = tr("no extension to tell the output format by");
  } else if (ext->empty()) {
    what = tr("no extension after the dot to tell the output format by");
  } else {
    what = trf("unknown extension \".{}\"", *ext);
  }
  throw Error(kExitUsage,
              trf("-o {}: {}; 'kaohe {}' writes {}", output, what, command,
                          list_formats(writable)),
              unknown_extension_hint(output, writable));
}

[[noreturn]] void refuse_unwritable(OutputFormat f, std::string_view output,
                                    std::span<const OutputFormat> writable,
                                    std::string_view command) {
  std::string names;
  for (std::size_t i = 0; i < writable.size(); ++i) {
    if (i > 0) names += i + 1 == writable.size() ? tr(" or ") : ", ";
    names += renamed(output, writable[i]);
  }
  std::string hint = trf("it writes {}: name the file {}",
                                 list_formats(writable), names);
  if (f == OutputFormat::kXlsx) hint += tr("; only 'kaohe score' writes a workbook");
  throw Error(kExitUsage,
              trf("-o {}: 'kaohe {}' does not write {}", output, command,
                          format_name(f)),
              hint);
}

[[noreturn]] void refuse_contradiction(OutputFormat given, OutputFormat named,
                                       std::string_view output,
                                       std::span<const OutputFormat> writable) {
  std::string hint = trf("name the file {}", renamed(output, given));
  if (can_write(writable, named)) {
    hint += trf(", or leave out -O to write {}", format_name(named));
  }
  throw Error(kExitUsage,
              trf("-o {}: the extension \".{}\" means {}, but -O says {}",
                          output, file_extension(output).value_or(""),
                          format_name(named), format_name(given)),
              hint);
}

// Usage errors of a file name that cannot be written to at all.
void check_file_name(std::string_view output) {
  if (output.empty()) {
    throw Error(kExitUsage, tr("-o needs a file name, or - for standard output"));
  }
  const std::string_view name = file_name(output);
  if (name.empty() || name == "." || name == "..") {
    const std::string_view sep = output.back() == '/' ? "" : "/";
    throw Error(kExitUsage,
                trf("-o {}: names a directory, not a file", output),
                trf("give a file name, e.g. -o {}{}results.csv", output, sep));
  }
}

// The format -O names, which `command` must write.
OutputFormat given_format(std::string_view format_option,
                          std::span<const OutputFormat> writable,
                          std::string_view command) {
  const std::optional<OutputFormat> given = parse_output_format(format_option);
  if (!given || !can_write(writable, *given)) {
    throw Error(kExitUsage,
                trf("'kaohe {}' does not write '{}'", command, format_option),
                trf("-O takes {}", list_formats(writable)));
  }
  return *given;
}

// -O `given` and the extension of `output` agree: the extension is not
// kaohe's, names `given`, or is .txt and `given` a text format.
void check_agrees(OutputFormat given, std::string_view output,
                  std::span<const OutputFormat> writable) {
  const std::optional<OutputFormat> named = format_from_extension(output);
  if (!named || *named == given) return;
  const OutputFormat n = *named;
  if (n == OutputFormat::kTable && given != OutputFormat::kXlsx &&
      given != OutputFormat::kHtml) {
    return;
  }
  refuse_contradiction(given, n, output, writable);
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (const FormatInfo& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view format_name(OutputFormat format) {
  for (const FormatInfo& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return {};
}

std::string_view format_extension(OutputFormat format) {
  for (const FormatInfo& f : kFormats) {
    if (f.format == format) return f.extension;
  }
  return {};
}

std::optional<std::string_view> file_extension(std::string_view path) {
  const std::string_view name = file_name(path);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  return name.substr(dot + 1);
}

std::optional<OutputFormat> format_from_extension(std::string_view path) {
  const std::optional<std::string_view> ext = file_extension(path);
  if (!ext) return std::nullopt;
  for (const FormatInfo& f : kFormats) {
    if (equals_ignoring_ascii_case(*ext, f.extension.substr(1))) return f.format;
  }
  return std::nullopt;
}

OutputFormat choose_output_format(std::string_view format_option,
                                  std::string_view output,
                                  std::span<const OutputFormat> writable,
                                  std::string_view command) {
  const bool to_stdout = output == "-";
  if (!to_stdout) check_file_name(output);
  if (!format_option.empty()) {
    const OutputFormat given = given_format(format_option, writable, command);
    if (!to_stdout) check_agrees(given, output, writable);
    return given;
  }
  if (to_stdout) return OutputFormat::kTable;
  const std::optional<OutputFormat> named = format_from_extension(output);
  if (!named) refuse_unknown_extension(output, writable, command);
  if (!can_write(writable, *named)) refuse_unwritable(*named, output, writable, command);
  return *named;
}

}  // namespace kaohe
