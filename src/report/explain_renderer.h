// Renders an Explanation as an indented text tree, CSV/TSV or JSON; and
// the two number forms every human view of an explanation shares (the
// text tree and the HTML page, report/html_renderer.h).
#pragma once

#include <optional>
#include <string>

#include "explain/explanation.h"
#include "report/output_format.h"

namespace kaohe {

std::string render_explanation(const Evaluation& ev, const Explanation& ex,
                               OutputFormat format);

// An effect for people: to the scheme's `precision`, with its sign ("+2",
// "-0.6", "0"); a value with more decimals than that is shown rounded
// (the scheme-independent half-up of explain) and marked ≈ ("≈-0.33").
std::string readable_effect(const Rational& r, int precision);

// The effect of line `l` on its part's own scale: its effect on the total
// divided by what one point of `part` is worth there. nullopt without an
// effect, at the root (`part` null), or when the part counts for nothing.
std::optional<Rational> on_part(const ExplainLine& l, const ExplainNode* part);

}  // namespace kaohe
