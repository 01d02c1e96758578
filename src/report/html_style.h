// The stylesheet and the script every HTML page of kaohe carries inline
// (issue 20: no network, no CDN, fonts from the system).
#pragma once

#include <string_view>

namespace kaohe {

// The page's CSS: screen, and an @media print part for A4 (filters and
// sort buttons hidden, a unit's waterfall kept on one page, colours kept).
std::string_view html_stylesheet();

// The page's script, vanilla JavaScript, run at the end of the body: marks
// <html class="js"> (which tests/report/browser_check.sh looks for), sorts
// the table #results by a clicked header (numbers as numbers; a second
// click reverses; ties keep rank order) and filters its rows by the
// <select data-filter="KEY"> elements: a row shows when, for each, the
// chosen value is "" (all) or equals the row's data-KEY. It does nothing
// on a page without #results, and never throws on one.
std::string_view html_script();

}  // namespace kaohe
