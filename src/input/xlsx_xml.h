// Streaming XML for the parts of a workbook, with expat (Debian:
// libexpat1-dev): element names without their namespace, attributes by
// local name, text in pieces. A document type declaration is refused
// (no entity of a hostile file is ever expanded).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "input/xlsx_archive.h"

namespace kaohe {

// What a part's reader does with its elements.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attrs` is expat's list: name, value, name, value, …, null; names as
  // "namespace-uri local" or "local" (use xml_local_name).
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view piece) = 0;
};

// The local part of a namespaced name ("uri local" → "local").
std::string_view xml_local_name(const char* name);
// The value of the attribute with local name `local`, or null.
const char* xml_attribute(const char** attrs, std::string_view local);

// A push parser over one part of an archive.
class XmlPart {
 public:
  // Starts `path` of `archive` (both kept by reference) for `handler`.
  XmlPart(XlsxArchive& archive, const std::string& path, XmlHandler& handler);
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // Parses the next block of the part; false once the part is parsed
  // whole. Throws kaohe::Error 65 for malformed XML (naming the part and
  // the XML line) or a handler's error.
  bool step();
  // Parses what is left.
  void run() {
    while (step()) {
    }
  }

  static constexpr std::size_t kBlockBytes = 64 * 1024;

 private:
  XlsxArchive& archive_;
  std::string path_;
  void* parser_;  // XML_Parser
  bool done_ = false;
};

}  // namespace kaohe
