// Reading the sources of `result` leaves: saved results through diff's
// reader (the one reader of `-O json`), schemes through evaluate(); both
// end as a Snapshot, whose printed scores the leaves convert.
#include "pipeline/result_sources.h"

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "base/messages.h"
#include "diff/result_reader.h"
#include "diff/snapshot.h"
#include "io/file_io.h"
#include "pipeline/evaluation.h"
#include "scheme/scheme_entries.h"
#include "scheme/scheme_loader.h"
#include "scheme/yaml_tree.h"

namespace kaohe {
namespace {

// `name` as the scheme writes it, relative to the scheme's folder, with
// `dir/..` taken out (schemes/../examples/x is examples/x).
std::string beside(const Scheme& scheme, const std::string& name) {
  const std::size_t slash = scheme.file.rfind('/');
  if (name.empty() || name.front() == '/' || slash == std::string::npos) return name;
  return std::filesystem::path(scheme.file.substr(0, slash + 1) + name)
      .lexically_normal()
      .string();
}

// The canonical path of an existing file, or "" when there is none.
std::string canonical(const std::string& path) {
  char buf[PATH_MAX];
  if (path == "-" || ::realpath(path.c_str(), buf) == nullptr) return {};
  return buf;
}

Diagnostic at(const Scheme& scheme, SourcePos pos, std::string message, std::string hint) {
  return Diagnostic{scheme.file, pos.line, pos.col, Severity::kError, std::move(message),
                    pos.line > 0 ? line_of(scheme.text, pos.line) : std::string(),
                    std::move(hint)};
}

// What a source offers a leaf: its node ids, names and points, and
// what its total is out of when normalised.
struct SourceShape {
  std::vector<std::string> ids, names;
  std::vector<std::optional<Decimal>> points;
  std::optional<Decimal> normalised_to;  // the total's full marks when normalised
};

// What a normalised total is out of, from the scheme's entries (as JSON
// writes them): the `normalise` setting where a kaohe writes one, else
// 100 when categories are declared (按百分制折算); nullopt: not normalised.
std::optional<Decimal> normalised_total(const std::vector<SchemeEntry>& entries) {
  bool setting = false, categories = false;
  std::optional<Decimal> to;
  for (const SchemeEntry& e : entries) {
    if (e.section == "category") categories = true;
    if (e.section != "normalise") continue;
    setting = true;
    if (!e.fields.empty() && e.fields.front().value) {
      to = Decimal::parse(*e.fields.front().value);
    }
  }
  if (setting) return to;
  if (categories) return Decimal::from_int(100);
  return std::nullopt;
}

SourceShape shape_of(const Scheme& s) {
  SourceShape shape;
  for (const Node& n : s.nodes) {
    shape.ids.push_back(n.id);
    shape.names.push_back(n.name);
    shape.points.push_back(n.points);
  }
  shape.normalised_to = normalised_total(scheme_entries(s));
  return shape;
}

SourceShape shape_of(const Snapshot& snap) {
  SourceShape shape;
  std::unordered_map<std::string, std::optional<Decimal>> points;
  shape.normalised_to = normalised_total(snap.scheme);
  for (const SchemeEntry& e : snap.scheme) {
    if (e.section != "node") continue;
    const SchemeField* f = e.field("points");
    if (f && f->value) points[e.id] = Decimal::parse(*f->value);
  }
  for (const SnapshotNode& n : snap.nodes) {
    shape.ids.push_back(n.id);
    shape.names.push_back(n.name);
    auto it = points.find(n.id);
    shape.points.push_back(it == points.end() ? std::nullopt : it->second);
  }
  return shape;
}

// The node a leaf reads (-1: the total) and the scale of its score, or
// nullopt after reporting an unknown node or an unknown scale.
struct Resolved {
  int node = -1;
  Decimal scale;
};

std::optional<Resolved> resolve(const Scheme& scheme, const Node& leaf,
                                const SourceShape& shape, const std::string& file,
                                std::vector<Diagnostic>& out) {
  const ResultSource& src = *leaf.rule.result;
  Resolved r;
  if (src.node != "total") {
    for (std::size_t i = 0; i < shape.ids.size(); ++i) {
      if (shape.ids[i] == src.node) r.node = static_cast<int>(i);
    }
    if (r.node < 0) {
      std::vector<std::string> names = shape.ids;
      names.push_back("total");
      std::string hint = did_you_mean(src.node, names);
      if (hint.empty()) hint = tr("name a node id of that scheme, or 'total'");
      out.push_back(at(scheme, src.node_pos,
                       trf("the result of {} has no node '{}'", file, src.node),
                       hint));
      return std::nullopt;
    }
  }
  // The source's own full marks of the node: 100 for a normalised total.
  std::optional<Decimal> full;
  const std::size_t i = r.node < 0 ? 0 : static_cast<std::size_t>(r.node);
  if (r.node < 0 && shape.normalised_to) {
    full = *shape.normalised_to;
  } else if (i < shape.points.size() && shape.points[i] && Decimal() < *shape.points[i]) {
    full = *shape.points[i];
  }
  if (src.scale) {
    r.scale = *src.scale;
    if (full && *full != *src.scale) {
      // A check finding (silent on score): a scale other than the source's
      // full marks either lets a unit score outside 0..scale or keeps full
      // marks there from reaching the item's.
      Diagnostic d = at(scheme, src.pos,
                        trf("'scale' {} of item \"{}\" is not the full marks of {} in "
                                    "{} ({})", src.scale->to_string(), leaf.id,
                                    r.node < 0 ? std::string(tr("the total"))
                                               : fmt::format("'{}'", src.node),
                                    file, full->to_string()),
                        *full < *src.scale
                            ? tr("a unit at full marks there cannot reach the item's; drop "
                                 "'scale' to read the score on the source's own full marks")
                            : tr("a unit scoring above the scale there cannot be converted; "
                                 "drop 'scale' to read the score on the source's own full "
                                 "marks"));
      d.severity = Severity::kWarning;
      out.push_back(std::move(d));
    }
    return r;
  }
  if (full) {
    r.scale = *full;
    return r;
  }
  out.push_back(at(scheme, src.pos,
                   trf("the result of {} does not say the full marks of {}", file,
                               r.node < 0 ? std::string(tr("its total"))
                                          : fmt::format("'{}'", src.node)),
                   tr("give 'scale', the full marks the source's score is read on "
                      "(an adjustment, or a result saved without its scheme, has none)")));
  return std::nullopt;
}

// One source, read once per run whatever number of leaves name it.
struct Loaded {
  bool ok = false;
  Snapshot snap;
  SourceShape shape;
};

// Adds the problems of a source (its own files) to `out`, a missing file
// of it at the leaf's line.
void add_source_error(const Scheme& scheme, const Error& e, SourcePos pos,
                      const std::string& what, const std::string& path,
                      std::vector<Diagnostic>& out) {
  if (e.exit_code() == kExitNoInput && e.diagnostics().size() == 1 &&
      e.diagnostics()[0].file == path) {
    out.push_back(at(scheme, pos, trf("cannot read the {} '{}'", what, path),
                     tr("files of a result are named relative to the scheme's folder")));
    return;
  }
  out.insert(out.end(), e.diagnostics().begin(), e.diagnostics().end());
}

// A saved result; its errors name the leaf that reads it.
void load_saved(const Scheme& scheme, const Node& leaf, const std::string& path,
                Loaded& loaded, std::vector<Diagnostic>& out) {
  const ResultSource& src = *leaf.rule.result;
  try {
    const std::string text = read_whole_file(path, kMaxSchemeBytes * 64);
    loaded.snap = read_result(path, text);
    // An interim run's scores are not the period's: a check finding.
    if (!loaded.snap.as_of.empty()) {
      Diagnostic d = at(scheme, src.file_pos,
                        trf("'from' of item \"{}\" reads an interim result (as of "
                                    "{}): its scores are not those of the whole period",
                                    leaf.id, loaded.snap.as_of),
                        tr("save the result of the final run (without --as-of), or keep "
                           "this on purpose for an interim table"));
      d.severity = Severity::kWarning;
      out.push_back(std::move(d));
    }
  } catch (const Error& e) {
    if (e.exit_code() != kExitDataErr) {
      add_source_error(scheme, e, src.file_pos, tr("result file"), path, out);
      return;
    }
    for (Diagnostic d : e.diagnostics()) {
      d.hint = trf("'from' of item \"{}\" ({}:{}) reads a file written by "
                           "'kaohe score -O json'", leaf.id, scheme.file, src.file_pos.line);
      out.push_back(std::move(d));
    }
    return;
  }
  loaded.shape = shape_of(loaded.snap);
  loaded.ok = true;
}

// Whether the scheme at `path` (canonical `canon`) is being evaluated
// already; reports the cycle at the leaf's line.
bool closes_cycle(const Scheme& scheme, const ResultSource& src, const SchemeChain& chain,
                  const std::string& canon, const std::string& path,
                  std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < chain.canonical.size() && !canon.empty(); ++i) {
    if (chain.canonical[i] != canon) continue;
    std::string cycle;
    for (std::size_t j = i; j < chain.shown.size(); ++j) cycle += chain.shown[j] + " → ";
    out.push_back(at(scheme, src.file_pos,
                     trf("results form a cycle: {}{}", cycle, path),
                     tr("a scheme cannot take its score from itself, directly or through "
                        "another: read one of them from a saved result (from:)")));
    return true;
  }
  return false;
}

// A scheme scored on its data folder, within `chain`.
void load_scored(const Scheme& scheme, const Node& leaf, const std::string& path,
                 const DataSources& run, SchemeChain& chain, Loaded& loaded,
                 std::vector<Diagnostic>& out) {
  const ResultSource& src = *leaf.rule.result;
  const std::string canon = canonical(path);
  if (closes_cycle(scheme, src, chain, canon, path, out)) return;
  std::optional<Scheme> source;
  try {
    source = load_scheme(path);
  } catch (const Error& e) {
    add_source_error(scheme, e, src.file_pos, tr("scheme"), path, out);
    return;
  }
  const std::string data = beside(scheme, src.data);
  DataSources sources;
  try {
    sources = resolve_sources(data, std::nullopt, {}, {});
  } catch (const Error& e) {
    if (e.exit_code() == kExitNoInput) {
      out.push_back(at(scheme, src.data_pos,
                       trf("cannot read the data folder '{}' of {}", data, path),
                       tr("files of a result are named relative to the scheme's folder")));
    } else {
      out.insert(out.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
    return;
  }
  out.insert(out.end(), sources.warnings.begin(), sources.warnings.end());
  sources.warnings.clear();
  // The run's forced encoding and delimiter; title rows found per file
  // (a --skip names the run's own files).
  sources.sheet.encoding = run.sheet.encoding;
  sources.sheet.delimiter = run.sheet.delimiter;
  sources.threads = run.threads;
  chain.canonical.push_back(canon);
  chain.shown.push_back(path);
  try {
    Evaluation ev = evaluate(std::move(*source), sources, chain);
    loaded.snap = snapshot_of(ev, path);
  } catch (const Error& e) {
    chain.canonical.pop_back();
    chain.shown.pop_back();
    if (e.exit_code() == kExitUsage || e.exit_code() == kExitSoftware ||
        e.exit_code() == kExitOsErr) {
      throw;
    }
    out.insert(out.end(), e.diagnostics().begin(), e.diagnostics().end());
    return;
  }
  chain.canonical.pop_back();
  chain.shown.pop_back();
  loaded.shape = shape_of(loaded.snap);
  loaded.ok = true;
}

bool is_result_leaf(const Node& n) {
  return n.is_leaf() && n.rule.kind == RuleKind::kResult && n.rule.result.has_value();
}

}  // namespace

ResultScores read_result_sources(const Scheme& scheme, const Roster& roster,
                                 const DataSources& run, SchemeChain& chain,
                                 Diagnostics& diags) {
  ResultScores scores;
  std::map<std::string, std::unique_ptr<Loaded>> cache;
  for (std::size_t n = 0; n < scheme.nodes.size(); ++n) {
    const Node& leaf = scheme.nodes[n];
    if (!is_result_leaf(leaf)) continue;
    const ResultSource& src = *leaf.rule.result;
    ResultLeafSource& out = scores.leaves[static_cast<int>(n)];
    out.file = beside(scheme, src.file());
    out.node = src.node;
    out.units.resize(static_cast<std::size_t>(roster.size()));
    const std::string key = src.scheme.empty()
                                ? "from\n" + out.file
                                : "scheme\n" + out.file + "\n" + beside(scheme, src.data);
    std::vector<Diagnostic> problems;
    auto& slot = cache[key];
    if (!slot) {
      slot = std::make_unique<Loaded>();
      if (src.scheme.empty()) {
        load_saved(scheme, leaf, out.file, *slot, problems);
      } else {
        load_scored(scheme, leaf, out.file, run, chain, *slot, problems);
      }
    }
    std::optional<Resolved> r;
    if (slot->ok) r = resolve(scheme, leaf, slot->shape, out.file, problems);
    for (Diagnostic& d : problems) diags.add(std::move(d));
    if (!r) {
      out.failed = true;
      continue;
    }
    out.scale = r->scale;
    if (r->node >= 0) out.node_name = slot->shape.names[static_cast<std::size_t>(r->node)];
    out.source_units = static_cast<int>(slot->snap.units.size());
    std::unordered_map<std::string, const SnapshotUnit*> by_id;
    for (const SnapshotUnit& u : slot->snap.units) by_id.emplace(u.unit_id, &u);
    for (int u = 0; u < roster.size(); ++u) {
      auto it = by_id.find(roster.units[static_cast<std::size_t>(u)].id);
      if (it == by_id.end()) continue;  // kMissing
      const SnapshotUnit& su = *it->second;
      std::optional<Decimal> value;
      if (r->node < 0) {
        value = su.total;
      } else if (static_cast<std::size_t>(r->node) < su.scores.size()) {
        value = su.scores[static_cast<std::size_t>(r->node)];
      }
      SourceScore& s = out.units[static_cast<std::size_t>(u)];
      s.state = value ? SourceScore::State::kScored : SourceScore::State::kNotApplicable;
      if (value) s.score = *value;
    }
  }
  return scores;
}

namespace {

void check_references(const Scheme& scheme, SchemeChain& chain, std::vector<Diagnostic>& out) {
  for (const Node& leaf : scheme.nodes) {
    if (!is_result_leaf(leaf)) continue;
    const ResultSource& src = *leaf.rule.result;
    const std::string path = beside(scheme, src.file());
    if (src.scheme.empty()) {
      Loaded loaded;
      load_saved(scheme, leaf, path, loaded, out);
      if (loaded.ok) resolve(scheme, leaf, loaded.shape, path, out);
      continue;
    }
    const std::string canon = canonical(path);
    if (closes_cycle(scheme, src, chain, canon, path, out)) continue;
    std::optional<Scheme> source;
    try {
      source = load_scheme(path);
    } catch (const Error& e) {
      add_source_error(scheme, e, src.file_pos, tr("scheme"), path, out);

      continue;
    }
    const std::string data = beside(scheme, src.data);
    if (canonical(data).empty()) {
      out.push_back(at(scheme, src.data_pos,
                       trf("cannot read the data folder '{}' of {}", data, path),
                       tr("files of a result are named relative to the scheme's folder")));
    }
    resolve(scheme, leaf, shape_of(*source), path, out);
    chain.canonical.push_back(canon);
    chain.shown.push_back(path);
    check_references(*source, chain, out);
    chain.canonical.pop_back();
    chain.shown.pop_back();
  }
}

}  // namespace

std::vector<Diagnostic> check_result_references(const Scheme& scheme) {
  std::vector<Diagnostic> out;
  SchemeChain chain;
  const std::string canon = canonical(scheme.file);
  if (!canon.empty()) {
    chain.canonical.push_back(canon);
    chain.shown.push_back(scheme.file);
  }
  check_references(scheme, chain, out);
  return out;
}

}  // namespace kaohe
