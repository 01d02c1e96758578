// Adding to sums that several threads add to at once, for reading one
// events file on several threads into one set of sums (Tallies::share):
// relaxed atomic operations on plain storage, as nothing reads the sums
// before the threads are joined.
#pragma once

#include <atomic>
#include <cstdint>

namespace kaohe {

// Adds `n` to `sum`. Returns false when the sum overflowed; the stored sum
// has then wrapped and must not be used.
inline bool add_shared(std::int64_t& sum, std::int64_t n) {
  const std::int64_t old =
      std::atomic_ref<std::int64_t>(sum).fetch_add(n, std::memory_order_relaxed);
  std::int64_t result = 0;
  return !__builtin_add_overflow(old, n, &result);
}

// Sets the bits `bits` of `word`.
inline void set_bits_shared(std::uint64_t& word, std::uint64_t bits) {
  std::atomic_ref<std::uint64_t>(word).fetch_or(bits, std::memory_order_relaxed);
}

// Sets `flag` to 1.
inline void set_flag_shared(std::uint8_t& flag) {
  std::atomic_ref<std::uint8_t>(flag).store(1, std::memory_order_relaxed);
}

}  // namespace kaohe
