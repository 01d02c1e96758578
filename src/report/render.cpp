// Dispatch on the output format.
#include "report/render.h"

#include <stdexcept>

namespace kaohe {

std::string render(const Evaluation& ev, OutputFormat format, bool color) {
  switch (format) {
    case OutputFormat::kTable: return render_table(ev, color);
    case OutputFormat::kCsv: return render_delimited(ev, ',');
    case OutputFormat::kTsv: return render_delimited(ev, '\t');
    case OutputFormat::kMarkdown: return render_markdown(ev);
    case OutputFormat::kJson: return render_json(ev);
    case OutputFormat::kXlsx: break;
  }
  throw std::invalid_argument("render: xlsx is not a text format");
}

}  // namespace kaohe
