// Unit tests of the text sources (UTF-8 as it is, GB18030 and UTF-16 by
// iconv) and of the CSV reader's UTF-8 and NUL diagnostics: file, line,
// column named by the header, the byte, the GB18030 hint.
#include "input/text_decoder.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_reader.h"

namespace kaohe {
namespace {

using namespace std::string_literals;

// A temporary file holding `content`, rewound; closed on destruction.
class TempFile {
 public:
  explicit TempFile(const std::string& content) : file_(std::tmpfile()) {
    REQUIRE(file_ != nullptr);
    if (!content.empty()) {
      REQUIRE(std::fwrite(content.data(), 1, content.size(), file_) ==
              content.size());
    }
    std::rewind(file_);
  }
  ~TempFile() { std::fclose(file_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::FILE* get() const { return file_; }

 private:
  std::FILE* file_;
};

// All the text of `content` read `chunk` bytes at a time, the converting
// sources reading `block` input bytes at a time.
std::string decode(const std::string& content, Encoding enc,
                   std::size_t block = kDecodeBlockBytes,
                   std::size_t chunk = 4096) {
  TempFile tmp(content);
  std::unique_ptr<ByteSource> src = open_text("t.csv", tmp.get(), enc, block);
  std::string out;
  std::vector<char> buf(chunk);
  for (;;) {
    std::size_t got = src->read(buf.data(), chunk);
    out.append(buf.data(), got);
    if (got < chunk) break;
  }
  return out;
}

// The rows' fields of a CSV text, read through open_text.
std::vector<std::vector<std::string>> rows_of(const std::string& content,
                                              Encoding enc,
                                              std::size_t block = kDecodeBlockBytes) {
  TempFile tmp(content);
  std::unique_ptr<ByteSource> src = open_text("t.csv", tmp.get(), enc, block);
  CsvReader reader("t.csv", *src);
  std::vector<std::vector<std::string>> rows;
  CsvRow row;
  while (reader.next(row)) {
    std::vector<std::string> fields(row.fields.begin(), row.fields.end());
    fields.push_back("@" + std::to_string(row.line));
    rows.push_back(std::move(fields));
  }
  return rows;
}

// The one diagnostic that reading `content` as CSV throws (exit 65).
Diagnostic csv_error(const std::string& content, Encoding enc = Encoding::kUtf8,
                     std::size_t block = kDecodeBlockBytes) {
  TempFile tmp(content);
  Diagnostic d;
  try {
    std::unique_ptr<ByteSource> src = open_text("t.csv", tmp.get(), enc, block);
    CsvReader reader("t.csv", *src);
    CsvRow row;
    while (reader.next(row)) {
    }
    FAIL("no error for: " << content);
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitDataErr);
    REQUIRE(e.diagnostics().size() == 1);
    d = e.diagnostics()[0];
  }
  return d;
}

// The hint under --encoding utf-8 (csv_error's default): the other way
// is to let each file's encoding be found.
const std::string kGbkHint =
    "the file looks like GBK/GB18030 (Excel on Chinese Windows); run without "
    "--encoding utf-8: each file's encoding is then found on its own";

std::string utf16le(const std::string& utf8);  // defined below

TEST_CASE("encoding: names accepted by --encoding") {
  CHECK(parse_encoding("utf-8") == Encoding::kUtf8);
  CHECK(parse_encoding("UTF8") == Encoding::kUtf8);
  CHECK(parse_encoding("gb18030") == Encoding::kGb18030);
  CHECK(parse_encoding("GBK") == Encoding::kGb18030);
  CHECK(parse_encoding("gb2312") == Encoding::kGb18030);
  CHECK_FALSE(parse_encoding("latin1"));
  CHECK_FALSE(parse_encoding(""));
  CHECK_FALSE(parse_encoding("utf-16"));
}

TEST_CASE("encoding: UTF-8 passes through byte for byte") {
  const std::string text = "\xEF\xBB\xBFunit_id,name\nV1,东村\n";
  CHECK(decode(text, Encoding::kUtf8) == text);
  CHECK(decode(text, Encoding::kUtf8, 1, 1) == text);
  CHECK(decode("", Encoding::kUtf8).empty());
  CHECK(decode("a", Encoding::kUtf8) == "a");
}

TEST_CASE("encoding: invalid UTF-8 names file, line, column and byte") {
  // GBK bytes of 联通 in the name column.
  Diagnostic d = csv_error("unit_id,name\nV1,\xC1\xAA\xCD\xA8\n");
  CHECK(d.file == "t.csv");
  CHECK(d.line == 2);
  CHECK(d.col == 2);
  CHECK(d.message == "invalid UTF-8 in column \"name\" (byte 0xC1)");
  CHECK(d.source_line == "V1,\xEF\xBF\xBD\xEF\xBF\xBD\xCD\xA8");  // CD A8 is U+0368
  CHECK(d.hint == kGbkHint);

  d = csv_error("unit_id,name\nV1,东村\nV2,ok\nV3,\"x\ny\",\xFF\n");
  CHECK(d.line == 5);  // the quoted field spans lines 4 and 5
  CHECK(d.col == 3);
  CHECK(d.message == "invalid UTF-8 in field 3 (byte 0xFF)");
  CHECK(d.source_line == "y\",\xEF\xBF\xBD");

  d = csv_error("unit_id,\xD6\xD0\n");
  CHECK(d.line == 1);
  CHECK(d.col == 2);
  CHECK(d.message == "invalid UTF-8 in the header (byte 0xD6)");
  CHECK(d.hint == kGbkHint);

  // A character cut off at the end of the file; a truncated BOM.
  d = csv_error("unit_id,name\nV1,\xE4\xB8");
  CHECK(d.message == "invalid UTF-8 in column \"name\" (byte 0xE4)");
  d = csv_error("\xEF\xBB");
  CHECK(d.message == "invalid UTF-8 in the header (byte 0xEF)");
}

TEST_CASE("encoding: rows before the invalid byte are read") {
  TempFile tmp("unit_id,name\nV1,东村\nV2,\xC1\xAA\n");
  CsvReader reader("t.csv", tmp.get());
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(reader.next(row));
  CHECK(row.fields[1] == "东村");
  CHECK_THROWS_AS(reader.next(row), Error);
}

TEST_CASE("encoding: invalid UTF-8 outranks a quote error after it") {
  Diagnostic d = csv_error("unit_id,name\nV1,\xC1\xAA\"x\n");
  CHECK(d.message == "invalid UTF-8 in column \"name\" (byte 0xC1)");
}

TEST_CASE("encoding: a NUL byte is an error naming the column") {
  Diagnostic d = csv_error("unit_id,name\nV1,a\0b\n"s);
  CHECK(d.line == 2);
  CHECK(d.col == 2);
  CHECK(d.message == "NUL byte in column \"name\"");
  CHECK(d.source_line == "V1,a\xEF\xBF\xBD" "b");
  CHECK(d.hint.find("UTF-16") != std::string::npos);
  d = csv_error("unit_id,name\nV1,\"a\0\"\n"s);
  CHECK(d.message == "NUL byte in column \"name\"");
}

TEST_CASE("encoding: binary without line breaks fails at once, not at 1 MB") {
  std::string junk = "unit_id,name\n" + std::string(3000000, 'x');
  junk[20] = '\x80';
  Diagnostic d = csv_error(junk);
  CHECK(d.message == "invalid UTF-8 in column \"unit_id\" (byte 0x80)");
  CHECK(d.line == 2);
}

TEST_CASE("encoding: a character split by the CSV reader's block boundary") {
  // 东 (E4 B8 9C) straddles the first fread block of the reader, in every
  // position; the same text with a bad byte there is still caught.
  for (std::size_t shift = 0; shift < 3; ++shift) {
    std::string text = "unit_id,name\n";
    std::string pad(CsvReader::kBlockBytes - 17 - shift, 'a');
    text += "V1," + pad + "东村\nV2,x\n";
    REQUIRE(text.find("东") == CsvReader::kBlockBytes - 1 - shift);
    auto rows = rows_of(text, Encoding::kUtf8);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][1] == pad + "东村");
    std::string bad = text;
    bad[text.find("东") + 1] = 'Z';
    Diagnostic d = csv_error(bad);
    CHECK(d.line == 2);
    CHECK(d.message == "invalid UTF-8 in column \"name\" (byte 0xE4)");
  }
}

TEST_CASE("encoding: GB18030 converts 2- and 4-byte characters") {
  // 联通 (GBK), 东村, and 㐀 U+3400 — in GB18030 only: 81 39 EE 39.
  const std::string gb = "unit_id,name\r\nV1,\xC1\xAA\xCD\xA8\r\n"
                         "V2,\xB6\xAB\xB4\xE5\r\nV3,\x81\x39\xEE\x39\r\n";
  const std::string utf8 = "unit_id,name\r\nV1,联通\r\nV2,东村\r\nV3,㐀\r\n";
  CHECK(decode(gb, Encoding::kGb18030) == utf8);
  // Every input block size splits some character; every read size splits
  // some output character.
  for (std::size_t block = 1; block <= 9; ++block) {
    CAPTURE(block);
    CHECK(decode(gb, Encoding::kGb18030, block) == utf8);
    CHECK(decode(gb, Encoding::kGb18030, block, 1) == utf8);
    CHECK(decode(gb, Encoding::kGb18030, block, 5) == utf8);
  }
  auto rows = rows_of(gb, Encoding::kGb18030, 3);
  REQUIRE(rows.size() == 4);
  CHECK(rows[1] == std::vector<std::string>{"V1", "联通", "@2"});
  CHECK(rows[3] == std::vector<std::string>{"V3", "㐀", "@4"});
}

TEST_CASE("encoding: GB18030 runs longer than iconv's window") {
  // ASCII is copied as it is; a run of CJK goes to iconv a window at a
  // time, and the windows cut 2- and 4-byte characters at every offset.
  for (std::size_t lead = 0; lead < 4; ++lead) {
    std::string gb(lead, 'x');
    std::string utf8(lead, 'x');
    for (int i = 0; i < 150; ++i) {
      gb += "\xB6\xAB\x81\x39\xEE\x39";  // 东㐀
      utf8 += "东㐀";
      if (i % 7 == 0) {
        gb += ",a";
        utf8 += ",a";
      }
    }
    gb += "\n" + std::string(300, 'y') + "\n";
    utf8 += "\n" + std::string(300, 'y') + "\n";
    for (std::size_t block : {std::size_t{1}, std::size_t{5}, std::size_t{255},
                              std::size_t{257}, kDecodeBlockBytes}) {
      CAPTURE(lead);
      CAPTURE(block);
      CHECK(decode(gb, Encoding::kGb18030, block) == utf8);
    }
  }
}

TEST_CASE("encoding: GB18030 line numbers count line breaks inside quotes") {
  const std::string gb = "unit_id,name,note\nV1,\xB6\xAB,\"a\nb\"\nV2,x,y\n";
  auto rows = rows_of(gb, Encoding::kGb18030);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"V1", "东", "a\nb", "@2"});
  CHECK(rows[2][3] == "@4");
}

TEST_CASE("encoding: invalid GB18030 names file, line, column and bytes") {
  // 81 20: a lead byte followed by a space.
  const std::string gb = "unit_id,name\nV1,\xB6\xAB\nV2,\x81\x20x\nV3,\xFF\n";
  for (std::size_t block : {std::size_t{1}, std::size_t{2}, kDecodeBlockBytes}) {
    Diagnostic d = csv_error(gb, Encoding::kGb18030, block);
    CHECK(d.file == "t.csv");
    CHECK(d.line == 3);
    CHECK(d.col == 2);
    CHECK(d.message == "invalid GB18030 in column \"name\" (bytes 0x81 0x20)");
    CHECK(d.source_line == "V2,\xEF\xBF\xBD x");
    CHECK(d.hint.find("UTF-8") != std::string::npos);
  }
  // A lone 0x80, and a character cut off at the end of the file.
  Diagnostic d = csv_error("unit_id,name\nV1,\x80\n", Encoding::kGb18030);
  CHECK(d.message == "invalid GB18030 in column \"name\" (byte 0x80)");
  d = csv_error("unit_id,name\nV1,\xB6", Encoding::kGb18030);
  CHECK(d.line == 2);
  CHECK(d.message ==
        "invalid GB18030 in column \"name\" (byte 0xB6, cut off at the end of "
        "the file)");
}

TEST_CASE("encoding: a UTF-8 file read as GB18030 is refused") {
  TempFile tmp("unit_id,name\nV1,东村\n");
  std::unique_ptr<ByteSource> src =
      open_text("u.csv", tmp.get(), Encoding::kGb18030);
  CsvReader reader("u.csv", *src);
  CsvRow row;
  try {
    while (reader.next(row)) {
    }
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitDataErr);
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "u.csv");
    CHECK(e.diagnostics()[0].message ==
          "the file is UTF-8, but --encoding gb18030 was given");
  }
  // ASCII is the same in both: fine.
  CHECK(decode("unit_id,name\nV1,x\n", Encoding::kGb18030) ==
        "unit_id,name\nV1,x\n");
  // A UTF-8 byte-order mark before UTF-8 text says UTF-8 whatever
  // --encoding says (the source skips the mark then).
  CHECK(decode("\xEF\xBB\xBFV1,东村\n", Encoding::kGb18030) == "V1,东村\n");
}

// UTF-16LE of a UTF-8 string of BMP characters (enough for these tests).
std::string utf16le(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    unsigned cp;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c < 0xE0) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      i += 2;
    } else {
      cp = ((c & 0x0Fu) << 12) |
           ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      i += 3;
    }
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
  }
  return out;
}

std::string swap_pairs(std::string s) {
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) std::swap(s[i], s[i + 1]);
  return s;
}

TEST_CASE("encoding: UTF-16 with a byte-order mark is converted") {
  const std::string utf8 = "unit_id,name\r\nV1,联通\r\nV2,\"东\n村\"\r\n";
  const std::string le = "\xFF\xFE" + utf16le(utf8);
  const std::string be = "\xFE\xFF" + swap_pairs(utf16le(utf8));
  for (std::size_t block = 1; block <= 5; ++block) {
    CHECK(decode(le, Encoding::kUtf8, block) == utf8);
    CHECK(decode(be, Encoding::kUtf8, block, 1) == utf8);
  }
  // The mark wins over --encoding gb18030.
  CHECK(decode(le, Encoding::kGb18030) == utf8);
  // The plain FILE* reader sniffs it too.
  TempFile tmp(le);
  CsvReader reader("t.csv", tmp.get());
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(reader.next(row));
  REQUIRE(reader.next(row));
  CHECK(row.line == 3);
  CHECK(row.fields[1] == "东\n村");
}

TEST_CASE("encoding: damaged UTF-16 is an error with its line") {
  // A lone high surrogate D800 in the name of line 2.
  std::string le = "\xFF\xFE" + utf16le("unit_id,name\nV1,") + "\x00\xD8"s +
                   utf16le("x\n");
  Diagnostic d = csv_error(le);
  CHECK(d.line == 2);
  CHECK(d.col == 2);
  CHECK(d.message == "invalid UTF-16LE in column \"name\" (bytes 0x00 0xD8)");
  // An odd number of bytes: the last character is cut off.
  d = csv_error("\xFF\xFE" + utf16le("unit_id,name\nV1,x") + "\x41");
  CHECK(d.message ==
        "invalid UTF-16LE in column \"name\" (byte 0x41, cut off at the end "
        "of the file)");
}

TEST_CASE("encoding: UTF-16 without a byte-order mark hits the NUL check") {
  Diagnostic d = csv_error(utf16le("unit_id,name\n"));
  CHECK(d.line == 1);
  CHECK(d.message == "NUL byte in the header");
}

}  // namespace
}  // namespace kaohe
