// Unit tests for progress_line: the text of the read progress bar for given
// bytes, time and width (its contract in report/progress_line.h).
#include "report/progress_line.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

namespace kaohe {

using std::chrono::milliseconds;

namespace {

constexpr std::uint64_t kMB = 1000000;

bool printable_ascii(const std::string& s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("progress_line draws percentage, bar, sizes and time") {
  // 80 columns: 79 usable; "reading  37% [" + "] 168/452 MB  1.2 s" take 33,
  // the bar the 46 left. 168/452 of 46 cells is 17.1: 17 filled, then the head.
  std::string line = progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 80);
  CHECK(line == "reading  37% [" + std::string(17, '=') + ">" + std::string(28, ' ') +
                    "] 168/452 MB  1.2 s");
  CHECK(line.size() == 79);
}

TEST_CASE("progress_line caps the bar at 50 cells on a wide terminal") {
  std::string line = progress_line(226 * kMB, 452 * kMB, milliseconds(1234), 200);
  CHECK(line == "reading  50% [" + std::string(25, '=') + ">" + std::string(24, ' ') +
                    "] 226/452 MB  1.2 s");
}

TEST_CASE("progress_line fits a narrow terminal with a shorter bar") {
  // 49 usable: a bar of 16 cells, 5 of them filled.
  std::string line = progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 50);
  CHECK(line == "reading  37% [=====>          ] 168/452 MB  1.2 s");
  CHECK(line.size() == 49);
}

TEST_CASE("progress_line leaves the bar out when fewer than 10 cells fit") {
  // 44 columns: 43 usable, 10 cells.
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 44) ==
        "reading  37% [===>      ] 168/452 MB  1.2 s");
  // 43 columns: 9 cells would fit; no bar.
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 43) ==
        "reading  37% 168/452 MB  1.2 s");
}

TEST_CASE("progress_line cuts the text at width - 1 and is empty below 2") {
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 31) ==
        "reading  37% 168/452 MB  1.2 s");
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 30) ==
        "reading  37% 168/452 MB  1.2 ");
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 11) == "reading  3");
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 2) == "r");
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 1).empty());
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), 0).empty());
  CHECK(progress_line(168 * kMB, 452 * kMB, milliseconds(1234), -5).empty());
}

TEST_CASE("progress_line never exceeds width - 1 and stays printable ASCII") {
  const std::uint64_t totals[] = {0, 1, 999, 1000, 9999999, 452 * kMB,
                                  12345678901234u,
                                  std::numeric_limits<std::uint64_t>::max()};
  for (std::uint64_t total : totals) {
    for (int width = 0; width <= 200; ++width) {
      for (std::uint64_t done : {std::uint64_t{0}, total / 3, total}) {
        CAPTURE(total);
        CAPTURE(width);
        CAPTURE(done);
        std::string line = progress_line(done, total, milliseconds(987654), width);
        CHECK(static_cast<int>(line.size()) <= (width > 1 ? width - 1 : 0));
        CHECK(printable_ascii(line));
      }
    }
  }
}

TEST_CASE("progress_line shows bytes read without a percentage when the total is unknown") {
  CHECK(progress_line(168 * kMB + 999999, 0, milliseconds(61050), 80) ==
        "reading 168 MB  61.0 s");
  CHECK(progress_line(2500, 0, milliseconds(0), 80) == "reading 2.5 kB  0.0 s");
  CHECK(progress_line(0, 0, milliseconds(500), 80) == "reading 0 B  0.5 s");
}

TEST_CASE("progress_line rounds the percentage and the bar down") {
  // One byte short: 99% and the last cell holds the head.
  CHECK(progress_line(452 * kMB - 1, 452 * kMB, milliseconds(700), 80) ==
        "reading  99% [" + std::string(45, '=') + ">] 451/452 MB  0.7 s");
  CHECK(progress_line(452 * kMB, 452 * kMB, milliseconds(700), 80) ==
        "reading 100% [" + std::string(46, '=') + "] 452/452 MB  0.7 s");
  // "0/452" is shorter than "452/452": two more cells.
  CHECK(progress_line(0, 452 * kMB, milliseconds(700), 80) ==
        "reading   0% [>" + std::string(47, ' ') + "] 0/452 MB  0.7 s");
}

TEST_CASE("progress_line counts more than the total as the total") {
  CHECK(progress_line(600 * kMB, 452 * kMB, milliseconds(2000), 43) ==
        "reading 100% 452/452 MB  2.0 s");
}

TEST_CASE("progress_line picks the unit of the total") {
  // At 40 columns none of these has room for a bar.
  CHECK(progress_line(512, 900, milliseconds(600), 40) == "reading  56% 512/900 B  0.6 s");
  CHECK(progress_line(9999, 10000, milliseconds(600), 40) == "reading  99% 9/10 kB  0.6 s");
  CHECK(progress_line(1500000, 2300000000u, milliseconds(600), 40) ==
        "reading   0% 0.0/2.3 GB  0.6 s");
  CHECK(progress_line(12000000000u, 45000000000u, milliseconds(600), 40) ==
        "reading  26% 12/45 GB  0.6 s");
  CHECK(progress_line(3 * kMB, 7 * kMB + 999999, milliseconds(600), 40) ==
        "reading  37% 3.0/7.9 MB  0.6 s");
}

TEST_CASE("progress_line does not overflow on huge sizes") {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  CHECK(progress_line(max / 2, max, milliseconds(100), 41) ==
        "reading  49% 9223372/18446744 TB  0.1 s");
  CHECK(progress_line(max, max, milliseconds(100), 41) ==
        "reading 100% 18446744/18446744 TB  0.1 s");
}

TEST_CASE("progress_line shows a negative elapsed time as zero") {
  CHECK(progress_line(0, 0, milliseconds(-3000), 80) == "reading 0 B  0.0 s");
}

}  // namespace kaohe
