// Whether the terminal table is coloured: decided here, from the command
// line, the environment and the terminal, and handed to the renderer as a
// plain bool (renderers never look at the terminal).
#pragma once

#include <string>

namespace kaohe {

// `mode` "always": colour; "never": none; "auto": colour only when standard
// output is a terminal, the output is not a file (`output` is "-"), and
// NO_COLOR is unset or empty (https://no-color.org: any non-empty value
// turns colour off).
bool use_color(const std::string& mode, const std::string& output);

}  // namespace kaohe
