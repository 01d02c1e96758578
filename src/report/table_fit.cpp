// Fitting the grade table into a width: wrap, shorten, drop (table_fit.h).
#include "report/table_fit.h"

#include <algorithm>

#include "report/text_width.h"

namespace kaohe {
namespace {

int lines_at(const std::string& text, int width) {
  return static_cast<int>(wrap_text(text, width).size());
}

int widest(const std::vector<std::string>& lines) {
  int w = 0;
  for (const std::string& l : lines) w = std::max(w, display_width(l));
  return w;
}

// The header of a part `width` wide: one line when it fits; else as few
// lines as wrapping at `width` gives, at most kMaxHeaderLines, made as even
// as they can be (组织/指导 rather than 组织指/导); else shortened.
std::vector<std::string> part_header(const std::string& title, int width) {
  if (display_width(title) <= width) return {title};
  const int lines = lines_at(title, width);
  if (lines > kMaxHeaderLines) return shorten_text(title, width, kMaxHeaderLines);
  return wrap_even(title, width);
}

// The header of any other column: wrapped, shortened past kMaxHeaderLines.
std::vector<std::string> other_header(const std::string& title, int width) {
  return shorten_text(title, std::max(width, 3), kMaxHeaderLines);
}

class Fitter {
 public:
  Fitter(const std::vector<FitColumn>& columns, int width) : cols_(columns), limit_(width) {
    const std::size_t n = cols_.size();
    natural_.resize(n);
    floor_.resize(n);
    lossless_.resize(n);
    for (std::size_t c = 0; c < n; ++c) {
      const FitColumn& col = cols_[c];
      natural_[c] = std::max({display_width(col.title), col.cells, 1});
      switch (col.role) {
        case FitRole::kFixed:
          floor_[c] = lossless_[c] = natural_[c];
          break;
        case FitRole::kWrap:
          floor_[c] = lossless_[c] = std::min(natural_[c], std::max(col.min_width, 1));
          break;
        case FitRole::kPart: {
          floor_[c] = std::max(col.cells, std::min(natural_[c], kMinPartWidth));
          int w = floor_[c];
          while (w < natural_[c] && lines_at(col.title, w) > kMaxHeaderLines) ++w;
          lossless_[c] = std::max(col.cells, widest(part_header(col.title, w)));
          break;
        }
      }
    }
  }

  TableFit fit() {
    std::vector<int> widths = natural_;
    if (limit_ <= 0 || table_width(widths) <= limit_) return layout(widths, false);
    std::vector<int> parts;
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      if (cols_[c].role == FitRole::kPart) parts.push_back(static_cast<int>(c));
    }
    for (std::size_t keep = parts.size() + 1; keep-- > 0;) {
      widths = natural_;
      for (std::size_t k = keep; k < parts.size(); ++k) widths[parts[k]] = 0;
      if (squeeze(widths)) return layout(widths, false);
    }
    return layout(widths, true);
  }

 private:
  bool fits(const std::vector<int>& widths) const { return table_width(widths) <= limit_; }

  // Steps 1–3 of fit_table on the shown columns (width > 0); whether the
  // table then fits.
  bool squeeze(std::vector<int>& widths) const {
    if (fits(widths)) return true;
    // 1. Part headers onto two lines, the largest saving first.
    std::vector<int> wrap;
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      if (widths[c] > 0 && cols_[c].role == FitRole::kPart && lossless_[c] < widths[c]) {
        wrap.push_back(static_cast<int>(c));
      }
    }
    std::stable_sort(wrap.begin(), wrap.end(), [&](int a, int b) {
      return natural_[a] - lossless_[a] > natural_[b] - lossless_[b];
    });
    for (int c : wrap) {
      widths[c] = lossless_[c];
      if (fits(widths)) return true;
    }
    // 2. Text wraps, then 3. part headers are shortened: the widest column
    // of the role first, one column of width at a time.
    for (FitRole role : {FitRole::kWrap, FitRole::kPart}) {
      while (!fits(widths)) {
        int best = -1;
        for (std::size_t c = 0; c < cols_.size(); ++c) {
          if (widths[c] > floor_[c] && cols_[c].role == role &&
              (best < 0 || widths[c] > widths[best])) {
            best = static_cast<int>(c);
          }
        }
        if (best < 0) break;
        --widths[best];
      }
    }
    return fits(widths);
  }

  TableFit layout(const std::vector<int>& widths, bool overflow) const {
    TableFit fit;
    fit.width = widths;
    fit.header.resize(cols_.size());
    fit.overflow = overflow;
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      const FitColumn& col = cols_[c];
      const int w = widths[c];
      if (w == 0) {
        fit.dropped.push_back(static_cast<int>(c));
        continue;
      }
      if (display_width(col.title) <= w) {
        fit.header[c] = {col.title};
      } else if (col.role == FitRole::kPart) {
        fit.header[c] = part_header(col.title, w);
        if (needs_shortening(col.title, w, kMaxHeaderLines)) {
          fit.shortened.push_back(static_cast<int>(c));
        }
      } else {
        fit.header[c] = other_header(col.title, w);
        if (needs_shortening(col.title, std::max(w, 3), kMaxHeaderLines)) {
          fit.shortened.push_back(static_cast<int>(c));
        }
      }
      fit.header_lines = std::max(fit.header_lines, static_cast<int>(fit.header[c].size()));
    }
    return fit;
  }

  const std::vector<FitColumn>& cols_;
  const int limit_;
  std::vector<int> natural_;   // widest of title and cells
  std::vector<int> floor_;     // the narrowest the column may become
  std::vector<int> lossless_;  // the narrowest with its header whole (parts)
};

}  // namespace

TableFit fit_table(const std::vector<FitColumn>& columns, int width) {
  return Fitter(columns, width).fit();
}

int table_width(const std::vector<int>& widths) {
  int total = 0;
  int shown = 0;
  for (int w : widths) {
    if (w <= 0) continue;
    total += w;
    ++shown;
  }
  return shown == 0 ? 0 : total + kColumnGap * (shown - 1);
}

}  // namespace kaohe
