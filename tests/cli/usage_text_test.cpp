// CLI11's parse errors in Chinese (cli/usage_text.h): each kind kaohe can
// meet, made by CLI11 itself from a bad command line, is said again in
// Chinese naming the same option and value; English keeps CLI11's text.
#include "cli/usage_text.h"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "base/messages.h"

namespace kaohe {
namespace {

// The parse error of `args` against a small app with one option of each
// kind, said by parse_error_text in `language`.
std::string said(std::vector<std::string> args, Language language) {
  CLI::App app{"test"};
  int jobs = 1;
  std::string color = "auto";
  std::vector<std::string> events;
  std::string scheme;
  bool verbose = false;
  app.add_option("scheme", scheme)->required();
  app.add_option("-j,--jobs", jobs)->check(CLI::Range(1, 64));
  app.add_option("--color", color)->check(CLI::IsMember({"auto", "always", "never"}));
  CLI::Option* ev = app.add_option("--events", events)->expected(1, 2);
  app.add_flag("-v,--verbose", verbose);
  CLI::Option* units = app.add_option("--units", scheme);
  units->excludes(ev);
  args.insert(args.begin(), "kaohe");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  set_message_language(language);
  std::string out = "(parsed)";
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    out = parse_error_text(e);
  }
  set_message_language(Language::kEnglish);
  return out;
}

std::string zh(std::vector<std::string> args) { return said(std::move(args), Language::kChinese); }

// The catalogue's Chinese for a message.
template <typename... Args>
std::string trf_zh(const char* msgid, Args&&... args) {
  set_message_language(Language::kChinese);
  std::string out = trf(msgid, std::forward<Args>(args)...);
  set_message_language(Language::kEnglish);
  return out;
}

}  // namespace

TEST_CASE("parse_error_text: each kind of CLI11 error in Chinese, CLI11's words in English") {
  CHECK(said({"s.yaml", "extra"}, Language::kEnglish) ==
        "The following argument was not expected: extra");
  CHECK(zh({"s.yaml", "extra"}).find("extra") != std::string::npos);
  CHECK(zh({"s.yaml", "extra"}) == trf_zh("unexpected argument: {}", "extra"));
  CHECK(zh({}) == trf_zh("{} is required", "scheme"));
  CHECK(zh({"s.yaml", "-j", "100"}) ==
        trf_zh("{}: value {} is not in the range {} to {}", "--jobs", "100", "1", "64"));
  CHECK(zh({"s.yaml", "--color", "blue"}).find("blue") != std::string::npos);
  CHECK(zh({"s.yaml", "-j", "many"}).find("many") != std::string::npos);
  CHECK(zh({"s.yaml", "--jobs"}) == trf_zh("{} needs a value", "--jobs"));
  CHECK(zh({"s.yaml", "--units", "u.csv", "--events", "e.csv"}).find("--units") !=
        std::string::npos);
  CHECK(zh({"s.yaml", "--verbose=maybe"}).find("--verbose") != std::string::npos);
  // Whatever CLI11 said, the Chinese has no English sentence of CLI11's.
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"s.yaml", "extra"},
                                             {},
                                             {"s.yaml", "-j", "100"},
                                             {"s.yaml", "--color", "blue"},
                                             {"s.yaml", "-j", "many"},
                                             {"s.yaml", "--jobs"},
                                             {"s.yaml", "--units", "u.csv", "--events", "e.csv"},
                                             {"s.yaml", "--verbose=maybe"}}) {
    const std::string text = zh(args);
    CAPTURE(text);
    CHECK(text.find("CLI11") == std::string::npos);  // not the fallback
    CHECK(text.find("not") == std::string::npos);
    CHECK(text.find("required") == std::string::npos);
  }
}

}  // namespace kaohe
