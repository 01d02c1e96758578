// The progress bar of long reads (cli/progress_bar.h).
#include "cli/progress_bar.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "report/progress_line.h"

namespace kaohe {

ProgressBar::ProgressBar(std::FILE* out, Clock clock, Width width)
    : out_(out), clock_(std::move(clock)), width_(std::move(width)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
  if (!width_) {
    int fd = ::fileno(out_);
    width_ = [fd] { return terminal_width(fd); };
  }
  start_ = clock_();
}

ProgressBar::~ProgressBar() { done(); }

void ProgressBar::advance(std::uint64_t bytes_done, std::uint64_t bytes_total) {
  if (finished_) return;
  auto now = clock_();
  if (now - start_ < kDelay) return;
  if (drawn_ && now - last_draw_ < kInterval) return;
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_);
  std::string line = progress_line(bytes_done, bytes_total, elapsed, width_());
  // ESC [K clears what a longer line drawn before left to the right.
  std::string text = "\r" + line + "\x1b[K";
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
  drawn_ = true;
  last_draw_ = now;
}

void ProgressBar::done() {
  if (finished_) return;
  finished_ = true;
  if (!drawn_) return;
  std::fputs("\r\x1b[2K\r", out_);
  std::fflush(out_);
}

int terminal_width(int fd) {
  struct winsize ws;
  std::memset(&ws, 0, sizeof ws);
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

std::unique_ptr<ProgressBar> make_progress_bar(bool quiet) {
  if (quiet || ::isatty(STDERR_FILENO) != 1) return nullptr;
  // Unset TERM counts as dumb (as git does): the redraw needs ESC [K.
  const char* term = std::getenv("TERM");
  if (term == nullptr || *term == '\0' || std::strcmp(term, "dumb") == 0) return nullptr;
  return std::make_unique<ProgressBar>(stderr);
}

}  // namespace kaohe
