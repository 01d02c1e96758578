// Renders an Explanation as an indented text tree or as JSON.
#pragma once

#include <string>

#include "explain/explanation.h"
#include "report/output_format.h"

namespace kaohe {

std::string render_explanation(const Evaluation& ev, const Explanation& ex,
                               OutputFormat format);

}  // namespace kaohe
