#pragma once
// UTF-8, one code point at a time (search folding, the fonts' glyph sets).
#include <cstdint>
#include <string>
#include <string_view>

namespace atlas {

// The code point at s[i], advancing i; invalid bytes are taken one at a time as U+FFFD.
std::uint32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace atlas
