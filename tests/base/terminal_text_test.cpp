// Unit tests of terminal_safe: control and bidi characters from the inputs
// are shown escaped, everything else (Chinese text, backslashes) as it is.
#include <doctest/doctest.h>

#include "base/terminal_text.h"

namespace kaohe {
namespace {

TEST_CASE("terminal_safe leaves ordinary text alone") {
  CHECK(terminal_safe("东村党支部 V1 a\\b 89.38") == "东村党支部 V1 a\\b 89.38");
  CHECK_FALSE(needs_terminal_escape("东村党支部"));
  CHECK(terminal_safe("") == "");
}

TEST_CASE("terminal_safe escapes every C0 control, DEL and C1 control") {
  CHECK(terminal_safe("\x1b[2J") == "\\x1b[2J");          // clear screen
  CHECK(terminal_safe("a\rb") == "a\\x0db");                // carriage return
  CHECK(terminal_safe("a\bb") == "a\\x08b");                // backspace
  CHECK(terminal_safe("a\tb") == "a\\x09b");                // tab breaks alignment
  CHECK(terminal_safe("a\nb") == "a\\x0ab");
  CHECK(terminal_safe(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(terminal_safe("\x7f") == "\\x7f");
  CHECK(terminal_safe("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");  // OSC title
  CHECK(terminal_safe("\xc2\x9b" "2J") == "\\u{009b}2J");  // C1 CSI
  CHECK(terminal_safe("\xc2\x85") == "\\u{0085}");
  CHECK(terminal_safe("\xc2\xa0") == "\xc2\xa0");            // NBSP is not C1
}

TEST_CASE("terminal_safe escapes bidi controls that reorder a line") {
  CHECK(terminal_safe("\xe2\x80\xae" "1 knar") == "\\u{202e}1 knar");  // RLO
  CHECK(terminal_safe("\xe2\x80\xaa") == "\\u{202a}");
  CHECK(terminal_safe("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u{2066}x\\u{2069}");
  CHECK(terminal_safe("\xe2\x80\x8e\xe2\x80\x8f") == "\\u{200e}\\u{200f}");
  CHECK(terminal_safe("\xd8\x9c") == "\\u{061c}");
  CHECK(terminal_safe("\xe2\x80\x94") == "\xe2\x80\x94");    // an em dash stays
  CHECK(terminal_safe("\xe2\x80\xa6") == "\xe2\x80\xa6");    // so does …
}

TEST_CASE("terminal_safe keeps a cut-off sequence at the end as it is") {
  CHECK(terminal_safe("a\xe2\x80") == "a\xe2\x80");
  CHECK(terminal_safe("a\xc2") == "a\xc2");
}

}  // namespace
}  // namespace kaohe
