// Unit tests of finding a file's encoding (no --encoding): UTF-8 when its
// first non-ASCII text is UTF-8, else GB18030 from its first non-ASCII
// byte; a UTF-8 byte-order mark before GBK; a file mixing the two; the
// names -v gets; and the hint of --encoding utf-8 naming every file that
// is not UTF-8.
#include "input/text_decoder.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <iconv.h>
#include <memory>
#include <string>
#include <vector>

#include "input/csv_reader.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t o_left = out.size();
  REQUIRE(iconv(cd, &in, &in_left, &o, &o_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - o_left);
  return out;
}

struct Decoded {
  std::string text;
  std::string encoding;
};

// The text of `content` found on its own, read `chunk` bytes at a time.
Decoded decode(const std::string& content, std::size_t chunk = 4096,
               std::optional<Encoding> encoding = std::nullopt) {
  TempFile f(content);
  std::FILE* file = std::fopen(f.path().c_str(), "rb");
  REQUIRE(file != nullptr);
  Decoded out;
  {
    std::unique_ptr<ByteSource> src = open_text(f.path(), file, encoding, 7);
    std::vector<char> buf(chunk);
    for (;;) {
      std::size_t got = src->read(buf.data(), chunk);
      out.text.append(buf.data(), got);
      if (got < chunk) break;
    }
    out.encoding = src->encoding_name();
  }
  std::fclose(file);
  return out;
}

// The one diagnostic reading `content` as CSV gives.
Diagnostic csv_error(const std::string& content, std::optional<Encoding> encoding,
                     const std::vector<std::string>& run_files = {}) {
  TempFile f(content);
  std::FILE* file = std::fopen(f.path().c_str(), "rb");
  REQUIRE(file != nullptr);
  Diagnostic d;
  try {
    std::unique_ptr<ByteSource> src =
        open_text(f.path(), file, encoding, kDecodeBlockBytes, run_files);
    CsvReader reader(f.path(), *src);
    CsvRow row;
    while (reader.next(row)) {
    }
    FAIL("no error");
  } catch (const Error& e) {
    d = e.diagnostics().at(0);
  }
  std::fclose(file);
  return d;
}

const std::string kText = "unit_id,name\nV1,东村党支部\nV2,西村党支部\n";

TEST_CASE("UTF-8 text is read as it is, GBK text converted") {
  Decoded d = decode(kText);
  CHECK(d.text == kText);
  CHECK(d.encoding == "UTF-8");
  d = decode(to_gb18030(kText));
  CHECK(d.text == kText);
  CHECK(d.encoding == "GB18030");
  // Read one byte at a time, the decision made mid-read.
  CHECK(decode(to_gb18030(kText), 1).text == kText);
  CHECK(decode(to_gb18030(kText), 3).text == kText);
  // ASCII only: UTF-8, and it stays so.
  d = decode("unit_id,name\nV1,x\n");
  CHECK(d.text == "unit_id,name\nV1,x\n");
  CHECK(d.encoding == "UTF-8");
  CHECK(decode("").text.empty());
}

TEST_CASE("GBK after a long stretch of ASCII is found where it starts") {
  std::string ascii;
  while (ascii.size() < 300 * 1024) ascii += "V1,p1,2025-03-01,1\n";
  const std::string tail = "V2,p2,2025-03-02,1,迟报\n";
  Decoded d = decode(ascii + to_gb18030(tail), 64 * 1024);
  CHECK(d.encoding == "GB18030");
  CHECK(d.text == ascii + tail);
  d = decode(ascii + tail, 64 * 1024);
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == ascii + tail);
}

TEST_CASE("a UTF-8 byte-order mark before GBK text: GB18030, also with --encoding gbk") {
  const std::string bom = "\xEF\xBB\xBF";
  Decoded d = decode(bom + to_gb18030(kText));
  CHECK(d.text == kText);
  CHECK(d.encoding == "GB18030 after a UTF-8 BOM");
  d = decode(bom + to_gb18030(kText), 4096, Encoding::kGb18030);
  CHECK(d.text == kText);
  // A BOM before UTF-8: the BOM is skipped here, the text kept.
  d = decode(bom + kText);
  CHECK(d.text == kText);
  CHECK(d.encoding == "UTF-8 with BOM");
  d = decode(bom + kText, 4096, Encoding::kGb18030);
  CHECK(d.text == kText);
  CHECK(d.encoding == "UTF-8 with BOM");
}

TEST_CASE("--encoding utf-8 forces UTF-8, its hint names every file that is not") {
  TempFile other(to_gb18030("unit_id,item_id,value\nV1,目标,1\n"));
  TempFile fine("unit_id,item_id,value\nV1,目标,1\n");
  Diagnostic d = csv_error(to_gb18030(kText), Encoding::kUtf8,
                           {"units.csv", other.path(), fine.path(), "-"});
  CHECK(d.message == "invalid UTF-8 in column \"name\" (byte 0xB6)");
  CHECK(d.line == 2);
  CHECK(contains(d.hint, "looks like GBK/GB18030"));
  CHECK(contains(d.hint, ", and " + other.path() + " is not UTF-8 either"));
  CHECK_FALSE(contains(d.hint, fine.path()));
  CHECK(contains(d.hint, "run without --encoding utf-8"));
  d = csv_error("\xEF\xBB\xBF" + to_gb18030(kText), Encoding::kUtf8);
  CHECK(contains(d.hint, "after the file's UTF-8 byte-order mark is not UTF-8"));
  CHECK(contains(d.hint, "run without --encoding utf-8"));
}

TEST_CASE("a file mixing UTF-8 and GBK is an error at the GBK line, never garbled") {
  const std::string mixed =
      "unit_id,name\nV1,东村党支部\nV2,西村党支部\n" + to_gb18030("V3,南村党支部\n");
  Diagnostic d = csv_error(mixed, std::nullopt);
  CHECK(d.line == 4);
  CHECK(d.message == "invalid UTF-8 in column \"name\" (byte 0xC4)");
  CHECK(contains(d.hint, "part of the file is in another encoding"));
  // A few UTF-8 characters before GBK are too few to tell: GB18030.
  const std::string few = "unit_id,name\nV1,é\n" + to_gb18030("V3,南村党支部\n");
  Decoded got = decode(few);
  CHECK(got.encoding == "GB18030");
}

TEST_CASE("text neither UTF-8 nor GB18030: the GB18030 error, saying why") {
  Diagnostic d = csv_error(to_gb18030(kText) + "V3,\x81\x20\n", std::nullopt);
  CHECK(d.line == 4);
  CHECK(d.message == "invalid GB18030 in column \"name\" (bytes 0x81 0x20)");
  CHECK(contains(d.hint, "because it is not UTF-8"));
}

}  // namespace
}  // namespace kaohe
