// The `result` leaf: a source's printed score converted to the leaf's points.
#include "scoring/result_leaf.h"
#include "base/messages.h"

#include <fmt/format.h>

namespace kaohe {

Rational convert_result(const Node& node, Decimal score, Decimal scale) {
  const ResultSource& src = *node.rule.result;
  const Rational s(score), full(scale);
  if (src.deduct) return -(Rational(*src.deduct) * (full - s) / full);
  return Rational(node.points.value_or(Decimal())) * s / full;
}

LeafOutcome score_result_leaf(const Node& node, const ResultLeafSource* source, int unit) {
  LeafOutcome out;
  if (source == nullptr) {
    out.error = trf("the source of item \"{}\" ({}) was not read", node.id, node.name);
    return out;
  }
  if (source->failed) return out;  // reported at the scheme's line already
  const SourceScore& s = source->units[static_cast<std::size_t>(unit)];
  // Where the score was read, for messages only (not made per unit).
  auto where = [&]() {
    return source->node == "total" ? fmt::format("the total of {}", source->file)
                                   : fmt::format("\"{}\" of {}", source->node, source->file);
  };
  // The same in the message language (where() goes into explain: data).
  auto where_message = [&]() {
    return source->node == "total" ? trf("the total of {}", source->file)
                                   : trf("\"{}\" of {}", source->node, source->file);
  };
  switch (s.state) {
    case SourceScore::State::kNotApplicable:
      out.applicable = false;
      out.default_used = fmt::format("{} does not apply to the unit: does not apply", where());
      return out;
    case SourceScore::State::kMissing:
      switch (node.rule.missing) {
        case MissingPolicy::kError:
          out.error = trf("not in the result of {} (item \"{}\", {})", source->file, node.id,
                          node.name);
          out.hint = tr("score the unit in that assessment, or declare 'missing: "
                        "na|zero|full' in the item's result");
          return out;
        case MissingPolicy::kNotApplicable:
          out.applicable = false;
          out.default_used = fmt::format("not in the result of {}: does not apply (na)",
                                         source->file);
          return out;
        case MissingPolicy::kZero:
          out.value = convert_result(node, Decimal(), source->scale);
          out.default_used = fmt::format("not in the result of {}: read as 0 (zero)",
                                         source->file);
          return out;
        case MissingPolicy::kFull:
          out.value = convert_result(node, source->scale, source->scale);
          out.default_used = fmt::format("not in the result of {}: read as {}, full marks "
                                         "(full)", source->file, source->scale.to_string());
          return out;
      }
      return out;
    case SourceScore::State::kScored:
      break;
  }
  if (s.score < Decimal() || source->scale < s.score) {
    out.error = trf("scores {} in {}, outside 0..{} (item \"{}\", {})", s.score.to_string(),
                    where_message(), source->scale.to_string(), node.id, node.name);
    out.hint = tr("give the item's result the source's full marks as 'scale'");

    return out;
  }
  out.value = convert_result(node, s.score, source->scale);
  return out;
}

}  // namespace kaohe
