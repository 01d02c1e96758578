// Building test workbooks with minizip's zip writer.
#include "input/xlsx_fixture.h"

#include <zip.h>

#include <stdexcept>

namespace kaohe::testing {

Parts workbook_parts(const std::vector<std::pair<std::string, std::string>>& sheets,
                     const std::string& shared, const std::string& styles,
                     const std::string& workbook_pr) {
  const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel_ns =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  Parts parts;
  parts.emplace_back("[Content_Types].xml",
                     "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                     "package/2006/content-types\"/>");
  parts.emplace_back("_rels/.rels",
                     "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                     "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                     "Type=\"" + rel_ns + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                     "</Relationships>");
  std::string book = "<?xml version=\"1.0\"?><workbook xmlns=\"" + main_ns + "\" xmlns:r=\"" +
                     rel_ns + "\">" + workbook_pr + "<sheets>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                     "openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    book += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n +
            "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns +
            "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml",
                       "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main_ns +
                           "\"><sheetData>" + sheets[i].second + "</sheetData></worksheet>");
  }
  if (!shared.empty()) {
    rels += "<Relationship Id=\"rIdS\" Type=\"" + rel_ns +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    parts.emplace_back("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" +
                                                   main_ns + "\">" + shared + "</sst>");
  }
  if (!styles.empty()) {
    rels += "<Relationship Id=\"rIdT\" Type=\"" + rel_ns + "/styles\" Target=\"styles.xml\"/>";
    parts.emplace_back("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"" +
                                            main_ns + "\">" + styles + "</styleSheet>");
  }
  parts.emplace_back("xl/workbook.xml", book + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  return parts;
}

void write_zip(const std::string& path, const Parts& parts) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (zip == nullptr) throw std::runtime_error("cannot create " + path);
  for (const auto& [name, text] : parts) {
    if (zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr,
                              Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) != ZIP_OK ||
        zipWriteInFileInZip(zip, text.data(), static_cast<unsigned>(text.size())) != ZIP_OK ||
        zipCloseFileInZip(zip) != ZIP_OK) {
      zipClose(zip, nullptr);
      throw std::runtime_error("cannot write " + path);
    }
  }
  zipClose(zip, nullptr);
}

}  // namespace kaohe::testing
