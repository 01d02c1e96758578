// The HTML document around a page's body (report/html_page.h).
#include "report/html_page.h"

#include "report/html_style.h"
#include "report/html_text.h"

namespace kaohe {

std::string html_page(std::string_view title, std::string_view body) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      "<meta name=\"generator\" content=\"kaohe\">\n<title>";
  out += html_escape(title);
  out += "</title>\n<style>";
  out += html_stylesheet();
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "<script>";
  out += html_script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace kaohe
