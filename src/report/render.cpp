// Dispatch on the output format.
#include "report/render.h"

#include <stdexcept>

namespace kaohe {

std::string render(const Evaluation& ev, OutputFormat format, bool color,
                   bool formula_guard, int width) {
  switch (format) {
    case OutputFormat::kTable: return render_table(ev, color, width);
    case OutputFormat::kCsv: return render_delimited(ev, ',', formula_guard);
    case OutputFormat::kTsv: return render_delimited(ev, '\t', formula_guard);
    case OutputFormat::kMarkdown: return render_markdown(ev);
    case OutputFormat::kJson: return render_json(ev);
    case OutputFormat::kXlsx: break;
    case OutputFormat::kHtml: break;
  }
  throw std::invalid_argument("render: xlsx and html have their own renderers");
}

}  // namespace kaohe
