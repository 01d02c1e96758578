// expat driven one block at a time from a zip part; errors raised by a
// handler are carried across expat's C frames and raised after it returns.
#include "input/xlsx_xml.h"

#include <expat.h>
#include <fmt/format.h>

#include <cstring>
#include <exception>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

// expat's description of an error, in the message language for the ones a
// damaged workbook gives.
std::string xml_error_text(XML_Error code) {
  switch (code) {
    case XML_ERROR_SYNTAX: return tr("syntax error");
    case XML_ERROR_NO_ELEMENTS: return tr("no element found");
    case XML_ERROR_INVALID_TOKEN: return tr("not well-formed (invalid token)");
    case XML_ERROR_UNCLOSED_TOKEN: return tr("unclosed token");
    case XML_ERROR_PARTIAL_CHAR: return tr("partial character");
    case XML_ERROR_TAG_MISMATCH: return tr("mismatched tag");
    case XML_ERROR_DUPLICATE_ATTRIBUTE: return tr("duplicate attribute");
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT: return tr("junk after document element");
    case XML_ERROR_UNDEFINED_ENTITY: return tr("undefined entity");
    case XML_ERROR_UNBOUND_PREFIX: return tr("unbound prefix");
    case XML_ERROR_NO_MEMORY: return tr("out of memory");
    default: return XML_ErrorString(code);
  }
}



struct Context {
  XmlHandler* handler;
  XML_Parser parser;
  std::exception_ptr error;
  bool doctype = false;
};

// Runs `f`, keeping its exception and stopping the parser.
template <typename F>
void guarded(void* data, F&& f) {
  auto* c = static_cast<Context*>(data);
  if (c->error) return;
  try {
    f(*c->handler);
  } catch (...) {
    c->error = std::current_exception();
    XML_StopParser(c->parser, XML_FALSE);
  }
}

void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  guarded(data, [&](XmlHandler& h) { h.start(xml_local_name(name), attrs); });
}

void on_end(void* data, const XML_Char* name) {
  guarded(data, [&](XmlHandler& h) { h.end(xml_local_name(name)); });
}

void on_text(void* data, const XML_Char* s, int len) {
  guarded(data, [&](XmlHandler& h) { h.text(std::string_view(s, static_cast<std::size_t>(len))); });
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* c = static_cast<Context*>(data);
  c->doctype = true;
  XML_StopParser(c->parser, XML_FALSE);
}

}  // namespace

std::string_view xml_local_name(const char* name) {
  std::string_view n(name);
  const std::size_t space = n.rfind(' ');
  return space == std::string_view::npos ? n : n.substr(space + 1);
}

const char* xml_attribute(const char** attrs, std::string_view local) {
  for (; attrs[0] != nullptr; attrs += 2) {
    if (xml_local_name(attrs[0]) == local) return attrs[1];
  }
  return nullptr;
}

XmlPart::XmlPart(XlsxArchive& archive, const std::string& path, XmlHandler& handler)
    : archive_(archive), path_(path) {
  archive_.open(path_);
  XML_Parser p = XML_ParserCreateNS(nullptr, ' ');
  if (p == nullptr) throw std::bad_alloc();
  auto* c = new Context{&handler, p, nullptr};
  XML_SetUserData(p, c);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  parser_ = p;
}

XmlPart::~XmlPart() {
  auto p = static_cast<XML_Parser>(parser_);
  delete static_cast<Context*>(XML_GetUserData(p));
  XML_ParserFree(p);
}

bool XmlPart::step() {
  if (done_) return false;
  auto p = static_cast<XML_Parser>(parser_);
  auto* c = static_cast<Context*>(XML_GetUserData(p));
  void* buf = XML_GetBuffer(p, static_cast<int>(kBlockBytes));
  if (buf == nullptr) throw std::bad_alloc();
  const std::size_t got = archive_.read(static_cast<char*>(buf), kBlockBytes);
  const bool last = got == 0;
  const XML_Status status = XML_ParseBuffer(p, static_cast<int>(got), last ? XML_TRUE : XML_FALSE);
  if (c->error) std::rethrow_exception(c->error);
  if (c->doctype) {
    throw Error::in_file(kExitDataErr, archive_.name(),
                         trf("part {} has a document type declaration, which no "
                                     "workbook has",
                                     path_),
                         tr("open the workbook in Excel or WPS and save it again"));
  }
  if (status != XML_STATUS_OK) {
    throw Error::in_file(kExitDataErr, archive_.name(),
                         trf("part {}: XML error at line {}: {}", path_,
                                     XML_GetCurrentLineNumber(p),
                                     xml_error_text(XML_GetErrorCode(p))),
                         tr("the workbook is damaged: open it in Excel or WPS and save it again"));
  }
  done_ = last;
  return !done_;
}

}  // namespace kaohe
