// CLI11's own words in the message language: the labels and group names
// of --help, the help and version flags, and the messages of its parse
// errors (base/messages.h). In English every word is CLI11's own.
#pragma once

#include <string>

namespace CLI {
class App;
class Error;
}  // namespace CLI

namespace kaohe {

// Sets the words --help prints (Usage, OPTIONS, Positionals, Options,
// Subcommands, REQUIRED, …) and the help and version flags of `app`, the
// top-level app, right after it is made and before any option or
// subcommand is added (they inherit the words). Under Chinese messages the
// program is named kaohe in the help (not argv[0]), so that the help does
// not depend on where the binary lies.
void set_help_words(CLI::App& app);

// CLI11 gives a subcommand its help flag before the option group of its
// parent: puts the help flag of every subcommand of `app` in that group.
void set_subcommand_help_group(CLI::App& app);

// CLI11's message for a parse error, in the message language: its own
// English text, or in Chinese a sentence for each kind of error kaohe can
// meet, naming the option and value CLI11 named; a message of no known
// form keeps CLI11's English, quoted after a Chinese lead-in.
std::string parse_error_text(const CLI::Error& e);

}  // namespace kaohe
