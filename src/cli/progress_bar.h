// The progress bar of long reads (issue 8): a ReadProgress that draws one
// line on standard error while the event files are read, and erases it when
// the reading is over. Whether to draw one at all is decided here too, from
// the terminal, the environment and -q.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>

#include "input/read_progress.h"

namespace kaohe {

class ProgressBar final : public ReadProgress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  using Width = std::function<int()>;

  // Draws on `out`, a terminal (not owned). `clock` and `width` (columns of
  // the terminal, asked before each redraw so that a resized window is
  // followed) are injectable for tests; by default the steady clock and
  // terminal_width(fileno(out)). The read is taken to start now.
  explicit ProgressBar(std::FILE* out, Clock clock = {}, Width width = {});
  // Erases the line if done() has not (an exception on the way out).
  ~ProgressBar() override;
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws `\r` + report/progress_line + erase-to-end-of-line, but only
  // once the read has taken 0.5 s (a short run prints nothing) and at most
  // every 100 ms. Nothing after done(). Calls must not overlap (ReadProgress
  // promises they do not).
  void advance(std::uint64_t bytes_done, std::uint64_t bytes_total) override;
  // Erases the line (`\r`, ESC [2K, `\r`) if one was drawn, so the cursor is
  // back at column 0 of a clean line; prints nothing otherwise. Further
  // calls of advance() and done() do nothing.
  void done() override;

  static constexpr std::chrono::milliseconds kDelay{500};
  static constexpr std::chrono::milliseconds kInterval{100};

 private:
  std::FILE* out_;
  Clock clock_;
  Width width_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  bool finished_ = false;
};

// Columns of the terminal on `fd` (ioctl TIOCGWINSZ); 80 when it is not a
// terminal or does not say.
int terminal_width(int fd);

// The progress bar of a command, or null when none is wanted: only when
// standard error is a terminal, `quiet` (-q) is off and TERM is set and not
// "dumb".
// NO_COLOR does not matter: the bar has no colour.
std::unique_ptr<ProgressBar> make_progress_bar(bool quiet);

}  // namespace kaohe
