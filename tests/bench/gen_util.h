// Helpers shared by the benchmark's data generators (gen.cpp, ledger_shape.cpp):
// a fixed-seed splitmix64, a buffered file writer that exits on error, and
// zero-padded numbers. Deterministic: no clock, no locale.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace kaohe_bench {

inline std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A value of unit `u` for purpose `salt`: the same whatever ROWS is.
inline std::uint64_t trait(int u, std::uint64_t salt) {
  return mix(static_cast<std::uint64_t>(u) * 1000003ULL + salt * 0x632BE59BD9B4E019ULL);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return mix(state_++); }
  std::uint64_t below(std::uint64_t n) { return next() % n; }

 private:
  std::uint64_t state_;
};

class Writer {
 public:
  explicit Writer(const std::string& path) : path_(path) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) {
      std::perror(path.c_str());
      std::exit(73);
    }
    buf_.reserve(kFlush + 4096);
  }
  ~Writer() { close(); }
  void close() {
    if (!f_) return;
    flush();
    if (std::fclose(f_) != 0) fail();
    f_ = nullptr;
  }
  Writer& operator<<(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlush) flush();
    return *this;
  }
  Writer& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  Writer& operator<<(std::int64_t v) {
    char tmp[24];
    auto [p, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, p);
    return *this;
  }

 private:
  static constexpr std::size_t kFlush = 1 << 20;
  void flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) fail();
    buf_.clear();
  }
  [[noreturn]] void fail() {
    std::perror(path_.c_str());
    std::exit(74);
  }
  std::string path_;
  std::FILE* f_ = nullptr;
  std::string buf_;
};

inline std::string padded(std::int64_t v, int width) {
  std::string s = std::to_string(v);
  if (static_cast<int>(s.size()) < width) s.insert(0, width - s.size(), '0');
  return s;
}

}  // namespace kaohe_bench
