// The pager: the decision, and running it.
#include "cli/pager.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <tuple>

#include "io/output_file.h"
#include "report/text_width.h"

namespace kaohe {

PagerChoice choose_pager(const PagerSituation& s) {
  if (!s.terminal || s.no_pager) return {};
  const std::string_view term = s.term != nullptr ? s.term : "";
  if (term.empty() || term == "dumb") return {};
  const bool fits = (s.size.rows <= 0 || s.text_lines < s.size.rows) &&
                    (s.size.columns <= 0 || s.text_width <= s.size.columns);
  if (fits) return {};
  PagerChoice choice;
  if (s.pager != nullptr) {
    const std::string_view pager = s.pager;
    if (pager.empty() || pager == "cat") return {};
    choice.command = pager;
  } else {
    choice.command = "less";
  }
  if (s.less == nullptr) choice.env.emplace_back("LESS", "FRX");
  if (s.lv == nullptr) choice.env.emplace_back("LV", "-c");
  if (s.lesscharset == nullptr) choice.env.emplace_back("LESSCHARSET", "utf-8");
  return choice;
}

std::pair<int, int> text_extent(const std::string& text) {
  int lines = 0;
  int widest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string plain;
    for (std::size_t i = start; i < end; ++i) {
      if (text[i] == '\x1b' && i + 1 < end && text[i + 1] == '[') {
        std::size_t m = text.find('m', i);
        if (m != std::string::npos && m < end) {
          i = m;
          continue;
        }
      }
      plain += text[i];
    }
    ++lines;
    widest = std::max(widest, display_width(plain));
    start = end + 1;
  }
  return {lines, widest};
}

namespace {

// Signals ignored while the pager runs, restored after.
class IgnoredSignals {
 public:
  IgnoredSignals() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    for (std::size_t i = 0; i < kCount; ++i) ::sigaction(kSignals[i], &ignore, &old_[i]);
  }
  ~IgnoredSignals() {
    for (std::size_t i = 0; i < kCount; ++i) ::sigaction(kSignals[i], &old_[i], nullptr);
  }
  IgnoredSignals(const IgnoredSignals&) = delete;
  IgnoredSignals& operator=(const IgnoredSignals&) = delete;

 private:
  static constexpr std::size_t kCount = 3;
  static constexpr int kSignals[kCount] = {SIGPIPE, SIGINT, SIGQUIT};
  struct sigaction old_[kCount] {};
};

}  // namespace

void write_paged(const std::string& text, const PagerChoice& choice) {
  if (choice.command.empty()) {
    write_output("-", text);
    return;
  }
  std::fflush(stdout);
  int fds[2];
  if (::pipe(fds) != 0) {
    write_output("-", text);
    return;
  }
  int status = 0;
  {
    IgnoredSignals ignored;
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      write_output("-", text);
      return;
    }
    if (pid == 0) {
      ::dup2(fds[0], STDIN_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      for (const auto& [name, value] : choice.env) ::setenv(name.c_str(), value.c_str(), 1);
      // The pager gets the signals' default actions back.
      ::signal(SIGPIPE, SIG_DFL);
      ::signal(SIGINT, SIG_DFL);
      ::signal(SIGQUIT, SIG_DFL);
      ::execl("/bin/sh", "sh", "-c", choice.command.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(fds[0]);
    // The pager may stop reading at any time (q in less): a write that
    // fails then (EPIPE) ends the text, and is no error.
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127)) {
    write_output("-", text);
  }
}

void write_for_people(const std::string& output, const std::string& text, bool no_pager) {
  if (output != "-" || ::isatty(STDOUT_FILENO) != 1) {
    write_output(output, text);
    return;
  }
  PagerSituation s;
  s.terminal = true;
  s.no_pager = no_pager;
  s.pager = std::getenv("PAGER");
  s.term = std::getenv("TERM");
  s.less = std::getenv("LESS");
  s.lv = std::getenv("LV");
  s.lesscharset = std::getenv("LESSCHARSET");
  s.size = terminal_size(STDOUT_FILENO);
  if (int rows = size_from_env(std::getenv("LINES")); rows > 0) s.size.rows = rows;
  if (int columns = size_from_env(std::getenv("COLUMNS")); columns > 0) s.size.columns = columns;
  std::tie(s.text_lines, s.text_width) = text_extent(text);
  write_paged(text, choose_pager(s));
}

}  // namespace kaohe
