// CLI11's own words in the message language (cli/usage_text.h).
#include "cli/usage_text.h"

#include <CLI/CLI.hpp>

#include <regex>
#include <string>

#include "base/messages.h"
#include "report/text_width.h"

namespace kaohe {
namespace {

// CLI11's formatter, with the option column padded to its width on the
// screen rather than in bytes (必需 is 6 bytes, 4 columns wide).
class ScreenWidthFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    // As CLI::detail::format_help.
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const int column = static_cast<int>(get_column_width());
    const int width = display_width(name);
    std::string out = name;
    if (width < column) out.append(static_cast<std::size_t>(column - width), ' ');
    if (!description.empty()) {
      if (width >= column) out += "\n" + std::string(static_cast<std::size_t>(column), ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') out.append(static_cast<std::size_t>(column), ' ');
      }
    }
    return out + "\n";
  }
};

}  // namespace

void set_help_words(CLI::App& app) {
  // Options and subcommands take their group from their parent when they
  // are made: set before any is added. In English each word is CLI11's.
  app.option_defaults()->group(tr("Options"));
  app.group(tr("Subcommands"));
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
  // One formatter, shared by the subcommands.
  if (message_language() == Language::kChinese) {
    app.formatter(std::make_shared<ScreenWidthFormatter>());
  }
  const std::shared_ptr<CLI::FormatterBase> formatter = app.get_formatter();
  formatter->label("Usage", tr("Usage"));
  formatter->label("OPTIONS", tr("OPTIONS"));
  formatter->label("SUBCOMMAND", tr("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
  formatter->label("Positionals", tr("Positionals"));
  formatter->label("REQUIRED", tr("REQUIRED"));
  formatter->label("Env", tr("Env"));
  formatter->label("Needs", tr("Needs"));
  formatter->label("Excludes", tr("Excludes"));
  // English keeps CLI11's argv[0] in "Usage:" (its output is unchanged).
  if (message_language() == Language::kChinese) app.name("kaohe");
}

void set_subcommand_help_group(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    if (CLI::Option* help = sub->get_help_ptr()) help->group(app.option_defaults()->get_group());
  }
}

namespace {

// The parts of `text` matched by `pattern` as a whole (empty: no match).
std::smatch match(const std::string& text, const char* pattern) {
  std::smatch m;
  std::regex_match(text, m, std::regex(pattern));
  return m;
}

// CLI11's message said again in Chinese, or empty when its form is not
// one of those kaohe knows.
std::string chinese_text(const CLI::Error& e) {
  const std::string what = e.what();
  std::smatch m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    m = match(what, "The following arguments? (?:was|were) not expected: (.*)");
    if (!m.empty()) return trf("unexpected argument: {}", m.str(1));
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    m = match(what, "(\\S+) is required");
    if (!m.empty()) return trf("{} is required", m.str(1));
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    m = match(what, "(\\S+): Value (.*) not in range (\\S+) to (\\S+)");
    if (!m.empty()) {
      return trf("{}: value {} is not in the range {} to {}", m.str(1), m.str(2), m.str(3),
                 m.str(4));
    }
    m = match(what, "(\\S+): (.*) not in (\\{.*\\})");
    if (!m.empty()) return trf("{}: {} is not one of {}", m.str(1), m.str(2), m.str(3));
    m = match(what, "(\\S+): Value (.*) could not be converted");
    if (!m.empty()) return trf("{}: value {} could not be converted", m.str(1), m.str(2));
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    m = match(what, "(\\S+): \\d+ required .* missing");
    if (!m.empty()) return trf("{} needs a value", m.str(1));
    m = match(what, "(\\S+): At Most (\\d+) required but received (\\d+)");
    if (!m.empty()) {
      return trf("{} takes at most {} values, got {}", m.str(1), m.str(2), m.str(3));
    }
    m = match(what, "(\\S+): At least (\\d+) required but received (\\d+)");
    if (!m.empty()) {
      return trf("{} takes at least {} values, got {}", m.str(1), m.str(2), m.str(3));
    }
    m = match(what, "Expected (?:exactly|at least) (\\d+) arguments to (\\S+), got (\\d+)");
    if (!m.empty()) {
      return trf("{} takes {} values, got {}", m.str(2), m.str(1), m.str(3));
    }
    m = match(what, "(\\S+) was given a disallowed flag override");
    if (!m.empty()) return trf("{} takes no value", m.str(1));
  } else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    m = match(what, "Could not convert: (\\S+) = (.*)");
    if (!m.empty()) return trf("{}: value {} could not be converted", m.str(1), m.str(2));
    m = match(what, "The value (.*) is not an allowed value for (\\S+)");
    if (!m.empty()) return trf("{}: {} is not an allowed value", m.str(2), m.str(1));
    m = match(what, "(\\S+): too many inputs for a flag");
    if (!m.empty()) return trf("{} is a flag: it takes one value at most", m.str(1));
    m = match(what, "(\\S+): Should be true/false or a number");
    if (!m.empty()) return trf("{} takes true, false or a number", m.str(1));
  } else if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    m = match(what, "(\\S+) excludes (\\S+)");
    if (!m.empty()) return trf("{} cannot be given with {}", m.str(1), m.str(2));
  } else if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
    m = match(what, "(\\S+) requires (\\S+)");
    if (!m.empty()) return trf("{} needs {} as well", m.str(1), m.str(2));
  } else if (dynamic_cast<const CLI::OptionNotFound*>(&e) != nullptr) {
    m = match(what, "(\\S+) not found");
    if (!m.empty()) return trf("there is no option {}", m.str(1));
  }
  return {};
}

}  // namespace

std::string parse_error_text(const CLI::Error& e) {
  if (message_language() == Language::kEnglish) return e.what();
  std::string text = chinese_text(e);
  if (text.empty()) {
    // HorribleError, InvalidError and forms CLI11 may add: its own words.
    text = trf("the command line is not understood (CLI11 says: \"{}\")", e.what());
  }
  return text;
}

}  // namespace kaohe
