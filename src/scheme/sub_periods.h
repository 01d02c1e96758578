// Sub-periods in one run (issue 16): a node with `periods: {per: year,
// combine: mean}` is scored once per year (half, quarter, month) of the
// scheme's period and the scores combined. The loader expands it: the node
// keeps its id, name, points, weight, applies_to and not_applicable and
// combines copies of its subtree, one per sub-period, ids suffixed with
// the sub-period's label (`p4@2024`, `p4_major@2024`). Event rows keep the
// ids as written and go to the copy whose sub-period holds their date;
// measure rows name the sub-period in a `period` column. DESIGN.md §2
// "Sub-periods" has the grammar and the decisions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheme/model.h"
#include "scheme/yaml_tree.h"

namespace kaohe {

// Reports a problem of the scheme at a position, with a hint.
using SchemeError = std::function<void(SourcePos, std::string, std::string)>;

// Reads the value of a node's `periods:` key: `per` (month, quarter, half
// or year) and `combine` (mean, sum, last or {weights: [25%, 75%]}, one
// weight per sub-period, adding up to 100%), cutting `period` into the
// sub-periods. nullopt after reporting what is wrong; a weights list that
// is wrong is reported and read as `mean`, so that the copies' weights
// raise no second error.
std::optional<SubPeriods> read_periods(const YamlNode& y, const std::optional<Period>& period,
                                       const std::string& node_id, const SchemeError& error);

// The id and name of a copy: "p4_major@2024", "重大恶性事件 (2024)".
std::string copy_id(const std::string& id, const std::string& label);
std::string copy_name(const std::string& name, const std::string& label);

// The weight of each copy in its periodic parent: equal shares for mean
// and last, the given weights for weights; none for sum.
std::vector<Rational> copy_weights(const SubPeriods& p);

// The sub-period (index into labels) holding `date`, or -1 when it lies
// outside the scheme's period.
int sub_period_of(const SubPeriods& p, Date date);
// The sub-period labelled `label`, or -1.
int find_label(const SubPeriods& p, std::string_view label);

// The periodic node above the copies of `id` (an id written inside a node
// with `periods:`), or -1 when `id` is no such id.
int periodic_of(const Scheme& scheme, const std::string& id);

// The hint for a reference (gate, tie-breaker, quota condition, seed slip)
// naming `id`, an id written inside a node with `periods:`: which ids name
// a sub-period's score, and which the combined one.
std::string copies_hint(const Scheme& scheme, const std::string& id);

}  // namespace kaohe
