// Dispatch on the output format.
#include "report/render.h"

namespace kaohe {

std::string render(const Evaluation& ev, OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable: return render_table(ev);
    case OutputFormat::kCsv: return render_delimited(ev, ',');
    case OutputFormat::kTsv: return render_delimited(ev, '\t');
    case OutputFormat::kMarkdown: return render_markdown(ev);
    case OutputFormat::kJson: return render_json(ev);
  }
  return {};
}

}  // namespace kaohe
