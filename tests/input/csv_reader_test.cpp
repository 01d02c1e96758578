// Unit tests of the streaming CSV reader and the header lookup: RFC 4180
// quoting, line endings, line numbers, errors and read-block boundaries.
#include "input/csv_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/diagnostic.h"

namespace kaohe {
namespace {

// A temporary file holding `content`, rewound; closed on destruction.
class TempCsv {
 public:
  explicit TempCsv(const std::string& content) : file_(std::tmpfile()) {
    REQUIRE(file_ != nullptr);
    if (!content.empty()) {
      REQUIRE(std::fwrite(content.data(), 1, content.size(), file_) ==
              content.size());
    }
    std::rewind(file_);
  }
  ~TempCsv() { std::fclose(file_); }
  TempCsv(const TempCsv&) = delete;
  TempCsv& operator=(const TempCsv&) = delete;
  std::FILE* get() const { return file_; }

 private:
  std::FILE* file_;
};

struct Row {
  int line;
  std::vector<std::string> fields;
  std::string raw;
};

std::vector<Row> read_all(const std::string& content) {
  TempCsv tmp(content);
  CsvReader reader("t.csv", tmp.get());
  std::vector<Row> rows;
  CsvRow row;
  while (reader.next(row)) {
    Row r{row.line, {}, std::string(row.raw)};
    for (std::string_view f : row.fields) r.fields.emplace_back(f);
    rows.push_back(std::move(r));
  }
  return rows;
}

using Fields = std::vector<std::string>;

// The one diagnostic of the Error reading `content` throws.
std::optional<Diagnostic> read_error(const std::string& content,
                                     int expected_exit = kExitDataErr) {
  try {
    read_all(content);
  } catch (const Error& e) {
    CHECK(e.exit_code() == expected_exit);
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics().front();
  }
  return std::nullopt;
}

TEST_CASE("csv: simple rows") {
  auto rows = read_all("id,kind,date\nW1,patrol,2025-03-01\nW2,late,x\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"id", "kind", "date"});
  CHECK(rows[1].fields == Fields{"W1", "patrol", "2025-03-01"});
  CHECK(rows[2].fields == Fields{"W2", "late", "x"});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 3);
}

TEST_CASE("csv: quoted fields with commas and doubled quotes") {
  auto rows = read_all(
      "a,\"b,c\",d\n"
      "\"say \"\"hi\"\"\",\"\"\"\",\"\"\n"
      "\"\",x\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"a", "b,c", "d"});
  CHECK(rows[1].fields == Fields{"say \"hi\"", "\"", ""});
  CHECK(rows[2].fields == Fields{"", "x"});
}

TEST_CASE("csv: short quoted records read the same with 64 bytes after them") {
  // A record within 64 bytes whose quoted fields have no doubled quote or
  // line break inside takes a shorter path (parse_quoted_short) once the
  // header is read and 64 bytes are buffered: the same fields, lines and
  // text as the general parser, which still takes every other record.
  const std::string tail(100, 'z');
  auto rows = read_all("h1,h2,h3\n"
                       "a,\"b,c\",d\n"
                       "\"x,y\",2,\"\"\n"
                       "\"\",\"\",q\n"
                       "\"say \"\"hi\"\"\",1,\"2,\"\n"
                       "\"two\nlines\",3,4\n"
                       "e,\"f\"\r\n"
                       "\"东,村\",\"\",\"\"\n"
                       "\"\",\"\",\"\"\n"
                       "\"a\"\n" +
                       tail + "\n" + tail + "\n");
  REQUIRE(rows.size() == 11);
  CHECK(rows[1].fields == Fields{"a", "b,c", "d"});
  CHECK(rows[1].raw == "a,\"b,c\",d");
  CHECK(rows[2].fields == Fields{"x,y", "2", ""});
  CHECK(rows[3].fields == Fields{"", "", "q"});
  CHECK(rows[4].fields == Fields{"say \"hi\"", "1", "2,"});
  CHECK(rows[5].fields == Fields{"two\nlines", "3", "4"});
  CHECK(rows[5].line == 6);
  CHECK(rows[6].fields == Fields{"e", "f"});
  CHECK(rows[6].line == 8);
  CHECK(rows[7].fields == Fields{"东,村", "", ""});
  CHECK(rows[8].fields == Fields{"a"});  // "","","" is skipped, as blank
  CHECK(rows[8].line == 11);
  CHECK(rows[9].fields == Fields{tail});
  const std::optional<Diagnostic> d = read_error("h1,h2,h3\na,\"b\"c,d\n" + tail + "\n");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->col == 2);
  CHECK(d->message == "unexpected text after closing quote");
  const std::optional<Diagnostic> q = read_error("h1,h2\nab,c\"d\"\n" + tail + "\n");
  REQUIRE(q);
  CHECK(q->line == 2);
  CHECK(q->col == 2);
}

TEST_CASE("csv: line breaks inside quotes keep later line numbers right") {
  auto rows = read_all(
      "h1,h2\n"
      "a,\"two\nlines\"\n"
      "b,c\n"
      "\"x\r\ny\rz\",d\n"
      "e,f\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].line == 2);
  CHECK(rows[1].fields == Fields{"a", "two\nlines"});
  CHECK(rows[2].line == 4);
  CHECK(rows[2].fields == Fields{"b", "c"});
  CHECK(rows[3].line == 5);  // spans 5-7: CRLF counts once, a lone CR once
  CHECK(rows[3].fields == Fields{"x\r\ny\rz", "d"});
  CHECK(rows[4].line == 8);
}

TEST_CASE("csv: CRLF and lone CR line endings") {
  auto rows = read_all("a,b\r\nc,d\r\n\"e\r\nf\",g\r\nh\ri\r");
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].fields == Fields{"a", "b"});
  CHECK(rows[1].fields == Fields{"c", "d"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].fields == Fields{"e\r\nf", "g"});
  CHECK(rows[2].line == 3);
  CHECK(rows[2].raw == "\"e\r\nf\",g");
  CHECK(rows[3].fields == Fields{"h"});
  CHECK(rows[3].line == 5);
  CHECK(rows[4].fields == Fields{"i"});
  CHECK(rows[4].line == 6);
}

TEST_CASE("csv: UTF-8 byte-order mark is skipped") {
  auto rows = read_all("\xEF\xBB\xBFid,name\nW1,x\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"id", "name"});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
  CsvRow header_row;
  TempCsv tmp("\xEF\xBB\xBF\"id\",name\n");
  CsvReader reader("t.csv", tmp.get());
  REQUIRE(reader.next(header_row));
  CsvHeader header(header_row);
  CHECK(header.find("id") == 0);
  // A BOM elsewhere is data.
  rows = read_all("a\n\xEF\xBB\xBF" "b\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == Fields{"\xEF\xBB\xBF" "b"});
  // A truncated BOM is invalid UTF-8 (tests/input/text_decoder_test.cpp).
}

TEST_CASE("csv: blank lines are skipped") {
  auto rows = read_all("\n\na,b\n\n\nc,d\n\n\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 3);
  CHECK(rows[1].line == 6);
  rows = read_all("\r\na\r\n\r\n\r\nb\r\n\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].fields == Fields{"a"});
  CHECK(rows[1].line == 5);
  CHECK(rows[1].fields == Fields{"b"});
  CHECK(read_all("\n\n\r\n\r").empty());
}

TEST_CASE("csv: a line with only commas is skipped, like a blank line") {
  // Excel writes a formatted empty row as ",,,": no cell holds anything.
  auto rows = read_all(",\n,,\na,,b,\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"a", "", "b", ""});
  CHECK(rows[0].line == 3);
  CHECK(read_all(",,").empty());
  CHECK(read_all("\"\",\"\"\n").empty());
  // A field of spaces is text.
  rows = read_all(" ,\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{" ", ""});
}

TEST_CASE("csv: no final newline") {
  auto rows = read_all("a,b\nc,d");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == Fields{"c", "d"});
  CHECK(rows[1].raw == "c,d");
  rows = read_all("a,\"b\"");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"a", "b"});
  rows = read_all("a,\"\"");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"a", ""});
}

TEST_CASE("csv: empty input gives no rows") {
  CHECK(read_all("").empty());
  CHECK(read_all("\xEF\xBB\xBF").empty());
  CHECK(read_all("\xEF\xBB\xBF\n\n").empty());
}

TEST_CASE("csv: header only") {
  auto rows = read_all("id,kind,date\n");
  REQUIRE(rows.size() == 1);
  CsvRow row;
  TempCsv tmp("id,kind,date\n");
  CsvReader reader("t.csv", tmp.get());
  REQUIRE(reader.next(row));
  CsvHeader header(row);
  CHECK(header.size() == 3);
  CHECK(header.names() == Fields{"id", "kind", "date"});
  CHECK(header.find("kind") == 1);
  CHECK(header.find("date") == 2);
  CHECK(header.find("Date") == -1);
  CHECK(header.find("kind ") == -1);
  CHECK_FALSE(reader.next(row));
  CHECK_FALSE(reader.next(row));  // stays at end
}

TEST_CASE("csv: header names are kept byte for byte") {
  auto rows = read_all(" id ,\"a,b\",\n");
  REQUIRE(rows.size() == 1);
  CsvRow row;
  TempCsv tmp(" id ,\"a,b\",\n");
  CsvReader reader("t.csv", tmp.get());
  REQUIRE(reader.next(row));
  CsvHeader header(row);
  CHECK(header.find(" id ") == 0);
  CHECK(header.find("id") == -1);
  CHECK(header.find("a,b") == 1);
  CHECK(header.find("") == 2);
  CHECK(CsvHeader().find("x") == -1);
}

TEST_CASE("csv: unterminated quote names the line it opened on") {
  auto d = read_error("h1,h2\na,b\nc,\"open\nmore\nstill more\n");
  REQUIRE(d);
  CHECK(d->file == "t.csv");
  CHECK(d->line == 3);
  CHECK(d->col == 2);
  CHECK(d->message.find("unterminated quoted field") != std::string::npos);
  CHECK(d->source_line == "c,\"open");
  CHECK(d->hint ==
        "close the quote, or double a quote inside the field (\"\")");
  // Opened on the second line of a record that began with another
  // multi-line field.
  d = read_error("h\n\"x\ny\",\"z\r\nw");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(d->col == 2);
  CHECK(d->source_line == "y\",\"z");
  // A doubled quote at the very end does not close the field.
  d = read_error("\"abc\"\"");
  REQUIRE(d);
  CHECK(d->line == 1);
  CHECK(d->col == 1);
}

TEST_CASE("csv: text after a closing quote") {
  auto d = read_error("h1,h2,h3\na,\"b\"c,d\n");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->col == 2);
  CHECK(d->message == "unexpected text after closing quote");
  CHECK(d->source_line == "a,\"b\"c,d");
  d = read_error("\"a\nb\" ,c\n");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->col == 1);
  CHECK(d->source_line == "b\" ,c");
}

TEST_CASE("csv: quote inside an unquoted field") {
  auto d = read_error("h1,h2\n\nab,c\"d\n");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(d->col == 2);
  CHECK(d->message ==
        "quote inside an unquoted field; quote the whole field and double "
        "the quote");
  CHECK(d->source_line == "ab,c\"d");
  CHECK(d->severity == Severity::kError);
}

TEST_CASE("csv: field length limit") {
  const std::size_t max = CsvReader::kMaxFieldBytes;
  // Exactly the limit is fine, quoted or not.
  auto rows = read_all("a," + std::string(max, 'x') + "\n\"" +
                       std::string(max - 1, 'y') + "\"\"\"\nb\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields[1].size() == max);
  CHECK(rows[1].fields[0].size() == max);
  CHECK(rows[1].fields[0].back() == '"');
  CHECK(rows[2].line == 3);

  auto d = read_error("h\na,b," + std::string(max + 1, 'x') + "\n");
  REQUIRE(d);
  CHECK(d->message == "field longer than 1048576 bytes");
  CHECK(d->line == 2);
  CHECK(d->col == 3);
  CHECK(d->source_line.size() < 300);  // excerpt, not the whole megabyte

  d = read_error("h\n\n\"" + std::string(max / 2, 'x') + "\n" +
                 std::string(max / 2 + 1, 'x') + "\"\n");
  REQUIRE(d);
  CHECK(d->message == "field longer than 1048576 bytes");
  CHECK(d->line == 3);
  CHECK(d->col == 1);

  // An unterminated quote in a big file runs into the limit first.
  std::string big = "a,\"oops\n";
  while (big.size() < 3 * max) big += "W1,patrol,2025-03-01\n";
  d = read_error(big);
  REQUIRE(d);
  CHECK(d->message == "field longer than 1048576 bytes");
  CHECK(d->line == 1);
  CHECK(d->col == 2);
  CHECK(d->source_line == "a,\"oops");
}

TEST_CASE("csv: records longer than a read block") {
  // One field of 3 blocks, then a record of many fields 4 blocks long.
  std::string field(3 * CsvReader::kBlockBytes, 'q');
  std::string content = "a,\"" + field + "\"\n";
  std::string many;
  for (int i = 0; i < 16; ++i) {
    many += (i ? "," : "") + std::string(CsvReader::kBlockBytes / 4, 'm');
  }
  content += many + "\nend\n";
  auto rows = read_all(content);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields[1] == field);
  CHECK(rows[1].fields.size() == 16);
  CHECK(rows[1].raw == many);
  CHECK(rows[2].fields == Fields{"end"});
  CHECK(rows[2].line == 3);
}

TEST_CASE("csv: every record split across a read-block boundary") {
  struct Case {
    std::string text;  // placed to straddle the boundary
    Fields fields;
    int lines;  // physical lines it spans, with its line ending
  };
  const std::vector<Case> cases = {
      {"\"a\"\"b\r\nc\",x\r\n", {"a\"b\r\nc", "x"}, 2},
      {"\"\"\"\",\"\"\r\n", {"\"", ""}, 1},
      {"ab,cd,\"e,f\"\r\n", {"ab", "cd", "e,f"}, 1},
      {"\"p\rq\",r\r", {"p\rq", "r"}, 2},
      {"s,t\r\n\r\n\r\n", {"s", "t"}, 3},
  };
  const std::size_t block = CsvReader::kBlockBytes;
  for (const Case& c : cases) {
    for (std::size_t k = 0; k <= c.text.size() + 1; ++k) {
      CAPTURE(c.text);
      CAPTURE(k);
      // The filler line ends k bytes before the boundary.
      std::string content = std::string(block - k - 1, 'f') + "\n" + c.text +
                            "tail,\"t\"\n";
      auto rows = read_all(content);
      REQUIRE(rows.size() == 3);
      CHECK(rows[0].fields.size() == 1);
      CHECK(rows[1].line == 2);
      CHECK(rows[1].fields == c.fields);
      CHECK(rows[2].line == 2 + c.lines);
      CHECK(rows[2].fields == Fields{"tail", "t"});
    }
  }
  // The byte-order mark check does not disturb a short first read.
  auto rows = read_all("\xEF\xBB\xBF" + std::string(block, 'z') + "\n1\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields[0].size() == block);
  CHECK(rows[1].line == 2);
}

TEST_CASE("csv: 300k multi-line records across many blocks") {
  const int n = 300000;
  std::string content = "id,kind,note,x\n";
  char buf[96];
  for (int i = 0; i < n; ++i) {
    int len = std::snprintf(buf, sizeof buf,
                            "W%06d,patrol,\"note, with \"\"quotes\"\"\n"
                            "line %d\",%d\r\n",
                            i, i, i % 7);
    content.append(buf, static_cast<std::size_t>(len));
  }
  TempCsv tmp(content);
  CsvReader reader("big.csv", tmp.get());
  CsvRow row;
  REQUIRE(reader.next(row));
  int count = 0;
  bool all_ok = true;
  while (reader.next(row)) {
    std::snprintf(buf, sizeof buf, "W%06d", count);
    std::string note = "note, with \"quotes\"\nline " + std::to_string(count);
    bool ok = row.line == 2 + 2 * count && row.fields.size() == 4 &&
              row.fields[0] == buf && row.fields[1] == "patrol" &&
              row.fields[2] == note &&
              row.fields[3] == std::to_string(count % 7);
    if (!ok && all_ok) {
      CAPTURE(count);
      CAPTURE(row.line);
      CHECK(ok);
    }
    all_ok = all_ok && ok;
    ++count;
  }
  CHECK(all_ok);
  CHECK(count == n);
  CHECK(content.size() > 10 * CsvReader::kBlockBytes);
}

TEST_CASE("csv: random records round-trip") {
  // Random fields of specials and text, quoted when they must be (and now
  // and then when not), with LF, CRLF or CR endings and blank lines; long
  // enough to cross read blocks and the scanner's 64-byte blocks anywhere.
  std::mt19937 rng(20250301);
  auto pick = [&rng](int n) {
    return static_cast<int>(rng() % static_cast<unsigned>(n));
  };
  const std::vector<std::string> pieces = {
      "a", "bc", ",", "\"", "\n", "\r", "\r\n", " ", "东村", "x1-2"};
  struct Expected {
    int line;
    Fields fields;
    std::string raw;
  };
  std::vector<Expected> expected;
  std::string content;
  int line = 1;
  const int records = 40000;
  for (int r = 0; r < records; ++r) {
    Expected e{line, {}, {}};
    int nfields = 1 + pick(12);
    int breaks = 0;
    for (int f = 0; f < nfields; ++f) {
      std::string value;
      int npieces = pick(8) == 0 ? 20 + pick(60) : pick(6);
      for (int i = 0; i < npieces; ++i) value += pieces[pick(10)];
      bool must_quote = value.find_first_of(",\"\r\n") != std::string::npos ||
                        (nfields == 1 && value.empty());
      std::string text;
      if (must_quote || pick(5) == 0) {
        text = "\"";
        for (char c : value) {
          text += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        text += "\"";
        for (std::size_t i = 0; i < value.size(); ++i) {
          if (value[i] == '\n' ||
              (value[i] == '\r' &&
               (i + 1 == value.size() || value[i + 1] != '\n'))) {
            ++breaks;
          }
        }
      } else {
        text = value;
      }
      e.raw += (f ? "," : "") + text;
      e.fields.push_back(value);
    }
    content += e.raw;
    line += breaks;
    // A record of empty fields only is skipped, like a blank line.
    const bool all_empty = std::all_of(e.fields.begin(), e.fields.end(),
                                       [](const std::string& v) { return v.empty(); });
    if (!all_empty) expected.push_back(std::move(e));
    if (r + 1 == records && pick(2) == 0) break;  // no final line ending
    int blanks = pick(6) == 0 ? 1 + pick(3) : 0;
    int ending = pick(3);
    if (ending == 2 && blanks == 0) {
      content += "\r";  // a lone CR, never followed by an LF
    } else {
      content += ending == 1 ? "\r\n" : "\n";
      for (int b = 0; b < blanks; ++b) content += pick(2) ? "\r\n" : "\n";
    }
    line += 1 + blanks;
  }
  REQUIRE(content.size() > 4 * CsvReader::kBlockBytes);

  TempCsv tmp(content);
  // One record at a time, and in batches (checked once the whole batch is
  // read, so every view of a batch must have stayed valid).
  for (std::size_t batch : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{32}}) {
    CAPTURE(batch);
    std::rewind(tmp.get());
    CsvReader reader("r.csv", tmp.get());
    std::vector<CsvRow> rows(std::max<std::size_t>(batch, 1));
    std::size_t count = 0;
    int mismatches = 0;
    for (;;) {
      std::size_t n = batch == 0 ? (reader.next(rows[0]) ? 1 : 0) : reader.next_batch(rows);
      if (n == 0 || count + n > expected.size()) break;  // too many: fails below
      for (std::size_t i = 0; i < n; ++i) {
        const CsvRow& row = rows[i];
        const Expected& e = expected[count];
        Fields got(row.fields.begin(), row.fields.end());
        if (row.line != e.line || got != e.fields || row.raw != e.raw) {
          if (++mismatches <= 3) {
            CAPTURE(count);
            CHECK(row.line == e.line);
            CHECK(got == e.fields);
            CHECK(row.raw == e.raw);
          }
        }
        ++count;
      }
    }
    CHECK(mismatches == 0);
    CHECK(count == expected.size());
    CHECK_FALSE(reader.next(rows[0]));
  }
}

TEST_CASE("csv: raw keeps the record's bytes without its line ending") {
  auto rows = read_all("a,b\n\"c\nd\",\"e\"\"\"\r\n,y\nlast,\"x\"");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].raw == "a,b");
  CHECK(rows[1].raw == "\"c\nd\",\"e\"\"\"");
  CHECK(rows[2].raw == ",y");
  CHECK(rows[3].raw == "last,\"x\"");
}

TEST_CASE("csv: UTF-8 text passes through") {
  auto rows = read_all("unit,name\nU1,东村党支部\nU2,\"西村，\"\"党\"\"支部\"\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == Fields{"U1", "东村党支部"});
  CHECK(rows[2].fields == Fields{"U2", "西村，\"党\"支部"});
  // NUL bytes are errors (tests/input/text_decoder_test.cpp).
}

TEST_CASE("csv: fields stay valid until the next call") {
  TempCsv tmp("x,\"y\"\"\"\n");
  CsvReader reader("t.csv", tmp.get());
  CHECK(reader.name() == "t.csv");
  CsvRow row;
  REQUIRE(reader.next(row));
  std::vector<std::string_view> kept = row.fields;
  CHECK(kept[0] == "x");
  CHECK(kept[1] == "y\"");
  CHECK_FALSE(reader.next(row));
}

TEST_CASE("csv: a batch's fields stay valid together until the next call") {
  TempCsv tmp("h1,h2\n\"a\"\"\",b\n\"c\"\"\nd\",\"\"\"e\"\n\n,\"f\"\n");
  CsvReader reader("t.csv", tmp.get());
  std::vector<CsvRow> rows(8);
  REQUIRE(reader.next_batch(rows) == 4);
  CHECK(Fields(rows[0].fields.begin(), rows[0].fields.end()) == Fields{"h1", "h2"});
  CHECK(Fields(rows[1].fields.begin(), rows[1].fields.end()) == Fields{"a\"", "b"});
  CHECK(Fields(rows[2].fields.begin(), rows[2].fields.end()) == Fields{"c\"\nd", "\"e"});
  CHECK(Fields(rows[3].fields.begin(), rows[3].fields.end()) == Fields{"", "f"});
  CHECK(rows[3].line == 6);
  CHECK(reader.next_batch(rows) == 0);
}

TEST_CASE("csv: a batch hands out the records before an error, then raises it") {
  // A syntax error and a text error, each after two good records.
  for (std::string content : {"h\na\nb\"c\nd\n", "h\na\n\xFF\nd\n"}) {
    CAPTURE(content);
    TempCsv tmp(content);
    CsvReader reader("t.csv", tmp.get());
    std::vector<CsvRow> rows(8);
    REQUIRE(reader.next_batch(rows) == 2);
    CHECK(rows[1].fields[0] == "a");
    bool threw = false;
    try {
      reader.next_batch(rows);
    } catch (const Error& e) {
      threw = true;
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].line == 3);
    }
    CHECK(threw);
  }
}

TEST_CASE("csv: read error exits 74") {
  char path[] = "/tmp/kaohe_csv_test_XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  // The descriptor must be write-only: glibc reads large blocks straight
  // from it, bypassing the stream's mode.
  std::FILE* write_only = std::fopen(path, "w");
  REQUIRE(write_only != nullptr);
  CsvReader reader("w.csv", write_only);
  CsvRow row;
  bool threw = false;
  try {
    reader.next(row);
  } catch (const Error& e) {
    threw = true;
    CHECK(e.exit_code() == kExitIoErr);
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "w.csv");
    CHECK(e.diagnostics()[0].message.rfind("read error", 0) == 0);
  }
  CHECK(threw);
  std::fclose(write_only);
  std::remove(path);
}

}  // namespace
}  // namespace kaohe
