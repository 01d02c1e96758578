// The text of the read progress bar (issue 8): one line for given bytes,
// time and terminal width. Pure: the drawing, the timing and the terminal
// are cli/progress_bar's.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace kaohe {

// One line of the progress bar, `done` of `total` input bytes read after
// `elapsed`, for a terminal `width` columns wide:
//
//   reading  37% [=========>          ] 168/452 MB  1.2 s
//
// and, when `total` is 0 (the size is unknown, as for standard input),
// bytes read without a percentage or bar:
//
//   reading 168 MB  1.2 s
//
// Contract:
// - the same arguments give the same text (no clock, no terminal, no
//   locale);
// - printable ASCII only: no control characters, no escapes;
// - at most `width - 1` characters, so that the cursor never reaches the
//   last column and the terminal never wraps the line; "" when width < 2;
// - `done` above `total` counts as `total`; the percentage and the filled
//   part of the bar are rounded down, so 100% and a full bar mean that
//   everything is read;
// - sizes are decimal (kB = 1000 bytes, MB, GB, TB), in the unit of `total`
//   (of `done` when the total is unknown), with one decimal below 10 of the
//   unit, rounded down; the elapsed time is in tenths of a second, rounded
//   down;
// - the bar takes the room that is left, 10 to 50 cells; when fewer than 10
//   fit it is left out, and when even the text without it does not fit, the
//   text is cut at `width - 1`.
std::string progress_line(std::uint64_t done, std::uint64_t total,
                          std::chrono::milliseconds elapsed, int width);

}  // namespace kaohe
