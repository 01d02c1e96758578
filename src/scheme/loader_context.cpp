// The loader's reading helpers: every scalar of a scheme is read as text
// and parsed here (never by yaml-cpp) — numbers, percentages, booleans,
// name lists — and every problem is reported as file:line:col with the
// offending line and a hint. Also the checks that a named flag, grade or
// node exists, with a did-you-mean.
#include <fmt/format.h>

#include <algorithm>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {

void Loader::error(SourcePos pos, std::string message, std::string hint) {
  if (muted_) return;
  diags_.error(file_, pos.line, pos.col, std::move(message),
               pos.line > 0 ? line_of(text_, pos.line) : std::string(),
               std::move(hint));
}

void Loader::check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                      const std::string& where) {
  for (const auto& [k, v] : map.entries) {
    if (std::find(allowed.begin(), allowed.end(), k->scalar) != allowed.end()) {
      continue;
    }
    error(k->pos, trf("unknown key '{}' in {}", k->scalar, where),
          did_you_mean(k->scalar, allowed));
  }
}

const std::string* Loader::scalar(const YamlNode& n, const std::string& what) {
  if (!n.is_scalar()) {
    error(n.pos, trf("'{}' must be a single value, got {}", what, n.kind_name()),
          "");
    return nullptr;
  }
  return &n.scalar;
}

std::string Loader::text(const YamlNode& n, const std::string& what) {
  const std::string* s = scalar(n, what);
  return s ? *s : std::string();
}

std::optional<Decimal> Loader::decimal(const YamlNode& n, const std::string& what) {
  const std::string* s = scalar(n, what);
  if (!s) return std::nullopt;
  if (auto d = Decimal::parse(*s)) return d;
  std::string hint = tr("write a plain decimal such as 5, 0.5 or 12.25");
  if (s->find(',') != std::string::npos) {
    hint = tr("use '.' as the decimal point and no thousands separators");
  } else if (!s->empty() && s->back() == '%') {
    hint = tr("only weights are written as percentages");
  } else if (s->size() > 1 && (*s)[0] == '0' && (*s)[1] != '.') {
    hint = tr("write the number without leading zeros");
  }
  error(n.pos, trf("'{}' must be a number, got '{}'", what, *s), hint);
  return std::nullopt;
}

std::optional<Decimal> Loader::non_negative(const YamlNode& n, const std::string& what) {
  auto d = decimal(n, what);
  if (d && *d < Decimal()) {
    error(n.pos, trf("'{}' must not be negative", what),
          tr("amounts are written unsigned; 'add' or 'deduct' gives the sign"));
    return std::nullopt;
  }
  return d;
}

std::optional<std::int64_t> Loader::integer(const YamlNode& n, const std::string& what) {
  auto d = decimal(n, what);
  if (!d) return std::nullopt;
  if (!d->is_integer()) {
    error(n.pos, trf("'{}' must be a whole number", what), "");
    return std::nullopt;
  }
  return d->units() / Decimal::kOne;
}

std::optional<bool> Loader::boolean(const YamlNode& n, const std::string& what) {
  const std::string* s = scalar(n, what);
  if (!s) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  error(n.pos, trf("'{}' must be true or false, got '{}'", what, *s), "");
  return std::nullopt;
}

// "60%" → 3/5.
std::optional<Rational> Loader::percent(const YamlNode& n, const std::string& what) {
  const std::string* s = scalar(n, what);
  if (!s) return std::nullopt;
  if (s->empty() || s->back() != '%') {
    error(n.pos, trf("'{}' must be a percentage such as 60%, got '{}'", what, *s),
          tr("write the weight with a percent sign: 60%"));
    return std::nullopt;
  }
  auto d = Decimal::parse(std::string_view(*s).substr(0, s->size() - 1));
  if (!d || *d < Decimal() || *d > Decimal::from_int(100)) {
    error(n.pos, trf("'{}' must be a percentage between 0% and 100%, got '{}'", what, *s),
          "");
    return std::nullopt;
  }
  return Rational(*d) / Rational(100);
}

// `what` is the key ("tiers"), `one` names one entry ("tier").
void Loader::named_amounts(const YamlNode& m, std::vector<NamedAmount>& out,
                         const std::string& what, const std::string& one) {
  if (!m.is_map() || m.entries.empty()) {
    error(m.pos, trf("'{}' must be a mapping of names to amounts", what),
          trf("e.g. {{国家级: 3, 省级: 2, 市级: 1}}"));
    return;
  }
  for (const auto& [k, v] : m.entries) {
    if (k->scalar.empty()) {
      error(k->pos, trf("empty name in '{}'", what), "");
      continue;
    }
    auto d = decimal(*v, fmt::format("{} {}", one, k->scalar));
    if (d && *d < Decimal()) {
      error(v->pos,
            trf("the amount of {} '{}' must not be negative, got {}", one, k->scalar,
                d->to_string()),
            tr("amounts are written unsigned; 'add' or 'deduct' gives the sign"));
    } else if (d) {
      out.push_back({k->scalar, *d});
    }
  }
}

std::vector<std::string> Loader::name_list(const YamlNode& v, const std::string& what) {
  std::vector<std::string> out;
  if (v.is_scalar()) {
    out.push_back(v.scalar);
  } else if (v.is_sequence()) {
    for (const auto& item : v.items) {
      std::string s = text(*item, what);
      if (item->is_scalar()) out.push_back(s);
    }
  } else {
    error(v.pos, trf("'{}' is a list of names", what), "");
  }
  return out;
}

std::vector<std::string> Loader::flag_ids() const {
  std::vector<std::string> out;
  for (const auto& f : scheme_.flags) out.push_back(f.id);
  return out;
}

std::vector<std::string> Loader::grade_names() const {
  std::vector<std::string> out;
  for (const auto& g : scheme_.grades) out.push_back(g.name);
  return out;
}

void Loader::check_flag(const YamlNode& v, const std::string& id) {
  if (scheme_.find_flag(id) < 0) {
    error(v.pos, trf("unknown flag '{}'", id),
          scheme_.flags.empty() ? tr("declare it under 'flags:'")
                                : did_you_mean(id, flag_ids()));
  }
}

void Loader::check_grade(const YamlNode& v, const std::string& name) {
  if (scheme_.find_grade(name) < 0) {
    error(v.pos, trf("unknown grade '{}'", name),
          did_you_mean(name, grade_names()));
  }
}

void Loader::check_node(const YamlNode& v, const std::string& id, const char* what) {
  if (scheme_.find(id) >= 0) return;
  if (std::string hint = copies_hint(scheme_, id); !hint.empty()) {
    error(v.pos, trf("{}node '{}' has one score per sub-period, not one score", what, id),
          hint);
    return;
  }
  error(v.pos, trf("{}unknown node '{}'", what, id), did_you_mean(id, scheme_.ids()));
}

}  // namespace kaohe::scheme_loading
