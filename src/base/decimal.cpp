// Exact decimal arithmetic: the fixed-point Decimal, the reduced Rational
// and round_to (SPEC §4). Integer arithmetic only, every operation checked;
// overflow throws kaohe::Error(kExitDataErr).
#include "base/decimal.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <compare>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();

[[noreturn]] void throw_overflow(std::string_view what) {
  throw Error(kExitDataErr, trf("arithmetic overflow in {}", what),
              tr("values are limited to ±9223372036854.775807"));
}

[[noreturn]] void throw_division_by_zero(std::string_view what) {
  throw Error(kExitDataErr, trf("division by zero in {}", what));
}

void check_precision(int precision) {
  if (precision < 0 || precision > Decimal::kMaxScale) {
    throw Error(kExitDataErr,
                trf("decimal precision {} is outside 0..{}", precision, Decimal::kMaxScale));

  }
}

// 10^n for n in 0..18.
constexpr std::int64_t pow10(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

u128 magnitude(i128 v) { return v < 0 ? u128(0) - u128(v) : u128(v); }

std::string digits_of(u128 v) {
  if (v == 0) return "0";
  char buf[40];
  int pos = sizeof buf;
  while (v != 0) {
    buf[--pos] = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  return std::string(buf + pos, sizeof buf - pos);
}

// Renders a count of millionths. precision < 0: shortest exact form;
// otherwise exactly `precision` fractional digits (further digits are
// dropped). Never prints a sign for a value that shows as zero.
std::string format_units(bool negative, u128 mag, int precision) {
  const u128 one = static_cast<u128>(Decimal::kOne);
  const u128 whole = mag / one;
  std::int64_t frac = static_cast<std::int64_t>(mag % one);
  int digits = Decimal::kMaxScale;
  if (precision < 0) {
    while (digits > 0 && frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
  } else {
    frac /= pow10(Decimal::kMaxScale - precision);
    digits = precision;
  }
  std::string out;
  if (negative && (whole != 0 || frac != 0)) out += '-';
  out += digits_of(whole);
  if (digits > 0) {
    out += '.';
    std::string f = digits_of(static_cast<u128>(frac));
    out.append(static_cast<std::size_t>(digits) - f.size(), '0');
    out += f;
  }
  return out;
}

bool fits_int64(i128 v) { return v >= kInt64Min && v <= kInt64Max; }

u128 gcd(u128 a, u128 b) {
  while (b != 0) {
    const u128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// Reduces num/den to lowest terms with den > 0 and checks that both fit
// int64. `what` describes the operation; it is called only on error.
template <typename What>
std::pair<std::int64_t, std::int64_t> reduce(i128 num, i128 den, What what) {
  if (den == 0) throw_division_by_zero(what());
  const bool negative = (num < 0) != (den < 0);
  u128 n = magnitude(num);
  u128 d = magnitude(den);
  if ((n >> 64) == 0 && (d >> 64) == 0) {
    // Nearly always both fit 64 bits, where gcd and division are cheap
    // (scoring 10,000 units does millions of these).
    auto n64 = static_cast<std::uint64_t>(n);
    auto d64 = static_cast<std::uint64_t>(d);
    const std::uint64_t g = std::gcd(n64, d64);  // d != 0, so g != 0
    n = n64 / g;
    d = d64 / g;
  } else {
    const u128 g = gcd(n, d);
    n /= g;
    d /= g;
  }
  if (n == 0) d = 1;
  if (d > static_cast<u128>(kInt64Max) ||
      n > static_cast<u128>(kInt64Max) + (negative ? 1 : 0)) {
    throw_overflow(what());
  }
  const i128 signed_n = negative ? -static_cast<i128>(n) : static_cast<i128>(n);
  return {static_cast<std::int64_t>(signed_n), static_cast<std::int64_t>(d)};
}

}  // namespace

// ---------------------------------------------------------------- Decimal

Decimal Decimal::from_int(std::int64_t whole) {
  std::int64_t units = 0;
  if (__builtin_mul_overflow(whole, kOne, &units)) {
    throw_overflow(trf("the whole number {}", whole));
  }
  return from_units(units);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool negative = false;
  if (i < n && text[i] == '-') {
    negative = true;
    ++i;
  }
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  // Integer part: one or more digits, no leading zero unless exactly "0".
  const std::size_t int_begin = i;
  while (i < n && is_digit(text[i])) ++i;
  const std::size_t int_len = i - int_begin;
  if (int_len == 0) return std::nullopt;
  if (int_len > 1 && text[int_begin] == '0') return std::nullopt;
  // Fraction: '.' and 1..6 digits.
  std::size_t frac_begin = i;
  std::size_t frac_len = 0;
  if (i < n && text[i] == '.') {
    ++i;
    frac_begin = i;
    while (i < n && is_digit(text[i])) ++i;
    frac_len = i - frac_begin;
    if (frac_len == 0 || frac_len > static_cast<std::size_t>(kMaxScale)) {
      return std::nullopt;
    }
  }
  if (i != n) return std::nullopt;

  // Magnitude in millionths; the negative side reaches one unit further.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(kInt64Max) + (negative ? 1u : 0u);
  std::uint64_t mag = 0;
  for (std::size_t k = int_begin; k < int_begin + int_len; ++k) {
    if (__builtin_mul_overflow(mag, std::uint64_t{10}, &mag) ||
        __builtin_add_overflow(mag, std::uint64_t(text[k] - '0'), &mag)) {
      return std::nullopt;
    }
  }
  std::uint64_t frac = 0;
  for (std::size_t k = frac_begin; k < frac_begin + frac_len; ++k) {
    frac = frac * 10 + std::uint64_t(text[k] - '0');
  }
  frac *= static_cast<std::uint64_t>(
      pow10(kMaxScale - static_cast<int>(frac_len)));
  if (__builtin_mul_overflow(mag, static_cast<std::uint64_t>(kOne), &mag) ||
      __builtin_add_overflow(mag, frac, &mag) || mag > limit) {
    return std::nullopt;
  }
  if (!negative) return from_units(static_cast<std::int64_t>(mag));
  // mag <= 2^63: negate in unsigned arithmetic, then convert (two's
  // complement, well defined since C++20).
  return from_units(static_cast<std::int64_t>(std::uint64_t{0} - mag));
}

std::string Decimal::format(int precision) const {
  check_precision(precision);
  return format_units(units_ < 0, magnitude(units_), precision);
}

std::string Decimal::to_string() const {
  return format_units(units_ < 0, magnitude(units_), -1);
}

Decimal Decimal::operator-() const {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, units_, &r)) {
    throw_overflow(fmt::format("-({})", to_string()));
  }
  return from_units(r);
}

Decimal operator+(Decimal a, Decimal b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a.units_, b.units_, &r)) {
    throw_overflow(fmt::format("{} + {}", a.to_string(), b.to_string()));
  }
  return Decimal::from_units(r);
}

Decimal operator-(Decimal a, Decimal b) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a.units_, b.units_, &r)) {
    throw_overflow(fmt::format("{} - {}", a.to_string(), b.to_string()));
  }
  return Decimal::from_units(r);
}

Decimal Decimal::times(std::int64_t n) const {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(units_, n, &r)) {
    throw_overflow(fmt::format("{} * {}", to_string(), n));
  }
  return from_units(r);
}

// --------------------------------------------------------------- Rational

Rational::Rational(Decimal d) {
  // Scoring converts millions of Decimals, so no gcd loop: as
  // 10^6 = 2^6·5^6, gcd(units, 10^6) = 2^min(v2, 6)·5^min(v5, 6), read off
  // the units modulo 10^6 (not 0 past the first test).
  const std::int64_t units = d.units();
  const std::int64_t rest = units % Decimal::kOne;
  if (rest == 0) {
    num_ = units / Decimal::kOne;
    den_ = 1;
    return;
  }
  const auto r = static_cast<std::uint32_t>(rest < 0 ? -rest : rest);
  const int twos = std::min(std::countr_zero(r), 6);
  const std::int64_t fives = r % 15625 == 0 ? 15625
                             : r % 3125 == 0 ? 3125
                             : r % 625 == 0  ? 625
                             : r % 125 == 0  ? 125
                             : r % 25 == 0   ? 25
                             : r % 5 == 0    ? 5
                                             : 1;
  const std::int64_t g = fives << twos;
  num_ = units / g;
  den_ = Decimal::kOne / g;
}

Rational Rational::fraction(std::int64_t num, std::int64_t den) {
  const auto [n, d] = reduce(num, den, [&] {
    return trf("the fraction {}/{}", num, den);
  });
  Rational r;
  r.num_ = n;
  r.den_ = d;
  return r;
}

Rational operator+(const Rational& a, const Rational& b) {
  // Sums of scores are mostly of zeros and whole numbers: no gcd for them.
  if (a.num_ == 0) return b;
  if (b.num_ == 0) return a;
  std::int64_t sum;
  if (a.den_ == 1 && b.den_ == 1 && !__builtin_add_overflow(a.num_, b.num_, &sum)) {
    return Rational(sum);
  }
  const i128 num = i128(a.num_) * b.den_ + i128(b.num_) * a.den_;
  const i128 den = i128(a.den_) * b.den_;
  return Rational::of_reduced(reduce(num, den, [&] {
    return fmt::format("{} + {}", a.to_string(), b.to_string());
  }));
}

Rational operator-(const Rational& a, const Rational& b) {
  if (b.num_ == 0) return a;
  std::int64_t difference;
  if (a.den_ == 1 && b.den_ == 1 &&
      !__builtin_sub_overflow(a.num_, b.num_, &difference)) {
    return Rational(difference);
  }
  const i128 num = i128(a.num_) * b.den_ - i128(b.num_) * a.den_;
  const i128 den = i128(a.den_) * b.den_;
  return Rational::of_reduced(reduce(num, den, [&] {
    return fmt::format("{} - {}", a.to_string(), b.to_string());
  }));
}

Rational operator*(const Rational& a, const Rational& b) {
  if (a.num_ == 0 || b.num_ == 0) return Rational();
  std::int64_t product;
  if (a.den_ == 1 && b.den_ == 1 && !__builtin_mul_overflow(a.num_, b.num_, &product)) {
    return Rational(product);
  }
  const i128 num = i128(a.num_) * b.num_;
  const i128 den = i128(a.den_) * b.den_;
  return Rational::of_reduced(reduce(num, den, [&] {
    return fmt::format("{} * {}", a.to_string(), b.to_string());
  }));
}

Rational operator/(const Rational& a, const Rational& b) {
  const i128 num = i128(a.num_) * b.den_;
  const i128 den = i128(a.den_) * b.num_;
  return Rational::of_reduced(reduce(num, den, [&] {
    return fmt::format("{} / {}", a.to_string(), b.to_string());
  }));
}

Rational Rational::operator-() const {
  return of_reduced(reduce(-i128(num_), den_,
                           [&] { return fmt::format("-({})", to_string()); }));
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  // Denominators are positive, so cross-multiplying keeps the order.
  const i128 lhs = i128(a.num_) * b.den_;
  const i128 rhs = i128(b.num_) * a.den_;
  return lhs <=> rhs;
}

std::optional<Decimal> Rational::to_decimal() const {
  if (Decimal::kOne % den_ != 0) return std::nullopt;
  const i128 units = i128(num_) * (Decimal::kOne / den_);
  if (!fits_int64(units)) throw_overflow(fmt::format("{}/{}", num_, den_));
  return Decimal::from_units(static_cast<std::int64_t>(units));
}

std::string Rational::to_string() const {
  // Never throws: used while reporting other errors.
  if (Decimal::kOne % den_ == 0) {
    const i128 units = i128(num_) * (Decimal::kOne / den_);
    return format_units(units < 0, magnitude(units), -1);
  }
  return fmt::format("{}/{}", num_, den_);
}

// --------------------------------------------------------------- round_to

Decimal round_to(const Rational& value, int precision, RoundingMode mode) {
  check_precision(precision);
  const std::int64_t scale = pow10(precision);
  // |value| × 10^precision = q + r/den, with 0 <= r < den.
  const u128 scaled = magnitude(value.num()) * static_cast<u128>(scale);
  const u128 den = static_cast<u128>(value.den());
  u128 q = scaled / den;
  const u128 r = scaled % den;
  const u128 twice_r = r * 2;  // r < den < 2^63: no overflow
  bool up = false;
  if (twice_r > den) {
    up = true;
  } else if (twice_r == den) {
    up = mode == RoundingMode::kHalfUp || q % 2 == 1;
  }
  if (up) ++q;
  // Back to millionths; q <= 2^63 × 10^6, so this fits u128.
  const u128 mag = q * static_cast<u128>(Decimal::kOne / scale);
  const bool negative = value.is_negative() && mag != 0;
  if (mag > static_cast<u128>(kInt64Max) + (negative ? 1 : 0)) {
    throw_overflow(trf("rounding {}", value.to_string())
);
  }
  const i128 units = negative ? -static_cast<i128>(mag) : static_cast<i128>(mag);
  return Decimal::from_units(static_cast<std::int64_t>(units));
}

}  // namespace kaohe
