// Exact decimal arithmetic for scores: a fixed-point Decimal for values
// read from input and printed, a Rational for exact intermediate results
// (votes, weights, ratios), and the one rounding function that turns a
// Rational into a printed Decimal (SPEC §4). No binary floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>

namespace kaohe {

// A decimal with exactly six fractional digits, stored as an integer count
// of millionths. Arithmetic is checked: overflow throws kaohe::Error.
class Decimal {
 public:
  static constexpr int kMaxScale = 6;
  static constexpr std::int64_t kOne = 1000000;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t units) {
    Decimal d;
    d.units_ = units;
    return d;
  }
  static Decimal from_int(std::int64_t whole);

  // Parses a plain decimal: optional '-', digits, optional '.' and at most
  // six digits ("12", "-0.5", "89.375"). No '+', exponent, spaces,
  // thousands separators or percent sign; a leading zero only before '.'
  // ("010" is rejected, so YAML's octal trap cannot bite). Locale-free.
  static std::optional<Decimal> parse(std::string_view text);

  std::int64_t units() const { return units_; }
  bool is_integer() const { return units_ % kOne == 0; }

  // Prints exactly `precision` fractional digits (0..6), '.' as the point,
  // never "-0.00". Precondition: the value has no non-zero digits beyond
  // `precision` (round first; see round_to).
  std::string format(int precision) const;
  // Shortest exact form: "60", "0.5", "89.375".
  std::string to_string() const;

  Decimal operator-() const;
  friend Decimal operator+(Decimal a, Decimal b);
  friend Decimal operator-(Decimal a, Decimal b);
  Decimal& operator+=(Decimal b) { return *this = *this + b; }
  Decimal& operator-=(Decimal b) { return *this = *this - b; }
  // Multiplies by an integer count (amount × count).
  Decimal times(std::int64_t n) const;

  friend auto operator<=>(const Decimal&, const Decimal&) = default;

 private:
  std::int64_t units_ = 0;
};

// An exact fraction num/den with den > 0, always in lowest terms. Checked:
// overflow throws kaohe::Error.
class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t whole) : num_(whole), den_(1) {}  // NOLINT: implicit
  Rational(Decimal d);                                     // NOLINT: implicit
  static Rational fraction(std::int64_t num, std::int64_t den);

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  // Precondition: b is not zero.
  friend Rational operator/(const Rational& a, const Rational& b);
  Rational operator-() const;
  Rational& operator+=(const Rational& b) { return *this = *this + b; }

  friend bool operator==(const Rational& a, const Rational& b) = default;
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

  // Exact decimal form when the fraction terminates within six digits.
  std::optional<Decimal> to_decimal() const;
  // For diagnostics and explain: "3780/52" style when not a short decimal.
  std::string to_string() const;

 private:
  // num/den already in lowest terms, den > 0 (not checked).
  static Rational of_reduced(std::pair<std::int64_t, std::int64_t> reduced) {
    Rational r;
    r.num_ = reduced.first;
    r.den_ = reduced.second;
    return r;
  }
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

enum class RoundingMode {
  kHalfUp,    // 四舍五入: halves away from zero
  kHalfEven,  // GB/T 8170 四舍六入五成双
};

// The one rounding of SPEC §4: rounds an exact value to `precision`
// fractional digits (0..6). Never yields negative zero.
Decimal round_to(const Rational& value, int precision, RoundingMode mode);

}  // namespace kaohe
