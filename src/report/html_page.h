// The frame of every HTML page kaohe writes (score, explain, diff): the
// document head with the inline stylesheet, a content security policy that
// forbids any network access, and the inline script at the end.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

// A complete HTML5 document titled `title` (plain text: escaped here)
// around `body` (HTML, the caller's: its input text already escaped).
// UTF-8, lang "zh-CN" (the names are Chinese), no external resource: the
// policy `default-src 'none'` lets only the inline style and script run,
// so a page that tried to load anything would log an error in a browser.
std::string html_page(std::string_view title, std::string_view body);

}  // namespace kaohe
