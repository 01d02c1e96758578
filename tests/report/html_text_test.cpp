// Unit tests for html_escape (report/html_text.h): markup, quotes and
// ampersands from the inputs become entities, control and bidi characters
// are shown, CJK passes unchanged.
#include "report/html_text.h"

#include <doctest/doctest.h>

namespace kaohe {

TEST_CASE("html_escape turns markup into text") {
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("\"&'") == "&quot;&amp;&#39;");
  CHECK(html_escape("a=\"x\" onload='y'") == "a=&quot;x&quot; onload=&#39;y&#39;");
  // An entity in the input is shown as written, not decoded.
  CHECK(html_escape("&lt;b&gt;") == "&amp;lt;b&amp;gt;");
}

TEST_CASE("html_escape keeps CJK and plain text byte for byte") {
  CHECK(html_escape("西村党支部 V2 93.75") == "西村党支部 V2 93.75");
  CHECK(html_escape("") == "");
  CHECK(html_escape("述职评议<80") == "述职评议&lt;80");
}

TEST_CASE("html_escape shows control and bidi characters instead of passing them") {
  CHECK(html_escape("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(html_escape("evil\u202Etxt.exe") == "evil\\u{202e}txt.exe");
  CHECK(html_escape("tab\there") == "tab\\x09here");
  CHECK(html_escape(std::string_view("nul\0x", 5)) == "nul\\x00x");
}

}  // namespace kaohe
