// Short byte strings packed into machine words with plain loads, for the
// per-row lookups of the event reader (unit ids, item ids). Building a key
// with byte-sized stores and then reading it back as a word stalls the CPU
// (the load cannot be forwarded from several smaller stores); these
// helpers keep the bytes in registers.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace kaohe {

// The `n` bytes at `p` (n ≤ 8) as the word Σ p[i]·256^i (so the rest of
// it is zero, and different strings of one length give different words),
// reading only those n bytes.
inline std::uint64_t pack_bytes(const char* p, std::size_t n) {
  const auto byte = [p](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
  };
  if constexpr (std::endian::native == std::endian::little) {
    // Two loads of four that overlap: the overlapping bytes are equal.
    if (n >= 4) {
      std::uint32_t lo;
      std::uint32_t hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | (static_cast<std::uint64_t>(hi) << (8 * (n - 4)));
    }
    if (n == 0) return 0;
    return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
  } else {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= byte(i) << (8 * i);
    return v;
  }
}

}  // namespace kaohe
