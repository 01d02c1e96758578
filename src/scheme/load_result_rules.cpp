// The loader's `result` rule (按…考核折算): a leaf converted from a node of
// another assessment's result — a saved `kaohe score -O json` file (`from`)
// or a scheme scored in the same run on its own data folder (`scheme`,
// `data`). Only the reference is read here; the pipeline opens the source
// (pipeline/result_sources.cpp), as files are read after the scheme.
#include <fmt/format.h>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {
namespace {

bool ends_with(const std::string& s, const char* tail) {
  const std::string t(tail);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

bool names_yaml(const std::string& s) { return ends_with(s, ".yaml") || ends_with(s, ".yml"); }

}  // namespace

void Loader::read_result_rule(const YamlNode& y, Rule& rule, const std::string& ctx) {
  check_keys(y, {"from", "scheme", "data", "node", "scale", "deduct", "missing"}, ctx);
  ResultSource src;
  src.pos = y.pos;
  src.node_pos = y.pos;
  const YamlNode* from = y.get("from");
  const YamlNode* scheme = y.get("scheme");
  const YamlNode* data = y.get("data");
  if (from != nullptr) {
    src.file_pos = from->pos;
    src.from = text(*from, "from");
    if (from->is_scalar() && src.from.empty()) {
      error(from->pos, tr("'from' names a saved result file"), "from: results/safety-2025.json");
    } else if (names_yaml(src.from)) {
      error(from->pos,
            trf("'from' names a saved result, but '{}' looks like a scheme",
                        src.from),
            tr("a scheme scored in the same run is written 'scheme: FILE' with its "
            "'data: FOLDER'; 'from' reads what 'kaohe score -O json' wrote"));
    }
  }
  if (scheme != nullptr) {
    src.file_pos = scheme->pos;
    src.scheme = text(*scheme, "scheme");
    if (scheme->is_scalar() && src.scheme.empty()) {
      error(scheme->pos, tr("'scheme' names a scheme file"), "scheme: safety.yaml");
    } else if (ends_with(src.scheme, ".json")) {
      error(scheme->pos,
            trf("'scheme' names a scheme, but '{}' looks like a saved result",
                        src.scheme),
            tr("a saved 'kaohe score -O json' result is written 'from: FILE'"));
    }
  }
  if (data != nullptr) {
    src.data_pos = data->pos;
    src.data = text(*data, "data");
  }
  if (from != nullptr && scheme != nullptr) {
    error(scheme->pos, tr("a result comes from one source: 'from' or 'scheme', not both"),
          tr("from: a saved result; scheme: with data: a scheme scored in this run"));
  } else if (from == nullptr && scheme == nullptr) {
    error(y.pos, tr("a result needs 'from' (a saved result) or 'scheme' (with 'data')"),
          trf("e.g. result: {{from: results/safety-2025.json, node: total}}"));
  } else if (scheme != nullptr && data == nullptr) {
    error(scheme->pos, tr("a scheme scored in the same run needs 'data', its data folder"),
          trf("e.g. result: {{scheme: safety.yaml, data: safety-2025}}"));
  } else if (from != nullptr && data != nullptr) {
    error(data->pos, tr("'data' goes with 'scheme': a saved result is scored already"),
          tr("remove 'data', or name the scheme with 'scheme:' instead of 'from:'"));
  } else if (data != nullptr && data->is_scalar() && src.data.empty()) {
    error(data->pos, tr("'data' names a data folder"), "data: safety-2025");
  }
  if (const YamlNode* v = y.get("node")) {
    src.node_pos = v->pos;
    src.node = text(*v, "node");
    if (v->is_scalar() && src.node.empty()) {
      error(v->pos, tr("'node' names a node of the source, or 'total'"),
            tr("node: total converts the source's printed total"));
    }
  }
  if (const YamlNode* v = y.get("scale")) {
    auto d = decimal(*v, "scale");
    if (d && *d <= Decimal()) {
      error(v->pos, tr("'scale' must be greater than 0"), "");
    } else if (d) {
      src.scale = *d;
    }
  }
  if (const YamlNode* v = y.get("deduct")) {
    src.deduct_pos = v->pos;
    auto d = non_negative(*v, "deduct");
    if (d && *d == Decimal()) {
      error(v->pos, tr("'deduct' must be greater than 0"), tr("e.g. deduct: 8 for 倒扣分8分"));
    } else if (d) {
      src.deduct = *d;
    }
  }
  if (const YamlNode* v = y.get("missing")) {
    if (auto p = missing_policy(*v, "missing")) rule.missing = *p;
  }
  rule.result = std::move(src);
}

void Loader::validate_result_leaf(const Node& n) {
  if (!n.rule.result) return;
  const ResultSource& src = *n.rule.result;
  if (src.deduct && n.points) {
    error(n.pos,
          trf("leaf '{}' (result) has both 'points' and 'deduct'", n.id),
          tr("points: the leaf scores points × score ÷ scale; deduct: it is an "
          "adjustment that deducts up to that much (倒扣分); keep one"));
  } else if (!src.deduct && !n.points && !points_failed_.count(index_of(n)) &&
             src.deduct_pos.line == 0) {
    error(n.pos, trf("leaf '{}' (result) needs 'points' or a 'deduct'", n.id),
          trf("points: 3 scores 3 × score ÷ scale (考核折算, 3分); result: {{…, deduct: 8}} "
          "deducts 8 × (scale − score) ÷ scale (倒扣分8分)"));
  }
  if (n.periodic >= 0) {
    error(src.pos,
          trf("leaf '{}' is scored per sub-period ('periods' of '{}'), and a "
                      "result is not: not supported yet", n.template_id,
                      scheme_.nodes[n.periodic].id),
          tr("a source's result covers its own period; put the leaf outside the node "
          "with 'periods'"));
  }
  // Chosen by a roster column, an alternative needs no rows: allowed.
  if (n.parent >= 0 && scheme_.nodes[n.parent].one_of &&
      scheme_.nodes[n.parent].one_of_column.empty()) {
    error(src.pos,
          trf("leaf '{}' is an alternative of '{}' (one_of: rows), but a result "
                      "has no rows to choose it by", n.id, scheme_.nodes[n.parent].id),
          tr("score the alternatives from measures or events, or take the result out "
          "of the one_of node"));
  }
}

}  // namespace kaohe::scheme_loading
