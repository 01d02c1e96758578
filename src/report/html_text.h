// Text from the inputs made safe inside an HTML page (issue 20): a unit
// named <script>alert(1)</script> is shown as those characters, never run.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

// `text` for an HTML text node or a quoted attribute value: & < > " '
// become &amp; &lt; &gt; &quot; &#39;, and every control or bidi
// character is first written visibly as terminal_safe writes it (`\x1b`,
// `\u{202e}`), so that no input can reorder or hide what the page shows.
// Everything else, CJK included, is kept byte for byte.
std::string html_escape(std::string_view text);

}  // namespace kaohe
