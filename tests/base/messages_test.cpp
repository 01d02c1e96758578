// The message language and the built-in catalogue (src/base/messages.h).
#include "base/messages.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <set>
#include <string>

#include "base/embedded_catalogue.h"
#include "base/po_catalogue.h"

namespace kaohe {
namespace {

Language lang(const char* language, const char* lc_all, const char* lc_messages,
              const char* lang_var) {
  return language_from_environment({language, lc_all, lc_messages, lang_var});
}

// Restores English after a test that switches to Chinese.
struct ChineseForThisTest {
  ChineseForThisTest() { set_message_language(Language::kChinese); }
  ~ChineseForThisTest() { set_message_language(Language::kEnglish); }
};

// The argument indices a fmt format string uses ({} counts on, {N} is N;
// both in one string is an error fmt throws at run time),
// or {-1} when it is not a format string (braces of YAML in a plain
// message): then the translation must not be one either.
std::set<int> argument_indices(const std::string& f) {
  std::set<int> used;
  int next = 0;
  bool manual = false;  // fmt refuses {} and {N} in one string
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] == '{') {
      if (i + 1 < f.size() && f[i + 1] == '{') {
        ++i;
        continue;
      }
      std::size_t close = f.find('}', i);
      if (close == std::string::npos) return {-1};
      std::string field = f.substr(i + 1, close - i - 1);
      std::string name = field.substr(0, field.find(':'));
      if (name.empty()) {
        if (manual) return {-1};
        used.insert(next++);
      } else if (name.find_first_not_of("0123456789") == std::string::npos) {
        if (next > 0) return {-1};
        manual = true;
        used.insert(std::stoi(name));
      } else {
        return {-1};  // named arguments are not used in messages
      }
      i = close;
    } else if (f[i] == '}') {
      if (i + 1 < f.size() && f[i + 1] == '}') {
        ++i;
        continue;
      }
      return {-1};
    }
  }
  return used;
}

}  // namespace

TEST_CASE("the message language follows gettext's choice") {
  CHECK(lang(nullptr, nullptr, nullptr, nullptr) == Language::kEnglish);
  CHECK(lang(nullptr, nullptr, nullptr, "zh_CN.UTF-8") == Language::kChinese);
  CHECK(lang(nullptr, nullptr, nullptr, "zh_CN.utf8") == Language::kChinese);
  CHECK(lang(nullptr, nullptr, "zh_CN.UTF-8", "en_US.UTF-8") == Language::kChinese);
  CHECK(lang(nullptr, "zh_CN.UTF-8", "en_US.UTF-8", "C") == Language::kChinese);
  CHECK(lang(nullptr, "", "", "zh_CN.UTF-8") == Language::kChinese);  // empty = unset
  // LC_ALL wins over LC_MESSAGES and LANG.
  CHECK(lang(nullptr, "C", "zh_CN.UTF-8", "zh_CN.UTF-8") == Language::kEnglish);
  CHECK(lang(nullptr, "en_US.UTF-8", nullptr, "zh_CN.UTF-8") == Language::kEnglish);
  // LANGUAGE decides once the locale is not C.
  CHECK(lang("en", nullptr, nullptr, "zh_CN.UTF-8") == Language::kEnglish);
  CHECK(lang("fr:zh_CN", nullptr, nullptr, "en_US.UTF-8") == Language::kChinese);
  CHECK(lang("zh", nullptr, nullptr, "de_DE.UTF-8") == Language::kChinese);
  CHECK(lang("fr:de", nullptr, nullptr, "zh_CN.UTF-8") == Language::kEnglish);
  CHECK(lang("zh_CN", "C", nullptr, nullptr) == Language::kEnglish);
  CHECK(lang("zh_CN", "POSIX", nullptr, nullptr) == Language::kEnglish);
  CHECK(lang("zh_CN", nullptr, nullptr, nullptr) == Language::kEnglish);
  CHECK(lang("zh_CN:en", nullptr, nullptr, "C.UTF-8") == Language::kChinese);
  // Only UTF-8 terminals get Chinese; Taiwan's and Hong Kong's are not zh_CN.
  CHECK(lang(nullptr, nullptr, nullptr, "zh_CN.GB18030") == Language::kEnglish);
  CHECK(lang(nullptr, nullptr, nullptr, "zh_CN") == Language::kChinese);
  CHECK(lang(nullptr, nullptr, nullptr, "zh_CN.UTF-8@stroke") == Language::kChinese);
  CHECK(lang(nullptr, nullptr, nullptr, "zh_TW.UTF-8") == Language::kEnglish);
  CHECK(lang(nullptr, nullptr, nullptr, "zh_HK.UTF-8") == Language::kEnglish);
}

TEST_CASE("tr and trf translate in Chinese and pass English through") {
  CHECK(std::string(tr("No space left on device")) == "No space left on device");
  CHECK(std::string(tr("not in the catalogue")) == "not in the catalogue");
  CHECK(trf("did you mean \"{}\"?", "late") == "did you mean \"late\"?");
  ChineseForThisTest chinese;
  CHECK(std::string(tr("No space left on device")) == "设备上没有空间");
  CHECK(std::string(tr("not in the catalogue")) == "not in the catalogue");
  CHECK(system_error_text(ENOENT) == "没有那个文件或目录");
  CHECK(trf("did you mean \"{}\"?", "late") == "您是不是要写 \"late\"？");
}

TEST_CASE("the built-in catalogue reads cleanly and keeps every argument") {
  PoParse po = parse_po(std::string_view(kZhCnCatalogue, kZhCnCatalogueSize));
  CHECK(po.errors.empty());
  for (const std::string& e : po.errors) INFO(e);
  std::set<std::string> seen;
  for (const PoEntry& e : po.entries) {
    if (e.id.empty()) continue;
    INFO("msgid: ", e.id);
    CHECK_FALSE(e.fuzzy);
    CHECK_FALSE(e.text.empty());
    // A message said twice in the catalogue would be translated by whichever
    // file comes first: each msgid lives in one file.
    CHECK(seen.insert(e.context + '\x04' + e.id).second);
    CHECK(argument_indices(e.text) == argument_indices(e.id));
    // A line break kept in its place: diagnostics end their lines alike.
    CHECK((e.id.ends_with('\n')) == (e.text.ends_with('\n')));
  }
}

}  // namespace kaohe
