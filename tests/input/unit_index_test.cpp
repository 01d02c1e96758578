// Unit tests of UnitIndex: the id lookup of the event and measure readers
// must agree with Roster::find for every id, held in a slot or not.
#include "input/unit_index.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

TEST_CASE("UnitIndex finds exactly what Roster::find finds") {
  std::vector<test::UnitSpec> units;
  std::vector<std::string> probes;
  // Ids of every length from 1 to 24 bytes (11 is the longest a slot
  // holds), sharing prefixes, with their near misses as probes.
  for (int len = 1; len <= 24; ++len) {
    for (char last : {'a', 'b', 'z'}) {
      std::string id(static_cast<std::size_t>(len - 1), 'x');
      id += last;
      units.push_back({id});
      probes.push_back(id);
      probes.push_back(id + "x");
      probes.push_back(id.substr(0, id.size() - 1) + 'c');
    }
  }
  for (int i = 0; i < 2000; ++i) units.push_back({"W" + std::to_string(100000 + i)});
  units.push_back({"一村"});
  for (int i = 0; i < 2100; i += 7) probes.push_back("W" + std::to_string(100000 + i));
  for (const char* p : {"", "一", "一村", "一村 ", "W", "w100001", "W1000000"}) probes.push_back(p);
  const Roster roster = test::roster_of(units);
  const UnitIndex index(roster);
  int found = 0;
  for (const std::string& p : probes) {
    CAPTURE(p);
    CHECK(index.find(p) == roster.find(p));
    CHECK(index.find(p, index.home(p)) == roster.find(p));
    if (roster.find(p) >= 0) ++found;
  }
  CHECK(found > 300);
  for (int u = 0; u < roster.size(); ++u) CHECK(index.find(roster.units[u].id) == u);
}

TEST_CASE("UnitIndex of an empty roster finds nothing") {
  const Roster roster = test::roster_of({});
  const UnitIndex index(roster);
  CHECK(index.find("U1") == -1);
  CHECK(index.find("") == -1);
}

}  // namespace
}  // namespace kaohe
