// Diagnostics a user can act on (`FILE:LINE[:COL]: error: message`, the
// offending line, a hint), the exit codes of SPEC §9, and the one error type
// for fatal problems, caught once in main.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

// sysexits(3) codes, as SPEC §9 fixes them.
enum ExitCode : int {
  kExitOk = 0,
  kExitDiffers = 1,
  kExitUsage = 64,
  kExitDataErr = 65,
  kExitNoInput = 66,
  kExitSoftware = 70,  // an internal error: a bug to report
  kExitOsErr = 71,     // out of memory, no thread to be had
  kExitCantCreate = 73,
  kExitIoErr = 74,
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  std::string file;         // empty: no location
  int line = 0;             // 1-based; 0: whole file
  int col = 0;              // 1-based; 0: none. For CSV, the field number.
  Severity severity = Severity::kError;
  std::string message;
  std::string source_line;  // the offending line, shown under the message
  std::string hint;         // "did you mean …?"; empty: none
};

// Column letters for a 1-based column number: 1 → "A", 28 → "AB".
std::string column_letters(int column);

// Whether `file` names a sheet of a workbook ("book.xlsx:Sheet", the name
// input/workbook_sheet.h gives it): it holds ".xlsx:" in any letter case.
bool is_sheet_name(std::string_view file);

// Where a diagnostic or an explain line points: "events.csv:7:2" (line 7,
// field 2), "events.csv:7", "events.csv"; for a sheet of a workbook, its
// cell "book.xlsx:Sheet!B7", or its row "book.xlsx:Sheet!7" (col 0).
std::string format_location(std::string_view file, int line, int col);

// Renders one diagnostic, ending with a newline:
//   events.csv:7:2: error: unknown item_id "late_reprot"
//       7 | V1,late_reprot,2025-03-01
//     hint: did you mean "late_report"?
std::string format_diagnostic(const Diagnostic& d);

// Collects row-level problems so that all of them are reported at once.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(std::string file, int line, int col, std::string message,
             std::string source_line = {}, std::string hint = {});
  void warning(std::string file, int line, int col, std::string message,
               std::string source_line = {}, std::string hint = {});
  int error_count() const { return errors_; }
  bool empty() const { return list_.empty(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  // Throws Error(exit_code, all diagnostics) when any error was collected.
  void throw_if_errors(int exit_code) const;

 private:
  std::vector<Diagnostic> list_;
  int errors_ = 0;
};

// The fatal error: carries the exit code and one or more diagnostics.
class Error : public std::exception {
 public:
  Error(int exit_code, Diagnostic d);
  Error(int exit_code, std::vector<Diagnostic> ds);
  // A problem with no file position (usage, overflow, I/O).
  Error(int exit_code, std::string message, std::string hint = {});
  // A problem with a whole file: `FILE: error: message`.
  static Error in_file(int exit_code, std::string file, std::string message,
                       std::string hint = {});

  int exit_code() const { return exit_code_; }
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  const char* what() const noexcept override;

 private:
  int exit_code_;
  std::vector<Diagnostic> diags_;
  std::string what_;  // the rendered diagnostics, returned by what()
};

// The closest candidate by edit distance, for "did you mean …?" hints;
// empty when nothing is close enough.
std::string closest_match(std::string_view word,
                          const std::vector<std::string>& candidates);

// `did you mean "x"?` or empty.
std::string did_you_mean(std::string_view word,
                         const std::vector<std::string>& candidates);

}  // namespace kaohe
