// Dates written back as text (Date::parse is inline in date.h).
#include "base/date.h"

#include <fmt/format.h>

#include <string>

namespace kaohe {

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace kaohe
