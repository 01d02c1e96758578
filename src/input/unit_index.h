// Unit ids to roster positions, for the lookups on every event and measure
// row (input/event_reader.cpp, input/measure_reader.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "base/short_bytes.h"
#include "input/roster.h"

namespace kaohe {

// Open addressing over a power-of-two table of 16-byte slots that hold short ids
// (up to 11 bytes) themselves, so a lookup usually reads one slot. At
// 10,000 units the table stays in the core's cache, where the roster's own
// node-based map does not. Keys are built in registers (base/short_bytes.h).
class UnitIndex {
 public:
  // An index of `roster`, which must outlive it.
  explicit UnitIndex(const Roster& roster) : roster_(roster) {
    std::size_t size = 16;
    while (size < roster.units.size() + roster.units.size() / 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (int u = 0; u < roster.size(); ++u) {
      Slot key = Slot::of(roster.units[u].id);
      key.unit = u;
      std::size_t i = home(roster.units[u].id);
      while (slots_[i].unit >= 0) i = (i + 1) & mask_;
      slots_[i] = key;
    }
  }
  // The slot where the search for `id` starts; its cache line is asked
  // for, so that find() a little later does not wait for it.
  std::size_t home(std::string_view id) const {
    const std::size_t i = hash(Slot::of(id), id) & mask_;
    __builtin_prefetch(&slots_[i]);
    return i;
  }
  // Position of the unit with this exact id, or -1 (Roster::find).
  int find(std::string_view id) const { return find(id, home(id)); }
  // The same, where `start` is home(id), asked for a little earlier.
  int find(std::string_view id, std::size_t start) const {
    const Slot key = Slot::of(id);
    for (std::size_t i = start;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.unit < 0) return -1;
      if (s.head == key.head && s.tail == key.tail &&
          (id.size() <= kShort || roster_.units[s.unit].id == id)) {
        return s.unit;
      }
    }
  }

 private:
  static constexpr std::size_t kShort = 11;  // longest id held in a slot
  static constexpr std::uint32_t kLong = 0xFF;
  struct Slot {
    // The id's bytes 0..7, zero-padded; bytes 8..10 and, in the top byte,
    // its length or kLong (then the roster has the rest).
    std::uint64_t head = 0;
    std::uint32_t tail = 0;
    std::int32_t unit = -1;
    static Slot of(std::string_view id) {
      const std::size_t n = id.size();
      Slot s;
      s.head = pack_bytes(id.data(), std::min<std::size_t>(n, 8));
      if (n > 8) {
        s.tail = static_cast<std::uint32_t>(
            pack_bytes(id.data() + 8, std::min<std::size_t>(n, kShort) - 8));
      }
      s.tail |= (n <= kShort ? static_cast<std::uint32_t>(n) : kLong) << 24;
      return s;
    }
  };
  // A short id's hash mixes its slot key (two multiplies); a long one's
  // covers all its bytes.
  static std::uint64_t hash(const Slot& key, std::string_view id) {
    if (id.size() > kShort) return std::hash<std::string_view>{}(id);
    std::uint64_t h = key.head * 0x9E3779B97F4A7C15ULL + key.tail * 0xC2B2AE3D27D4EB4FULL;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
  }
  const Roster& roster_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace kaohe
