// The message language and the translation lookup.
#include "base/messages.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "base/ascii.h"
#include "base/embedded_catalogue.h"
#include "base/po_catalogue.h"

namespace kaohe {
namespace {

std::atomic<Language> g_language{Language::kEnglish};

bool is_set(const char* v) { return v != nullptr && *v != '\0'; }

// "zh_CN.UTF-8@mod" → language "zh", territory "CN", codeset "UTF-8".
struct LocaleName {
  std::string_view language, territory, codeset;
};

LocaleName split_locale(std::string_view name) {
  LocaleName n;
  if (std::size_t at = name.find('@'); at != std::string_view::npos) name = name.substr(0, at);
  if (std::size_t dot = name.find('.'); dot != std::string_view::npos) {
    n.codeset = name.substr(dot + 1);
    name = name.substr(0, dot);
  }
  if (std::size_t us = name.find('_'); us != std::string_view::npos) {
    n.territory = name.substr(us + 1);
    name = name.substr(0, us);
  }
  n.language = name;
  return n;
}

bool is_utf8_codeset(std::string_view codeset) {
  std::string lower;
  for (char c : codeset) {
    if (c != '-') lower += ascii_lower(c);
  }
  return lower == "utf8";
}

// Chinese for zh_CN or zh, English for en, nothing for another language.
enum class Match { kChinese, kEnglish, kNone };
Match match_language(std::string_view entry) {
  LocaleName n = split_locale(entry);
  if (n.language == "zh" && (n.territory.empty() || n.territory == "CN")) {
    return Match::kChinese;
  }
  if (n.language == "en") return Match::kEnglish;
  return Match::kNone;
}

// The translations, read from the embedded catalogue on first use.
class Catalogue {
 public:
  Catalogue() {
    PoParse po = parse_po(std::string_view(kZhCnCatalogue, kZhCnCatalogueSize));
    for (PoEntry& e : po.entries) {
      // Untranslated and fuzzy entries are left out, as gettext does; the
      // header (msgid "") is not a message.
      if (e.id.empty() || e.text.empty() || e.fuzzy) continue;
      std::string key = e.context.empty() ? e.id : e.context + '\x04' + e.id;
      const std::string& stored = texts_.emplace_back(std::move(e.text));
      const std::string& stored_key = texts_.emplace_back(std::move(key));
      map_.emplace(stored_key, stored.c_str());
    }
  }
  const char* find(const char* msgid) const {
    auto it = map_.find(std::string_view(msgid));
    return it == map_.end() ? msgid : it->second;
  }

 private:
  std::deque<std::string> texts_;  // stable addresses for map_'s views
  std::unordered_map<std::string_view, const char*> map_;
};

const Catalogue& chinese() {
  static const Catalogue catalogue;
  return catalogue;
}

}  // namespace

Language language_from_environment(const LocaleVariables& vars) {
  const char* locale = is_set(vars.lc_all)        ? vars.lc_all
                       : is_set(vars.lc_messages) ? vars.lc_messages
                       : is_set(vars.lang)        ? vars.lang
                                                  : nullptr;
  if (locale == nullptr) return Language::kEnglish;
  std::string_view name = locale;
  if (name == "C" || name == "POSIX") return Language::kEnglish;
  std::string_view codeset = split_locale(name).codeset;
  bool utf8 = codeset.empty() || is_utf8_codeset(codeset);
  std::string_view list = is_set(vars.language) ? std::string_view(vars.language) : name;
  while (!list.empty()) {
    std::size_t colon = list.find(':');
    std::string_view entry = list.substr(0, colon);
    list = colon == std::string_view::npos ? std::string_view() : list.substr(colon + 1);
    switch (match_language(entry)) {
      case Match::kChinese: return utf8 ? Language::kChinese : Language::kEnglish;
      case Match::kEnglish: return Language::kEnglish;
      case Match::kNone: break;
    }
  }
  return Language::kEnglish;
}

Language language_from_process_environment() {
  LocaleVariables vars;
  vars.language = std::getenv("LANGUAGE");
  vars.lc_all = std::getenv("LC_ALL");
  vars.lc_messages = std::getenv("LC_MESSAGES");
  vars.lang = std::getenv("LANG");
  return language_from_environment(vars);
}

void set_message_language(Language language) {
  if (language == Language::kChinese) chinese();  // read it before threads start
  g_language.store(language, std::memory_order_relaxed);
}

Language message_language() { return g_language.load(std::memory_order_relaxed); }

const char* tr(const char* msgid) {
  if (message_language() == Language::kEnglish) return msgid;
  return chinese().find(msgid);
}

std::string system_error_text(int err) {
  switch (err) {
    case ENOENT: return tr("No such file or directory");
    case EACCES: return tr("Permission denied");
    case EPERM: return tr("Operation not permitted");
    case ENOSPC: return tr("No space left on device");
    case EDQUOT: return tr("Disk quota exceeded");
    case EISDIR: return tr("Is a directory");
    case ENOTDIR: return tr("Not a directory");
    case EROFS: return tr("Read-only file system");
    case EEXIST: return tr("File exists");
    case EIO: return tr("Input/output error");
    case EMFILE: return tr("Too many open files");
    case ENOMEM: return tr("Cannot allocate memory");
    case EFBIG: return tr("File too large");
    case ELOOP: return tr("Too many levels of symbolic links");
    case ENAMETOOLONG: return tr("File name too long");
    case EPIPE: return tr("Broken pipe");
    case EXDEV: return tr("Invalid cross-device link");
    default: return std::strerror(err);
  }
}

}  // namespace kaohe
