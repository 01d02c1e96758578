// Findings about a scheme that loads but may not say what its authors
// meant (SPEC §5 check): children's points against the parent's, declared
// category full marks against the items that apply, gates that always
// fire, grades no unit can reach, quotas drawing from their own grade,
// score sheets whose groups or min_sheets cannot do what they say,
// tie-breakers that never decide. `kaohe check` reports them; `score` does
// not.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "scheme/model.h"

namespace kaohe {

// Every finding, in the order of the scheme's lines.
std::vector<Diagnostic> lint_scheme(const Scheme& scheme);

}  // namespace kaohe
