// Unit tests for Decimal, Rational and round_to: parsing, formatting,
// exact arithmetic, both rounding modes and overflow checking.
#include "base/decimal.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace kaohe {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Decimal dec(std::string_view text) {
  std::optional<Decimal> d = Decimal::parse(text);
  REQUIRE_MESSAGE(d.has_value(), "cannot parse " << std::string(text));
  return *d;
}

std::string rounded(const Rational& r, int precision, RoundingMode mode) {
  return round_to(r, precision, mode).format(precision);
}

// Runs `f`, expecting a kaohe::Error with exit code 65 that mentions
// overflow.
template <typename F>
void check_overflow(F f) {
  try {
    f();
    FAIL("no overflow error");
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitDataErr);
    CHECK(std::string(e.what()).find("arithmetic overflow") !=
          std::string::npos);
  }
}

}  // namespace

TEST_CASE("Decimal::parse accepts plain decimals") {
  struct Case {
    const char* text;
    std::int64_t units;
  };
  const Case cases[] = {
      {"0", 0},
      {"-0", 0},
      {"0.0", 0},
      {"-0.000", 0},
      {"1", 1000000},
      {"12", 12000000},
      {"1000", 1000000000},
      {"-0.5", -500000},
      {"0.50", 500000},
      {"89.375", 89375000},
      {"-2.2", -2200000},
      {"0.000001", 1},
      {"123456.123456", 123456123456},
      {"9223372036854.775807", kMax},
      {"-9223372036854.775808", kMin},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::optional<Decimal> d = Decimal::parse(c.text);
    REQUIRE(d.has_value());
    CHECK(d->units() == c.units);
  }
}

TEST_CASE("Decimal::parse rejects everything else") {
  const char* const cases[] = {
      "",
      "+1",
      "1.",
      ".5",
      "-.5",
      "1e3",
      "1E3",
      "1,5",
      "1 000",
      "010",
      "00",
      "00.5",
      "-00.5",
      "-01",
      "50%",
      "  1",
      "1 ",
      "-",
      "--1",
      "−1",  // U+2212 MINUS SIGN
      "0x10",
      "1.2.3",
      "1_000",
      "1.-5",
      "inf",
      "nan",
      "١",  // U+0661 ARABIC-INDIC DIGIT ONE
      "1.1234567",
      "0.0000001",
      "9223372036854.775808",
      "-9223372036854.775809",
      "10000000000000",
      "99999999999999999999999",
  };
  for (const char* text : cases) {
    CAPTURE(text);
    CHECK_FALSE(Decimal::parse(text).has_value());
  }
}

TEST_CASE("Decimal::format prints exactly `precision` digits") {
  CHECK(dec("90").format(2) == "90.00");
  CHECK(dec("5").format(0) == "5");
  CHECK(dec("-2.2").format(2) == "-2.20");
  CHECK(dec("-2.2").format(1) == "-2.2");
  CHECK(dec("0").format(2) == "0.00");
  CHECK(dec("-0").format(2) == "0.00");
  CHECK(dec("0").format(0) == "0");
  CHECK(dec("0.05").format(2) == "0.05");
  CHECK(dec("-0.05").format(2) == "-0.05");
  CHECK(dec("89.375").format(6) == "89.375000");
  CHECK(Decimal::from_units(1).format(6) == "0.000001");
  CHECK(Decimal::from_units(-1).format(6) == "-0.000001");
  CHECK(Decimal::from_units(kMin).format(6) == "-9223372036854.775808");
  CHECK(Decimal::from_units(kMax).format(0) == "9223372036854");
}

TEST_CASE("Decimal::to_string is the shortest exact form") {
  CHECK(dec("60").to_string() == "60");
  CHECK(dec("0.5").to_string() == "0.5");
  CHECK(dec("0.50").to_string() == "0.5");
  CHECK(dec("-2.2").to_string() == "-2.2");
  CHECK(dec("89.375").to_string() == "89.375");
  CHECK(dec("0").to_string() == "0");
  CHECK(dec("-0.000001").to_string() == "-0.000001");
  CHECK(dec("1000").to_string() == "1000");
  CHECK(Decimal::from_units(kMin).to_string() == "-9223372036854.775808");
}

TEST_CASE("Decimal arithmetic: the SPEC case sums to exactly 90.00") {
  Decimal total = dec("95");
  total -= dec("0.2");
  total -= dec("0.2");
  total -= dec("0.2");
  total -= dec("2.2");
  total -= dec("2.2");
  CHECK(total == dec("90"));
  CHECK(total.units() == 90 * Decimal::kOne);
  CHECK(total.format(2) == "90.00");
  // The same through times(): 95 − 0.2 × 3 − 2.2 × 2.
  CHECK(dec("95") - dec("0.2").times(3) - dec("2.2").times(2) == dec("90"));
}

TEST_CASE("Decimal arithmetic and comparison") {
  CHECK(dec("0.1") + dec("0.2") == dec("0.3"));
  CHECK(dec("1") - dec("1.5") == dec("-0.5"));
  CHECK(-dec("2.5") == dec("-2.5"));
  CHECK(-dec("0") == dec("0"));
  CHECK(dec("0.333").times(15) == dec("4.995"));
  CHECK(dec("-1.5").times(-2) == dec("3"));
  CHECK(dec("7").times(0) == dec("0"));
  CHECK(Decimal::from_int(42) == dec("42"));
  CHECK(Decimal::from_int(-3) == dec("-3"));
  CHECK(dec("1.5") < dec("2"));
  CHECK(dec("-2") < dec("-1.5"));
  CHECK(dec("3").is_integer());
  CHECK(dec("-3").is_integer());
  CHECK_FALSE(dec("3.1").is_integer());
  Decimal d = dec("1");
  d += dec("0.25");
  CHECK(d == dec("1.25"));
}

TEST_CASE("Decimal overflow throws kaohe::Error") {
  const Decimal max = Decimal::from_units(kMax);
  const Decimal min = Decimal::from_units(kMin);
  check_overflow([&] { (void)(max + Decimal::from_units(1)); });
  check_overflow([&] { (void)(min - Decimal::from_units(1)); });
  check_overflow([&] { (void)(-min); });
  check_overflow([&] { (void)dec("5000000000000").times(2); });
  check_overflow([&] { (void)max.times(-2); });
  check_overflow([] { (void)Decimal::from_int(10000000000000); });
  CHECK_THROWS_AS((void)(max + max), Error);
  // Right at the edge is fine.
  CHECK((max - max) == Decimal());
  CHECK((-max).units() == -kMax);
}

TEST_CASE("Rational is reduced with a positive denominator") {
  const Rational half = Rational::fraction(2, 4);
  CHECK(half.num() == 1);
  CHECK(half.den() == 2);
  const Rational neg = Rational::fraction(2, -4);
  CHECK(neg.num() == -1);
  CHECK(neg.den() == 2);
  CHECK(Rational::fraction(-3, -9) == Rational::fraction(1, 3));
  const Rational zero = Rational::fraction(0, -7);
  CHECK(zero.num() == 0);
  CHECK(zero.den() == 1);
  CHECK(zero.is_zero());
  CHECK(neg.is_negative());
  CHECK(Rational(5).den() == 1);
  const Rational from_dec = Rational(dec("0.25"));
  CHECK(from_dec.num() == 1);
  CHECK(from_dec.den() == 4);
  CHECK(Rational(dec("-89.375")) == Rational::fraction(-715, 8));
  CHECK(Rational() == Rational(0));
}

TEST_CASE("Rational arithmetic is exact") {
  const Rational third = Rational::fraction(1, 3);
  const Rational sixth = Rational::fraction(1, 6);
  CHECK(third + sixth == Rational::fraction(1, 2));
  CHECK(third - sixth == sixth);
  CHECK(sixth - third == -sixth);
  CHECK(Rational::fraction(2, 3) * Rational::fraction(3, 4) ==
        Rational::fraction(1, 2));
  CHECK(Rational::fraction(1, 2) / Rational::fraction(1, 4) == Rational(2));
  CHECK(Rational(1) / Rational(-3) == Rational::fraction(-1, 3));
  CHECK(third + third + third == Rational(1));
  Rational acc;
  for (int i = 0; i < 10; ++i) acc += Rational(dec("0.1"));
  CHECK(acc == Rational(1));
  CHECK(Rational(dec("0.333")) * Rational(15) == Rational(dec("4.995")));
  // 3780/52 reduces to 945/13.
  const Rational r = Rational(3780) / Rational(52);
  CHECK(r.num() == 945);
  CHECK(r.den() == 13);
  // Large but representable intermediates go through 128 bits.
  const Rational big = Rational::fraction(kMax, 3);
  CHECK(big * Rational::fraction(3, kMax) == Rational(1));
  CHECK(big / big == Rational(1));
}

TEST_CASE("Rational shortcuts agree with the general reduction") {
  // From a Decimal: no gcd loop (10^6 = 2^6·5^6), same fraction.
  std::mt19937_64 rng(11);
  std::vector<std::int64_t> units = {0, 1, -1, 5, 64, 15625, 1000000, -1000000,
                                     2000000, 500000, 3125, -640000, kMax, kMin,
                                     kMin + 1, 1000000LL * 1000000LL};
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t scale[] = {1, 10, 1000, 1000000, 1LL << 40};
    units.push_back(static_cast<std::int64_t>(rng() % 2000001) - 1000000);
    units.back() *= scale[rng() % 5];
  }
  for (std::int64_t u : units) {
    CAPTURE(u);
    const Rational r(Decimal::from_units(u));
    const Rational f = Rational::fraction(u, Decimal::kOne);
    CHECK(r.num() == f.num());
    CHECK(r.den() == f.den());
  }
  // Sums, differences and products with zeros and whole numbers.
  const std::vector<Rational> values = {Rational(), Rational(1), Rational(-7), Rational(30),
                                        Rational::fraction(1, 2), Rational::fraction(-5, 3),
                                        Rational(dec("0.25")), Rational(100000)};
  for (const Rational& a : values) {
    for (const Rational& b : values) {
      CAPTURE(a.to_string());
      CAPTURE(b.to_string());
      CHECK(a + b == Rational::fraction(a.num() * b.den() + b.num() * a.den(), a.den() * b.den()));
      CHECK(a - b == Rational::fraction(a.num() * b.den() - b.num() * a.den(), a.den() * b.den()));
      CHECK(a * b == Rational::fraction(a.num() * b.num(), a.den() * b.den()));
    }
  }
  CHECK((Rational(kMax) + Rational()).num() == kMax);
  CHECK((Rational() * Rational(kMax)).is_zero());
}

TEST_CASE("Rational comparison") {
  const Rational third = Rational::fraction(1, 3);
  CHECK(third < Rational(dec("0.34")));
  CHECK(third > Rational(dec("0.333")));
  CHECK(Rational::fraction(-1, 2) < Rational::fraction(-1, 3));
  CHECK(Rational::fraction(2, 6) == third);
  CHECK(Rational::fraction(2, 6) <= third);
  CHECK(third != Rational::fraction(1, 4));
  CHECK((Rational(kMax) <=> Rational::fraction(kMax - 1, 1)) ==
        std::strong_ordering::greater);
  CHECK((Rational::fraction(kMax, kMax - 1) <=>
         Rational::fraction(kMax - 1, kMax - 2)) == std::strong_ordering::less);
}

TEST_CASE("Rational::to_decimal and to_string") {
  CHECK(Rational::fraction(1, 8).to_decimal() == dec("0.125"));
  CHECK(Rational::fraction(-3, 4).to_decimal() == dec("-0.75"));
  CHECK(Rational::fraction(1, 1000000).to_decimal() == dec("0.000001"));
  CHECK(Rational(90).to_decimal() == dec("90"));
  CHECK_FALSE(Rational::fraction(1, 3).to_decimal().has_value());
  CHECK_FALSE(Rational::fraction(1, 2000000).to_decimal().has_value());
  CHECK(Rational::fraction(1, 8).to_string() == "0.125");
  CHECK(Rational::fraction(-1, 2).to_string() == "-0.5");
  CHECK(Rational(60).to_string() == "60");
  CHECK(Rational(0).to_string() == "0");
  CHECK((Rational(3780) / Rational(52)).to_string() == "945/13");
  CHECK(Rational::fraction(-1, 3).to_string() == "-1/3");
  // to_string never throws, even where to_decimal overflows.
  CHECK(Rational(kMax).to_string() == "9223372036854775807");
  check_overflow([] { (void)Rational(kMax).to_decimal(); });
}

TEST_CASE("Rational overflow and division by zero throw kaohe::Error") {
  check_overflow([] { (void)(Rational(kMax) * Rational(2)); });
  check_overflow([] { (void)(Rational(kMax) + Rational(1)); });
  check_overflow([] { (void)(Rational(kMin) - Rational(1)); });
  check_overflow([] { (void)(-Rational(kMin)); });
  check_overflow([] { (void)Rational::fraction(kMin, -1); });
  check_overflow([] { (void)Rational::fraction(1, kMin); });
  check_overflow([] {
    (void)(Rational::fraction(1, kMax) * Rational::fraction(1, kMax - 1));
  });
  CHECK_THROWS_AS((void)Rational::fraction(1, 0), Error);
  CHECK_THROWS_AS((void)(Rational(1) / Rational(0)), Error);
  // The edge of the range is fine.
  CHECK(Rational::fraction(kMin, 1).num() == kMin);
  CHECK((Rational(kMax) - Rational(kMax)).is_zero());
}

TEST_CASE("round_to half-up: halves away from zero") {
  const RoundingMode m = RoundingMode::kHalfUp;
  CHECK(rounded(Rational(3780) / Rational(52), 2, m) == "72.69");
  CHECK(rounded(Rational(dec("89.375")), 2, m) == "89.38");
  CHECK(rounded(Rational(dec("0.125")), 2, m) == "0.13");
  CHECK(rounded(Rational(dec("-0.125")), 2, m) == "-0.13");
  CHECK(rounded(Rational(dec("2.345")), 2, m) == "2.35");
  CHECK(rounded(Rational(dec("-2.345")), 2, m) == "-2.35");
  CHECK(rounded(Rational(dec("2.5")), 0, m) == "3");
  CHECK(rounded(Rational(dec("-2.5")), 0, m) == "-3");
  CHECK(rounded(Rational(dec("2.4999")), 0, m) == "2");
  CHECK(rounded(Rational::fraction(2, 3), 6, m) == "0.666667");
  CHECK(rounded(Rational::fraction(-2, 3), 3, m) == "-0.667");
  CHECK(rounded(Rational::fraction(1, 3), 0, m) == "0");
  // 15 × 0.333 = 4.995 exactly, which rounds up to 5.00.
  CHECK(rounded(Rational(dec("0.333")) * Rational(15), 2, m) == "5.00");
}

TEST_CASE("round_to half-even: ties to the even digit") {
  const RoundingMode m = RoundingMode::kHalfEven;
  CHECK(rounded(Rational(3780) / Rational(52), 2, m) == "72.69");
  CHECK(rounded(Rational(dec("89.375")), 2, m) == "89.38");
  CHECK(rounded(Rational(dec("0.125")), 2, m) == "0.12");
  CHECK(rounded(Rational(dec("-0.125")), 2, m) == "-0.12");
  CHECK(rounded(Rational(dec("0.135")), 2, m) == "0.14");
  CHECK(rounded(Rational(dec("2.345")), 2, m) == "2.34");
  CHECK(rounded(Rational(dec("-2.345")), 2, m) == "-2.34");
  CHECK(rounded(Rational(dec("-2.355")), 2, m) == "-2.36");
  CHECK(rounded(Rational(dec("2.5")), 0, m) == "2");
  CHECK(rounded(Rational(dec("3.5")), 0, m) == "4");
  CHECK(rounded(Rational(dec("-2.5")), 0, m) == "-2");
  CHECK(rounded(Rational(dec("0.5")), 0, m) == "0");
  // Not a tie: just above half rounds up even towards an odd digit.
  CHECK(rounded(Rational(dec("2.500001")), 0, m) == "3");
  CHECK(rounded(Rational(dec("0.1251")), 2, m) == "0.13");
  CHECK(rounded(Rational(dec("0.333")) * Rational(15), 2, m) == "5.00");
  CHECK(rounded(Rational::fraction(2, 3), 6, m) == "0.666667");
}

TEST_CASE("round_to never yields negative zero") {
  for (RoundingMode m : {RoundingMode::kHalfUp, RoundingMode::kHalfEven}) {
    const Decimal d = round_to(Rational(dec("-0.004")), 2, m);
    CHECK(d.units() == 0);
    CHECK(d.format(2) == "0.00");
    CHECK(round_to(Rational(dec("-0.4")), 0, m).format(0) == "0");
    CHECK(round_to(Rational::fraction(-1, 3), 0, m).units() == 0);
  }
  CHECK(round_to(Rational(dec("-0.5")), 0, RoundingMode::kHalfEven).units() ==
        0);
  CHECK(round_to(Rational(dec("-0.5")), 0, RoundingMode::kHalfUp) ==
        dec("-1"));
}

TEST_CASE("round_to at full precision and at the edges of the range") {
  const RoundingMode m = RoundingMode::kHalfUp;
  CHECK(round_to(Rational(dec("89.375")), 6, m) == dec("89.375"));
  CHECK(round_to(Rational(dec("-1.000001")), 6, m) == dec("-1.000001"));
  CHECK(round_to(Rational(dec("-1.000001")), 5, m) == dec("-1"));
  CHECK(round_to(Rational::fraction(1, 2000000), 6, m) == dec("0.000001"));
  CHECK(round_to(Rational::fraction(1, 2000000), 6, RoundingMode::kHalfEven) ==
        dec("0"));
  CHECK(round_to(Rational(Decimal::from_units(kMin)), 6, m).units() == kMin);
  // Rounding up past the largest Decimal overflows.
  check_overflow([] {
    (void)round_to(Rational(Decimal::from_units(kMax)), 0, RoundingMode::kHalfUp);
  });
  // An integer too large for a Decimal.
  check_overflow([] { (void)round_to(Rational(kMax), 2, RoundingMode::kHalfUp); });
  CHECK_THROWS_AS((void)round_to(Rational(1), 7, m), Error);
  CHECK_THROWS_AS((void)round_to(Rational(1), -1, m), Error);
}

}  // namespace kaohe
