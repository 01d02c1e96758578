// The sheet "主要失分" (report/xlsx_reasons_sheet.h).
#include "report/xlsx_reasons_sheet.h"

#include <algorithm>
#include <string>
#include <vector>

#include "explain/reasons.h"
#include "report/text_width.h"

namespace kaohe {

void write_reasons_sheet(XlsxBook& book, const Evaluation& ev, int n) {
  if (book.failed() || n <= 0) return;
  const Scheme& scheme = ev.scheme;
  const bool zh = ev.header == Evaluation::Header::kChinese;
  lxw_worksheet* ws = book.add_sheet("主要失分");
  if (ws == nullptr) return;
  const std::vector<std::string> titles =
      zh ? std::vector<std::string>{"排名", "单位", "名称", "序号", "失分项", "失分"}
         : std::vector<std::string>{"rank", "unit", "name", "no", "item", "loss"};
  const lxw_row_t top = book.title_row(ws, titles.size());
  std::vector<int> width(titles.size(), 0);
  for (std::size_t i = 0; i < titles.size(); ++i) {
    book.header_cell(ws, top, static_cast<lxw_col_t>(i), titles[i]);
    width[i] = display_width(titles[i]);
  }
  lxw_row_t row = top;
  for (const Standing& s : ev.standings) {
    const Unit& unit = ev.roster.units[s.unit];
    int no = 0;
    for (const Reason& reason : top_losses(ev, s.unit, n)) {
      if (book.failed()) return;
      ++row;
      ++no;
      Decimal shown = round_to(reason.effect, scheme.precision, scheme.rounding);
      const std::vector<std::string> cells = {
          std::to_string(s.rank), unit.id, unit.name, std::to_string(no),
          scheme.nodes[reason.node].name, shown.format(scheme.precision)};
      for (std::size_t i = 0; i < cells.size(); ++i) {
        width[i] = std::max(width[i], display_width(cells[i]));
        const bool numeric = i == 0 || i == 3 || i == 5;
        book.cell(ws, row, static_cast<lxw_col_t>(i), cells[i], numeric, i == 5);
      }
    }
  }
  book.set_widths(ws, width);
  book.check(book.lib().worksheet_autofilter(ws, top, 0, row,
                                             static_cast<lxw_col_t>(titles.size() - 1)));
  book.print_setup(ws, top);
}

}  // namespace kaohe
