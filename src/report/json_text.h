// JSON string quoting shared by the JSON renderers (results, diffs,
// explanations): UTF-8 passes through, quotes, backslashes and control
// characters are escaped.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

std::string json_quote(std::string_view s);

}  // namespace kaohe
