// How a run reads its CSV files — the options --encoding, --delimiter and
// --skip, each forcing what is otherwise found per file — and how one file
// was read, for -v (DESIGN.md §1 "Sheets as they come").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input/text_decoder.h"

namespace kaohe {

struct SheetOptions {
  // --encoding: every file in this encoding; nullopt: found per file.
  std::optional<Encoding> encoding;
  // --delimiter: ',', '\t' or ';' for every file; 0: found per file.
  char delimiter = 0;
  // --skip N: the rows above the header of every file not named in
  // skip_files; -1: title rows are found per file.
  int skip = -1;
  // --skip NAME=N: the rows above the header of the file NAME (its name
  // without folders, or its path as given).
  std::vector<std::pair<std::string, int>> skip_files;
  // Every input of the run, for the hint of a file that is not UTF-8 under
  // --encoding utf-8 (it names the others too).
  std::vector<std::string> run_files;

  // The rows to skip above the header of `path`; -1: found.
  int skip_for(std::string_view path) const;
};

// Parses a --delimiter value: "," or "comma", "tab" or a tab, ";" or
// "semicolon". nullopt for anything else.
std::optional<char> parse_delimiter(std::string_view text);

// Parses a --skip value: "N" or "NAME=N" (the last '=' splits), N a whole
// number 0..100. nullopt when it is not one.
std::optional<std::pair<std::string, int>> parse_skip(std::string_view text);

// How one file was read.
struct SheetForm {
  const char* encoding = "UTF-8";  // ByteSource::encoding_name
  char delimiter = ',';
  bool delimiter_forced = false;   // --delimiter, else found
  int title_rows = 0;              // rows skipped above the header
  bool title_forced = false;       // --skip, else found
  std::int64_t empty_rows = 0;     // rows of empty cells only, skipped
  int empty_columns = 0;           // unnamed columns at the header's end
};

// "GB18030, tab-separated, 1 title row skipped, 2 empty rows and 3 unnamed
// columns at the end ignored", for -v.
std::string describe(const SheetForm& form);

// "comma", "tab", "semicolon" (--delimiter's values).
std::string_view delimiter_name(char delimiter);

// The same in the message language, for a message's prose.
const char* delimiter_word(char delimiter);

}  // namespace kaohe
