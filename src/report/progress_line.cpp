// The text of the read progress bar (report/progress_line.h).
#include "report/progress_line.h"

#include <algorithm>
#include <limits>
#include <string>

namespace kaohe {

namespace {

// floor(a × b ÷ c) for c > 0 and a ≤ c, without overflow (b is small; when
// c × b would overflow, a and c are halved together first, which moves the
// result by less than one).
std::uint64_t scale(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  while (c > std::numeric_limits<std::uint64_t>::max() / b) {
    a >>= 1;
    c >>= 1;
  }
  return a * b / c;
}

struct SizeUnit {
  std::uint64_t bytes;
  const char* name;
};

// The unit for sizes up to `ref` bytes: the largest that `ref` reaches.
SizeUnit unit_for(std::uint64_t ref) {
  static constexpr SizeUnit kUnits[] = {
      {1000000000000u, "TB"}, {1000000000u, "GB"}, {1000000u, "MB"}, {1000u, "kB"}};
  for (const SizeUnit& u : kUnits) {
    if (ref >= u.bytes) return u;
  }
  return {1, "B"};
}

// `bytes` in `unit`, rounded down; with one decimal when `tenths`.
std::string in_unit(std::uint64_t bytes, SizeUnit unit, bool tenths) {
  if (!tenths) return std::to_string(bytes / unit.bytes);
  // bytes < 10 × unit here, so the product does not overflow.
  std::uint64_t t = bytes / (unit.bytes / 10);
  return std::to_string(t / 10) + "." + std::to_string(t % 10);
}

std::string seconds(std::chrono::milliseconds elapsed) {
  std::uint64_t ms = elapsed.count() > 0 ? static_cast<std::uint64_t>(elapsed.count()) : 0;
  std::uint64_t tenths = ms / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

constexpr int kMinBar = 10;
constexpr int kMaxBar = 50;

}  // namespace

std::string progress_line(std::uint64_t done, std::uint64_t total,
                          std::chrono::milliseconds elapsed, int width) {
  if (width < 2) return "";
  const std::size_t room = static_cast<std::size_t>(width) - 1;
  if (total > 0) done = std::min(done, total);
  SizeUnit unit = unit_for(total > 0 ? total : done);
  // One decimal below 10 of the unit (not for plain bytes).
  bool tenths = unit.bytes > 1 && (total > 0 ? total : done) / unit.bytes < 10;

  std::string sizes = in_unit(done, unit, tenths);
  if (total > 0) sizes += "/" + in_unit(total, unit, tenths);
  std::string tail = " " + sizes + " " + unit.name + "  " + seconds(elapsed);

  std::string line;
  if (total == 0) {
    line = "reading" + tail;
  } else {
    std::uint64_t percent = scale(done, 100, total);
    std::string head = "reading " + std::string(percent < 10 ? 2 : percent < 100 ? 1 : 0, ' ') +
                       std::to_string(percent) + "%";
    // head + " [" + cells + "]" + tail
    std::size_t fixed = head.size() + tail.size();
    std::size_t cells = room > fixed + 3 ? room - fixed - 3 : 0;
    cells = std::min<std::size_t>(cells, kMaxBar);
    if (cells >= static_cast<std::size_t>(kMinBar)) {
      std::size_t filled = scale(done, cells, total);
      std::string bar(filled, '=');
      if (filled < cells) {
        bar += '>';
        bar.append(cells - filled - 1, ' ');
      }
      line = head + " [" + bar + "]" + tail;
    } else {
      line = head + tail;
    }
  }
  if (line.size() > room) line.resize(room);
  return line;
}

}  // namespace kaohe
