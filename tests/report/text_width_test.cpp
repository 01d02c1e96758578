// Unit tests for display_width and the wrapping of text to a width
// (report/text_width.h): CJK counts two, breaks fall between CJK
// characters or after spaces, never before closing punctuation.
#include "report/text_width.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kaohe {

using Lines = std::vector<std::string>;

TEST_CASE("display_width counts CJK as two, combining marks as none") {
  CHECK(display_width("") == 0);
  CHECK(display_width("total") == 5);
  CHECK(display_width("目标考核") == 8);
  CHECK(display_width("e\xcc\x81") == 1);         // e + U+0301
  CHECK(display_width("\xff") == 1);              // an invalid byte
  CHECK(display_width("\xe7\x9b") == 2);          // a cut-off sequence: a column a byte
  CHECK(display_width("\\x09") == 4);             // an escaped tab (terminal_safe)
}

TEST_CASE("wrap_text keeps text that fits, unchanged") {
  CHECK(wrap_text("西村党支部", 10) == Lines{"西村党支部"});
  CHECK(wrap_text(" 东村 ", 6) == Lines{" 东村 "});
  CHECK(wrap_text("", 3) == Lines{""});
}

TEST_CASE("wrap_text breaks between CJK characters and after spaces") {
  CHECK(wrap_text("纳入议事日程和目标管理", 8) == Lines{"纳入议事", "日程和目", "标管理"});
  CHECK(wrap_text("gate below eighty", 10) == Lines{"gate below", "eighty"});
  CHECK(wrap_text("王建国 (道里区)", 8) == Lines{"王建国", "(道里区)"});
  for (const std::string& l : wrap_text("市卫生健康委员会 (第二批)", 7)) {
    CHECK(display_width(l) <= 7);
  }
}

TEST_CASE("wrap_text never starts a line with closing punctuation") {
  // 会 could end the first line, but the comma would then start the next.
  CHECK(wrap_text("述职会，测评", 6) == Lines{"述职", "会，测", "评"});
  CHECK(wrap_text("名额30%:先进", 8) == Lines{"名额30%:", "先进"});
}

TEST_CASE("wrap_text cuts a run without a place to break, and a character too wide") {
  CHECK(wrap_text("abcdefgh", 3) == Lines{"abc", "def", "gh"});
  CHECK(wrap_text("目标", 1) == Lines{"目", "标"});
  CHECK(wrap_text("ab", 0) == Lines{"a", "b"});
}

TEST_CASE("wrap_even balances the lines") {
  CHECK(wrap_text("取消评选先进资格", 14) == Lines{"取消评选先进资", "格"});
  CHECK(wrap_even("取消评选先进资格", 14) == Lines{"取消评选", "先进资格"});
  CHECK(wrap_even("组织指导", 6) == Lines{"组织", "指导"});
  CHECK(wrap_even("组织指导", 8) == Lines{"组织指导"});
}

TEST_CASE("wrap_words breaks at spaces while a line has one") {
  const std::string note = "parts not shown: 指标考核, 公众评议";
  CHECK(wrap_text(note, 24) == Lines{"parts not shown: 指标考", "核, 公众评议"});
  CHECK(wrap_words(note, 24) == Lines{"parts not shown:", "指标考核, 公众评议"});
  CHECK(wrap_words("abcdefgh", 3) == Lines{"abc", "def", "gh"});
}

TEST_CASE("shorten_text cuts past the last line with ..") {
  CHECK(shorten_text("纳入议事日程和目标管理", 8, 2) == Lines{"纳入议事", "日程和.."});
  CHECK(shorten_text("组织指导", 6, 2) == Lines{"组织指", "导"});
  CHECK(shorten_text("abcdefghij", 4, 1) == Lines{"ab.."});
  CHECK(needs_shortening("纳入议事日程和目标管理", 8, 2));
  CHECK_FALSE(needs_shortening("纳入议事日程和目标管理", 12, 2));
  for (const std::string& l : shorten_text("传达贯彻中央和省委部署", 7, 2)) {
    CHECK(display_width(l) <= 7);
  }
}

}  // namespace kaohe
