// Unit tests of pack_bytes: the word it builds, and that it reads no byte
// past the string (the ASan build in .ci/run catches an over-read of the
// exactly sized allocations below).
#include "base/short_bytes.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <random>

namespace kaohe {
namespace {

std::uint64_t reference(const unsigned char* p, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v += static_cast<std::uint64_t>(p[i]) << (8 * i);
  return v;
}

TEST_CASE("pack_bytes is the little-endian word of 0 to 8 bytes") {
  std::mt19937 rng(7);
  for (std::size_t n = 0; n <= 8; ++n) {
    CAPTURE(n);
    for (int trial = 0; trial < 2000; ++trial) {
      auto bytes = std::make_unique<unsigned char[]>(n == 0 ? 1 : n);
      for (std::size_t i = 0; i < n; ++i) {
        // Edge values often: 0x00, 0x80 and 0xFF test sign extension.
        const unsigned r = rng() % 8;
        bytes[i] = r == 0 ? 0x00 : r == 1 ? 0xFF : r == 2 ? 0x80
                                                  : static_cast<unsigned char>(rng());
      }
      const char* p = reinterpret_cast<const char*>(bytes.get());
      REQUIRE(pack_bytes(p, n) == reference(bytes.get(), n));
    }
  }
  CHECK(pack_bytes("patrol", 6) == 0x6c6f72746170ULL);
  CHECK(pack_bytes("W00001xx", 0) == 0);
  CHECK(pack_bytes("ab", 1) == pack_bytes("ac", 1));
  CHECK(pack_bytes("ab", 2) != pack_bytes("ac", 2));
}

}  // namespace
}  // namespace kaohe
