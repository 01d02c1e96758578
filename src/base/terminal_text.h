// Text from the inputs made safe to show on a terminal: a unit name, an id,
// a note or an echoed input line may hold ESC, OSC, CR, BS or a bidi
// override, which raw would let a CSV file clear the screen, hide rank 1
// or set the window title. The table, explain, diff and every diagnostic
// show such characters escaped instead.
#pragma once

#include <string>
#include <string_view>

namespace kaohe {

// `text` with every C0 control (U+0000..U+001F, tab included: it would
// break the alignment), DEL, C1 control (U+0080..U+009F) and bidi control
// (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) written as
// `\xHH` (one byte) or `\u{HHHH}`; everything else, backslashes included,
// as it is. Bytes that are not UTF-8 are kept (they are checked on input).
std::string terminal_safe(std::string_view text);

// Whether terminal_safe would change `text`.
bool needs_terminal_escape(std::string_view text);

}  // namespace kaohe
