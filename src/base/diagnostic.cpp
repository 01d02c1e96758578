// Rendering and collection of user-facing diagnostics, the fatal Error type
// and the "did you mean …?" suggestions built from edit distance.
#include "base/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "base/messages.h"
#include "base/terminal_text.h"

namespace kaohe {
namespace {

constexpr std::size_t kMaxSourceBytes = 200;

// Cuts `s` to at most kMaxSourceBytes without splitting a UTF-8 sequence,
// marking the cut with "…".
std::string truncate_source(std::string_view s) {
  if (s.size() <= kMaxSourceBytes) return std::string(s);
  std::size_t cut = kMaxSourceBytes;
  // Back up over continuation bytes (10xxxxxx) to a character start.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  std::string out(s.substr(0, cut));
  out += "…";
  return out;
}

// Levenshtein distance over bytes, two rows of memory.
// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two adjacent bytes ("nmae" → "name") each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1);  // row i - 2
  std::vector<std::size_t> prev(b.size() + 1);    // row i - 1
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string render_all(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += format_diagnostic(d);
  return out;
}

}  // namespace

std::string column_letters(int column) {
  std::string out;
  while (column > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    column = (column - 1) / 26;
  }
  return out;
}

bool is_sheet_name(std::string_view file) {
  return ascii_lowercase(file).find(".xlsx:") != std::string::npos;
}

std::string format_location(std::string_view file, int line, int col) {
  std::string out(file);
  if (line <= 0) return out;
  if (is_sheet_name(file)) {
    out += '!';
    if (col > 0) out += column_letters(col);
    out += std::to_string(line);
    return out;
  }
  out += fmt::format(":{}", line);
  if (col > 0) out += fmt::format(":{}", col);
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  // Every text here may come from an input file: control characters are
  // shown escaped (terminal_safe), never sent to the terminal raw.
  if (!d.file.empty()) {
    out += terminal_safe(format_location(d.file, d.line, d.col));
    out += ": ";
  }
  out += d.severity == Severity::kError ? tr("error: ") : tr("warning: ");
  out += terminal_safe(d.message);
  out += '\n';
  if (!d.source_line.empty()) {
    const std::string source = terminal_safe(truncate_source(d.source_line));
    if (d.line > 0) {
      out += fmt::format("{:>5} | {}\n", d.line, source);
    } else {
      out += fmt::format("{:>5} | {}\n", "", source);
    }
  }
  if (!d.hint.empty()) out += trf("  hint: {}\n", terminal_safe(d.hint));
  return out;
}

// ------------------------------------------------------------ Diagnostics

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  list_.push_back(std::move(d));
}

void Diagnostics::error(std::string file, int line, int col,
                        std::string message, std::string source_line,
                        std::string hint) {
  add(Diagnostic{std::move(file), line, col, Severity::kError,
                 std::move(message), std::move(source_line), std::move(hint)});
}

void Diagnostics::warning(std::string file, int line, int col,
                          std::string message, std::string source_line,
                          std::string hint) {
  add(Diagnostic{std::move(file), line, col, Severity::kWarning,
                 std::move(message), std::move(source_line), std::move(hint)});
}

void Diagnostics::throw_if_errors(int exit_code) const {
  if (errors_ > 0) throw Error(exit_code, list_);
}

// ------------------------------------------------------------------ Error

Error::Error(int exit_code, Diagnostic d) : exit_code_(exit_code) {
  diags_.push_back(std::move(d));
  what_ = render_all(diags_);
}

Error::Error(int exit_code, std::vector<Diagnostic> ds)
    : exit_code_(exit_code), diags_(std::move(ds)), what_(render_all(diags_)) {}

Error Error::in_file(int exit_code, std::string file, std::string message,
                     std::string hint) {
  Diagnostic d;
  d.file = std::move(file);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return Error(exit_code, std::move(d));
}

Error::Error(int exit_code, std::string message, std::string hint)
    : exit_code_(exit_code) {
  Diagnostic d;
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags_.push_back(std::move(d));
  what_ = render_all(diags_);
}

const char* Error::what() const noexcept { return what_.c_str(); }

// ------------------------------------------------------------ Suggestions

std::string closest_match(std::string_view word,
                          const std::vector<std::string>& candidates) {
  if (word.empty()) return {};
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    const std::size_t distance =
        equals_ignoring_ascii_case(word, c) ? 0 : edit_distance(word, c);
    if (distance <= limit && (best == nullptr || distance < best_distance)) {
      best = &c;
      best_distance = distance;
    }
  }
  return best == nullptr ? std::string() : *best;
}

std::string did_you_mean(std::string_view word,
                         const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  if (match.empty()) return {};
  return trf("did you mean \"{}\"?", match);
}

}  // namespace kaohe
