// The language of kaohe's messages — diagnostics, hints, --help, progress
// and summary lines, the terminal table's header words — and their
// translations. English is the source language; the Chinese catalogue is
// po/zh_CN/*.po, built into the binary (no .mo files to install, no
// setlocale: the data kaohe writes never depends on the locale).
//
// Mark every message for translation where it is written:
//   tr("no command given")                          a plain message
//   trf("unknown item_id \"{}\"", id)               a fmt format string
// xgettext finds both (tests/locale/catalogue_complete.sh); a translation
// may reorder arguments with {0}, {1}.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

namespace kaohe {

enum class Language { kEnglish, kChinese };

// The locale variables as the process sees them (nullptr: unset).
struct LocaleVariables {
  const char* language = nullptr;     // LANGUAGE
  const char* lc_all = nullptr;       // LC_ALL
  const char* lc_messages = nullptr;  // LC_MESSAGES
  const char* lang = nullptr;         // LANG
};

// The message language gettext would choose: the locale is the first set
// of LC_ALL, LC_MESSAGES, LANG; "C", "POSIX" or none means English whatever
// LANGUAGE says. Otherwise LANGUAGE (a colon-separated list) decides when
// set, else the locale's own name: the first entry that is zh_CN or zh
// (any codeset or modifier) gives Chinese, en or en_* gives English. The
// locale's codeset must be UTF-8 (or absent from its name) for Chinese:
// kaohe writes UTF-8 only, and zh_CN.GB18030 terminals get English.
Language language_from_environment(const LocaleVariables& vars);

// The same, from getenv().
Language language_from_process_environment();

// The language tr() and trf() translate into; English until set. Set once,
// in main, before any thread starts.
void set_message_language(Language language);
Language message_language();

// `msgid` in the message language: its translation, or `msgid` itself in
// English or when the catalogue has none. The result lives as long as the
// program.
const char* tr(const char* msgid);

// Marks a message written where it cannot be translated yet (a constant
// table): xgettext collects it; translate it with tr() where it is used.
constexpr const char* tr_noop(const char* msgid) { return msgid; }

// tr(msgid), then formatted with fmt's syntax.

template <typename... Args>
std::string trf(const char* msgid, Args&&... args) {
  return fmt::format(fmt::runtime(tr(msgid)), std::forward<Args>(args)...);
}

// strerror(err) in the message language (the common errors are in the
// catalogue; others keep the C library's English text).
std::string system_error_text(int err);

}  // namespace kaohe
