// Unit tests for ProgressBar: when it draws (after 0.5 s, at most every
// 100 ms), what it writes, and that done() leaves a clean line. The clock
// and the width are injected, and the "terminal" is a temporary file.
#include "cli/progress_bar.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "report/progress_line.h"

namespace kaohe {

namespace {

using std::chrono::milliseconds;
using Time = std::chrono::steady_clock::time_point;

// A file standing in for the terminal, and a clock the test moves.
struct Fixture {
  std::FILE* file = std::tmpfile();
  Time now{};
  int width = 60;

  Fixture() { REQUIRE(file != nullptr); }
  ~Fixture() { std::fclose(file); }

  std::unique_ptr<ProgressBar> bar() {
    return std::make_unique<ProgressBar>(
        file, [this] { return now; }, [this] { return width; });
  }
  void at(int ms) { now = Time{} + milliseconds(ms); }

  // Everything written so far.
  std::string written() {
    std::fflush(file);
    std::string text;
    std::rewind(file);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file)) > 0) text.append(buf, n);
    std::fseek(file, 0, SEEK_END);
    return text;
  }
};

std::string drawn(std::uint64_t done, std::uint64_t total, int ms, int width) {
  return "\r" + progress_line(done, total, milliseconds(ms), width) + "\x1b[K";
}

const std::string kErase = "\r\x1b[2K\r";

}  // namespace

TEST_CASE("ProgressBar prints nothing for a read shorter than half a second") {
  Fixture f;
  auto bar = f.bar();
  for (int ms = 0; ms < 500; ms += 50) {
    f.at(ms);
    bar->advance(static_cast<std::uint64_t>(ms) * 1000, 1000000);
  }
  f.at(499);
  bar->done();
  CHECK(f.written().empty());
  bar.reset();
  CHECK(f.written().empty());
}

TEST_CASE("ProgressBar draws after half a second, then at most every 100 ms") {
  Fixture f;
  auto bar = f.bar();
  f.at(500);
  bar->advance(100, 1000);
  std::string expected = drawn(100, 1000, 500, 60);
  CHECK(f.written() == expected);

  f.at(599);
  bar->advance(200, 1000);  // too soon: not drawn
  CHECK(f.written() == expected);

  f.at(600);
  bar->advance(300, 1000);
  expected += drawn(300, 1000, 600, 60);
  CHECK(f.written() == expected);

  f.width = 45;  // a resized terminal is followed
  f.at(1234);
  bar->advance(400, 1000);
  expected += drawn(400, 1000, 1234, 45);
  CHECK(f.written() == expected);

  bar->done();
  expected += kErase;
  CHECK(f.written() == expected);
}

TEST_CASE("ProgressBar draws a line of progress_line with a carriage return") {
  Fixture f;
  f.width = 80;
  auto bar = f.bar();
  f.at(1200);
  bar->advance(168000000, 452000000);
  CHECK(f.written() == "\rreading  37% [" + std::string(17, '=') + ">" +
                           std::string(28, ' ') + "] 168/452 MB  1.2 s\x1b[K");
}

TEST_CASE("ProgressBar shows bytes only when the total is unknown") {
  Fixture f;
  auto bar = f.bar();
  f.at(2000);
  bar->advance(5000000, 0);
  CHECK(f.written() == "\rreading 5.0 MB  2.0 s\x1b[K");
}

TEST_CASE("ProgressBar erases its line once and draws nothing after done") {
  Fixture f;
  auto bar = f.bar();
  f.at(700);
  bar->advance(1, 2);
  bar->done();
  std::string expected = drawn(1, 2, 700, 60) + kErase;
  CHECK(f.written() == expected);
  f.at(5000);
  bar->advance(2, 2);
  bar->done();
  bar.reset();
  CHECK(f.written() == expected);
}

TEST_CASE("ProgressBar erases its line when destroyed without done") {
  Fixture f;
  auto bar = f.bar();
  f.at(800);
  bar->advance(1, 2);
  bar.reset();
  CHECK(f.written() == drawn(1, 2, 800, 60) + kErase);
}

TEST_CASE("terminal_width falls back to 80 when not a terminal") {
  Fixture f;
  CHECK(terminal_width(fileno(f.file)) == 80);
  CHECK(terminal_width(-1) == 80);
}

}  // namespace kaohe
